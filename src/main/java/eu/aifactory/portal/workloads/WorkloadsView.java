package eu.aifactory.portal.workloads;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.client.ApiException;
import eu.aifactory.client.FactoryClient.ConnectionState;
import eu.aifactory.client.FactoryUnreachableException;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.common.TableLayout;
import eu.aifactory.portal.common.TaskHandle;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Workloads page: quick filters and search above a virtualized table that loads further pages as the user
 * scrolls to its end, and the selected workload's detail below. Rows change in place as events arrive; the selection
 * and the open detail stay.
 */
public final class WorkloadsView extends BorderPane {

    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private final WorkloadsViewModel viewModel;
    private final WorkloadsFeature feature;
    private final I18n i18n;
    private final TableView<Workload> table = new TableView<>();
    private final TextField search = new TextField();
    private final StackPane detailHost = new StackPane();
    private final SplitPane split = new SplitPane();
    private final Label problem = new Label();
    private final ChangeListener<CatalogNames> namesListener = (obs, old, now) -> table.refresh();
    private WorkloadDetailView detail;
    private TaskHandle clock = TaskHandle.NONE;
    private boolean syncing;

    WorkloadsView(WorkloadsViewModel viewModel, WorkloadsFeature feature, I18n i18n) {
        this.viewModel = viewModel;
        this.feature = feature;
        this.i18n = i18n;
        setId("workloads");
        getStyleClass().add("workloads");
        getStylesheets().add(Objects.requireNonNull(
                WorkloadsView.class.getResource("/eu/aifactory/portal/workloads/workloads.css")).toExternalForm());
        setTop(toolbar());
        buildTable();
        split.setOrientation(Orientation.VERTICAL);
        split.setId("workloads-split");
        split.getItems().setAll(table);
        detailHost.setId("workloads-detail-host");
        setCenter(split);
        setBottom(statusBar());
        // Durations of running workloads grow while nobody looks at the factory.
        clock = feature.context().executor().repeat(Duration.ofSeconds(15), table::refresh);
    }

    public TableView<Workload> table() {
        return table;
    }

    /** The detail on screen, or null. */
    public WorkloadDetailView detail() {
        return detail;
    }

