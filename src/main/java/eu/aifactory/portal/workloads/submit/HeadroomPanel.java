package eu.aifactory.portal.workloads.submit;

import atlantafx.base.theme.Styles;
import eu.aifactory.portal.i18n.I18n;
import java.util.Locale;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The compact budget and quota strip of the submit dialog; its colour follows the {@link HeadroomViewModel.Level}. */
public final class HeadroomPanel extends VBox {

    public HeadroomPanel(HeadroomViewModel viewModel, I18n i18n) {
        setId("submit-headroom");
        getStyleClass().add("submit-headroom");
        getStylesheets().add(java.util.Objects.requireNonNull(
                HeadroomPanel.class.getResource("/eu/aifactory/portal/workloads/headroom.css")).toExternalForm());
        setSpacing(3);

        FontIcon icon = new FontIcon(Material2OutlinedAL.ACCOUNT_BALANCE_WALLET);
        Label budget = new Label();
        budget.setId("headroom-budget");
        budget.setGraphic(icon);
        budget.setWrapText(true);
        budget.textProperty().bind(viewModel.budgetTextProperty());
        budget.setMinWidth(0);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Hyperlink refresh = new Hyperlink();
        refresh.setId("headroom-refresh");
        refresh.textProperty().bind(i18n.binding("headroom.refresh"));
        refresh.setOnAction(event -> viewModel.refresh());
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, budget, spring, refresh);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Label quota = new Label();
        quota.setId("headroom-quota");
        quota.setGraphic(new FontIcon(Material2OutlinedMZ.MEMORY));
        quota.textProperty().bind(viewModel.quotaTextProperty());
        quota.getStyleClass().add(Styles.TEXT_MUTED);
        quota.setWrapText(true);
        quota.setMinHeight(Region.USE_PREF_SIZE);
        quota.visibleProperty().bind(viewModel.quotaTextProperty().isNotEmpty());
        quota.managedProperty().bind(quota.visibleProperty());

        Label notice = new Label();
        notice.setId("headroom-notice");
        notice.setWrapText(true);
        notice.setMinHeight(Region.USE_PREF_SIZE);
        notice.getStyleClass().add("headroom-notice");
        notice.textProperty().bind(viewModel.noticeProperty());
        notice.visibleProperty().bind(viewModel.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setGraphic(new FontIcon(Material2OutlinedAL.ERROR_OUTLINE));

        getChildren().setAll(top, quota, notice);
        apply(viewModel.levelProperty().get());
        viewModel.levelProperty().addListener((obs, old, now) -> apply(now));
    }

    private void apply(HeadroomViewModel.Level level) {
        getStyleClass().removeAll("unknown", "ok", "warn", "blocked");
        getStyleClass().add(level.name().toLowerCase(Locale.ROOT));
    }
}
