package eu.aifactory.portal.usage;

import atlantafx.base.theme.Styles;
import eu.aifactory.api.usage.BudgetLevel;
import eu.aifactory.api.usage.BudgetStatus;
import eu.aifactory.api.usage.UsageGroup;
import eu.aifactory.api.usage.UsageTotals;
import eu.aifactory.portal.common.FileChoosers;
import eu.aifactory.portal.common.LoadState;
import eu.aifactory.portal.common.StatePlaceholder;
import eu.aifactory.portal.common.TableLayout;
import eu.aifactory.portal.energy.EnergyPeriod;
import eu.aifactory.portal.i18n.AxisFormats;
import eu.aifactory.portal.i18n.DateInput;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.usage.UsageViewModel.BurnDown;
import eu.aifactory.portal.usage.UsageViewModel.ProjectMonth;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
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

/**
 * The Usage page: period picker and CSV export, the period's totals, cost or GPU-hours by month stacked per project,
 * this month's budget of every project with the chosen project's burn-down (50, 80 and 100 % lines and the forecast
 * to the month's end), the sortable project-by-month table, and the top applications and users.
 */
public final class UsageView extends BorderPane {

    /** Picks where the CSV goes: the owner window and the suggested file name in, the file (or null) out. */
    @FunctionalInterface
    public interface SaveChooser {
        Path choose(Window owner, String suggestedName, String title);
    }

    private final UsageViewModel viewModel;
    private final I18n i18n;
    private SaveChooser chooser = UsageView::chooseWithDialog;

    private final ComboBox<EnergyPeriod> periodPicker = new ComboBox<>();
    private final DatePicker fromPicker = new DatePicker();
    private final DatePicker toPicker = new DatePicker();
    private final HBox customBox = new HBox(6);
    private final Label dateError = new Label();
    private final Label rangeLabel = new Label();
    private final Label statusLabel = new Label();
    private final Button retry = new Button();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Label costValue = new Label();
    private final Label gpuValue = new Label();
    private final Label energyValue = new Label();
    private final Label workloadValue = new Label();
    private final ToggleGroup metric = new ToggleGroup();
    private final ToggleButton byCost = new ToggleButton();
    private final ToggleButton byGpu = new ToggleButton();
    private final CategoryAxis monthAxis = new CategoryAxis();
    private final NumberAxis amountAxis = new NumberAxis();
    private final StackedBarChart<String, Number> monthChart = new StackedBarChart<>(monthAxis, amountAxis);
    private final ListView<BudgetStatus> budgetList = new ListView<>();
    private final NumberAxis dayAxis = new NumberAxis();
    private final NumberAxis eurAxis = new NumberAxis();
    private final LineChart<Number, Number> burnChart = new LineChart<>(dayAxis, eurAxis);
    private final Label burnCaption = new Label();
    private final TableView<ProjectMonth> table = new TableView<>();
    private final TableView<UsageGroup> topApps = new TableView<>();
    private final TableView<UsageGroup> topUsers = new TableView<>();

    public UsageView(UsageViewModel viewModel, I18n i18n) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.i18n = Objects.requireNonNull(i18n);
        setId("usage");
        getStyleClass().add("usage-view");
        getStylesheets().add(Objects.requireNonNull(UsageView.class.getResource("usage.css")).toExternalForm());

        // The date error gets a line of its own under the header, where it takes no width from the dates.
        VBox main = new VBox(14, header(), dateError, status(), cards(), charts(), tableSection(), tops());
        main.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(main);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("usage-scroll");
        setCenter(scroll);