    void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private Node toolbar() {
        ToggleButton mine = filter("filter-mine", "workloads.filter.mine", viewModel.mineProperty());
        ToggleButton running = filter("filter-running", "workloads.filter.running", viewModel.runningProperty());
        ToggleButton failed = filter("filter-failed", "workloads.filter.failed", viewModel.failedProperty());
        ToggleButton recent = filter("filter-24h", "workloads.filter.last24h", viewModel.last24hProperty());
        HBox filters = new HBox(mine, running, failed, recent);
        filters.getStyleClass().add("filter-group");

        search.setId("workloads-search");
        search.promptTextProperty().bind(i18n.binding("workloads.search.prompt"));
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        search.setPrefColumnCount(22);

        Label live = new Label();
        live.setId("workloads-live");
        live.getStyleClass().add("live-indicator");
        live.textProperty().bind(Bindings.createStringBinding(() -> {
            if (viewModel.pollingProperty().get()) {
                return i18n.get("workloads.live.polling");
            }
            return feature.events().stateProperty().get() == ConnectionState.CONNECTED
                    ? i18n.get("workloads.live.connected") : i18n.get("workloads.live.reconnecting");
        }, viewModel.pollingProperty(), feature.events().stateProperty(), i18n.localeProperty()));
        live.setGraphic(new FontIcon(Material2AL.FIBER_MANUAL_RECORD));
        live.setMinWidth(Region.USE_PREF_SIZE);
        feature.events().stateProperty().addListener((obs, old, now) -> liveStyle(live));
        liveStyle(live);

        Button refresh = new Button();
        refresh.setId("workloads-refresh");
        refresh.setGraphic(new FontIcon(Material2MZ.REFRESH));
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        Tooltip refreshTip = new Tooltip();
        refreshTip.textProperty().bind(i18n.binding("workloads.refresh"));
        refresh.setTooltip(refreshTip);
        refresh.setOnAction(event -> viewModel.reload());

        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bar = new HBox(12, filters, search, spring, live, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("workloads-toolbar");
        return bar;
    }

    private void liveStyle(Label live) {
        live.getStyleClass().removeAll("live-on", "live-off");
        live.getStyleClass().add(feature.events().stateProperty().get() == ConnectionState.CONNECTED ? "live-on" : "live-off");
    }

    private ToggleButton filter(String id, String key, javafx.beans.property.BooleanProperty property) {
        ToggleButton button = new ToggleButton();
        button.setId(id);
        button.textProperty().bind(i18n.binding(key));
        button.selectedProperty().bindBidirectional(property);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    /** Columns of names and sentences; they shorten first, with the whole text on hover. */
    private static final Set<String> FREE_TEXT = Set.of("col-status", "col-name", "col-app", "col-project", "col-plan");

    private void buildTable() {
        table.setId("workloads-table");
        i18n.onSwitch(table, () -> {
            table.refresh();
            viewModel.languageSwitched();
        });
        table.setItems(viewModel.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setTableMenuButtonVisible(true);
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        Label empty = new Label();
        empty.textProperty().bind(Bindings.createStringBinding(() -> viewModel.loadingProperty().get()
                ? i18n.get("workloads.table.loading") : viewModel.failureProperty().get() != null
                ? problemText(viewModel.failureProperty().get(), i18n) : i18n.get("workloads.table.empty"),
                viewModel.loadingProperty(), viewModel.failureProperty(), i18n.localeProperty()));
        table.setPlaceholder(empty);

        TableColumn<Workload, Workload> status = new TableColumn<>();
        status.setId("col-status");
        status.textProperty().bind(i18n.binding("workloads.col.status"));
        status.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        status.setCellFactory(column -> new StatusCell());
        status.setPrefWidth(210);
        serverSorted(status, "status");

        Me me = feature.session().me();
        ReadOnlyObjectProperty<CatalogNames> names = feature.catalogNames();
        names.addListener(namesListener);
        table.getColumns().setAll(List.of(status,
                column("col-name", "workloads.col.name", 200, Workload::name),
                serverSorted(column("col-app", "workloads.col.app", 180,
                        w -> names.get().app(w.appId(), i18n.locale()) + " " + w.appVersion()), "appId"),
                column("col-project", "workloads.col.project", 140, w -> projectName(me, w.projectId())),
                column("col-submittedBy", "workloads.col.submittedBy", 130, Workload::submittedByName),
                column("col-plan", "workloads.col.plan", 130, w -> names.get().plan(w.planId(), i18n.locale())),
                serverSorted(column("col-started", "workloads.col.started", 130,
                        w -> w.startedAt() == null ? "—" : SHORT_TIME.withLocale(i18n.locale()).format(w.startedAt())),
                        "startedAt"),
                column("col-duration", "workloads.col.duration", 90, this::durationText),
                serverSorted(numberColumn("col-cost", "workloads.col.cost", 90,
                        w -> w.costEur() == null ? "—" : Formats.eur(w.costEur(), i18n.locale())), "costEur"),
                serverSorted(numberColumn("col-energy", "workloads.col.energy", 90,
                        w -> w.energyKwh() == null ? "—" : Formats.kwh(w.energyKwh(), i18n.locale())), "energyKwh")));
        table.getColumns().stream().filter(c -> FREE_TEXT.contains(c.getId())).forEach(TableLayout::freeText);
        TableLayout.readable(table);
        // A header click asks the factory for the order; the loaded rows are never sorted here.
        table.setSortPolicy(t -> {
            viewModel.sortProperty().set(WorkloadSort.of(t.getSortOrder().isEmpty() ? null
                    : (String) t.getSortOrder().get(0).getProperties().get(WorkloadSort.KEY),
                    t.getSortOrder().isEmpty() || t.getSortOrder().get(0).getSortType() == TableColumn.SortType.ASCENDING));
            return true;
        });

        table.setRowFactory(view -> {
            TableRow<Workload> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && row.getItem() != null) {
                    showDetail(row.getItem());
                }
            });
            return row;
        });

        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (syncing || viewModel.isReplacing()) {
                return;
            }
            syncing = true;
            try {
                viewModel.selectedProperty().set(now);
            } finally {
                syncing = false;
            }
            if (now != null) {
                showDetail(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            if (syncing) {
                return;
            }
            syncing = true;
            try {
                selectInTable(now);
            } finally {
                syncing = false;
            }
        });
        viewModel.rows().addListener((ListChangeListener<Workload>) change -> {
            Workload chosen = viewModel.selectedProperty().get();
            if (chosen != null && !viewModel.isReplacing()) {
                Workload inTable = table.getSelectionModel().getSelectedItem();
                if (inTable == null || !inTable.id().equals(chosen.id())) {
                    syncing = true;
                    try {
                        selectInTable(chosen);
                    } finally {
                        syncing = false;
                    }
                }
            }
        });
        table.skinProperty().addListener((obs, old, now) -> watchScrollEnd());
    }

