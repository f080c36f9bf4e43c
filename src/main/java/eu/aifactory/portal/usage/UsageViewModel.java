package eu.aifactory.portal.usage;

import eu.aifactory.api.usage.BudgetStatus;
import eu.aifactory.api.usage.UsageGroup;
import eu.aifactory.api.usage.UsageGroupBy;
import eu.aifactory.api.usage.UsageReport;
import eu.aifactory.api.usage.UsageTotals;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.FileExport;
import eu.aifactory.portal.common.LoadState;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.common.TaskHandle;
import eu.aifactory.portal.energy.EnergyPeriod;
import eu.aifactory.portal.energy.PeriodChoice;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Usage page's state: cost, GPU-hours and energy of the chosen period by project and month, the top applications
 * and users, and this month's budget of every project with its burn-down. Factory calls run off the UI thread; a
 * newer load cancels the older one, so a quick period change never shows stale figures.
 */
public final class UsageViewModel {


    /** How many applications and users the "top" lists show. */
    static final int TOP = 5;
    private static final Logger LOG = LoggerFactory.getLogger(UsageViewModel.class);

    private final FactoryClient client;
    private final TaskExecutor executor;
    private final ConnectionMonitor monitor;
    private final Clock clock;
    private final ZoneId zone;

    private final PeriodChoice period;
    private final ReadOnlyObjectWrapper<LoadState> state = new ReadOnlyObjectWrapper<>(this, "state", LoadState.LOADING);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage");
    private final ReadOnlyObjectWrapper<UsageTotals> totals = new ReadOnlyObjectWrapper<>(this, "totals");
    private final ObservableList<ProjectMonth> rows = FXCollections.observableArrayList();
    private final ObservableList<UsageGroup> topApplications = FXCollections.observableArrayList();
    private final ObservableList<UsageGroup> topUsers = FXCollections.observableArrayList();
    private final ObservableList<BudgetStatus> budgets = FXCollections.observableArrayList();
    private final ObservableList<ProjectMonth> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<UsageGroup> topApplicationsView = FXCollections.unmodifiableObservableList(topApplications);
    private final ObservableList<UsageGroup> topUsersView = FXCollections.unmodifiableObservableList(topUsers);
    private final ObservableList<BudgetStatus> budgetsView = FXCollections.unmodifiableObservableList(budgets);
    private final ReadOnlyObjectWrapper<BurnDown> burnDown = new ReadOnlyObjectWrapper<>(this, "burnDown");
    private final ReadOnlyObjectWrapper<ExportResult> exportResult = new ReadOnlyObjectWrapper<>(this, "exportResult");

    /** Each project's daily cost this month so far, as far as asked; a project's entry arrives with its burn-down. */
    private final Map<String, List<BigDecimal>> dailyCost = new HashMap<>();
    private YearMonth budgetMonth;
    private int daysElapsed;
    private String selectedProject;
    private TaskHandle loadTask = TaskHandle.NONE;
    private final FileExport export;
    private int exportRows;
    private TaskHandle burnTask = TaskHandle.NONE;
    private final ReadOnlyBooleanWrapper burnLoading = new ReadOnlyBooleanWrapper(this, "burnLoading");
    private long generation;

    public UsageViewModel(FactoryClient client, TaskExecutor executor, ConnectionMonitor monitor, Clock clock, ZoneId zone) {
        this.client = Objects.requireNonNull(client);
        this.executor = Objects.requireNonNull(executor);
        this.monitor = Objects.requireNonNull(monitor);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        period = new PeriodChoice(EnergyPeriod.THIS_QUARTER, today());
        export = new FileExport(executor);
        // A cancelled export (the page was left) reports nothing.
        export.resultProperty().addListener((obs, old, done) -> exportResult.set(done == null || done.cancelled() ? null
                : new ExportResult(done.file(), done.ok() ? exportRows : 0, done.error())));
    }

    public ReadOnlyObjectProperty<EnergyPeriod> periodProperty() {
        return period.periodProperty();
    }

