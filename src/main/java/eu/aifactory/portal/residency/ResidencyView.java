package eu.aifactory.portal.residency;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import eu.aifactory.api.report.ResidencyReport;
import eu.aifactory.portal.common.FileChoosers;
import eu.aifactory.portal.common.StatePlaceholder;
import eu.aifactory.portal.common.TableLayout;
import eu.aifactory.portal.common.WrappingTabs;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.residency.ResidencyViewModel.AttestationRow;
import eu.aifactory.portal.residency.ResidencyViewModel.PeriodChoice;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.ScrollPane;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Residency page: the verdict in plain words, the verification badge, a map of Germany with the sites and the
 * data stored at each, and tabs with the report's records. Exports the signed JSON and the factory's keys.
 */
public final class ResidencyView extends BorderPane {

    private final ResidencyViewModel viewModel;
    private final I18n i18n;
    private final Label verdict = new Label();
    private final Label badge = new Label();
    private final Label logCheck = new Label();
    private final Label status = new Label();
    private final GermanyMap map = new GermanyMap();
    private final TabPane tabs = new TabPane();
    private final ResidencyTables tables;
    /** Asks where to save; replaceable so tests need no native dialog. Arguments: title key, suggested name. */
    private BiFunction<String, String, Path> saveDialog = this::chooseFile;

    public ResidencyView(ResidencyViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.tables = new ResidencyTables(i18n, viewModel::sites, viewModel::projectName, this::localized);
        getStyleClass().add("residency");
        getStylesheets().add(Objects.requireNonNull(
                ResidencyView.class.getResource("/eu/aifactory/portal/residency/residency.css")).toExternalForm());
        setTop(header());
        setCenter(body());
        setBottom(statusBar());
        viewModel.reportProperty().addListener((obs, old, now) -> refreshMap());
        i18n.onSwitch(this, this::refreshMap);
        viewModel.verificationProperty().addListener((obs, old, now) -> styleBadge());
        styleBadge();
        refreshMap();
    }

    /** Replaces the native file chooser; arguments are the title's bundle key and the suggested file name. */
    public void setSaveDialog(BiFunction<String, String, Path> dialog) {
        this.saveDialog = dialog;
    }