    private void selectInTable(Workload workload) {
        if (workload == null) {
            table.getSelectionModel().clearSelection();
            return;
        }
        int index = -1;
        for (int i = 0; i < viewModel.rows().size(); i++) {
            if (viewModel.rows().get(i).id().equals(workload.id())) {
                index = i;
                break;
            }
        }
        if (index >= 0) {
            table.getSelectionModel().clearAndSelect(index);
        }
    }

    /** Loads the next page when the user scrolls to the last rows. */
    private void watchScrollEnd() {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        if (flow == null) {
            return;
        }
        flow.positionProperty().addListener((obs, old, now) -> {
            if (now.doubleValue() >= 0.98 && viewModel.hasMoreProperty().get()) {
                viewModel.loadMore();
            }
        });
    }

    private String durationText(Workload w) {
        if (w.startedAt() == null) {
            return "—";
        }
        Instant end = w.endedAt() != null ? w.endedAt() : Instant.now();
        return WorkloadFormats.duration(Duration.between(w.startedAt(), end), i18n);
    }

    static String projectName(Me me, String projectId) {
        return me.projects().stream().filter(p -> p.id().equals(projectId)).map(Me.Project::name).findFirst()
                .orElse(projectId);
    }

    private TableColumn<Workload, String> column(String id, String key, double width, Function<Workload, String> text) {
        TableColumn<Workload, String> column = new TableColumn<>();
        column.setId(id);
        column.textProperty().bind(i18n.binding(key));
        column.setCellValueFactory(data -> Bindings.createStringBinding(() -> {
            String value = text.apply(data.getValue());
            return value == null ? "" : value;
        }, i18n.localeProperty()));
        column.setPrefWidth(width);
        // The table holds only the pages loaded so far; sorting them locally would mislead.
        column.setSortable(false);
        return column;
    }

    /** Makes a column sortable by the factory under {@code key} (the wire name of the list's sort parameter). */
    private static <T> TableColumn<Workload, T> serverSorted(TableColumn<Workload, T> column, String key) {
        column.setSortable(true);
        column.getProperties().put(WorkloadSort.KEY, key);
        return column;
    }

    private TableColumn<Workload, String> numberColumn(String id, String key, double width, Function<Workload, String> text) {
        TableColumn<Workload, String> column = column(id, key, width, text);
        column.getStyleClass().add("number-column");
        return column;
    }