    public ReadOnlyObjectProperty<EnergyPeriod.DateRange> rangeProperty() {
        return period.rangeProperty();
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** The period's sums; the same figures as the Energy page's for the same period. */
    public ReadOnlyObjectProperty<UsageTotals> totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    /** One row per project and month of the period, months in order, projects by name. */
    public ObservableList<ProjectMonth> rows() {
        return rowsView;
    }

    public ObservableList<UsageGroup> topApplications() {
        return topApplicationsView;
    }

    public ObservableList<UsageGroup> topUsers() {
        return topUsersView;
    }

    /** Every visible project's budget of the current month, the most used first. */
    public ObservableList<BudgetStatus> budgets() {
        return budgetsView;
    }

    /** The burn-down of the chosen project this month, null before a load or without projects. */
    public ReadOnlyObjectProperty<BurnDown> burnDownProperty() {
        return burnDown.getReadOnlyProperty();
    }

    /** True while the daily figures of the burn-down are being read (after the rest of the page is shown). */
    public ReadOnlyBooleanProperty burnLoadingProperty() {
        return burnLoading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return export.runningProperty();
    }

    public ReadOnlyObjectProperty<ExportResult> exportResultProperty() {
        return exportResult.getReadOnlyProperty();
    }

    public LocalDate customFrom() {
        return period.customFrom();
    }

    public LocalDate customTo() {
        return period.customTo();
    }

    public void selectPeriod(EnergyPeriod chosen) {
        period.choose(chosen);
        load();
    }

    /** A custom period of site-local days, both inclusive. */
    public void selectCustom(LocalDate from, LocalDate toInclusive) {
        period.chooseCustom(from, toInclusive);
        load();
    }

    /**
     * Shows the burn-down of this project: at once with the budget lines, and with its daily figures from one
     * day-grouped report of the project (asked once per project and load).
     */
    public void selectBudget(String projectId) {
        selectedProject = projectId;
        burnDown.set(burnDownOf(projectId));
        if (projectId != null && budgetMonth != null && !dailyCost.containsKey(projectId)
                && budgets.stream().anyMatch(b -> b.projectId().equals(projectId))) {
            loadBurnDown(projectId, budgetMonth, daysElapsed, generation);
        }
    }

    /** Loads the chosen period; a load still running is cancelled and its answer never shown. */
    public void load() {
        loadTask.cancel();
        burnTask.cancel();
        burnLoading.set(false);
        long mine = ++generation;
        LocalDate today = today();
        EnergyPeriod.DateRange days = period.resolve(today);
        state.set(LoadState.LOADING);
        errorMessage.set(null);
        loadTask = executor.run(() -> fetch(days, today),
                loaded -> {
                    if (mine == generation) {
                        show(loaded);
                    }
                },
                failure -> {
                    if (mine == generation) {
                        failed(failure);
                    }
                });
    }

    /** The file name offered for a CSV export of the shown period. */
    public String suggestedCsvName() {
        EnergyPeriod.DateRange days = period.rangeProperty().get();
        return "usage-" + days.from() + "_" + days.to().minusDays(1) + ".csv";
    }

    /** Writes the project-by-month table as UTF-8 CSV to {@code target} in the background; no partial file remains. */
    public void exportCsv(Path target) {
        List<ProjectMonth> snapshot = List.copyOf(rows);
        EnergyPeriod.DateRange days = period.rangeProperty().get();
        exportRows = snapshot.size();
        export.start(target, (out, progress) -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            UsageCsv.write(days, snapshot, writer, progress);
            writer.flush();
        });
    }

    public void dispose() {
        export.cancel();
        loadTask.cancel();
        burnTask.cancel();
        generation++;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private Loaded fetch(EnergyPeriod.DateRange days, LocalDate today) {
        Instant from = start(days.from());
        Instant to = start(days.to());
        UsageReport byProject = client.usage(from, to, UsageGroupBy.PROJECT);
        UsageReport byApplication = client.usage(from, to, UsageGroupBy.APPLICATION);
        UsageReport byUser = client.usage(from, to, UsageGroupBy.USER);
        List<ProjectMonth> table = new ArrayList<>();
        for (YearMonth month = YearMonth.from(days.from()); month.atDay(1).isBefore(days.to()); month = month.plusMonths(1)) {
            LocalDate first = max(month.atDay(1), days.from());
            LocalDate end = min(month.plusMonths(1).atDay(1), days.to());
            for (UsageGroup group : client.usage(start(first), start(end), UsageGroupBy.PROJECT).groups()) {
                table.add(new ProjectMonth(month, group.key(), group.label(), group.gpuHours(), group.costEur(),
                        group.energyKwh(), group.workloadCount()));
            }
        }
        table.sort(Comparator.comparing(ProjectMonth::month).thenComparing(ProjectMonth::projectName,
                Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)));

        YearMonth current = YearMonth.from(today);
        return new Loaded(byProject.totals(), table, top(byApplication), top(byUser), client.budgets(current), current,
                today.getDayOfMonth());
    }

    /**
     * Each day's cost of one project this month so far, for its burn-down: one day-grouped report, asked after the
     * page's figures are on screen, so the figures do not wait for it.
     */
    private List<BigDecimal> fetchDaily(String projectId, YearMonth month, int elapsed) {
        UsageReport days = client.usage(start(month.atDay(1)), start(month.atDay(elapsed).plusDays(1)),
                UsageGroupBy.DAY, projectId);
        List<BigDecimal> daily = zeros(elapsed);
        for (UsageGroup group : days.groups()) {
            LocalDate date = LocalDate.parse(group.key());
            if (YearMonth.from(date).equals(month) && date.getDayOfMonth() <= elapsed) {
                daily.set(date.getDayOfMonth() - 1, group.costEur());
            }
        }
        return daily;
    }

