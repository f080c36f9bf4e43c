package eu.aifactory.portal.catalog;

import eu.aifactory.api.catalog.AppSummary;
import eu.aifactory.portal.common.Hyphens;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import org.kordamp.ikonli.javafx.FontIcon;

/** One application in the grid: name, vendor, category, GPU class and price from. Click, Enter or Space opens it. */
final class AppTile extends GridCell<AppSummary> {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    /** Longer words than this do not fit a tile's width in the regular title font and get a smaller one. */
    private static final int LONG_WORD = 21;

    private final CatalogViewModel viewModel;
    private final CatalogLabels labels;

    private final FontIcon icon = new FontIcon();
    private final Label name = new Label();
    private final Label vendor = new Label();
    private final Label category = new Label();
    private final Label gpuBadge = new Label();
    private final Label price = new Label();
    private final VBox card;
    private final InvalidationListener selectionListener = obs -> updateSelected();
    private final InvalidationListener localeListener = obs -> render();

    AppTile(CatalogViewModel viewModel, CatalogLabels labels, ObservableValue<?> locale, Consumer<AppSummary> open) {
        this.viewModel = viewModel;
        this.labels = labels;
        getStyleClass().add("app-tile");

        StackPane iconBox = new StackPane(icon);
        iconBox.getStyleClass().add("tile-icon");
        category.getStyleClass().add("tile-category");
        category.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(category, Priority.ALWAYS);
        gpuBadge.getStyleClass().add("gpu-badge");
        gpuBadge.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(8, iconBox, category);
        header.setAlignment(Pos.CENTER_LEFT);

        // The name gets the tile's full width: German compounds such as "Werkzeugverschleißüberwachung" need it.
        name.getStyleClass().add("tile-name");
        name.setWrapText(true);
        vendor.getStyleClass().add("tile-vendor");
        price.getStyleClass().add("tile-price");
        price.setMinWidth(Region.USE_PREF_SIZE);
        Region fill = new Region();
        VBox.setVgrow(fill, Priority.ALWAYS);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox footer = new HBox(8, gpuBadge, spring, price);
        footer.setAlignment(Pos.CENTER_LEFT);
        card = new VBox(6, header, name, vendor, fill, footer);
        card.getStyleClass().add("tile-card");

        setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && !isEmpty()) {
                open.accept(getItem());
            }
        });
        setOnKeyPressed(event -> {
            if ((event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.SPACE) && !isEmpty()) {
                open.accept(getItem());
                event.consume();
            }
        });
        // The grid throws its cells away whenever the result changes, so a tile must not be kept alive by
        // listeners on the long-lived selection and language: weak listeners, held strongly by the tile itself.
        viewModel.selectedAppProperty().addListener(new WeakInvalidationListener(selectionListener));
        locale.addListener(new WeakInvalidationListener(localeListener));
    }

    @Override
    protected void updateItem(AppSummary app, boolean empty) {
        super.updateItem(app, empty);
        render();
    }

    private void render() {
        AppSummary app = getItem();
        // The card stays the graphic even while the cell is empty: taking it out and putting it back in would make
        // JavaFX style its whole subtree from scratch each time.
        if (getGraphic() != card) {
            setGraphic(card);
        }
        setText(null);
        setFocusTraversable(!isEmpty() && app != null);
        if (isEmpty() || app == null) {
            name.setId(null);
            card.setVisible(false);
            updateSelected();
            return;
        }
        card.setVisible(true);
        // The id for tests sits on the name, not on the tile: changing a node's id re-applies CSS to everything
        // below it, and the tile is re-bound to another application on every keystroke.
        name.setId("tile-" + app.id());
        icon.setIconCode(CatalogIcons.category(app.category()));
        String title = app.name().in(labels.locale());
        name.setText(Hyphens.breakAfter(title));
        boolean longName = longestWord(title) > LONG_WORD;
        if (longName != name.getStyleClass().contains("tile-name-long")) {
            if (longName) {
                name.getStyleClass().add("tile-name-long");
            } else {
                name.getStyleClass().remove("tile-name-long");
            }
        }
        vendor.setText(app.vendor());
        category.setText(labels.category(app.category()));
        gpuBadge.setText(labels.gpuClass(app.gpuClass()));
        // Only a real change of style class: any change makes JavaFX re-apply all CSS to the badge.
        String gpuStyle = "gpu-class-" + app.gpuClass();
        if (!gpuBadge.getStyleClass().contains(gpuStyle)) {
            gpuBadge.getStyleClass().removeIf(style -> style.startsWith("gpu-class-"));
            gpuBadge.getStyleClass().add(gpuStyle);
        }
        price.setText(labels.priceFrom(app.priceFromEurPerHour()));
        updateSelected();
    }

    private static int longestWord(String text) {
        int longest = 0;
        for (String word : text.split("[\\s-]+")) {
            longest = Math.max(longest, word.length());
        }
        return longest;
    }

    private void updateSelected() {
        AppSummary selected = viewModel.selectedAppProperty().get();
        pseudoClassStateChanged(SELECTED, !isEmpty() && selected != null && getItem() != null
                && selected.id().equals(getItem().id()));
    }
}