    private Region header() {
        Label title = new Label();
        title.textProperty().bind(i18n.binding("residency.title"));
        title.getStyleClass().add(Styles.TITLE_2);

        ComboBox<PeriodChoice> period = new ComboBox<>();
        period.setId("residencyPeriod");
        period.getItems().setAll(PeriodChoice.values());
        period.valueProperty().bindBidirectional(viewModel.periodProperty());
        period.setCellFactory(list -> new PeriodCell());
        period.setButtonCell(new PeriodCell());

        Button exportReport = new Button();
        exportReport.setId("exportReport");
        exportReport.getStyleClass().add("reaches-disk");
        exportReport.textProperty().bind(i18n.binding("residency.export.report"));
        exportReport.setGraphic(new FontIcon(Material2MZ.SAVE_ALT));
        exportReport.disableProperty().bind(Bindings.createBooleanBinding(() -> !viewModel.canExport(),
                viewModel.reportProperty(), viewModel.loadingProperty()));
        exportReport.setOnAction(e -> export(true));

        Button exportKeys = new Button();
        exportKeys.setId("exportKeys");
        exportKeys.getStyleClass().add("reaches-disk");
        exportKeys.textProperty().bind(i18n.binding("residency.export.keys"));
        exportKeys.setGraphic(new FontIcon(Material2MZ.VPN_KEY));
        exportKeys.disableProperty().bind(Bindings.createBooleanBinding(() -> !viewModel.canExportKeys(),
                viewModel.reportProperty(), viewModel.loadingProperty()));
        exportKeys.setOnAction(e -> export(false));

        Button exportPdf = new Button();
        exportPdf.setId("exportPdf");
        exportPdf.getStyleClass().add("reaches-disk");
        exportPdf.textProperty().bind(i18n.binding("residency.export.pdf"));
        exportPdf.setGraphic(new FontIcon(Material2MZ.PICTURE_AS_PDF));
        exportPdf.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !viewModel.canExport() || viewModel.exportingPdfProperty().get(),
                viewModel.reportProperty(), viewModel.loadingProperty(), viewModel.exportingPdfProperty()));
        exportPdf.setOnAction(e -> exportPdf());

        Button refresh = new Button(null, new FontIcon(Material2MZ.REFRESH));
        refresh.setId("residencyRefresh");
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refresh.setOnAction(e -> viewModel.load());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(viewModel.loadingProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        title.setMinWidth(Region.USE_PREF_SIZE);
        period.setMinWidth(Region.USE_PREF_SIZE);
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(12, title, progress, spacer, period, refresh, exportPdf, exportReport, exportKeys);
        bar.setAlignment(Pos.CENTER_LEFT);
        compactWhenNarrow(bar, List.of(exportPdf, exportReport, exportKeys));

        verdict.setId("residencyVerdict");
        verdict.getStyleClass().add("residency-verdict");
        verdict.setWrapText(true);
        verdict.setMaxWidth(Double.MAX_VALUE);
        verdict.textProperty().bind(Bindings.createStringBinding(() -> switch (viewModel.stateProperty().get()) {
            case LOADING -> i18n.get("residency.loading");
            case ERROR, OFFLINE -> viewModel.errorProperty().get();
            case READY, EMPTY -> viewModel.verdictTextProperty().get();
        }, viewModel.stateProperty(), viewModel.verdictTextProperty(), viewModel.errorProperty(), i18n.localeProperty()));
        viewModel.stateProperty().addListener((obs, old, now) -> styleVerdict());
        styleVerdict();

        badge.setId("verificationBadge");
        badge.getStyleClass().add("verification-badge");
        badge.setWrapText(true);
        badge.textProperty().bind(viewModel.verificationTextProperty());
        // A signature is only judged on a report that arrived.
        badge.visibleProperty().bind(viewModel.verificationTextProperty().isNotNull());
        badge.managedProperty().bind(badge.visibleProperty());
        Tooltip fingerprint = new Tooltip();
        fingerprint.textProperty().bind(Bindings.createStringBinding(() -> viewModel.keyFingerprintProperty().get() == null
                ? viewModel.verificationTextProperty().get()
                : i18n.get("residency.verify.fingerprint", viewModel.keyFingerprintProperty().get()),
                viewModel.keyFingerprintProperty(), viewModel.verificationTextProperty(), i18n.localeProperty()));
        badge.setTooltip(fingerprint);
        // A touch screen never shows a tooltip: the kiosk's style shows the fingerprint as a line of its own.
        Label touchFingerprint = new Label();
        touchFingerprint.setId("residencyKeyFingerprint");
        touchFingerprint.getStyleClass().addAll("text-muted", "touch-only");
        touchFingerprint.setWrapText(true);
        touchFingerprint.textProperty().bind(Bindings.createStringBinding(() -> viewModel.keyFingerprintProperty().get() == null
                ? "" : i18n.get("residency.verify.fingerprint", viewModel.keyFingerprintProperty().get()),
                viewModel.keyFingerprintProperty(), i18n.localeProperty()));

        logCheck.setId("logCheck");
        logCheck.getStyleClass().add("verification-badge");
        logCheck.setWrapText(true);
        logCheck.textProperty().bind(viewModel.logTextProperty());
        logCheck.visibleProperty().bind(viewModel.logTextProperty().isNotNull());
        logCheck.managedProperty().bind(logCheck.visibleProperty());
        viewModel.logStatusProperty().addListener((obs, old, now) -> styleLogCheck());
        styleLogCheck();

        // The signature and the log check side by side: stacked, they pushed the page past the minimum window.
        HBox checks = new HBox(12, badge, logCheck);
        HBox.setHgrow(badge, Priority.SOMETIMES);
        HBox.setHgrow(logCheck, Priority.SOMETIMES);
        // The short signature line stays on one line (up to 45 % of the row); the longer log line wraps beside it.
        badge.minWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(badge.prefWidth(-1), checks.getWidth() * 0.45), checks.widthProperty(),
                badge.textProperty()));
        VBox top = new VBox(12, bar, verdict, checks, touchFingerprint);
        top.setPadding(new Insets(16, 20, 8, 20));
        return top;
    }

    /**
     * Shows {@code buttons} as icons alone, with their words in the tooltip, while {@code bar} is too narrow for
     * the words (the minimum window in German); whole words otherwise, never words cut to "…".
     */
    private static void compactWhenNarrow(HBox bar, List<Button> buttons) {
        for (Button button : buttons) {
            Tooltip words = new Tooltip();
            words.textProperty().bind(button.textProperty());
            button.setTooltip(words);
        }
        InvalidationListener fit = obs -> {
            double needed = bar.snappedLeftInset() + bar.snappedRightInset()
                    + bar.getSpacing() * (bar.getChildren().size() - 1);
            for (Node child : bar.getChildren()) {
                if (child instanceof Button button && buttons.contains(button)) {
                    Text words = new Text(button.getText());
                    words.setFont(button.getFont());
                    needed += button.snappedLeftInset() + button.snappedRightInset() + words.getLayoutBounds().getWidth()
                            + (button.getGraphic() == null ? 0 : button.getGraphic().prefWidth(-1) + button.getGraphicTextGap());
                } else if (child.isManaged()) {
                    needed += child.minWidth(-1);
                }
            }
            ContentDisplay display = bar.getWidth() > 0 && bar.getWidth() < needed
                    ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT;
            buttons.forEach(b -> b.setContentDisplay(display));
        };
        bar.widthProperty().addListener(fit);
        buttons.forEach(b -> b.textProperty().addListener(fit));
    }

    private Region body() {
        VBox mapBox = new VBox(8, sectionTitle("residency.map.title"), map,
                new HBox(16, legend("site-primary", "residency.map.primary"), legend("site-backup", "residency.map.backup")));
        map.setId("residencyMap");
        VBox.setVgrow(map, Priority.ALWAYS);
        mapBox.getStyleClass().add("map-card");
        mapBox.setMinWidth(300);
        mapBox.setPrefWidth(420);

        tabs.setId("residencyTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                tab("residency.tab.inventory", table(viewModel.inventory(), tables.inventory())),
                tab("residency.tab.processing", table(viewModel.processing(), tables.processing())),
                tab("residency.tab.transfers", table(viewModel.transfers(), tables.transfers())),
                tab("residency.tab.access", table(viewModel.operatorAccess(), tables.operatorAccess())),
                tab("residency.tab.attestations", attestationTable()),
                tab("residency.tab.findings", findingsTable()),
                disclosuresTab());
        // Seven tabs beside the map: their headers wrap into rows rather than hide behind a menu.
        VBox tabBox = WrappingTabs.of(tabs);
        HBox.setHgrow(tabBox, Priority.ALWAYS);
        tabBox.setMinWidth(MIN_TABS_WIDTH);

        HBox body = new HBox(16, mapBox, tabBox);
        body.setPadding(new Insets(8, 20, 8, 20));
        return body;
    }

    private Region statusBar() {
        status.setId("residencyStatus");
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);

        Label running = new Label();
        running.textProperty().bind(i18n.binding("residency.export.pdfRunning"));
        running.getStyleClass().add(Styles.TEXT_SMALL);
        ProgressBar pdfProgress = new ProgressBar();
        pdfProgress.setId("pdfProgress");
        pdfProgress.setPrefWidth(160);
        pdfProgress.progressProperty().bind(viewModel.pdfProgressProperty());
        Button cancel = new Button();
        cancel.setId("cancelPdfExport");
        cancel.textProperty().bind(i18n.binding("residency.export.cancel"));
        cancel.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        cancel.setOnAction(e -> {
            viewModel.cancelPdfExport();
            status.setText(i18n.get("residency.export.cancelled"));
        });
        HBox pdfBox = new HBox(8, running, pdfProgress, cancel);
        pdfBox.setId("pdfExport");
        pdfBox.setAlignment(Pos.CENTER_LEFT);
        pdfBox.visibleProperty().bind(viewModel.exportingPdfProperty());
        pdfBox.managedProperty().bind(viewModel.exportingPdfProperty());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(12, status, gap, pdfBox);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 20, 8, 20));
        return bar;
    }

    private Label legend(String style, String key) {
        Circle dot = new Circle(6);
        dot.getStyleClass().addAll("site-dot", style);
        Label label = new Label(null, dot);
        label.textProperty().bind(i18n.binding(key));
        label.getStyleClass().add(Styles.TEXT_SMALL);
        return label;
    }

    private Label sectionTitle(String key) {
        Label label = new Label();
        label.textProperty().bind(i18n.binding(key));
        label.getStyleClass().add(Styles.TITLE_4);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private final VBox disclosures = new VBox(8);

    /** The provider's disclosures (BSI C5:2026): law, parent company, official requests, subprocessors. */
    private Tab disclosuresTab() {
        disclosures.setId("residencyDisclosures");
        disclosures.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(disclosures);
        scroll.setFitToWidth(true);
        Tab tab = new Tab();
        tab.setId("residencyDisclosuresTab");
        tab.textProperty().bind(i18n.binding("residency.tab.disclosures"));
        tab.setContent(scroll);
        viewModel.reportProperty().addListener((obs, old, now) -> showDisclosures());
        i18n.onSwitch(disclosures, this::showDisclosures);
        showDisclosures();
        return tab;
    }

    private void showDisclosures() {
        disclosures.getChildren().clear();
        ResidencyReport report = viewModel.reportProperty().get();
        if (report == null || report.disclosures() == null) {
            disclosures.getChildren().add(new Label(i18n.get("residency.disclosures.none")));
            return;
        }
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        int row = 0;
        for (String[] line : ResidencyDisclosures.lines(report, i18n)) {
            Label caption = new Label(line[0]);
            caption.getStyleClass().add(Styles.TEXT_MUTED);
            caption.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(line[1]);
            value.setWrapText(true);
            value.setId("residencyDisclosure-" + row);
            GridPane.setHgrow(value, Priority.ALWAYS);
            grid.add(caption, 0, row);
            grid.add(value, 1, row++);
        }
        Label subprocessors = new Label(i18n.get("residency.disclosures.subprocessors"));
        subprocessors.getStyleClass().add(Styles.TEXT_BOLD);
        VBox list = new VBox(2);
        list.setId("residencySubprocessors");
        ResidencyDisclosures.subprocessors(report, i18n).forEach(text -> {
            Label label = new Label("\u2022 " + text);
            label.setWrapText(true);
            list.getChildren().add(label);
        });
        disclosures.getChildren().addAll(grid, subprocessors, list);
    }

    private Tab tab(String key, TableView<?> table) {
        Tab tab = new Tab();
        tab.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(key) + " (" + table.getItems().size() + ")",
                i18n.localeProperty(), table.getItems()));
        TableLayout.readable(table);
        tab.setContent(table);
        return tab;
    }

    /** Columns of names and sentences; they shorten first, with the whole text on hover. */
    private static final Set<String> FREE_TEXT_KEYS = Set.of("residency.col.name", "residency.col.workload",
            "residency.col.object", "residency.col.resource", "residency.col.justification", "residency.col.scope",
            "residency.col.description", "residency.col.remediation", "residency.col.legalBasis", "residency.col.nodes",
            "residency.col.reference", "residency.col.issuer", "residency.col.site");

    private static final double MIN_TABS_WIDTH = 240;

    private <T> TableView<T> table(ObservableList<T> items) {
        TableView<T> table = new TableView<>(items);
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(StatePlaceholder.of(i18n, viewModel.stateProperty(), "residency.table.empty",
                viewModel.errorProperty()));
        return table;
    }

    private <T> TableColumn<T, String> column(String key, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>();
        column.textProperty().bind(i18n.binding(key));
        column.setCellValueFactory(cell -> Bindings.createStringBinding(() -> value.apply(cell.getValue()), i18n.localeProperty()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        return column;
    }

    private <T> TableView<T> table(ObservableList<T> items, List<ResidencyTables.Column<T>> columns) {
        TableView<T> table = table(items);
        columns.forEach(c -> {
            TableColumn<T, String> column = column(c.key(), c.text());
            if (FREE_TEXT_KEYS.contains(c.key())) {
                TableLayout.freeText(column);
            }
            table.getColumns().add(column);
        });
        return table;
    }

    private TableView<AttestationRow> attestationTable() {
        TableView<AttestationRow> table = table(viewModel.attestations(), tables.attestations());
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AttestationRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("expiring");
                if (!empty && item != null && item.expiringSoon()) {
                    getStyleClass().add("expiring");
                }
            }
        });
        return table;
    }

    private TableView<ResidencyReport.Finding> findingsTable() {
        TableView<ResidencyReport.Finding> table = table(viewModel.findings(), tables.findings());
        @SuppressWarnings("unchecked")
        TableColumn<ResidencyReport.Finding, String> state = (TableColumn<ResidencyReport.Finding, String>) table.getColumns().get(0);
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeIf(s -> s.startsWith("finding-"));
                ResidencyReport.Finding finding = empty ? null : getTableRow().getItem();
                if (finding == null) {
                    setGraphic(null);
                    return;
                }
                Label pill = new Label(item);
                pill.getStyleClass().addAll("finding-state", "finding-" + finding.state().name().toLowerCase(Locale.ROOT));
                setGraphic(pill);
                setText(null);
            }
        });
        return table;
    }

    private void styleVerdict() {
        verdict.getStyleClass().removeAll("verdict-compliant", "verdict-findings", "verdict-violation", "verdict-error");
        ResidencyReport report = viewModel.reportProperty().get();
        switch (viewModel.stateProperty().get()) {
            case LOADING -> {
                verdict.setGraphic(new FontIcon(Material2AL.HOURGLASS_EMPTY));
                return;
            }
            case OFFLINE -> {
                verdict.getStyleClass().add("verdict-error");
                verdict.setGraphic(new FontIcon(Material2AL.CLOUD_OFF));
                return;
            }
            case ERROR -> {
                verdict.getStyleClass().add("verdict-error");
                verdict.setGraphic(new FontIcon(Material2AL.ERROR_OUTLINE));
                return;
            }
            case READY, EMPTY -> {
            }
        }
        switch (report.verdict().status()) {
            case COMPLIANT -> {
                verdict.getStyleClass().add("verdict-compliant");
                verdict.setGraphic(new FontIcon(Material2AL.CHECK_CIRCLE));
            }
            case FINDINGS -> {
                verdict.getStyleClass().add("verdict-findings");
                verdict.setGraphic(new FontIcon(Material2AL.INFO));
            }
            case VIOLATION -> {
                verdict.getStyleClass().add("verdict-violation");
                verdict.setGraphic(new FontIcon(Material2AL.ERROR));
            }
        }
    }

    private void styleBadge() {
        badge.getStyleClass().removeAll("badge-verified", "badge-failed", "badge-unverified");
        switch (viewModel.verificationProperty().get()) {
            case VERIFIED -> {
                badge.getStyleClass().add("badge-verified");
                badge.setGraphic(new FontIcon(Material2MZ.VERIFIED_USER));
            }
            case TAMPERED, KEY_CHANGED -> {
                badge.getStyleClass().add("badge-failed");
                badge.setGraphic(new FontIcon(Material2MZ.WARNING));
            }
            case UNVERIFIED -> {
                badge.getStyleClass().add("badge-unverified");
                badge.setGraphic(new FontIcon(Material2AL.HELP_OUTLINE));
            }
        }
    }

    private void styleLogCheck() {
        logCheck.getStyleClass().removeAll("badge-verified", "badge-failed", "badge-unverified");
        switch (viewModel.logStatusProperty().get()) {
            case CONSISTENT -> {
                logCheck.getStyleClass().add("badge-verified");
                logCheck.setGraphic(new FontIcon(Material2MZ.VERIFIED_USER));
            }
            case INCONSISTENT, NOT_CHECKED -> {
                logCheck.getStyleClass().add("badge-failed");
                logCheck.setGraphic(new FontIcon(Material2MZ.WARNING));
            }
            case FIRST, NONE -> {
                logCheck.getStyleClass().add("badge-unverified");
                logCheck.setGraphic(new FontIcon(Material2AL.INFO));
            }
        }
    }

    private void refreshMap() {
        ResidencyReport report = viewModel.reportProperty().get();
        map.show(viewModel.sites(), i18n.locale(), this::localized);
        status.setText(report == null ? "" : i18n.get("residency.status", report.reportId(),
                dateTime(report.generatedAt()), report.methodologyVersion()));
    }

    private void export(boolean report) {
        String suggested = report ? "residency-report.json" : "factory-keys.json";
        Path target = saveDialog.apply(report ? "residency.export.report" : "residency.export.keys", suggested);
        if (target == null) {
            return;
        }
        Runnable done = () -> status.setText(i18n.get("residency.export.done", target.getFileName().toString()));
        if (report) {
            viewModel.exportReport(target, done, status::setText);
        } else {
            viewModel.exportKeys(target, done, status::setText);
        }
    }

    private void exportPdf() {
        Path target = saveDialog.apply("residency.export.pdf", "residency-report.pdf");
        if (target == null) {
            return;
        }
        status.setText("");
        viewModel.exportPdf(target, () -> status.setText(i18n.get("residency.export.done", target.getFileName().toString())),
                status::setText);
    }

    private Path chooseFile(String titleKey, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.titleProperty().bind(i18n.binding(titleKey));
        chooser.setInitialFileName(suggestedName);
        boolean pdf = suggestedName.endsWith(".pdf");
        chooser.getExtensionFilters().add(pdf ? new FileChooser.ExtensionFilter("PDF", "*.pdf")
                : new FileChooser.ExtensionFilter("JSON", "*.json"));
        Window owner = getScene() == null ? null : getScene().getWindow();
        return FileChoosers.showSave(chooser, owner);
    }

    /** A text of the report (a city, a site) in the user's language, from the report's own translations. */
    private String localized(String english) {
        ResidencyReport report = viewModel.reportProperty().get();
        return report == null ? english : report.text(english, i18n.locale());
    }

    private String dateTime(Instant instant) {
        return tables.dateTime(instant);
    }

    private final class PeriodCell extends ListCell<PeriodChoice> {
        @Override
        protected void updateItem(PeriodChoice item, boolean empty) {
            super.updateItem(item, empty);
            i18n.cellText(this, empty || item == null ? null : () -> i18n.get(switch (item) {
                case LAST_90_DAYS -> "residency.period.last90";
                case THIS_QUARTER -> "residency.period.thisQuarter";
                case LAST_QUARTER -> "residency.period.lastQuarter";
                case THIS_YEAR -> "residency.period.thisYear";
            }));
        }
    }
}