    private static List<BigDecimal> zeros(int days) {
        List<BigDecimal> list = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            list.add(BigDecimal.ZERO);
        }
        return list;
    }

    private static List<UsageGroup> top(UsageReport report) {
        return report.groups().stream()
                .sorted(Comparator.comparing(UsageGroup::costEur).reversed())
                .limit(TOP)
                .toList();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private void show(Loaded loaded) {
        monitor.reportSuccess();
        totals.set(loaded.totals());
        rows.setAll(loaded.rows());
        topApplications.setAll(loaded.topApplications());
        topUsers.setAll(loaded.topUsers());
        List<BudgetStatus> sorted = new ArrayList<>(loaded.budgets());
        sorted.sort(Comparator.comparing((BudgetStatus b) -> b.percent() == null ? BigDecimal.valueOf(-1) : b.percent())
                .reversed().thenComparing(BudgetStatus::projectName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)));
        // Before the budgets change: the view re-selects its project as they do, and must find this load's month.
        dailyCost.clear();
        budgetMonth = loaded.month();
        daysElapsed = loaded.daysElapsed();
        budgets.setAll(sorted);
        String keep = selectedProject != null && sorted.stream().anyMatch(b -> b.projectId().equals(selectedProject))
                ? selectedProject : sorted.isEmpty() ? null : sorted.get(0).projectId();
        selectBudget(keep);
        boolean nothing = loaded.rows().isEmpty() && loaded.totals().workloadCount() == 0;
        state.set(nothing ? LoadState.EMPTY : LoadState.READY);
    }

    private void loadBurnDown(String projectId, YearMonth month, int elapsed, long mine) {
        burnTask.cancel();
        burnLoading.set(true);
        burnTask = executor.run(() -> fetchDaily(projectId, month, elapsed), daily -> {
            if (mine == generation) {
                burnLoading.set(false);
                dailyCost.put(projectId, daily);
                if (projectId.equals(selectedProject)) {
                    burnDown.set(burnDownOf(projectId));
                }
            }
        }, failure -> {
            if (mine == generation) {
                LOG.info("burn-down figures not loaded: {}", failure.toString());
                burnLoading.set(false);
                monitor.report(failure);
            }
        });
    }

    private BurnDown burnDownOf(String projectId) {
        if (projectId == null) {
            return null;
        }
        BudgetStatus status = budgets.stream().filter(b -> b.projectId().equals(projectId)).findFirst().orElse(null);
        if (status == null) {
            return null;
        }
        // Until the daily figures arrive the burn-down has the budget lines only, not a line of zeros.
        List<BigDecimal> days = dailyCost.getOrDefault(projectId, List.of());
        List<BigDecimal> cumulative = new ArrayList<>(days.size());
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal cost : days) {
            sum = sum.add(cost);
            cumulative.add(sum);
        }
        return new BurnDown(status, budgetMonth, cumulative);
    }

    private void failed(Throwable failure) {
        LOG.warn("usage report failed: {}", failure.toString());
        monitor.report(failure);
        rows.clear();
        topApplications.clear();
        topUsers.clear();
        budgets.clear();
        totals.set(null);
        burnDown.set(null);
        errorMessage.set(describe(failure));
        state.set(LoadState.ofFailure(failure));
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** An export's outcome: the file and the rows written, or the error. */
    public record ExportResult(Path file, int rows, String error) {
    }

    /** One project's figures in one month of the period (the first and last month clipped to the period). */
    public record ProjectMonth(YearMonth month, String projectId, String projectName, BigDecimal gpuHours,
                               BigDecimal costEur, BigDecimal energyKwh, int workloads) {
    }

    /**
     * A project's month so far: the cumulative cost at the end of each day up to today, the budget with its 50, 80
     * and 100 % lines, and the factory's forecast for the month's end.
     */
    public record BurnDown(BudgetStatus status, YearMonth month, List<BigDecimal> cumulativeEur) {

        public BurnDown {
            cumulativeEur = List.copyOf(cumulativeEur);
        }

        public int daysInMonth() {
            return month.lengthOfMonth();
        }

        /** The budget's share as an amount: {@code line(80)} is 80 % of the budget; null without a budget. */
        public BigDecimal line(int percent) {
            return status.budgetEur() == null ? null
                    : status.budgetEur().multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100));
        }
    }

    private record Loaded(UsageTotals totals, List<ProjectMonth> rows, List<UsageGroup> topApplications,
                          List<UsageGroup> topUsers, List<BudgetStatus> budgets, YearMonth month, int daysElapsed) {
    }
}
