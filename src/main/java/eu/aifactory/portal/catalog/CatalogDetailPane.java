package eu.aifactory.portal.catalog;

import atlantafx.base.theme.Styles;
import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.ArtifactSlot;
import eu.aifactory.api.catalog.ParameterSpec;
import eu.aifactory.portal.common.Hyphens;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Callback;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The selected application: description, versions, parameters, resource plans with price and peak power, inputs
 * and outputs, and the "Submit workload" action.
 */
final class CatalogDetailPane extends BorderPane {

    private static final double PARAMETER_ROW = 58;
    private static final double PLAN_ROW = 58;

    private final CatalogViewModel viewModel;
    private final CatalogLabels labels;
    private final I18n i18n;
    private final ObjectProperty<BiConsumer<AppDetail, AppVersion>> onSubmitRequested;

    private final FontIcon icon = new FontIcon();
    private final Label name = new Label();
    private final Label subtitle = new Label();
    private final Label gpuBadge = new Label();
    private final Label description = new Label();
    private final ComboBox<AppVersion> versions = new ComboBox<>();
    private final Label released = new Label();
    private final TableView<ParameterSpec> parameterTable = new TableView<>();
    private final TableView<PlanOffer> planTable = new TableView<>();
    private final VBox inputs = new VBox(6);
    private final VBox outputs = new VBox(6);
    private final Label problem = new Label();
    private final VBox body;
    private final javafx.beans.property.BooleanProperty submitShown =
            new javafx.beans.property.SimpleBooleanProperty(this, "submitShown", true);

    CatalogDetailPane(CatalogViewModel viewModel, CatalogLabels labels, I18n i18n,
                      ObjectProperty<BiConsumer<AppDetail, AppVersion>> onSubmitRequested) {
        this.viewModel = viewModel;
        this.labels = labels;
        this.i18n = i18n;
        this.onSubmitRequested = onSubmitRequested;
        setId("catalogDetail");
        getStyleClass().add("catalog-detail");

        setTop(header());
        body = new VBox(14,
                description,
                versionRow(),
                heading("catalog.detail.parameters", Material2MZ.TUNE), parameterTable(),
                heading("catalog.detail.plans", Material2MZ.MEMORY), planTable(),
                heading("catalog.detail.inputs", Material2AL.INPUT), inputs,
                heading("catalog.detail.outputs", Material2AL.EXIT_TO_APP), outputs);
        body.getStyleClass().add("detail-body");
        description.setWrapText(true);
        description.getStyleClass().add("detail-description");
        description.setMinHeight(Region.USE_PREF_SIZE);

        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(new StackPane(scroll, statusOverlay()));

        viewModel.detailProperty().addListener((obs, old, now) -> render());
        viewModel.selectedAppProperty().addListener((obs, old, now) -> render());
        viewModel.selectedVersionProperty().addListener((obs, old, now) -> {
            if (versions.getValue() != now) {
                versions.setValue(now);
            }
            renderVersion();
        });
        viewModel.inputs().addListener((ListChangeListener<ArtifactSlot>) change -> renderArtifacts(inputs, viewModel.inputs()));
        viewModel.outputs().addListener((ListChangeListener<ArtifactSlot>) change -> renderArtifacts(outputs, viewModel.outputs()));
        i18n.onSwitch(this, () -> {
            render();
            parameterTable.refresh();
            planTable.refresh();
        });
        render();
    }

    private Node header() {
        StackPane iconBox = new StackPane(icon);
        iconBox.getStyleClass().add("detail-icon");
        name.getStyleClass().addAll(Styles.TITLE_3, "detail-name");
        name.setWrapText(true);
        name.setId("detailName");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);
        gpuBadge.getStyleClass().add("gpu-badge");
        HBox badgeRow = new HBox(8, gpuBadge);
        VBox titles = new VBox(4, name, subtitle, badgeRow);
        HBox.setHgrow(titles, Priority.ALWAYS);

