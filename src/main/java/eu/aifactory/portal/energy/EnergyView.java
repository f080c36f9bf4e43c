package eu.aifactory.portal.energy;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import eu.aifactory.api.report.CarbonIntensity;
import eu.aifactory.api.report.EnergyReceipt;
import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.api.report.RuleSet;
import eu.aifactory.api.report.SiteIndicator;
import eu.aifactory.portal.common.FileChoosers;
import eu.aifactory.portal.common.FileExport;
import eu.aifactory.portal.common.LoadState;
import eu.aifactory.portal.common.StatePlaceholder;
import eu.aifactory.portal.common.TableLayout;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import eu.aifactory.portal.energy.EnergyViewModel.Kpis;
import eu.aifactory.portal.energy.EnergyViewModel.WorkloadEnergy;
import eu.aifactory.portal.i18n.DateInput;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The Energy page: period picker, KPI cards with the site's EnEfG indicators, facility energy over time split into
 * renewable and grid energy, the per-workload table, and the receipt of the chosen workload beside it.
 */
public final class EnergyView extends BorderPane {

    private final EnergyViewModel viewModel;
    private final I18n i18n;

    private final ComboBox<EnergyPeriod> periodPicker = new ComboBox<>();
    private final DatePicker fromPicker = new DatePicker();
    private final DatePicker toPicker = new DatePicker();
    private final Button applyCustom = new Button();
    private final HBox customBox = new HBox(6);
    private final Label rangeLabel = new Label();
    private final Label statusLabel = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();

    private final Card facilityCard;
    private final Card co2LocationCard;
    private final Card co2MarketCard;
    private final Card renewableCard;
    private final Card pueCard;
    private final Card erfCard;

    private final StackedEnergyChart chart;
    private final ToggleGroup stackingGroup = new ToggleGroup();
    private final TableView<WorkloadEnergy> table = new TableView<>();
    private final VBox receiptPane = new VBox(8);
    private final VBox auditPane = new VBox(6);
    private BiFunction<String, Window, Path> saveChooser = this::chooseWithDialog;
    private FileChooser.ExtensionFilter pendingFilter;

    public EnergyView(EnergyViewModel viewModel, I18n i18n) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.i18n = Objects.requireNonNull(i18n);
        chart = new StackedEnergyChart(i18n);
        facilityCard = new Card("kpiFacilityKwh", "energy.kpi.facility");
        co2LocationCard = new Card("kpiCo2Location", "energy.kpi.co2Location");
        co2MarketCard = new Card("kpiCo2Market", "energy.kpi.co2Market");
        renewableCard = new Card("kpiRenewable", "energy.kpi.renewable");
        pueCard = new Card("kpiPue", "energy.kpi.pue");
        erfCard = new Card("kpiErf", "energy.kpi.erf");
        getStyleClass().add("energy-view");
        getStylesheets().add(Objects.requireNonNull(EnergyView.class.getResource("energy.css")).toExternalForm());

