package eu.aifactory.portal.workloads;

import atlantafx.base.theme.Styles;
import eu.aifactory.api.workload.LogLine;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.ParameterSpec;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadEvent;
import eu.aifactory.portal.common.Confirmation;
import eu.aifactory.portal.common.FileChoosers;
import eu.aifactory.portal.common.Permissions;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * One workload in detail: header with status and the actions Cancel, Re-run and Clone to form; tabs with the overview
 * (timeline of states, facts, parameters), the log viewer and the artifacts with their downloads.
 */
public final class WorkloadDetailView extends BorderPane {

    /** Asks where to save a file: suggested name and owner window in, chosen path out (null when cancelled). */
    public interface SaveChooser extends BiFunction<String, Window, Path> {
    }

    private static SaveChooser defaultChooser = WorkloadDetailView::chooseWithDialog;

    /** Below this width of the header, the action buttons drop their words. */
    private static final double NARROW_HEADER = 900;

    private final WorkloadDetailViewModel viewModel;
    private final WorkloadsFeature feature;
    private final I18n i18n;
    private final Consumer<WorkloadEvent> eventListener;
    private final ChangeListener<CatalogNames> namesListener;
    private final ListView<LogLine> logList = new ListView<>();
    private final VBox timeline = new VBox(0);
    private final GridPane facts = new GridPane();
    private final GridPane parameters = new GridPane();
    private final Label title = new Label();
    private final Label status = new Label();
    private final Label reason = new Label();
    private final Label message = new Label();
    private final TabPane tabs = new TabPane();
    private SaveChooser chooser = defaultChooser;
    private boolean wrap;

    WorkloadDetailView(WorkloadDetailViewModel viewModel, WorkloadsFeature feature, I18n i18n, Runnable onClose) {
        this.viewModel = viewModel;
        this.feature = feature;
        this.i18n = i18n;
        this.eventListener = viewModel::onEvent;
        this.namesListener = (obs, old, now) -> render(viewModel.workload());
        setId("workload-detail");
        getStyleClass().add("workload-detail");
        setTop(header(onClose));
        tabs.setId("detail-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().setAll(tab("tab-overview", "workloads.detail.overview", overview()),
                tab("tab-logs", "workloads.detail.logs", logs()),
                tab("tab-artifacts", "workloads.detail.artifacts", artifacts()));
        setCenter(tabs);
        viewModel.workloadProperty().addListener((obs, old, now) -> render(now));
        viewModel.appProperty().addListener((obs, old, now) -> render(viewModel.workload()));
        feature.catalogNames().addListener(namesListener);
        viewModel.failureProperty().addListener((obs, old, now) ->
                message.setText(now == null ? "" : WorkloadsView.problemText(now, i18n)));
        i18n.onSwitch(message, () -> message.setText(viewModel.failureProperty().get() == null ? ""
                : WorkloadsView.problemText(viewModel.failureProperty().get(), i18n)));
        render(viewModel.workload());
        i18n.onSwitch(this, () -> {
            render(viewModel.workload());
            // The factory words the reason values in the new language only in a fresh copy.
            viewModel.refresh();
        });
    }

    /** Replaces the file dialog for every detail view (tests choose a temp file). */
    public static void setDefaultSaveChooser(SaveChooser value) {
        defaultChooser = value == null ? WorkloadDetailView::chooseWithDialog : value;
    }

    public WorkloadDetailViewModel viewModel() {
        return viewModel;
    }

    Consumer<WorkloadEvent> eventListener() {
        return eventListener;
    }

    public ListView<LogLine> logList() {
        return logList;
    }