    private Node statusBar() {
        Label count = new Label();
        count.setId("workloads-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(viewModel.hasMoreProperty().get()
                ? "workloads.table.countMore" : "workloads.table.count", viewModel.rows().size()),
                viewModel.rows(), viewModel.hasMoreProperty(), i18n.localeProperty()));
        Button more = new Button();
        more.setId("workloads-load-more");
        more.textProperty().bind(i18n.binding("workloads.table.loadMore"));
        more.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        more.visibleProperty().bind(viewModel.hasMoreProperty());
        more.disableProperty().bind(viewModel.loadingProperty());
        more.setOnAction(event -> viewModel.loadMore());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(viewModel.loadingProperty());

        problem.setId("workloads-problem");
        problem.getStyleClass().add("workloads-problem");
        viewModel.failureProperty().addListener((obs, old, now) -> showProblem(now));
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bar = new HBox(10, count, more, busy, spring, problem);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("workloads-statusbar");
        return bar;
    }

    void showProblem(Throwable failure) {
        problem.setText(failure == null ? "" : problemText(failure, i18n));
    }

    static String problemText(Throwable failure, I18n i18n) {
        if (failure instanceof FactoryUnreachableException) {
            return i18n.get("workloads.problem.unreachable");
        }
        if (failure instanceof ApiException api) {
            String detail = api.problem().detail();
            return i18n.get("workloads.problem.answer", detail != null && !detail.isBlank() ? detail : api.problem().title());
        }
        return i18n.get("workloads.problem.other");
    }

    /** Selects the workload in the table when it is there, and opens its detail. */
    void open(Workload workload) {
        selectInTable(workload);
        showDetail(workload);
    }

    private void showDetail(Workload workload) {
        if (detail != null && detail.viewModel().workloadId().equals(workload.id())) {
            return;
        }
        closeDetail();
        WorkloadDetailViewModel model = new WorkloadDetailViewModel(feature.session().client(),
                feature.context().executor(), workload, failure -> {
                    if (failure == null) {
                        feature.context().connection().reportSuccess();
                    } else {
                        feature.context().connection().report(failure);
                    }
                });
        detail = new WorkloadDetailView(model, feature, i18n, this::closeDetail);
        feature.events().addListener(detail.eventListener());
        model.rerunProperty().addListener((obs, old, now) -> {
            if (now != null) {
                feature.submitted(now);
            }
        });
        model.workloadProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.show(now);
            }
        });
        detailHost.getChildren().setAll(detail);
        if (!split.getItems().contains(detailHost)) {
            split.getItems().add(detailHost);
            split.setDividerPositions(0.42);
        }
        model.start();
    }

    void closeDetail() {
        if (detail != null) {
            feature.events().removeListener(detail.eventListener());
            detail.dispose();
            detail = null;
        }
        detailHost.getChildren().clear();
        split.getItems().remove(detailHost);
    }

    Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    void dispose() {
        clock.cancel();
        feature.catalogNames().removeListener(namesListener);
        closeDetail();
    }

    private final class StatusCell extends TableCell<Workload, Workload> {
        private final Label status = new Label();
        private final Label reason = new Label();
        private final VBox box = new VBox(1, status, reason);
        private final Tooltip tooltip = new Tooltip();

        StatusCell() {
            status.getStyleClass().add("status-label");
            status.setGraphic(new FontIcon(Material2AL.FIBER_MANUAL_RECORD));
            reason.getStyleClass().addAll("status-reason", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(360);
        }

        @Override
        protected void updateItem(Workload item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            status.setText(WorkloadFormats.status(item.status(), i18n));
            status.getStyleClass().removeIf(style -> style.startsWith("status-") && !style.equals("status-label"));
            status.getStyleClass().add(WorkloadFormats.statusStyle(item.status()));
            String why = WorkloadFormats.reason(item, i18n);
            reason.setText(why);
            reason.setVisible(!why.isEmpty());
            reason.setManaged(!why.isEmpty());
            tooltip.setText(why.isEmpty() ? WorkloadFormats.status(item.status(), i18n) : why);
            setTooltip(tooltip);
            setGraphic(box);
        }
    }
}