        Label title = new Label();
        title.textProperty().bind(i18n.binding("energy.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        title.setMinWidth(Region.USE_PREF_SIZE);
        periodPicker.setMinWidth(Region.USE_PREF_SIZE);

        periodPicker.setId("energyPeriod");
        periodPicker.getItems().setAll(EnergyPeriod.values());
        periodPicker.setCellFactory(list -> new PeriodCell());
        periodPicker.setButtonCell(new PeriodCell());
        periodPicker.setValue(viewModel.periodProperty().get());
        periodPicker.valueProperty().addListener((obs, old, now) -> {
            if (now != null && now != EnergyPeriod.CUSTOM && now != viewModel.periodProperty().get()) {
                viewModel.selectPeriod(now);
            }
            customBox.setVisible(now == EnergyPeriod.CUSTOM);
            customBox.setManaged(now == EnergyPeriod.CUSTOM);
        });
        fromPicker.setId("energyFrom");
        toPicker.setId("energyTo");
        fromPicker.setValue(viewModel.customFrom());
        toPicker.setValue(viewModel.customTo());
        applyCustom.setId("energyApplyCustom");
        applyCustom.textProperty().bind(i18n.binding("energy.period.apply"));
        DateInput fromInput = DateInput.attach(fromPicker, i18n);
        DateInput toInput = DateInput.attach(toPicker, i18n);
        Label dateError = dateError("energyDateError", fromInput, toInput);
        applyCustom.disableProperty().bind(fromPicker.valueProperty().isNull().or(toPicker.valueProperty().isNull())
                .or(dateError.visibleProperty()));
        applyCustom.setOnAction(e -> applyCustomPeriod());
        Label fromLabel = new Label();
        fromLabel.textProperty().bind(i18n.binding("energy.period.from"));
        Label toLabel = new Label();
        toLabel.textProperty().bind(i18n.binding("energy.period.to"));
        customBox.getChildren().addAll(fromLabel, fromPicker, toLabel, toPicker, applyCustom);
        customBox.setAlignment(Pos.CENTER_LEFT);
        customBox.setVisible(false);
        customBox.setManaged(false);

        busy.setId("energyBusy");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.stateProperty().isEqualTo(LoadState.LOADING));
        statusLabel.setId("energyStatus");
        rangeLabel.getStyleClass().add(Styles.TEXT_MUTED);
        rangeLabel.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button exportCsv = new Button();
        exportCsv.setId("energyExportCsv");
        exportCsv.getStyleClass().add("reaches-disk");
        exportCsv.textProperty().bind(i18n.binding("energy.export.csv"));
        exportCsv.disableProperty().bind(viewModel.stateProperty().isNotEqualTo(LoadState.READY)
                .or(viewModel.exportingProperty()));
        exportCsv.setOnAction(e -> chooseTarget(viewModel.suggestedCsvName(), "CSV", "*.csv")
                .ifPresent(viewModel::exportCsv));
        exportCsv.setMinWidth(Region.USE_PREF_SIZE);
        Button exportPdf = new Button();
        exportPdf.setId("energyExportPdf");
        exportPdf.getStyleClass().add("reaches-disk");
        exportPdf.textProperty().bind(i18n.binding("energy.export.pdf"));
        exportPdf.disableProperty().bind(exportCsv.disableProperty());
        exportPdf.setOnAction(e -> chooseTarget(viewModel.suggestedPdfName(), "PDF", "*.pdf")
                .ifPresent(target -> viewModel.exportPdf(target, locale(), snapshotChart())));
        exportPdf.setMinWidth(Region.USE_PREF_SIZE);
        ProgressBar exportProgress = new ProgressBar();
        exportProgress.setId("energyExportProgress");
        exportProgress.setPrefWidth(90);
        exportProgress.progressProperty().bind(viewModel.exportProgressProperty());
        Button cancelExport = new Button();
        cancelExport.setId("energyExportCancel");
        cancelExport.textProperty().bind(i18n.binding("energy.export.cancel"));
        cancelExport.getStyleClass().add(Styles.FLAT);
        cancelExport.setMinWidth(Region.USE_PREF_SIZE);
        cancelExport.setOnAction(e -> viewModel.cancelExport());
        for (Node node : List.of(exportProgress, cancelExport)) {
            node.visibleProperty().bind(viewModel.exportingProperty());
            node.managedProperty().bind(viewModel.exportingProperty());
        }
        viewModel.exportResultProperty().addListener((obs, old, now) -> showExport());
        // The period's dates sit under the title, so that the header fits the minimum window in German too.
        VBox titles = new VBox(0, title, rangeLabel);
        titles.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(8, titles, spacer, busy, periodPicker, customBox, exportProgress,
                cancelExport, exportCsv, exportPdf);
        header.setAlignment(Pos.CENTER_LEFT);

        // Three cards a row, each a third of the width, so the figures keep their size when the receipt is open.
        GridPane cards = new GridPane();
        cards.setHgap(10);
        cards.setVgap(10);
        List<Card> all = List.of(facilityCard, co2LocationCard, co2MarketCard, renewableCard, pueCard, erfCard);
        all.forEach(card -> card.setMaxWidth(Double.MAX_VALUE));
        arrangeCards(cards, all, 3);
        // Two a row when three would cut the figures (the receipt open on a small window).
        cards.widthProperty().addListener((obs, old, now) ->
                arrangeCards(cards, all, now.doubleValue() < CARDS_THREE_A_ROW ? 2 : 3));

        chart.setPrefHeight(250);
        Label chartTitle = new Label();
        chartTitle.textProperty().bind(i18n.binding("energy.chart.title"));
        chartTitle.getStyleClass().add(Styles.TEXT_BOLD);
        chartTitle.setMinWidth(Region.USE_PREF_SIZE);
        HBox stackingBar = new HBox(0);
        stackingBar.setId("energyStacking");
        for (EnergyViewModel.Stacking option : EnergyViewModel.Stacking.values()) {
            ToggleButton button = new ToggleButton();
            button.setId("energyStack-" + option.name().toLowerCase(Locale.ROOT));
            button.textProperty().bind(i18n.binding(switch (option) {
                case APPLICATION -> "energy.chart.stack.application";
                case PROJECT -> "energy.chart.stack.project";
                case SOURCE -> "energy.chart.stack.source";
            }));
            button.setUserData(option);
            button.setToggleGroup(stackingGroup);
            button.setSelected(option == viewModel.stackingProperty().get());
            button.getStyleClass().add(option.ordinal() == 0 ? Styles.LEFT_PILL
                    : option.ordinal() == EnergyViewModel.Stacking.values().length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            button.setMinWidth(Region.USE_PREF_SIZE);
            stackingBar.getChildren().add(button);
        }
        stackingGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                // A pressed button stays pressed: one stacking is always chosen.
                stackingGroup.selectToggle(old);
            } else {
                viewModel.selectStacking((EnergyViewModel.Stacking) now.getUserData());
            }
        });
        // The stacking choice moves under the title when both do not fit on one line.
        FlowPane chartHeader = new FlowPane(24, 6, chartTitle, stackingBar);
        chartHeader.setAlignment(Pos.CENTER_LEFT);

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        // The table keeps room for a few rows; the chart gives way first on short windows.
        table.setMinHeight(150);
        Label tableHint = new Label();
        tableHint.textProperty().bind(i18n.binding("energy.table.hint"));
        tableHint.getStyleClass().add(Styles.TEXT_MUTED);
        tableHint.setWrapText(true);
        tableHint.setMinHeight(Region.USE_PREF_SIZE);

        // The header spans the page above the receipt and stays put; the rest scrolls when the window is short,
        // and the chart and the table share what height there is.
        header.setPadding(new Insets(16, 16, 4, 16));
        setTop(header);
        VBox.setVgrow(chart, Priority.ALWAYS);
        // The date error gets a line of its own under the header, where it takes no width from the dates.
        auditPane.setId("energyAudit");
        auditPane.getStyleClass().add("energy-audit");
        VBox main = new VBox(12, dateError, statusLabel, cards, chartHeader, chart, tableHint, table, auditPane);
        main.setPadding(new Insets(8, 16, 16, 16));
        ScrollPane mainScroll = new ScrollPane(main);
        mainScroll.setId("energyScroll");
        mainScroll.setFitToWidth(true);
        mainScroll.setFitToHeight(true);
        mainScroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        setCenter(mainScroll);

        receiptPane.setId("energyReceipt");
        receiptPane.getStyleClass().add("energy-receipt");
        receiptPane.setPadding(new Insets(16));
        ScrollPane receiptScroll = new ScrollPane(receiptPane);
        receiptScroll.setFitToWidth(true);
        receiptScroll.setPrefWidth(360);
        receiptScroll.setMinWidth(300);
        receiptScroll.visibleProperty().bind(viewModel.receiptProperty().isNotNull()
                .or(viewModel.receiptLoadingProperty()).or(viewModel.receiptErrorProperty().isNotNull()));
        receiptScroll.managedProperty().bind(receiptScroll.visibleProperty());
        setRight(receiptScroll);

        viewModel.stateProperty().addListener((obs, old, now) -> showStatus());
        viewModel.kpisProperty().addListener((obs, old, now) -> showKpis());
        viewModel.rangeProperty().addListener((obs, old, now) -> showRange());
        viewModel.chartStackProperty().addListener((obs, old, now) -> showChart());
        viewModel.rows().addListener((ListChangeListener<WorkloadEnergy>) change -> table.getItems().setAll(viewModel.rows()));
        viewModel.receiptProperty().addListener((obs, old, now) -> showReceipt());
        viewModel.reportProperty().addListener((obs, old, now) -> showAudit());
        viewModel.receiptLoadingProperty().addListener((obs, old, now) -> showReceipt());
        viewModel.receiptErrorProperty().addListener((obs, old, now) -> showReceipt());
        i18n.onSwitch(this, () -> {
            showStatus();
            showKpis();
            showRange();
            chart.relabel();
            table.refresh();
            showReceipt();
            showAudit();
        });
        table.getItems().setAll(viewModel.rows());
        showStatus();
        showKpis();
        showRange();
        showChart();
        showAudit();
    }

    /**
     * The auditor's section under the table: where the IT energy comes from, the PUE used, the rule versions side by
     * side, the site's evidence and the carbon per unit of work, all from the report last loaded.
     */
    private void showAudit() {
        auditPane.getChildren().clear();
        EnergyReport report = viewModel.reportProperty().get();
        if (report == null || report.provenance() == null) {
            auditPane.setVisible(false);
            auditPane.setManaged(false);
            return;
        }
        auditPane.setVisible(true);
        auditPane.setManaged(true);
        UnaryOperator<String> factory = english -> report.text(english, locale());
        auditPane.getChildren().add(heading("energy.audit.title"));
        auditPane.getChildren().add(text("energyProvenance", AuditTexts.provenance(report.provenance(), i18n), false));
        VBox sources = new VBox(2);
        sources.setId("energySources");
        report.provenance().sources().forEach(source -> sources.getChildren().add(
                text(null, "\u2022 " + AuditTexts.source(source, factory, i18n), true)));
        report.provenance().pue().forEach(pue -> sources.getChildren().add(
                text(null, "\u2022 " + AuditTexts.pue(pue, factory, i18n), true)));
        auditPane.getChildren().add(sources);

        if (report.ruleSet() != null) {
            auditPane.getChildren().add(heading("energy.audit.rules.title"));
            auditPane.getChildren().add(text("energyRuleSet", AuditTexts.ruleSet(report.ruleSet(), factory, i18n), false));
            GridPane rules = new GridPane();
            rules.setId("energyRuleTable");
            rules.setHgap(16);
            rules.setVgap(4);
            List<RuleSet> columns = AuditTexts.columns(report);
            rules.add(bold(i18n.get("energy.audit.rules.indicator")), 0, 0);
            rules.add(bold(i18n.get("energy.audit.rules.value")), 1, 0);
            for (int c = 0; c < columns.size(); c++) {
                Label head = bold(AuditTexts.columnHead(columns.get(c), factory, i18n));
                head.setId("energyRuleHead-" + columns.get(c).id());
                rules.add(head, 2 + c, 0);
            }
            int row = 1;
            for (SiteIndicator indicator : report.indicators()) {
                rules.add(new Label(indicator.name()), 0, row);
                rules.add(new Label(IndicatorFormat.value(indicator, locale())), 1, row);
                for (int c = 0; c < columns.size(); c++) {
                    Label verdict = new Label(AuditTexts.verdict(indicator, columns.get(c), i18n));
                    verdict.setId("energyRule-" + indicator.name() + "-" + columns.get(c).id());
                    rules.add(verdict, 2 + c, row);
                }
                row++;
            }
            auditPane.getChildren().add(rules);
            columns.stream().skip(1).forEach(other ->
                    auditPane.getChildren().add(text(null, AuditTexts.ruleSet(other, factory, i18n), true)));
        }

        if (report.siteEvidence() != null) {
            auditPane.getChildren().add(heading("energy.audit.site.title"));
            GridPane site = new GridPane();
            site.setId("energySite");
            site.setHgap(16);
            site.setVgap(4);
            ColumnConstraints captions = new ColumnConstraints();
            ColumnConstraints values = new ColumnConstraints();
            // The values wrap within the page instead of widening it.
            values.setHgrow(Priority.ALWAYS);
            values.setMinWidth(0);
            site.getColumnConstraints().setAll(captions, values);
            int row = 0;
            for (String[] line : AuditTexts.site(report.siteEvidence(), factory, i18n)) {
                Label caption = new Label(line[0]);
                caption.getStyleClass().add(Styles.TEXT_MUTED);
                caption.setMinWidth(Region.USE_PREF_SIZE);
                Label value = new Label(line[1]);
                value.setId("energySiteValue-" + row);
                value.setWrapText(true);
                value.setMinWidth(0);
                value.setMinHeight(Region.USE_PREF_SIZE);
                site.add(caption, 0, row);
                site.add(value, 1, row++);
            }
            auditPane.getChildren().add(site);
            report.siteEvidence().certificates().forEach(c -> auditPane.getChildren().add(
                    text(null, "\u2022 " + AuditTexts.certificate(c, factory, i18n), true)));
            if (report.siteEvidence().illustrative()) {
                auditPane.getChildren().add(text("energySiteIllustrative", i18n.get("energy.audit.site.illustrative"), true));
            }
        }

        auditPane.getChildren().add(heading("energy.audit.sci.title"));
        if (report.carbonIntensity().isEmpty()) {
            auditPane.getChildren().add(text("energySciNone", i18n.get("energy.audit.sci.none"), true));
            return;
        }
        GridPane sci = new GridPane();
        sci.setId("energySci");
        sci.setHgap(16);
        sci.setVgap(3);
        List<String> heads = List.of("energy.col.application", "energy.audit.sci.col.perUnit", "energy.audit.sci.col.units",
                "energy.audit.sci.col.operational", "energy.audit.sci.col.embodied");
        for (int c = 0; c < heads.size(); c++) {
            sci.add(bold(i18n.get(heads.get(c))), c, 0);
        }
        int row = 1;
        for (CarbonIntensity c : report.carbonIntensity()) {
            Label perUnit = new Label(AuditTexts.perUnit(c, i18n));
            perUnit.setId("energySci-" + c.appId());
            sci.add(new Label(viewModel.appName(c.appId(), locale())), 0, row);
            sci.add(perUnit, 1, row);
            sci.add(new Label(Formats.number(c.units(), 3, locale())), 2, row);
            sci.add(new Label(Formats.kg3(c.operationalKg(), locale())), 3, row);
            sci.add(new Label(Formats.kg3(c.embodiedKg(), locale())), 4, row++);
        }
        auditPane.getChildren().add(sci);
        AuditTexts.embodiedFactor(report.carbonIntensity().get(0), factory, locale()).ifPresent(factor ->
                auditPane.getChildren().add(text(null, i18n.get("energy.audit.sci.method", factor), true)));
    }

    private Label heading(String key) {
        Label label = new Label(i18n.get(key));
        label.getStyleClass().addAll(Styles.TEXT_BOLD, "energy-audit-heading");
        return label;
    }

    private static Label bold(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    private static Label text(String id, String text, boolean muted) {
        Label label = new Label(text);
        if (id != null) {
            label.setId(id);
        }
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        if (muted) {
            label.getStyleClass().add(Styles.TEXT_MUTED);
        }
        return label;
    }

    /** Below this width three cards a row leave too little room for a figure such as "1,870.6 kWh". */
    private static final double CARDS_THREE_A_ROW = 540;

    private static void arrangeCards(GridPane cards, List<Card> all, int perRow) {
        if (cards.getColumnConstraints().size() == perRow) {
            return;
        }
        cards.getColumnConstraints().clear();
        for (int i = 0; i < perRow; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / perRow);
            column.setFillWidth(true);
            cards.getColumnConstraints().add(column);
        }
        cards.getChildren().clear();
        for (int i = 0; i < all.size(); i++) {
            cards.add(all.get(i), i % perRow, i / perRow);
        }
    }

    /** The field error of whichever date is not one; shown under the header, hidden while both are dates. */
    private static Label dateError(String id, DateInput from, DateInput to) {
        Label error = new Label();
        error.setId(id);
        error.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        error.setWrapText(true);
        error.textProperty().bind(Bindings.createStringBinding(() -> from.errorProperty().get() != null
                ? from.errorProperty().get() : to.errorProperty().get(), from.errorProperty(), to.errorProperty()));
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    /** The table, for the page to give it focus. */
    TableView<WorkloadEnergy> table() {
        return table;
    }

    private void applyCustomPeriod() {
        LocalDate from = fromPicker.getValue();
        LocalDate to = toPicker.getValue();
        if (to.isBefore(from)) {
            statusLabel.setText(i18n.get("energy.period.invalid"));
            return;
        }
        viewModel.selectCustom(from, to);
    }

    /** Sets how the export asks for its target: given the suggested name and the window, a path or null. */
    public void setSaveChooser(BiFunction<String, Window, Path> chooser) {
        saveChooser = chooser == null ? this::chooseWithDialog : chooser;
    }

    private Optional<Path> chooseTarget(String suggestedName, String kind, String pattern) {
        pendingFilter = new FileChooser.ExtensionFilter(kind, pattern);
        return Optional.ofNullable(saveChooser.apply(suggestedName, getScene().getWindow()));
    }

    private Path chooseWithDialog(String suggestedName, Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.titleProperty().bind(i18n.binding("energy.export.title"));
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(pendingFilter);
        return FileChoosers.showSave(chooser, owner);
    }

    /** The chart and its legend as printed, at twice the screen resolution; taken here on the UI thread. */
    private EnergyPdf.Pixels snapshotChart() {
        if (chart.getWidth() <= 0 || chart.getHeight() <= 0) {
            return null;
        }
        WritableImage image = chart.printImage(2);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return new EnergyPdf.Pixels(width, height, argb);
    }

    private void showExport() {
        FileExport.Result result = viewModel.exportResultProperty().get();
        if (result == null) {
            return;
        }
        statusLabel.getStyleClass().remove(Styles.DANGER);
        if (result.cancelled()) {
            statusLabel.setText(i18n.get("energy.export.cancelled"));
        } else if (result.error() == null) {
            statusLabel.setText(i18n.get("energy.export.saved", result.file().getFileName().toString()));
        } else {
            statusLabel.setText(i18n.get("energy.export.failed", result.error()));
            statusLabel.getStyleClass().add(Styles.DANGER);
        }
        statusLabel.setVisible(true);
        statusLabel.setManaged(true);
    }

    private Locale locale() {
        return i18n.locale();
    }

    private void showRange() {
        EnergyPeriod.DateRange range = viewModel.rangeProperty().get();
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale());
        rangeLabel.setText(format.format(range.from()) + " \u2013 " + format.format(range.to().minusDays(1)));
    }

    private void showStatus() {
        String text = switch (viewModel.stateProperty().get()) {
            case LOADING -> i18n.get("energy.state.loading");
            case EMPTY -> i18n.get("energy.state.empty");
            case ERROR -> i18n.get("energy.state.error", viewModel.errorMessageProperty().get());
            case OFFLINE -> i18n.get("energy.state.offline");
            case READY -> "";
        };
        statusLabel.setText(text);
        statusLabel.setVisible(!text.isEmpty());
        statusLabel.setManaged(!text.isEmpty());
        statusLabel.getStyleClass().remove(Styles.DANGER);
        statusLabel.getStyleClass().remove(Styles.WARNING);
        if (viewModel.stateProperty().get() == LoadState.ERROR) {
            statusLabel.getStyleClass().add(Styles.DANGER);
        } else if (viewModel.stateProperty().get() == LoadState.OFFLINE) {
            statusLabel.getStyleClass().add(Styles.WARNING);
        }
    }

    private void showKpis() {
        Kpis k = viewModel.kpisProperty().get();
        Locale locale = locale();
        if (k == null) {
            for (Card card : List.of(facilityCard, co2LocationCard, co2MarketCard, renewableCard, pueCard, erfCard)) {
                card.show("\u2013", null, null);
            }
            return;
        }
        facilityCard.show(Formats.kwh(k.facilityKwh(), locale), null, null);
        co2LocationCard.show(Formats.kgCo2e(k.co2eKgLocation(), locale), null, null);
        co2MarketCard.show(Formats.kgCo2e(k.co2eKgMarket(), locale), null, null);
        renewableCard.show(k.renewableShare() == null ? "\u2013" : Formats.percent(k.renewableShare(), locale), null, null);
        showIndicator(pueCard, k.pue(), locale);
        showIndicator(erfCard, k.erf(), locale);
    }

    private void showIndicator(Card card, SiteIndicator indicator, Locale locale) {
        if (indicator == null || indicator.value() == null) {
            card.show("\u2013", null, null);
            return;
        }
        SiteIndicator.Threshold threshold = indicator.threshold();
        String limit = threshold == null ? null
                : i18n.get(threshold.inForce() ? "energy.kpi.limit" : "energy.kpi.limitComing",
                        IndicatorFormat.limit(indicator, locale));
        card.show(IndicatorFormat.value(indicator, locale), limit, indicator.pass());
    }

    private void showChart() {
        chart.show(viewModel.chartStackProperty().get());
    }

    private void buildTable() {
        table.setId("energyTable");
        table.getStyleClass().add(Styles.DENSE);
        table.getColumns().add(textColumn("energy.col.workload", WorkloadEnergy::name, 230));
        table.getColumns().add(textColumn("energy.col.application", w -> w.appName(locale()), 170));
        table.getColumns().add(textColumn("energy.col.project", WorkloadEnergy::projectLabel, 130));
        table.getColumns().add(numberColumn("energy.col.itKwh", WorkloadEnergy::itKwh, EnergyView::oneDecimal));
        table.getColumns().add(numberColumn("energy.col.facilityKwh", WorkloadEnergy::facilityKwh, EnergyView::oneDecimal));
        table.getColumns().add(numberColumn("energy.col.co2Location", WorkloadEnergy::co2eKgLocation, EnergyView::oneDecimal));
        table.getColumns().add(numberColumn("energy.col.co2Market", WorkloadEnergy::co2eKgMarket, EnergyView::oneDecimal));
        table.getColumns().add(numberColumn("energy.col.gpuHours", WorkloadEnergy::gpuHours, EnergyView::oneDecimal));
        table.getColumns().add(numberColumn("energy.col.measured", WorkloadEnergy::measuredShare, Formats::percent));
        table.getColumns().add(numberColumn("energy.col.cost", WorkloadEnergy::costEur, Formats::eur));
        table.getColumns().subList(0, 3).forEach(TableLayout::freeText);
        TableLayout.readable(table);
        table.setPlaceholder(StatePlaceholder.of(i18n, viewModel.stateProperty(), "energy.table.empty",
                Bindings.createStringBinding(() -> viewModel.errorMessageProperty().get() == null ? null
                        : i18n.get("energy.state.error", viewModel.errorMessageProperty().get()),
                        viewModel.errorMessageProperty(), i18n.localeProperty())));
        table.setRowFactory(view -> {
            TableRow<WorkloadEnergy> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.openReceipt(row.getItem().workloadId());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            WorkloadEnergy selected = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                viewModel.openReceipt(selected.workloadId());
                e.consume();
            }
        });
    }

    private TableColumn<WorkloadEnergy, String> textColumn(String key, Function<WorkloadEnergy, String> value,
                                                           double width) {
        TableColumn<WorkloadEnergy, String> column = new TableColumn<>();
        column.setPrefWidth(width);
        column.textProperty().bind(i18n.binding(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private TableColumn<WorkloadEnergy, BigDecimal> numberColumn(String key, Function<WorkloadEnergy, BigDecimal> value,
                                                               BiFunction<BigDecimal, Locale, String> format) {
        TableColumn<WorkloadEnergy, BigDecimal> column = new TableColumn<>();
        column.textProperty().bind(i18n.binding(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(BigDecimal item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item, locale()));
            }
        });
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        column.setPrefWidth(key.equals("energy.col.cost") ? 100 : 120);
        return column;
    }

    private void showReceipt() {
        receiptPane.getChildren().clear();
        Label heading = new Label();
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.setWrapText(true);
        heading.setMinWidth(0);
        Button close = i18n.button("energy.receipt.close");
        close.setId("energyReceiptClose");
        close.getStyleClass().add(Styles.FLAT);
        close.setMinWidth(Region.USE_PREF_SIZE);
        close.setOnAction(e -> viewModel.closeReceipt());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, heading, spacer, close);
        top.setAlignment(Pos.CENTER_LEFT);
        receiptPane.getChildren().add(top);
        EnergyReceipt r = viewModel.receiptProperty().get();
        if (viewModel.receiptLoadingProperty().get()) {
            heading.setText(i18n.get("energy.receipt.title"));
            receiptPane.getChildren().add(i18n.label("energy.receipt.loading"));
            return;
        }
        if (viewModel.receiptErrorProperty().get() != null) {
            heading.setText(i18n.get("energy.receipt.title"));
            Label error = i18n.label("energy.receipt.error", viewModel.receiptErrorProperty().get());
            error.setWrapText(true);
            error.getStyleClass().add(Styles.DANGER);
            receiptPane.getChildren().add(error);
            return;
        }
        if (r == null) {
            return;
        }
        heading.setText(i18n.get("energy.receipt.titleFor", r.workloadName()));
        Label summary = i18n.label("energy.receipt.summary", r.workloadId(),
                viewModel.appName(r.appId(), locale()), viewModel.projectName(r.projectId()),
                Formats.number(r.gpuHours(), 3, locale()));
        summary.setWrapText(true);
        summary.setMinWidth(0);
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        receiptPane.getChildren().add(summary);
        int n = 1;
        for (ReceiptSteps.Step step : ReceiptSteps.of(r, id -> viewModel.planName(id, locale()), i18n)) {
            Label stepTitle = new Label(n++ + ". " + step.title());
            stepTitle.getStyleClass().add(Styles.TEXT_BOLD);
            stepTitle.setWrapText(true);
            stepTitle.setMinWidth(0);
            Label text = new Label(step.text());
            text.setWrapText(true);
            text.setMinWidth(0);
            text.getStyleClass().add("energy-receipt-step");
            VBox box = new VBox(2, stepTitle, text);
            receiptPane.getChildren().add(box);
        }
    }

    /** A KPI card: caption, value and, for indicators, the limit with a pass or fail badge. */
    private final class Card extends VBox {
        private final Label value = new Label();
        private final Label limit = new Label();
        private final Label badge = new Label();

        Card(String id, String captionKey) {
            setId(id);
            getStyleClass().add("energy-card");
            Label caption = new Label();
            caption.textProperty().bind(i18n.binding(captionKey));
            caption.getStyleClass().add(Styles.TEXT_MUTED);
            value.getStyleClass().addAll(Styles.TITLE_3, "energy-card-value");
            value.setId(id + "Value");
            limit.setId(id + "Limit");
            limit.getStyleClass().add(Styles.TEXT_SMALL);
            badge.setId(id + "Badge");
            badge.getStyleClass().add("energy-badge");
            caption.setWrapText(true);
            caption.setMinHeight(Region.USE_PREF_SIZE);
            badge.setMinWidth(Region.USE_PREF_SIZE);
            // The badge moves below the limit when the card is narrow, rather than being cut off.
            FlowPane bottom = new FlowPane(6, 4, limit, badge);
            bottom.setAlignment(Pos.CENTER_LEFT);
            getChildren().addAll(caption, value, bottom);
            setSpacing(4);
            setPadding(new Insets(10, 14, 10, 14));
            setMinWidth(170);
        }

        void show(String shown, String limitText, Boolean pass) {
            value.setText(shown);
            limit.setText(limitText == null ? "" : limitText);
            badge.getStyleClass().removeAll("pass", "fail");
            if (pass == null) {
                badge.setText("");
                badge.setVisible(false);
            } else {
                badge.setText(i18n.get(pass ? "energy.kpi.pass" : "energy.kpi.fail"));
                badge.getStyleClass().add(pass ? "pass" : "fail");
                badge.setVisible(true);
            }
        }
    }

    private final class PeriodCell extends ListCell<EnergyPeriod> {
        @Override
        protected void updateItem(EnergyPeriod item, boolean empty) {
            super.updateItem(item, empty);
            i18n.cellText(this, empty || item == null ? null : () -> i18n.get(item.key()));
        }
    }

    private static String oneDecimal(BigDecimal value, Locale locale) {
        return Formats.number(value, 1, locale);
    }
}