    public void selectTab(String tabId) {
        tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private Tab tab(String id, String key, Node content) {
        Tab tab = new Tab();
        tab.setId(id);
        tab.textProperty().bind(i18n.binding(key));
        tab.setContent(content);
        return tab;
    }

    private Node header(Runnable onClose) {
        title.setId("detail-title");
        title.getStyleClass().add(Styles.TITLE_4);
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        status.setId("detail-status");
        status.getStyleClass().add("status-label");
        status.setGraphic(new FontIcon(Material2AL.FIBER_MANUAL_RECORD));
        reason.setId("detail-reason");
        reason.getStyleClass().add(Styles.TEXT_MUTED);
        reason.setWrapText(true);
        reason.setMinHeight(Region.USE_PREF_SIZE);
        status.setMinWidth(Region.USE_PREF_SIZE);
        // The reason has its own line under the status: beside it, it would be squeezed to a few letters.
        VBox titles = new VBox(2, title, status, reason);
        // The long reason gives way before the buttons do.
        titles.setMinWidth(0);
        HBox.setHgrow(titles, Priority.ALWAYS);

        Button cancel = new Button();
        cancel.setId("detail-cancel");
        cancel.textProperty().bind(i18n.binding("workloads.detail.cancel"));
        cancel.setGraphic(new FontIcon(Material2MZ.STOP));
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.disableProperty().bind(viewModel.cancellableProperty().not());
        cancel.setOnAction(event -> confirm("workloads.detail.cancelConfirm", "workloads.detail.cancelConfirm.act",
                "workloads.detail.cancelConfirm.keep", viewModel::cancel));

        Button rerun = new Button();
        rerun.setId("detail-rerun");
        rerun.textProperty().bind(i18n.binding("workloads.detail.rerun"));
        rerun.setGraphic(new FontIcon(Material2MZ.REPLAY));
        rerun.disableProperty().bind(viewModel.busyProperty());
        rerun.setOnAction(event -> confirm("workloads.detail.rerunConfirm", "workloads.detail.rerunConfirm.act",
                "workloads.detail.rerunConfirm.keep", viewModel::rerun));

        Button clone = new Button();
        clone.setId("detail-clone");
        clone.textProperty().bind(i18n.binding("workloads.detail.clone"));
        clone.setGraphic(new FontIcon(Material2AL.CONTENT_COPY));
        clone.setOnAction(event -> feature.openClone(viewModel.workload(), window()));

        Button close = new Button();
        close.setId("detail-close");
        close.setGraphic(new FontIcon(Material2AL.CLOSE));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        Tooltip closeTip = new Tooltip();
        closeTip.textProperty().bind(i18n.binding("workloads.detail.close"));
        close.setTooltip(closeTip);
        close.setOnAction(event -> onClose.run());

        message.setId("detail-message");
        message.getStyleClass().add("workloads-problem");
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        for (Button button : List.of(cancel, rerun, clone, close)) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        // An account manager follows workloads but does not start or stop them.
        boolean acts = Permissions.of(feature.session().me()).canSubmit();
        for (Button button : List.of(cancel, rerun, clone)) {
            button.setVisible(acts);
            button.setManaged(acts);
        }
        HBox bar = new HBox(8, titles, spring, message, cancel, rerun, clone, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        // In a narrow detail the actions show their icons only (their words on hover), so the title keeps its line.
        BooleanBinding narrow = bar.widthProperty().lessThan(NARROW_HEADER);
        for (Button button : List.of(cancel, rerun, clone)) {
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(button.textProperty());
            button.setTooltip(tip);
            button.accessibleTextProperty().bind(button.textProperty());
            button.contentDisplayProperty().bind(Bindings.when(narrow).then(ContentDisplay.GRAPHIC_ONLY)
                    .otherwise(ContentDisplay.LEFT));
        }
        bar.getStyleClass().add("detail-header");
        return bar;
    }

    private void confirm(String key, String actKey, String keepKey, Runnable action) {
        Confirmation confirmation = new Confirmation(i18n, window(), "workloads.detail.confirmTitle", null,
                i18n.get(key, viewModel.workload().name()), actKey, keepKey);
        confirmation.alert().getDialogPane().setId("confirm-dialog");
        // Not showAndWait: the event stream and timers keep running while the question is open.
        confirmation.show(action);
    }

    private Node overview() {
        timeline.setId("detail-timeline");
        timeline.getStyleClass().add("timeline");
        Label timelineTitle = sectionTitle("workloads.detail.timeline");
        VBox left = new VBox(8, timelineTitle, timeline);
        left.setMinWidth(280);
        left.setPrefWidth(340);

        facts.setId("detail-facts");
        facts.setHgap(12);
        facts.setVgap(4);
        // The names keep their width; a long value (an application, a plan) wraps instead.
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        facts.getColumnConstraints().setAll(names, values);
        parameters.setId("detail-parameters");
        parameters.setHgap(12);
        parameters.setVgap(4);
        VBox right = new VBox(8, sectionTitle("workloads.detail.facts"), facts,
                sectionTitle("workloads.detail.parameters"), parameters);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox box = new HBox(24, left, right);
        box.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Label sectionTitle(String key) {
        Label label = new Label();
        label.textProperty().bind(i18n.binding(key));
        label.getStyleClass().add("detail-section");
        return label;
    }

    private void render(Workload w) {
        if (w == null) {
            return;
        }
        title.setText(w.name());
        status.setText(WorkloadFormats.status(w.status(), i18n));
        status.getStyleClass().removeIf(style -> style.startsWith("status-") && !style.equals("status-label"));
        status.getStyleClass().add(WorkloadFormats.statusStyle(w.status()));
        reason.setText(WorkloadFormats.reason(w, i18n));

        timeline.getChildren().clear();
        for (Workload.StatusChange change : w.history()) {
            Label state = new Label(WorkloadFormats.status(change.status(), i18n));
            state.getStyleClass().addAll("status-label", WorkloadFormats.statusStyle(change.status()));
            state.setGraphic(new FontIcon(Material2AL.FIBER_MANUAL_RECORD));
            Label at = new Label(change.at() == null ? "" : Formats.dateTime(change.at(), i18n.locale()));
            at.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            Label why = new Label(WorkloadFormats.reason(change, i18n));
            why.setWrapText(true);
            why.getStyleClass().add(Styles.TEXT_SMALL);
            VBox entry = new VBox(1, new HBox(8, state, at), why);
            entry.getStyleClass().add("timeline-entry");
            timeline.getChildren().add(entry);
        }

        facts.getChildren().clear();
        int row = 0;
        AppVersion version = viewModel.appVersion();
        Locale locale = i18n.locale();
        CatalogNames names = feature.catalogNames().get();
        String appName = viewModel.appProperty().get() == null ? names.app(w.appId(), locale)
                : viewModel.appProperty().get().summary().name().in(locale);
        row = fact(row, "workloads.detail.app", appName + " " + w.appVersion());
        row = fact(row, "workloads.col.project", WorkloadsView.projectName(feature.session().me(), w.projectId()));
        row = fact(row, "workloads.col.plan", names.plan(w.planId(), locale));
        row = fact(row, "workloads.detail.priority", WorkloadFormats.priority(w.priority(), i18n));
        row = fact(row, "workloads.col.submittedBy", w.submittedByName());
        row = fact(row, "workloads.detail.created", time(w.createdAt()));
        row = fact(row, "workloads.col.started", time(w.startedAt()));
        row = fact(row, "workloads.detail.ended", time(w.endedAt()));
        row = fact(row, "workloads.detail.costSoFar", w.costEur() == null ? "—" : Formats.eur(w.costEur(), i18n.locale()));
        row = fact(row, "workloads.detail.energySoFar", w.energyKwh() == null ? "—" : Formats.kwh(w.energyKwh(), i18n.locale()));
        row = fact(row, "workloads.detail.gpuHours", w.gpuHours() == null ? "—"
                : i18n.get("workloads.value.gpuHours", Formats.number(w.gpuHours(), 2, i18n.locale())));
        for (Map.Entry<String, String> input : new TreeMap<>(w.inputs()).entrySet()) {
            row = factText(row, i18n.get("workloads.detail.input", ParameterText.inputTitle(version, input.getKey(), locale)),
                    input.getValue());
        }

        parameters.getChildren().clear();
        int p = 0;
        for (Map.Entry<String, Object> parameter : new TreeMap<>(w.parameters()).entrySet()) {
            ParameterSpec spec = ParameterText.spec(version, parameter.getKey());
            Label name = new Label(ParameterText.label(spec, parameter.getKey(), locale));
            name.getStyleClass().add(Styles.TEXT_MUTED);
            Label value = new Label(ParameterText.value(spec, parameter.getValue(), i18n));
            value.setId("detail-param-" + parameter.getKey());
            parameters.add(name, 0, p);
            parameters.add(value, 1, p++);
        }
    }

    private String time(Instant instant) {
        return instant == null ? "—" : Formats.dateTime(instant, i18n.locale());
    }

    private int fact(int row, String key, String value) {
        return factText(row, i18n.get(key), value);
    }

    private int factText(int row, String name, String value) {
        Label n = new Label(name);
        n.getStyleClass().add(Styles.TEXT_MUTED);
        Label v = new Label(value == null ? "—" : value);
        v.setWrapText(true);
        facts.add(n, 0, row);
        facts.add(v, 1, row);
        return row + 1;
    }

    private Node logs() {
        LogViewModel log = viewModel.log();
        TextField search = new TextField();
        search.setId("log-search");
        search.promptTextProperty().bind(i18n.binding("workloads.log.search"));
        search.textProperty().bindBidirectional(log.searchProperty());
        search.setPrefColumnCount(18);

        ToggleButton only = new ToggleButton();
        only.setId("log-only-matching");
        only.textProperty().bind(i18n.binding("workloads.log.onlyMatching"));
        only.selectedProperty().bindBidirectional(log.onlyMatchingProperty());

        ToggleButton wrapToggle = new ToggleButton();
        wrapToggle.setId("log-wrap");
        wrapToggle.textProperty().bind(i18n.binding("workloads.log.wrap"));
        wrapToggle.selectedProperty().addListener((obs, old, now) -> {
            wrap = now;
            logList.refresh();
        });

        ToggleButton follow = new ToggleButton();
        follow.setId("log-follow");
        follow.textProperty().bind(i18n.binding("workloads.log.follow"));
        follow.selectedProperty().bindBidirectional(log.followProperty());

        Button top = iconButton("log-top", Material2MZ.VERTICAL_ALIGN_TOP, "workloads.log.top");
        top.setOnAction(event -> {
            log.followProperty().set(false);
            logList.scrollTo(0);
        });
        Button bottom = iconButton("log-bottom", Material2MZ.VERTICAL_ALIGN_BOTTOM, "workloads.log.bottom");
        bottom.setOnAction(event -> logList.scrollTo(Math.max(0, logList.getItems().size() - 1)));

        Button download = new Button();
        download.setId("log-download");
        download.getStyleClass().add("reaches-disk");
        download.textProperty().bind(i18n.binding("workloads.log.download"));
        download.setGraphic(new FontIcon(Material2AL.GET_APP));
        download.disableProperty().bind(log.downloadingProperty());
        download.setOnAction(event -> {
            Path target = chooser.apply(viewModel.workloadId() + ".log", window());
            if (target != null) {
                log.download(target);
            }
        });

        Label state = new Label();
        state.setId("log-status");
        state.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        state.textProperty().bind(Bindings.createStringBinding(() -> {
            if (log.downloadingProperty().get()) {
                return i18n.get("workloads.log.downloading");
            }
            if (log.downloadedProperty().get() != null) {
                return i18n.get("workloads.log.downloaded", log.downloadedProperty().get().lines(),
                        log.downloadedProperty().get().file().getFileName().toString());
            }
            String count = i18n.get("workloads.log.count", log.visibleLines().size(), log.lines().size());
            return log.completeProperty().get() ? count + " · " + i18n.get("workloads.log.complete") : count;
        }, log.lines(), log.visibleLines(), log.completeProperty(), log.downloadingProperty(), log.downloadedProperty(),
                i18n.localeProperty()));

        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bar = new HBox(8, search, only, wrapToggle, follow, top, bottom, spring, state, download);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("log-toolbar");

        logList.setId("log-list");
        logList.getStyleClass().add("log-list");
        logList.setItems(log.visibleLines());
        logList.setCellFactory(list -> new LogCell());
        Label empty = new Label();
        empty.textProperty().bind(i18n.binding("workloads.log.empty"));
        logList.setPlaceholder(empty);
        log.visibleLines().addListener((ListChangeListener<LogLine>) change -> {
            if (log.followProperty().get() && !logList.getItems().isEmpty()) {
                logList.scrollTo(logList.getItems().size() - 1);
            }
        });
        log.searchProperty().addListener((obs, old, now) -> logList.refresh());
        VBox.setVgrow(logList, Priority.ALWAYS);
        VBox box = new VBox(6, bar, logList);
        box.setPadding(new Insets(8));
        return box;
    }

    private Button iconButton(String id, org.kordamp.ikonli.Ikon icon, String tooltipKey) {
        Button button = new Button();
        button.setId(id);
        button.setGraphic(new FontIcon(icon));
        button.getStyleClass().add(Styles.BUTTON_ICON);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.binding(tooltipKey));
        button.setTooltip(tip);
        return button;
    }

    private Node artifacts() {
        VBox list = new VBox(6);
        list.setId("artifact-list");
        Label empty = new Label();
        empty.textProperty().bind(i18n.binding("workloads.artifacts.empty"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        Runnable rebuild = () -> {
            list.getChildren().clear();
            if (viewModel.artifacts().isEmpty()) {
                list.getChildren().add(empty);
            }
            viewModel.artifacts().forEach(download -> list.getChildren().add(artifactRow(download)));
        };
        viewModel.artifacts().addListener((ListChangeListener<ArtifactDownload>) change -> rebuild.run());
        rebuild.run();
        list.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node artifactRow(ArtifactDownload download) {
        var artifact = download.artifact();
        Label name = new Label(artifact.name());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        Label info = i18n.label("workloads.artifacts.info", artifact.slot(),
                artifact.kind() == null ? "" : artifact.kind().name().toLowerCase(java.util.Locale.ROOT),
                size(artifact.sizeBytes()), artifact.site() == null ? "—" : artifact.site());
        info.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox text = new VBox(2, name, info);
        HBox.setHgrow(text, Priority.ALWAYS);

        ProgressBar progress = new ProgressBar();
        progress.setId("artifact-progress-" + artifact.slot());
        progress.setPrefWidth(160);
        progress.progressProperty().bind(download.progressProperty());
        progress.visibleProperty().bind(download.stateProperty().isNotEqualTo(ArtifactDownload.State.IDLE));

        Label state = new Label();
        state.setId("artifact-state-" + artifact.slot());
        state.getStyleClass().add(Styles.TEXT_SMALL);
        state.textProperty().bind(Bindings.createStringBinding(() -> switch (download.stateProperty().get()) {
            case IDLE -> "";
            case DOWNLOADING -> i18n.get("workloads.artifacts.downloading");
            case DONE -> i18n.get("workloads.artifacts.done");
            case CANCELLED -> i18n.get("workloads.artifacts.cancelled");
            case FAILED -> WorkloadsView.problemText(download.failureProperty().get(), i18n);
        }, download.stateProperty(), download.failureProperty(), i18n.localeProperty()));

        Button get = new Button();
        get.setId("artifact-download-" + artifact.slot());
        get.getStyleClass().add("reaches-disk");
        get.setGraphic(new FontIcon(Material2AL.GET_APP));
        get.textProperty().bind(Bindings.createStringBinding(() -> {
            ArtifactDownload.State s = download.stateProperty().get();
            return i18n.get(s == ArtifactDownload.State.FAILED || s == ArtifactDownload.State.CANCELLED
                    ? "workloads.artifacts.resume" : "workloads.artifacts.download");
        }, download.stateProperty(), i18n.localeProperty()));
        get.disableProperty().bind(download.stateProperty().isEqualTo(ArtifactDownload.State.DOWNLOADING));
        get.setOnAction(event -> {
            ArtifactDownload.State s = download.stateProperty().get();
            if ((s == ArtifactDownload.State.FAILED || s == ArtifactDownload.State.CANCELLED) && download.target() != null) {
                download.resume();
                return;
            }
            Path target = chooser.apply(artifact.name(), window());
            if (target != null) {
                download.start(target);
            }
        });

        Button stop = new Button();
        stop.setId("artifact-cancel-" + artifact.slot());
        stop.setGraphic(new FontIcon(Material2AL.CLOSE));
        stop.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        stop.visibleProperty().bind(download.stateProperty().isEqualTo(ArtifactDownload.State.DOWNLOADING));
        stop.setOnAction(event -> download.cancel());

        HBox row = new HBox(10, text, state, progress, get, stop);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("artifact-row");
        return row;
    }

    private String size(long bytes) {
        if (bytes < 1024) {
            return bytes + "\u00a0B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return Formats.number(value, 1, i18n.locale()) + "\u00a0" + units[unit];
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private static Path chooseWithDialog(String suggestedName, Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(suggestedName);
        return FileChoosers.showSave(chooser, owner);
    }

    void dispose() {
        feature.catalogNames().removeListener(namesListener);
        viewModel.dispose();
    }

    /** A log line: number, time and text; matching lines are marked while a search is on. */
    private final class LogCell extends ListCell<LogLine> {
        LogCell() {
            getStyleClass().add("log-cell");
        }

        @Override
        protected void updateItem(LogLine item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("log-match", "log-nowrap");
            if (empty || item == null) {
                setText(null);
                return;
            }
            String stamp = item.time() == null ? "" : Formats.time(item.time(), i18n.locale()) + "  ";
            setText(String.format("%6d  %s%s", item.line(), stamp, item.text()));
            setWrapText(wrap);
            getStyleClass().remove("log-nowrap");
            if (!wrap) {
                getStyleClass().add("log-nowrap");
            }
            if (wrap) {
                setPrefWidth(0);
                setMaxWidth(logList.getWidth() - 24);
            } else {
                setMaxWidth(Region.USE_COMPUTED_SIZE);
            }
            String needle = viewModel.log().searchProperty().get();
            if (needle != null && !needle.isBlank() && viewModel.log().matches(item)) {
                getStyleClass().add("log-match");
            }
        }
    }
}