        Button close = new Button(null, new FontIcon(Material2AL.CLOSE));
        close.setId("detailClose");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        Tooltip closeTip = new Tooltip();
        closeTip.textProperty().bind(i18n.binding("catalog.detail.close"));
        close.setTooltip(closeTip);
        close.setOnAction(event -> viewModel.selectedAppProperty().set(null));

        HBox header = new HBox(12, iconBox, titles, close);
        header.setAlignment(Pos.TOP_LEFT);
        header.getStyleClass().add("detail-header");
        return header;
    }

    private Node versionRow() {
        Label label = new Label();
        label.textProperty().bind(i18n.binding("catalog.detail.version"));
        label.setLabelFor(versions);
        versions.setId("versionChooser");
        Callback<javafx.scene.control.ListView<AppVersion>, ListCell<AppVersion>> cells = list -> new ListCell<>() {
            @Override
            protected void updateItem(AppVersion version, boolean empty) {
                super.updateItem(version, empty);
                setText(empty || version == null ? null : version.version());
            }
        };
        versions.setCellFactory(cells);
        versions.setButtonCell(cells.call(null));
        versions.valueProperty().addListener((obs, old, now) -> {
            if (now != null && now != viewModel.selectedVersionProperty().get()) {
                viewModel.selectedVersionProperty().set(now);
            }
        });
        released.getStyleClass().add(Styles.TEXT_MUTED);
        released.setId("versionReleased");

        Button submit = new Button();
        submit.setId("submitWorkload");
        submit.setGraphic(new FontIcon(Material2MZ.PLAY_ARROW));
        submit.textProperty().bind(i18n.binding("catalog.detail.submit"));
        submit.getStyleClass().add(Styles.ACCENT);
        submit.setMinWidth(Region.USE_PREF_SIZE);
        submit.disableProperty().bind(onSubmitRequested.isNull()
                .or(viewModel.detailProperty().isNull()).or(viewModel.selectedVersionProperty().isNull()));
        submit.setOnAction(event -> {
            BiConsumer<AppDetail, AppVersion> handler = onSubmitRequested.get();
            AppDetail detail = viewModel.detailProperty().get();
            AppVersion version = viewModel.selectedVersionProperty().get();
            if (handler != null && detail != null && version != null) {
                handler.accept(detail, version);
            }
        });
        // A disabled button gets no mouse events, so the "why" tooltip sits on a wrapper around it.
        StackPane submitWrapper = new StackPane(submit);
        submitWrapper.setId("submitWorkloadWrapper");
        submitWrapper.visibleProperty().bind(submitShown);
        submitWrapper.managedProperty().bind(submitShown);
        Tooltip coming = new Tooltip();
        coming.textProperty().bind(i18n.binding("catalog.detail.submitComing"));
        onSubmitRequested.addListener((obs, old, now) -> installComingTooltip(submitWrapper, coming, now == null));
        installComingTooltip(submitWrapper, coming, onSubmitRequested.get() == null);

        // On a narrow detail the release date moves under the chooser instead of shrinking to "…".
        label.setMinWidth(Region.USE_PREF_SIZE);
        versions.setMinWidth(Region.USE_PREF_SIZE);
        released.setMinWidth(Region.USE_PREF_SIZE);
        HBox chooser = new HBox(10, label, versions, released);
        chooser.setAlignment(Pos.CENTER_LEFT);
        FlowPane row = new FlowPane(10, 6, chooser, submitWrapper);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("detail-version-row");
        row.widthProperty().addListener((obs, old, now) -> {
            boolean narrow = now.doubleValue() < chooser.prefWidth(-1) + submitWrapper.prefWidth(-1) + 10;
            chooser.getChildren().remove(released);
            row.getChildren().remove(released);
            if (narrow) {
                row.getChildren().add(1, released);
            } else {
                chooser.getChildren().add(released);
            }
        });
        return row;
    }

    /** False for a user who may not submit (an account manager): the button is not there at all. */
    javafx.beans.property.BooleanProperty submitShownProperty() {
        return submitShown;
    }

    private static void installComingTooltip(Node node, Tooltip tooltip, boolean install) {
        if (install) {
            Tooltip.install(node, tooltip);
        } else {
            Tooltip.uninstall(node, tooltip);
        }
    }

    private Node heading(String key, org.kordamp.ikonli.Ikon ikon) {
        Label heading = new Label();
        heading.textProperty().bind(i18n.binding(key));
        heading.setGraphic(new FontIcon(ikon));
        heading.getStyleClass().addAll(Styles.TITLE_4, "detail-heading");
        return heading;
    }

    private Node parameterTable() {
        parameterTable.setId("parameterTable");
        parameterTable.setItems(viewModel.parameters());
        parameterTable.setFixedCellSize(PARAMETER_ROW);
        parameterTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        parameterTable.getStyleClass().addAll(Styles.STRIPED, "parameter-table");
        TableColumn<ParameterSpec, ParameterSpec> nameColumn = column("catalog.param.name", spec -> spec);
        nameColumn.setCellFactory(column -> new ParameterNameCell());
        nameColumn.setPrefWidth(150);
        nameColumn.setMinWidth(136);
        TableColumn<ParameterSpec, String> type = column("catalog.param.type", spec -> labels.parameterType(spec.type()));
        type.setPrefWidth(82);
        type.setMinWidth(78);
        TableColumn<ParameterSpec, String> range = column("catalog.param.range", labels::range);
        range.setCellFactory(column -> new WrappingCell<>());
        range.setPrefWidth(96);
        range.setMinWidth(84);
        TableColumn<ParameterSpec, String> unit = column("catalog.param.unit", spec -> spec.unit() == null ? "" : spec.unit());
        unit.setPrefWidth(72);
        unit.setMinWidth(70);
        TableColumn<ParameterSpec, String> defaults = column("catalog.param.default", labels::defaultValue);
        defaults.setCellFactory(column -> new WrappingCell<>());
        defaults.setPrefWidth(84);
        defaults.setMinWidth(82);
        TableColumn<ParameterSpec, String> text = column("catalog.param.description",
                spec -> spec.description() == null ? "" : spec.description().in(i18n.locale()));
        text.setCellFactory(column -> new WrappingCell<>());
        text.setPrefWidth(200);
        text.setMinWidth(110);
        parameterTable.getColumns().setAll(java.util.List.of(nameColumn, type, range, unit, defaults, text));
        fitHeight(parameterTable, viewModel.parameters(), PARAMETER_ROW);
        placeholder(parameterTable, "catalog.detail.noParameters");
        return parameterTable;
    }

    private Node planTable() {
        planTable.setId("planTable");
        planTable.setItems(viewModel.planOffers());
        planTable.setFixedCellSize(PLAN_ROW);
        planTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        planTable.getStyleClass().addAll(Styles.STRIPED, "plan-table");
        TableColumn<PlanOffer, PlanOffer> plan = column("catalog.plan.name", offer -> offer);
        plan.setCellFactory(column -> new PlanCell());
        plan.setPrefWidth(300);
        TableColumn<PlanOffer, String> price = column("catalog.plan.price", offer -> labels.eur(offer.eurPerHour()));
        price.setPrefWidth(140);
        price.setMinWidth(130);
        price.getStyleClass().add("numeric");
        TableColumn<PlanOffer, String> peak = column("catalog.plan.peak",
                offer -> Formats.watts(offer.peakWatts(), i18n.locale()));
        peak.setPrefWidth(130);
        peak.setMinWidth(124);
        peak.getStyleClass().add("numeric");
        planTable.getColumns().setAll(java.util.List.of(plan, price, peak));
        fitHeight(planTable, viewModel.planOffers(), PLAN_ROW);
        placeholder(planTable, "catalog.detail.noPlans");
        return planTable;
    }

    /**
     * The tables live in a scroll pane, so they are exactly as tall as their rows plus their header instead of
     * scrolling inside; the header's height is taken from the laid-out table, as it depends on theme and font.
     */
    private static void fitHeight(TableView<?> table, ObservableList<?> rows, double rowHeight) {
        DoubleProperty header = new SimpleDoubleProperty(36);
        table.skinProperty().addListener((obs, old, skin) -> table.needsLayoutProperty().addListener((o, was, is) -> {
            if (!is && table.lookup(".column-header-background") instanceof Region background
                    && !header.isBound()) {
                header.bind(background.heightProperty());
            }
        }));
        table.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> rowHeight * Math.max(1, rows.size()) + header.get() + table.getInsets().getTop()
                        + table.getInsets().getBottom() + 2, rows, header, table.insetsProperty()));
        table.minHeightProperty().bind(table.prefHeightProperty());
        table.maxHeightProperty().bind(table.prefHeightProperty());
    }

    private void placeholder(TableView<?> table, String key) {
        Label empty = new Label();
        empty.textProperty().bind(i18n.binding(key));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(empty);
    }

    private <S, T> TableColumn<S, T> column(String key, Function<S, T> value) {
        TableColumn<S, T> column = new TableColumn<>();
        column.textProperty().bind(i18n.binding(key));
        column.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setReorderable(false);
        return column;
    }

    private Node statusOverlay() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(28, 28);
        Label loading = new Label();
        loading.textProperty().bind(i18n.binding("catalog.detail.loading"));
        HBox loadingRow = new HBox(10, spinner, loading);
        loadingRow.setAlignment(Pos.CENTER);
        loadingRow.getStyleClass().add("detail-loading");
        loadingRow.setId("detailLoading");
        // Shown only while nothing (not even a saved copy) is on screen yet.
        loadingRow.visibleProperty().bind(viewModel.detailLoadingProperty().and(viewModel.detailProperty().isNull()));
        loadingRow.setMouseTransparent(true);

        problem.setId("detailProblem");
        problem.setWrapText(true);
        problem.setGraphic(new FontIcon(Material2AL.CLOUD_OFF));
        problem.getStyleClass().add("detail-problem");
        problem.textProperty().bind(Bindings.createStringBinding(() -> {
            LoadProblem current = viewModel.detailProblemProperty().get();
            if (current == null) {
                return "";
            }
            return current.unreachable() ? i18n.get("catalog.detail.unavailableOffline")
                    : i18n.get("catalog.detail.failed", current.detail());
        }, viewModel.detailProblemProperty(), i18n.localeProperty()));
        problem.visibleProperty().bind(viewModel.detailProblemProperty().isNotNull().and(viewModel.detailProperty().isNull()));
        problem.setMaxWidth(360);
        StackPane.setAlignment(loadingRow, Pos.TOP_CENTER);
        StackPane.setAlignment(problem, Pos.TOP_CENTER);
        StackPane overlay = new StackPane(loadingRow, problem);
        overlay.setPickOnBounds(false);
        overlay.getStyleClass().add("detail-overlay");
        return overlay;
    }

    private void render() {
        AppDetail detail = viewModel.detailProperty().get();
        var summary = detail != null ? detail.summary() : viewModel.selectedAppProperty().get();
        if (summary == null) {
            return;
        }
        icon.setIconCode(CatalogIcons.category(summary.category()));
        name.setText(Hyphens.breakAfter(summary.name().in(i18n.locale())));
        subtitle.setText(summary.vendor() + " · " + labels.category(summary.category()));
        gpuBadge.setText(labels.gpuClass(summary.gpuClass()));
        gpuBadge.getStyleClass().removeIf(style -> style.startsWith("gpu-class-"));
        gpuBadge.getStyleClass().add("gpu-class-" + summary.gpuClass());
        body.setVisible(detail != null);
        if (detail == null) {
            versions.getItems().clear();
            description.setText("");
            return;
        }
        description.setText(detail.description() == null ? "" : detail.description().in(i18n.locale()));
        if (!versions.getItems().equals(detail.versions())) {
            versions.getItems().setAll(detail.versions());
        }
        versions.setValue(viewModel.selectedVersionProperty().get());
        renderVersion();
        renderArtifacts(inputs, viewModel.inputs());
        renderArtifacts(outputs, viewModel.outputs());
    }

    private void renderVersion() {
        AppVersion version = viewModel.selectedVersionProperty().get();
        released.setText(version == null ? "" : i18n.get("catalog.detail.released", labels.date(version.releasedAt())));
    }

    private void renderArtifacts(VBox box, ObservableList<ArtifactSlot> slots) {
        box.getChildren().clear();
        for (ArtifactSlot slot : slots) {
            Label slotName = new Label(slot.name());
            slotName.getStyleClass().add("artifact-name");
            Label kind = new Label(labels.artifactKind(slot.kind()));
            kind.getStyleClass().add("artifact-kind");
            Label required = i18n.label(slot.required() ? "catalog.artifact.required" : "catalog.artifact.optional");
            required.getStyleClass().add(Styles.TEXT_MUTED);
            HBox top = new HBox(8, slotName, kind, required);
            top.setAlignment(Pos.BASELINE_LEFT);
            Label text = new Label(slot.description() == null ? "" : slot.description().in(i18n.locale()));
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            VBox row = new VBox(2, top, text);
            row.getStyleClass().add("artifact-row");
            box.getChildren().add(row);
        }
    }

    /** Label and technical name of a parameter, one above the other. */
    private final class ParameterNameCell extends TableCell<ParameterSpec, ParameterSpec> {
        private final Label label = new Label();
        private final Label technical = new Label();
        private final VBox box = new VBox(0, label, technical);

        ParameterNameCell() {
            technical.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "parameter-technical");
            label.getStyleClass().add("parameter-label");
            label.setWrapText(true);
            label.maxWidthProperty().bind(widthProperty().subtract(12));
            technical.maxWidthProperty().bind(widthProperty().subtract(12));
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(ParameterSpec spec, boolean empty) {
            super.updateItem(spec, empty);
            if (empty || spec == null) {
                setGraphic(null);
                return;
            }
            String text = spec.label() == null ? spec.name() : spec.label().in(i18n.locale());
            label.setText(spec.required() ? text + " *" : text);
            technical.setText(spec.name());
            setGraphic(box);
        }
    }

    /** A plan's name, and its GPUs (count × model) below it. */
    private final class PlanCell extends TableCell<PlanOffer, PlanOffer> {
        private final Label planName = new Label();
        private final Label gpus = new Label();
        private final VBox box = new VBox(0, planName, gpus);

        PlanCell() {
            planName.getStyleClass().add("plan-name");
            planName.setWrapText(true);
            planName.maxWidthProperty().bind(widthProperty().subtract(12));
            gpus.maxWidthProperty().bind(widthProperty().subtract(12));
            gpus.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(PlanOffer offer, boolean empty) {
            super.updateItem(offer, empty);
            if (empty || offer == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            planName.setText(offer.plan().name().in(i18n.locale()));
            gpus.setText(i18n.get("catalog.plan.gpusValue", offer.plan().gpuCount(), offer.plan().gpuModel()));
            setTooltip(new Tooltip(planName.getText() + "\n" + gpus.getText()));
            setGraphic(box);
        }
    }

    /** Long text in a fixed-height row: wraps to the row's height and shows all of it on hover. */
    private static final class WrappingCell<S> extends TableCell<S, String> {
        private final Label label = new Label();
        private final Tooltip tooltip = new Tooltip();

        WrappingCell() {
            label.setWrapText(true);
            label.setAlignment(Pos.CENTER_LEFT);
            label.maxWidthProperty().bind(widthProperty().subtract(12));
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(420);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            if (empty || text == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            label.setText(text);
            tooltip.setText(text);
            setTooltip(tooltip);
            setGraphic(label);
        }
    }
}