        viewModel.stateProperty().addListener((obs, old, now) -> showStatus());
        viewModel.rangeProperty().addListener((obs, old, now) -> showRange());
        viewModel.totalsProperty().addListener((obs, old, now) -> showTotals());
        viewModel.rows().addListener((ListChangeListener<ProjectMonth>) change -> {
            table.getItems().setAll(viewModel.rows());
            showMonthChart();
        });
        viewModel.budgets().addListener((ListChangeListener<BudgetStatus>) change -> showBudgets());
        viewModel.burnDownProperty().addListener((obs, old, now) -> showBurnDown());
        viewModel.burnLoadingProperty().addListener((obs, old, now) -> showBurnDown());
        viewModel.topApplications().addListener((ListChangeListener<UsageGroup>) c -> topApps.getItems().setAll(viewModel.topApplications()));
        viewModel.topUsers().addListener((ListChangeListener<UsageGroup>) c -> topUsers.getItems().setAll(viewModel.topUsers()));
        viewModel.exportResultProperty().addListener((obs, old, now) -> showExport());
        metric.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                metric.selectToggle(old);
            } else {
                showMonthChart();
            }
        });
        i18n.onSwitch(this, this::refreshTexts);
        table.getItems().setAll(viewModel.rows());
        showBudgets();
        refreshTexts();
    }

    /** Replaces the file dialog (tests and the flow test choose a temp file). */
    public void setSaveChooser(SaveChooser value) {
        chooser = value == null ? UsageView::chooseWithDialog : value;
    }

    public UsageViewModel viewModel() {
        return viewModel;
    }

    private void refreshTexts() {
        // A combo box's button cell keeps its text until it is replaced.
        periodPicker.setButtonCell(new PeriodCell());
        showStatus();
        showRange();
        showTotals();
        showMonthChart();
        showBurnDown();
        budgetList.refresh();
        table.refresh();
        topApps.refresh();
        topUsers.refresh();
    }

    private Locale locale() {
        return i18n.locale();
    }

    private Node header() {
        Label title = new Label();
        title.textProperty().bind(i18n.binding("usage.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        title.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.stateProperty().isEqualTo(LoadState.LOADING));
        busy.managedProperty().bind(busy.visibleProperty());
        rangeLabel.setId("usageRange");
        rangeLabel.getStyleClass().add(Styles.TEXT_MUTED);
        rangeLabel.setMinWidth(Region.USE_PREF_SIZE);

        periodPicker.setId("usagePeriod");
        periodPicker.setMinWidth(Region.USE_PREF_SIZE);
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
        fromPicker.setId("usageFrom");
        toPicker.setId("usageTo");
        fromPicker.setValue(viewModel.customFrom());
        toPicker.setValue(viewModel.customTo());
        fromPicker.setPrefWidth(130);
        toPicker.setPrefWidth(130);
        Button apply = new Button();
        apply.setId("usageApplyCustom");
        apply.textProperty().bind(i18n.binding("energy.period.apply"));
        apply.setOnAction(e -> applyCustom());
        DateInput fromInput = DateInput.attach(fromPicker, i18n);
        DateInput toInput = DateInput.attach(toPicker, i18n);
        dateError.setId("usageDateError");
        dateError.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        dateError.textProperty().bind(Bindings.createStringBinding(() -> fromInput.errorProperty().get() != null
                ? fromInput.errorProperty().get() : toInput.errorProperty().get(),
                fromInput.errorProperty(), toInput.errorProperty()));
        dateError.visibleProperty().bind(dateError.textProperty().isNotEmpty());
        dateError.managedProperty().bind(dateError.visibleProperty());
        apply.disableProperty().bind(dateError.visibleProperty());
        Label to = new Label();
        to.textProperty().bind(i18n.binding("energy.period.to"));
        customBox.getChildren().setAll(fromPicker, to, toPicker, apply);
        customBox.setAlignment(Pos.CENTER_LEFT);
        customBox.setVisible(false);
        customBox.setManaged(false);

        Button export = new Button();
        export.setId("usageExportCsv");
        export.getStyleClass().add("reaches-disk");
        export.textProperty().bind(i18n.binding("usage.export.csv"));
        export.setMinWidth(Region.USE_PREF_SIZE);
        export.disableProperty().bind(viewModel.stateProperty().isNotEqualTo(LoadState.READY)
                .or(viewModel.exportingProperty()));
        export.setOnAction(e -> {
            Path target = chooser.choose(getScene() == null ? null : getScene().getWindow(),
                    viewModel.suggestedCsvName(), i18n.get("usage.export.csv"));
            if (target != null) {
                viewModel.exportCsv(target);
            }
        });
        ProgressIndicator exportBusy = new ProgressIndicator();
        exportBusy.setPrefSize(18, 18);
        exportBusy.visibleProperty().bind(viewModel.exportingProperty());
        exportBusy.managedProperty().bind(viewModel.exportingProperty());

        HBox header = new HBox(10, title, spacer, busy, rangeLabel, periodPicker, customBox, exportBusy, export);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node status() {
        statusLabel.setId("usageStatus");
        statusLabel.setWrapText(true);
        retry.setId("usageRetry");
        retry.textProperty().bind(i18n.binding("usage.retry"));
        retry.setOnAction(e -> viewModel.load());
        HBox box = new HBox(10, statusLabel, retry);
        box.setAlignment(Pos.CENTER_LEFT);
        box.managedProperty().bind(box.visibleProperty());
        statusLabel.textProperty().addListener((obs, old, now) -> box.setVisible(now != null && !now.isEmpty()));
        return box;
    }

    private Node cards() {
        GridPane cards = new GridPane();
        cards.setHgap(10);
        List<Node> all = List.of(card("usageCost", "usage.kpi.cost", costValue), card("usageGpuHours", "usage.kpi.gpuHours", gpuValue),
                card("usageEnergy", "usage.kpi.energy", energyValue), card("usageWorkloads", "usage.kpi.workloads", workloadValue));
        for (int i = 0; i < all.size(); i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / all.size());
            cards.getColumnConstraints().add(column);
            cards.add(all.get(i), i, 0);
        }
        return cards;
    }

    private Node card(String id, String captionKey, Label value) {
        Label caption = new Label();
        caption.textProperty().bind(i18n.binding(captionKey));
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        value.setId(id + "Value");
        value.getStyleClass().add(Styles.TITLE_3);
        VBox card = new VBox(4, caption, value);
        card.setId(id);
        card.getStyleClass().add("usage-card");
        card.setPadding(new Insets(10, 14, 10, 14));
        card.setMaxWidth(Double.MAX_VALUE);
        return card;
    }

    private Node charts() {
        byCost.setId("usageByCost");
        byCost.textProperty().bind(i18n.binding("usage.chart.cost"));
        byGpu.setId("usageByGpu");
        byGpu.textProperty().bind(i18n.binding("usage.chart.gpuHours"));
        byCost.setToggleGroup(metric);
        byGpu.setToggleGroup(metric);
        byCost.getStyleClass().add(Styles.LEFT_PILL);
        byCost.setMinWidth(Region.USE_PREF_SIZE);
        byGpu.setMinWidth(Region.USE_PREF_SIZE);
        byGpu.getStyleClass().add(Styles.RIGHT_PILL);
        metric.selectToggle(byCost);
        Label monthTitle = new Label();
        monthTitle.textProperty().bind(i18n.binding("usage.chart.title"));
        monthTitle.getStyleClass().add(Styles.TITLE_4);
        monthTitle.setWrapText(true);
        monthTitle.setMinHeight(Region.USE_PREF_SIZE);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox monthHeader = new HBox(8, monthTitle, spring, byCost, byGpu);
        monthHeader.setAlignment(Pos.CENTER_LEFT);
        monthChart.setId("usageMonthChart");
        monthChart.setAnimated(false);
        monthChart.setPrefHeight(280);
        monthAxis.setAnimated(false);
        amountAxis.setAnimated(false);
        AxisFormats.localize(amountAxis, i18n, 1);
        VBox months = new VBox(6, monthHeader, monthChart);
        HBox.setHgrow(months, Priority.ALWAYS);
        months.setMinWidth(0);

        Label budgetTitle = new Label();
        budgetTitle.setId("usageBudgetTitle");
        budgetTitle.getStyleClass().add(Styles.TITLE_4);
        budgetTitle.textProperty().bind(i18n.binding("usage.budget.title"));
        budgetList.setId("usageBudgets");
        budgetList.setPrefHeight(130);
        budgetList.setCellFactory(list -> new BudgetCell());
        budgetList.setPlaceholder(placeholder("usage.budget.none"));
        budgetList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectBudget(now.projectId());
            }
        });
        burnChart.setId("usageBurnDown");
        burnChart.setAnimated(false);
        // Its own legend: the chart's legend is rebuilt with every data change and lost its place on a language switch.
        burnChart.setLegendVisible(false);
        burnChart.setCreateSymbols(false);
        burnChart.setPrefHeight(200);
        burnChart.getStyleClass().add("usage-burn");
        dayAxis.setAutoRanging(false);
        dayAxis.setLowerBound(1);
        dayAxis.setTickUnit(5);
        dayAxis.setAnimated(false);
        AxisFormats.localize(dayAxis, i18n, 0);
        eurAxis.setAnimated(false);
        AxisFormats.localize(eurAxis, i18n, 2);
        burnCaption.setId("usageBurnCaption");
        burnCaption.setWrapText(true);
        burnCaption.getStyleClass().add(Styles.TEXT_SMALL);
        VBox budgets = new VBox(6, budgetTitle, budgetList, burnChart, burnLegend(), burnCaption);
        budgets.setPrefWidth(440);
        budgets.setMinWidth(360);
        HBox row = new HBox(16, months, budgets);
        return row;
    }

    private Node burnLegend() {
        javafx.scene.layout.FlowPane legend = new javafx.scene.layout.FlowPane(14, 4);
        legend.setId("usageBurnLegend");
        legend.setAlignment(Pos.CENTER);
        String[][] entries = {{"spent", "usage.burn.spent"}, {"forecast", "usage.burn.forecast"},
            {"p50", "usage.burn.line50"}, {"p80", "usage.burn.line80"}, {"p100", "usage.burn.line100"}};
        for (String[] entry : entries) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("burn-swatch", entry[0]);
            Label label = new Label();
            label.textProperty().bind(i18n.binding(entry[1]));
            label.setGraphic(swatch);
            label.getStyleClass().add(Styles.TEXT_SMALL);
            legend.getChildren().add(label);
        }
        return legend;
    }

    private Node tableSection() {
        Label title = new Label();
        title.textProperty().bind(i18n.binding("usage.table.title"));
        title.setMinWidth(Region.USE_PREF_SIZE);
        title.getStyleClass().add(Styles.TITLE_4);
        table.setId("usageTable");
        table.getStyleClass().add(Styles.DENSE);
        table.setPrefHeight(260);
        TableColumn<ProjectMonth, YearMonth> month = new TableColumn<>();
        month.setId("usageColMonth");
        month.textProperty().bind(i18n.binding("usage.col.month"));
        month.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().month()));
        month.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(YearMonth item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : monthLabel(item));
            }
        });
        table.getColumns().add(month);
        table.getColumns().add(textColumn("usage.col.project", ProjectMonth::projectName));
        table.getColumns().add(numberColumn("usageColGpuHours", "usage.col.gpuHours", ProjectMonth::gpuHours, UsageView::oneDecimal));
        table.getColumns().add(numberColumn("usageColCost", "usage.col.cost", ProjectMonth::costEur, Formats::eur));
        table.getColumns().add(numberColumn("usageColEnergy", "usage.col.energy", ProjectMonth::energyKwh, Formats::kwh));
        TableColumn<ProjectMonth, Integer> count = new TableColumn<>();
        count.textProperty().bind(i18n.binding("usage.col.workloads"));
        count.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().workloads()));
        count.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(count);
        TableLayout.freeText(table.getColumns().get(1));
        TableLayout.readable(table);
        table.setPlaceholder(placeholder("usage.table.empty"));
        return new VBox(6, title, table);
    }

    /** "Nothing here" only after the factory answered; loading and failures say so instead. */
    private Label placeholder(String emptyKey) {
        return StatePlaceholder.of(i18n, viewModel.stateProperty(), emptyKey, Bindings.createStringBinding(
                () -> viewModel.errorMessageProperty().get() == null ? null
                        : i18n.get("usage.state.error", viewModel.errorMessageProperty().get()),
                viewModel.errorMessageProperty(), i18n.localeProperty()));
    }

    private Node tops() {
        VBox apps = top("usageTopApps", "usage.top.applications", topApps);
        VBox users = top("usageTopUsers", "usage.top.users", topUsers);
        HBox.setHgrow(apps, Priority.ALWAYS);
        HBox.setHgrow(users, Priority.ALWAYS);
        return new HBox(16, apps, users);
    }

    private VBox top(String id, String titleKey, TableView<UsageGroup> view) {
        Label title = new Label();
        title.textProperty().bind(i18n.binding(titleKey));
        title.getStyleClass().add(Styles.TITLE_4);
        view.setId(id);
        view.getStyleClass().add(Styles.DENSE);
        view.setPrefHeight(190);
        TableColumn<UsageGroup, String> name = new TableColumn<>();
        name.textProperty().bind(i18n.binding("usage.col.name"));
        name.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().label()));
        name.setPrefWidth(200);
        TableColumn<UsageGroup, BigDecimal> cost = groupNumber("usage.col.cost", UsageGroup::costEur, Formats::eur);
        TableColumn<UsageGroup, BigDecimal> gpu = groupNumber("usage.col.gpuHours", UsageGroup::gpuHours, UsageView::oneDecimal);
        view.getColumns().setAll(List.of(TableLayout.freeText(name), cost, gpu));
        TableLayout.readable(view);
        view.setPlaceholder(placeholder("usage.table.empty"));
        VBox box = new VBox(6, title, view);
        box.setMinWidth(0);
        return box;
    }

    private TableColumn<UsageGroup, BigDecimal> groupNumber(String key, Function<UsageGroup, BigDecimal> value,
                                                           BiFunction<BigDecimal, Locale, String> format) {
        TableColumn<UsageGroup, BigDecimal> column = new TableColumn<>();
        column.textProperty().bind(i18n.binding(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> new NumberCell<>(format));
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return column;
    }

    private TableColumn<ProjectMonth, String> textColumn(String key, Function<ProjectMonth, String> value) {
        TableColumn<ProjectMonth, String> column = new TableColumn<>();
        column.textProperty().bind(i18n.binding(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(220);
        return column;
    }

    private TableColumn<ProjectMonth, BigDecimal> numberColumn(String id, String key, Function<ProjectMonth, BigDecimal> value,
                                                             BiFunction<BigDecimal, Locale, String> format) {
        TableColumn<ProjectMonth, BigDecimal> column = new TableColumn<>();
        column.setId(id);
        column.textProperty().bind(i18n.binding(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> new NumberCell<>(format));
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return column;
    }

    private void applyCustom() {
        LocalDate from = fromPicker.getValue();
        LocalDate to = toPicker.getValue();
        if (from == null || to == null || to.isBefore(from)) {
            statusLabel.setText(i18n.get("energy.period.invalid"));
            return;
        }
        viewModel.selectCustom(from, to);
    }

    private void showRange() {
        EnergyPeriod.DateRange range = viewModel.rangeProperty().get();
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale());
        rangeLabel.setText(format.format(range.from()) + " \u2013 " + format.format(range.to().minusDays(1)));
    }

    private void showStatus() {
        LoadState state = viewModel.stateProperty().get();
        String text = switch (state) {
            case LOADING -> i18n.get("usage.state.loading");
            case EMPTY -> i18n.get("usage.state.empty");
            case ERROR -> i18n.get("usage.state.error", viewModel.errorMessageProperty().get());
            case OFFLINE -> i18n.get("usage.state.offline");
            case READY -> "";
        };
        statusLabel.setText(text);
        statusLabel.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
        if (state == LoadState.ERROR) {
            statusLabel.getStyleClass().add(Styles.DANGER);
        } else if (state == LoadState.OFFLINE) {
            statusLabel.getStyleClass().add(Styles.WARNING);
        }
        boolean failed = state == LoadState.ERROR || state == LoadState.OFFLINE;
        retry.setVisible(failed);
        retry.setManaged(failed);
    }

    private void showExport() {
        UsageViewModel.ExportResult result = viewModel.exportResultProperty().get();
        if (result == null) {
            return;
        }
        statusLabel.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
        if (result.error() == null) {
            statusLabel.setText(i18n.get("usage.export.done", result.rows(), result.file().getFileName().toString()));
        } else {
            statusLabel.setText(i18n.get("usage.export.failed", result.error()));
            statusLabel.getStyleClass().add(Styles.DANGER);
        }
    }

    private void showTotals() {
        UsageTotals totals = viewModel.totalsProperty().get();
        if (totals == null) {
            for (Label label : List.of(costValue, gpuValue, energyValue, workloadValue)) {
                label.setText("\u2013");
            }
            return;
        }
        costValue.setText(Formats.eur(totals.costEur(), locale()));
        gpuValue.setText(Formats.number(totals.gpuHours(), 1, locale()));
        energyValue.setText(Formats.kwh(totals.energyKwh(), locale()));
        workloadValue.setText(Formats.number(totals.workloadCount(), 0, locale()));
    }

    private String monthLabel(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.SHORT, locale()) + " " + month.getYear();
    }

    private void showMonthChart() {
        boolean cost = metric.getSelectedToggle() != byGpu;
        amountAxis.setLabel(i18n.get(cost ? "usage.chart.axisEur" : "usage.chart.axisGpuHours"));
        Map<String, XYChart.Series<String, Number>> series = new LinkedHashMap<>();
        List<String> months = viewModel.rows().stream().map(ProjectMonth::month).distinct().map(this::monthLabel).toList();
        for (ProjectMonth row : viewModel.rows()) {
            XYChart.Series<String, Number> s = series.computeIfAbsent(row.projectId(), id -> {
                XYChart.Series<String, Number> created = new XYChart.Series<>();
                created.setName(row.projectName());
                return created;
            });
            BigDecimal value = cost ? row.costEur() : row.gpuHours();
            XYChart.Data<String, Number> data = new XYChart.Data<>(monthLabel(row.month()), value.doubleValue());
            String tip = row.projectName() + " \u00b7 " + monthLabel(row.month()) + "\n"
                    + (cost ? Formats.eur(value, locale()) : i18n.get("usage.chart.gpuHoursValue", Formats.number(value, 1, locale())));
            data.nodeProperty().addListener((obs, old, node) -> {
                if (node != null) {
                    Tooltip.install(node, new Tooltip(tip));
                }
            });
            s.getData().add(data);
        }
        monthAxis.getCategories().setAll(months);
        monthChart.getData().setAll(series.values());
    }

    private void showBudgets() {
        String selected = viewModel.burnDownProperty().get() == null ? null
                : viewModel.burnDownProperty().get().status().projectId();
        budgetList.getItems().setAll(viewModel.budgets());
        viewModel.budgets().stream().filter(b -> b.projectId().equals(selected)).findFirst()
                .ifPresent(b -> budgetList.getSelectionModel().select(b));
    }

    private void showBurnDown() {
        BurnDown burn = viewModel.burnDownProperty().get();
        if (burn == null) {
            burnChart.getData().clear();
            burnCaption.setText("");
            return;
        }
        BudgetStatus status = burn.status();
        int days = burn.daysInMonth();
        dayAxis.setUpperBound(days);
        dayAxis.setLabel(i18n.get("usage.burn.axisDay", monthLabel(burn.month())));
        eurAxis.setLabel(i18n.get("usage.chart.axisEur"));
        XYChart.Series<Number, Number> spent = new XYChart.Series<>();
        spent.setName(i18n.get("usage.burn.spent"));
        List<BigDecimal> cumulative = burn.cumulativeEur();
        for (int day = 1; day <= cumulative.size(); day++) {
            spent.getData().add(new XYChart.Data<>(day, cumulative.get(day - 1).doubleValue()));
        }
        XYChart.Series<Number, Number> forecast = new XYChart.Series<>();
        forecast.setName(i18n.get("usage.burn.forecast"));
        if (!cumulative.isEmpty() && status.forecastEur() != null) {
            forecast.getData().add(new XYChart.Data<>(cumulative.size(), cumulative.get(cumulative.size() - 1).doubleValue()));
            forecast.getData().add(new XYChart.Data<>(days, status.forecastEur().doubleValue()));
        }
        List<XYChart.Series<Number, Number>> all = new java.util.ArrayList<>(List.of(spent, forecast));
        for (int percent : new int[] {50, 80, 100}) {
            BigDecimal line = burn.line(percent);
            if (line != null) {
                XYChart.Series<Number, Number> s = new XYChart.Series<>();
                s.setName(percent + "\u00a0%");
                s.getData().add(new XYChart.Data<>(1, line.doubleValue()));
                s.getData().add(new XYChart.Data<>(days, line.doubleValue()));
                all.add(s);
            }
        }
        burnChart.getData().setAll(all);
        String loading = viewModel.burnLoadingProperty().get() ? " " + i18n.get("usage.burn.loading") : "";
        burnCaption.setText((status.budgetEur() == null
                ? i18n.get("usage.burn.noBudget", status.projectName(), Formats.eur(status.spentEur(), locale()))
                : i18n.get("usage.burn.caption", status.projectName(), Formats.eur(status.spentEur(), locale()),
                        Formats.eur(status.committedEur(), locale()), Formats.eur(status.budgetEur(), locale()),
                        status.forecastEur() == null ? "\u2013" : Formats.eur(status.forecastEur(), locale()))) + loading);
    }

    private static String oneDecimal(BigDecimal value, Locale locale) {
        return Formats.number(value, 1, locale);
    }

    private static Path chooseWithDialog(Window owner, String suggestedName, String title) {
        FileChooser fileChooser = new FileChooser();
        fileChooser.setTitle(title);
        fileChooser.setInitialFileName(suggestedName);
        fileChooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        return FileChoosers.showSave(fileChooser, owner);
    }

    /** The i18n key naming a budget level. */
    static String levelKey(BudgetLevel level) {
        return switch (level) {
            case OK -> "usage.level.ok";
            case WARN_50 -> "usage.level.warn50";
            case WARN_80 -> "usage.level.warn80";
            case EXCEEDED -> "usage.level.exceeded";
        };
    }

    /** A project's budget this month: name, a bar of the share used, the figures and the level. */
    private final class BudgetCell extends ListCell<BudgetStatus> {
        @Override
        protected void updateItem(BudgetStatus item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(item.projectName());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            name.setMinWidth(0);
            Label level = i18n.label(levelKey(item.level()));
            level.getStyleClass().addAll("usage-level", item.level().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            level.setMinWidth(Region.USE_PREF_SIZE);
            Region spring = new Region();
            HBox.setHgrow(spring, Priority.ALWAYS);
            HBox top = new HBox(8, name, spring, level);
            top.setAlignment(Pos.CENTER_LEFT);
            ProgressBar bar = new ProgressBar(item.percent() == null ? 0
                    : Math.min(1, item.percent().divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP).doubleValue()));
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.getStyleClass().addAll("usage-bar", item.level().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            Label figures = new Label(item.budgetEur() == null
                    ? i18n.get("usage.budget.figuresNoBudget", Formats.eur(item.spentEur(), locale()))
                    : i18n.get("usage.budget.figures", Formats.eur(item.spentEur().add(item.committedEur()), locale()),
                            Formats.eur(item.budgetEur(), locale()), Formats.number(item.percent(), 1, locale())));
            figures.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            VBox box = new VBox(3, top, bar, figures);
            box.setId("usageBudget-" + item.projectId());
            setText(null);
            setGraphic(box);
        }
    }

    private final class NumberCell<S> extends TableCell<S, BigDecimal> {
        private final BiFunction<BigDecimal, Locale, String> format;

        NumberCell(BiFunction<BigDecimal, Locale, String> format) {
            this.format = format;
        }

        @Override
        protected void updateItem(BigDecimal item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : format.apply(item, locale()));
        }
    }

    private final class PeriodCell extends ListCell<EnergyPeriod> {
        @Override
        protected void updateItem(EnergyPeriod item, boolean empty) {
            super.updateItem(item, empty);
            i18n.cellText(this, empty || item == null ? null : () -> i18n.get(item.key()));
        }
    }
}
