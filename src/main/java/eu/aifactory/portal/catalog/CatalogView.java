package eu.aifactory.portal.catalog;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppSummary;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The catalog page: search, facets, sort, the tiles in a virtualized grid and the detail of the selected
 * application. It only binds to {@link CatalogViewModel}; nothing here talks to the factory.
 */
public final class CatalogView extends BorderPane {

    static final double TILE_WIDTH = 250;
    static final double TILE_HEIGHT = 158;
    static final double GRID_CELL_SPACING = 6;
    /** The grid's padding and vertical scroll bar beside its columns. */
    static final double GRID_CHROME = 36;
    static final double DETAIL_MIN_WIDTH = 620;

    private final CatalogViewModel viewModel;
    private final I18n i18n;
    private final CatalogLabels labels;
    private final ObjectProperty<BiConsumer<AppDetail, AppVersion>> onSubmitRequested =
            new SimpleObjectProperty<>(this, "onSubmitRequested");

    private final CustomTextField search = new CustomTextField();
    private final GridView<AppSummary> grid;
    private final CatalogDetailPane detailPane;
    private final SplitPane split = new SplitPane();

    public CatalogView(CatalogViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.labels = new CatalogLabels(i18n);
        setId("catalogView");
        getStyleClass().add("catalog");
        getStylesheets().add(Objects.requireNonNull(CatalogView.class.getResource("catalog.css")).toExternalForm());

        grid = new GridView<>(viewModel.apps());
        grid.setId("catalogGrid");
        grid.setCellWidth(TILE_WIDTH);
        grid.setCellHeight(TILE_HEIGHT);
        grid.setHorizontalCellSpacing(GRID_CELL_SPACING);
        grid.setVerticalCellSpacing(GRID_CELL_SPACING);
        grid.setCellFactory(view -> new AppTile(viewModel, labels, i18n.localeProperty(), this::open));
        grid.setSkin(new CatalogGridSkin<>(grid));

        detailPane = new CatalogDetailPane(viewModel, labels, i18n, onSubmitRequested);

        setTop(new VBox(offlineBanner(), toolbar()));
        FacetPanel facets = new FacetPanel(viewModel, labels, i18n);
        split.setOrientation(Orientation.HORIZONTAL);
        split.getItems().setAll(content());
        split.setId("catalogSplit");
        SplitPane.setResizableWithParent(facets, false);
        setLeft(facets);
        // Facets of a catalog that is not there yet would be empty headings.
        facets.visibleProperty().bind(viewModel.stateProperty().isNotEqualTo(CatalogState.LOADING)
                .and(viewModel.stateProperty().isNotEqualTo(CatalogState.ERROR)));
        facets.managedProperty().bind(facets.visibleProperty());
        setCenter(split);

        viewModel.selectedAppProperty().addListener((obs, old, now) -> showDetail(now != null));
        split.widthProperty().addListener((obs, old, now) -> fitDivider());
        // Escape closes the detail from anywhere on the page; in a non-empty search field it clears the text first.
        addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && viewModel.selectedAppProperty().get() != null) {
                viewModel.selectedAppProperty().set(null);
                event.consume();
            }
        });
        showDetail(viewModel.selectedAppProperty().get() != null);
    }

    /** Called by the shell when the page is shown: the first time, this loads the catalog. */
    public void onShow() {
        viewModel.loadIfNeeded();
    }

    /** Ctrl+K: puts the cursor into the search field with its text selected, ready to type over. */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /**
     * What "Submit workload" does with the chosen application and version. While null the button is disabled and
     * says that submitting comes with the Workloads page.
     */
    public ObjectProperty<BiConsumer<AppDetail, AppVersion>> onSubmitRequestedProperty() {
        return onSubmitRequested;
    }

    public void setOnSubmitRequested(BiConsumer<AppDetail, AppVersion> handler) {
        onSubmitRequested.set(handler);
    }

    /** Removes "Submit workload" for a user whose role does not submit (an account manager reads the catalog). */
    public void hideSubmit() {
        detailPane.submitShownProperty().set(false);
    }

    public CatalogViewModel viewModel() {
        return viewModel;
    }

    /**
     * Opens an application's detail and keeps the keyboard on its tile. Showing the detail narrows the grid, which
     * then rebuilds its rows and would drop the focus; so the layout runs now and the new tile takes the focus.
     */
    private void open(AppSummary app) {
        viewModel.selectedAppProperty().set(app);
        applyCss();
        layout();
        tiles().filter(tile -> tile.getItem() != null && tile.getItem().id().equals(app.id()))
                .findFirst()
                .ifPresent(Node::requestFocus);
    }

    /** The tiles on screen; the grid also keeps spare, hidden ones. */
    private Stream<AppTile> tiles() {
        return grid.lookupAll(".app-tile").stream()
                .filter(node -> node instanceof AppTile && shownInside(node, grid))
                .map(node -> (AppTile) node)
                .filter(tile -> !tile.isEmpty());
    }

    private void showDetail(boolean show) {
        if (show && !split.getItems().contains(detailPane)) {
            split.getItems().add(detailPane);
            fitDivider();
        } else if (!show) {
            split.getItems().remove(detailPane);
        }
    }

    /**
     * Places the divider so the grid shows whole columns of tiles and the detail keeps at least
     * {@link #DETAIL_MIN_WIDTH}, enough for the parameter table in German.
     */
    private void fitDivider() {
        double width = split.getWidth();
        if (width <= 0 || split.getItems().size() < 2) {
            return;
        }
        double column = TILE_WIDTH + 2 * GRID_CELL_SPACING;
        int columns = (int) Math.max(1, Math.floor((width - DETAIL_MIN_WIDTH - GRID_CHROME) / column));
        double gridWidth = columns * column + GRID_CHROME;
        split.setDividerPositions(Math.min(0.7, gridWidth / width));
    }

    // ---- top: offline banner and toolbar --------------------------------------------------------------------

    private Node offlineBanner() {
        FontIcon icon = new FontIcon(Material2AL.CLOUD_OFF);
        icon.getStyleClass().add("banner-icon");
        Label text = new Label();
        text.setId("offlineText");
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            var asOf = viewModel.asOfProperty().get();
            return i18n.get("catalog.offline.banner", asOf == null ? "" : Formats.dateTime(asOf, i18n.locale()));
        }, viewModel.asOfProperty(), i18n.localeProperty()));
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(18, 18);
        busy.visibleProperty().bind(viewModel.reloadingProperty());
        busy.managedProperty().bind(busy.visibleProperty());

        Button retry = new Button();
        retry.setId("retryButton");
        retry.setGraphic(new FontIcon(Material2MZ.REFRESH));
        retry.textProperty().bind(i18n.binding("catalog.retry"));
        retry.getStyleClass().add(Styles.BUTTON_OUTLINED);
        retry.setMinWidth(Region.USE_PREF_SIZE);
        retry.disableProperty().bind(viewModel.reloadingProperty());
        retry.setOnAction(event -> viewModel.reload());

        HBox banner = new HBox(10, icon, text, busy, retry);
        banner.setId("offlineBanner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("offline-banner");
        banner.visibleProperty().bind(viewModel.offlineProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private Node toolbar() {
        search.setId("catalogSearch");
        search.promptTextProperty().bind(i18n.binding("catalog.search.prompt"));
        search.setLeft(new FontIcon(Material2MZ.SEARCH));
        search.textProperty().bindBidirectional(viewModel.searchTextProperty());
        search.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.DOWN) {
                viewModel.filterNow();
                focusFirstTile();
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                viewModel.filterNow();
                event.consume();
            }
        });
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setMaxWidth(640);

        Label sortLabel = new Label();
        sortLabel.textProperty().bind(i18n.binding("catalog.sort.label"));
        ComboBox<CatalogSort> sort = new ComboBox<>();
        sort.setId("catalogSort");
        sort.getItems().setAll(CatalogSort.values());
        sort.valueProperty().bindBidirectional(viewModel.sortProperty());
        sort.setCellFactory(list -> new SortCell());
        sort.setButtonCell(new SortCell());
        sortLabel.setLabelFor(sort);

        Label count = new Label();
        count.setId("resultCount");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.setMinWidth(Region.USE_PREF_SIZE);
        count.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.get("catalog.results", viewModel.apps().size(), viewModel.totalCountProperty().get()),
                viewModel.apps(), viewModel.totalCountProperty(), i18n.localeProperty()));
        count.visibleProperty().bind(viewModel.stateProperty().isEqualTo(CatalogState.READY)
                .or(viewModel.stateProperty().isEqualTo(CatalogState.EMPTY)));

        Region spring = new Region();
        HBox.setHgrow(spring, Priority.SOMETIMES);
        HBox bar = new HBox(10, search, count, spring, sortLabel, sort);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("catalog-toolbar");
        return bar;
    }

    /** Focuses the top-left tile on screen. */
    private void focusFirstTile() {
        tiles().min(Comparator.comparingDouble((Node node) -> node.localToScene(0, 0).getY())
                        .thenComparingDouble(node -> node.localToScene(0, 0).getX()))
                .ifPresent(Node::requestFocus);
    }

    private static boolean shownInside(Node node, Node ancestor) {
        for (Node current = node; current != null && current != ancestor; current = current.getParent()) {
            if (!current.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private final class SortCell extends ListCell<CatalogSort> {
        SortCell() {
            i18n.onSwitch(this, () -> render(getItem(), isEmpty()));
        }

        @Override
        protected void updateItem(CatalogSort item, boolean empty) {
            super.updateItem(item, empty);
            render(item, empty);
        }

        private void render(CatalogSort item, boolean empty) {
            setText(empty || item == null ? null : switch (item) {
                case NAME -> i18n.get("catalog.sort.name");
                case PRICE -> i18n.get("catalog.sort.price");
                case POPULARITY -> i18n.get("catalog.sort.popularity");
            });
        }
    }

    // ---- centre: tiles and the designed states --------------------------------------------------------------

    private Node content() {
        Node loading = loadingState();
        Node empty = emptyState();
        Node error = errorState();
        grid.visibleProperty().bind(viewModel.stateProperty().isEqualTo(CatalogState.READY));
        loading.visibleProperty().bind(viewModel.stateProperty().isEqualTo(CatalogState.LOADING));
        empty.visibleProperty().bind(viewModel.stateProperty().isEqualTo(CatalogState.EMPTY));
        error.visibleProperty().bind(viewModel.stateProperty().isEqualTo(CatalogState.ERROR));
        StackPane content = new StackPane(grid, loading, empty, error);
        content.setId("catalogContent");
        content.getStyleClass().add("catalog-content");
        return content;
    }

    private Node loadingState() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        Label text = new Label();
        text.textProperty().bind(i18n.binding("catalog.loading"));
        return state("catalogLoading", spinner, text);
    }

    private Node emptyState() {
        FontIcon icon = new FontIcon(Material2MZ.SEARCH_OFF);
        icon.getStyleClass().add("state-icon");
        Label title = new Label();
        title.setId("emptyMessage");
        title.getStyleClass().addAll(Styles.TITLE_4, "state-title");
        title.setWrapText(true);
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            String query = viewModel.searchTextProperty().get().strip();
            return query.isEmpty() ? i18n.get("catalog.empty.filters") : i18n.get("catalog.empty.title", query);
        }, viewModel.searchTextProperty(), i18n.localeProperty()));
        Label hint = new Label();
        hint.textProperty().bind(i18n.binding("catalog.empty.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        Button reset = new Button();
        reset.setId("resetFilters");
        reset.setGraphic(new FontIcon(Material2AL.CLEAR_ALL));
        reset.textProperty().bind(i18n.binding("catalog.resetFilters"));
        reset.getStyleClass().add(Styles.ACCENT);
        reset.setOnAction(event -> {
            viewModel.resetFilters();
            focusSearch();
        });
        return state("catalogEmpty", icon, title, hint, reset);
    }

    private Node errorState() {
        FontIcon icon = new FontIcon(Material2AL.CLOUD_OFF);
        icon.getStyleClass().add("state-icon");
        Label title = new Label();
        title.textProperty().bind(i18n.binding("catalog.error.title"));
        title.getStyleClass().addAll(Styles.TITLE_4, "state-title");
        title.setWrapText(true);
        Label message = new Label();
        message.setId("errorMessage");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(Bindings.createStringBinding(() -> {
            LoadProblem problem = viewModel.problemProperty().get();
            if (problem == null) {
                return "";
            }
            return problem.unreachable() ? i18n.get("catalog.error.unreachable")
                    : i18n.get("catalog.error.failed", problem.detail());
        }, viewModel.problemProperty(), i18n.localeProperty()));
        icon.iconCodeProperty().bind(Bindings.createObjectBinding(() -> {
            LoadProblem problem = viewModel.problemProperty().get();
            return problem != null && !problem.unreachable() ? Material2AL.ERROR_OUTLINE : Material2AL.CLOUD_OFF;
        }, viewModel.problemProperty()));
        Button retry = new Button();
        retry.setId("errorRetryButton");
        retry.setGraphic(new FontIcon(Material2MZ.REFRESH));
        retry.textProperty().bind(i18n.binding("catalog.retry"));
        retry.getStyleClass().add(Styles.ACCENT);
        retry.disableProperty().bind(viewModel.reloadingProperty());
        retry.setOnAction(event -> viewModel.reload());
        return state("catalogError", icon, title, message, retry);
    }

    private static VBox state(String id, Node... children) {
        VBox box = new VBox(12, children);
        box.setId(id);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(460);
        box.getStyleClass().add("catalog-state");
        StackPane.setAlignment(box, Pos.CENTER);
        return box;
    }
}
