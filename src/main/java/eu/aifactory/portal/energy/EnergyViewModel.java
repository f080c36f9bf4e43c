package eu.aifactory.portal.energy;

import eu.aifactory.api.LocalizedText;
import eu.aifactory.api.Page;
import eu.aifactory.api.report.EnergyGroup;
import eu.aifactory.api.report.EnergyGroupBy;
import eu.aifactory.api.report.EnergyReceipt;
import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.api.report.EnergySeries;
import eu.aifactory.api.report.EnergyStackBy;
import eu.aifactory.api.report.EnergyTotals;
import eu.aifactory.api.report.SiteIndicator;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadQuery;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.LoadState;
import eu.aifactory.portal.common.FileExport;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.common.TaskHandle;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Energy page's state: the chosen period, the report per workload (table) and per day or week (chart), the KPI
 * figures with the site's EnEfG indicators, and the receipt of one workload. Factory calls run off the UI thread;
 * a newer load cancels the older one, so a quick period change never shows a stale report.
 */
public final class EnergyViewModel {

    /** What the chart's layers stand for: applications, projects, or renewable and grid energy. */
    public enum Stacking {
        APPLICATION(EnergyStackBy.APPLICATION), PROJECT(EnergyStackBy.PROJECT), SOURCE(null);

        private final EnergyStackBy wire;

        Stacking(EnergyStackBy wire) {
            this.wire = wire;
        }

        /** The factory's stacking, null when the chart is built from the periods' renewable and grid energy. */
        EnergyStackBy wire() {
            return wire;
        }
    }

    /** Periods up to this many days are charted per day, longer ones per ISO week. */
    static final int DAILY_CHART_MAX_DAYS = 62;
    private static final int WORKLOAD_PAGE = 200;
    private static final Logger LOG = LoggerFactory.getLogger(EnergyViewModel.class);

    private final FactoryClient client;
    private final TaskExecutor executor;
    private final ConnectionMonitor monitor;
    private final Clock clock;
    private final ZoneId zone;

    private final PeriodChoice period;
    private final ReadOnlyObjectWrapper<LoadState> state = new ReadOnlyObjectWrapper<>(this, "state", LoadState.LOADING);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage");
    private final ReadOnlyObjectWrapper<Kpis> kpis = new ReadOnlyObjectWrapper<>(this, "kpis");
    private final ReadOnlyObjectWrapper<EnergyGroupBy> chartGrouping = new ReadOnlyObjectWrapper<>(this, "chartGrouping");
    private final ReadOnlyObjectWrapper<EnergyReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<Stacking> stacking = new ReadOnlyObjectWrapper<>(this, "stacking", Stacking.APPLICATION);
    private final ReadOnlyObjectWrapper<ChartStack> chartStack = new ReadOnlyObjectWrapper<>(this, "chartStack", ChartStack.EMPTY);
    private final ObservableList<WorkloadEnergy> rows = FXCollections.observableArrayList();
    // One read-only view each: such a view listens to its list only weakly, so it must live as long as the model.
    private final ObservableList<WorkloadEnergy> rowsView = FXCollections.unmodifiableObservableList(rows);

    private final ReadOnlyObjectWrapper<EnergyReceipt> receipt = new ReadOnlyObjectWrapper<>(this, "receipt");
    private final ReadOnlyBooleanWrapper receiptLoading = new ReadOnlyBooleanWrapper(this, "receiptLoading");
    private final ReadOnlyStringWrapper receiptError = new ReadOnlyStringWrapper(this, "receiptError");

    private final FileExport export;

    private TaskHandle loadTask = TaskHandle.NONE;
    private Map<String, LocalizedText> appNames = Map.of();
    private Map<String, LocalizedText> planNames = Map.of();
    private Map<String, String> projectNames = Map.of();
    private TaskHandle receiptTask = TaskHandle.NONE;
    private long generation;

    public EnergyViewModel(FactoryClient client, TaskExecutor executor, ConnectionMonitor monitor, Clock clock, ZoneId zone) {
        this.client = Objects.requireNonNull(client);
        this.executor = Objects.requireNonNull(executor);
        this.monitor = Objects.requireNonNull(monitor);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.export = new FileExport(executor);
        period = new PeriodChoice(EnergyPeriod.LAST_QUARTER, LocalDate.now(clock.withZone(zone)));
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

    public ReadOnlyObjectProperty<Kpis> kpisProperty() {
        return kpis.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EnergyGroupBy> chartGroupingProperty() {
        return chartGrouping.getReadOnlyProperty();
    }

    /** The per-workload report last loaded, with its factors and methodology. */
    public ReadOnlyObjectProperty<EnergyReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** What the chart's layers stand for. */
    public ReadOnlyObjectProperty<Stacking> stackingProperty() {
        return stacking.getReadOnlyProperty();
    }

    /** The chart's buckets and layers exactly as reported (the view downsamples for drawing). */
    public ReadOnlyObjectProperty<ChartStack> chartStackProperty() {
        return chartStack.getReadOnlyProperty();
    }

    /** Stacks the chart by application, project or energy source, and loads the period again for it. */
    public void selectStacking(Stacking chosen) {
        if (Objects.requireNonNull(chosen) == stacking.get()) {
            return;
        }
        stacking.set(chosen);
        load();
    }

    public ObservableList<WorkloadEnergy> rows() {
        return rowsView;
    }

    public ReadOnlyObjectProperty<EnergyReceipt> receiptProperty() {
        return receipt.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty receiptLoadingProperty() {
        return receiptLoading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty receiptErrorProperty() {
        return receiptError.getReadOnlyProperty();
    }

    public LocalDate customFrom() {
        return period.customFrom();
    }

    public LocalDate customTo() {
        return period.customTo();
    }

    /** Chooses a preset period and loads it. */
    public void selectPeriod(EnergyPeriod chosen) {
        period.choose(chosen);
        load();
    }

    /** Chooses a custom period of site-local days, both inclusive, and loads it. */
    public void selectCustom(LocalDate from, LocalDate toInclusive) {
        period.chooseCustom(from, toInclusive);
        load();
    }

    /** Loads the chosen period; a load still running is cancelled and its answer never shown. */
    public void load() {
        loadTask.cancel();
        long mine = ++generation;
        EnergyPeriod.DateRange days = period.resolve(LocalDate.now(clock.withZone(zone)));
        EnergyGroupBy timeGrouping = days.days() <= DAILY_CHART_MAX_DAYS ? EnergyGroupBy.DAY : EnergyGroupBy.WEEK;
        Instant from = days.from().atStartOfDay(zone).toInstant();
        Instant to = days.to().atStartOfDay(zone).toInstant();
        state.set(LoadState.LOADING);
        errorMessage.set(null);
        Stacking stack = stacking.get();
        loadTask = executor.run(() -> fetch(from, to, timeGrouping, stack),
                loaded -> {
                    if (mine == generation) {
                        show(loaded, timeGrouping, stack);
                    }
                },
                failure -> {
                    if (mine == generation) {
                        failed(failure);
                    }
                });
    }

    /** Loads the receipt of a workload of the table. */
    public void openReceipt(String workloadId) {
        receiptTask.cancel();
        receipt.set(null);
        receiptError.set(null);
        receiptLoading.set(true);
        // The plans' names are read with the first receipt only: they come in both languages and rarely change.
        Map<String, LocalizedText> known = planNames;
        receiptTask = executor.run(() -> new Receipt(client.energyReceipt(workloadId), known.isEmpty() ? planNames() : known),
                fetched -> {
                    monitor.reportSuccess();
                    receiptLoading.set(false);
                    planNames = fetched.planNames();
                    receipt.set(fetched.receipt());
                },
                failure -> {
                    monitor.report(failure);
                    receiptLoading.set(false);
                    receiptError.set(describe(failure));
                });
    }

    public void closeReceipt() {
        receiptTask.cancel();
        receiptLoading.set(false);
        receipt.set(null);
        receiptError.set(null);
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return export.runningProperty();
    }

    /** The share done of the running export, 0 to 1. */
    public ReadOnlyDoubleProperty exportProgressProperty() {
        return export.progressProperty();
    }

    /** How the last export ended, or null while one runs and before the first. */
    public ReadOnlyObjectProperty<FileExport.Result> exportResultProperty() {
        return export.resultProperty();
    }

    /** The file name offered for a CSV export of the shown period. */
    public String suggestedCsvName() {
        return suggestedName("csv");
    }

    /** The file name offered for a PDF export of the shown period. */
    public String suggestedPdfName() {
        return suggestedName("pdf");
    }

    private String suggestedName(String extension) {
        EnergyPeriod.DateRange days = period.rangeProperty().get();
        return "energy-" + days.from() + "_" + days.to().minusDays(1) + "." + extension;
    }

    /** Writes the table as UTF-8 CSV to {@code target} in the background; the table as shown now is written. */
    public void exportCsv(Path target) {
        List<WorkloadEnergy> snapshot = List.copyOf(rows);
        EnergyPeriod.DateRange days = period.rangeProperty().get();
        export.start(target, (out, progress) -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            EnergyCsv.write(days, snapshot, writer, progress);
            writer.flush();
        });
    }

    /**
     * Writes the page as a PDF in {@code locale} to {@code target} in the background.
     *
     * @param chart the chart as drawn on screen (taken on the UI thread), or null to leave it out
     */
    void exportPdf(Path target, Locale locale, EnergyPdf.Pixels chart) {
        EnergyReport shown = report.get();
        Kpis figures = kpis.get();
        if (shown == null || figures == null) {
            throw new IllegalStateException("no report to export");
        }
        EnergyPdf pdf = new EnergyPdf(new EnergyPdf.Snapshot(shown, List.copyOf(rows), figures, period.rangeProperty().get(), chart),
                locale);
        export.start(target, pdf::write);
    }

    /** Stops a running export; the target file is left as it was and no partial file remains. */
    public void cancelExport() {
        export.cancel();
    }

    /** The session ended: no call back after this. */
    public void dispose() {
        export.cancel();
        loadTask.cancel();
        receiptTask.cancel();
        generation++;
    }

    private Loaded fetch(Instant from, Instant to, EnergyGroupBy timeGrouping, Stacking stack) {
        EnergyReport byWorkload = client.energyReport(from, to, EnergyGroupBy.WORKLOAD);
        EnergyReport byTime = stack.wire() == null ? client.energyReport(from, to, timeGrouping)
                : client.energyReport(from, to, timeGrouping, stack.wire());
        Set<String> wanted = new HashSet<>();
        byWorkload.groups().forEach(group -> wanted.add(group.key()));
        Map<String, Workload> workloads = new HashMap<>();
        if (!wanted.isEmpty()) {
            // The report names workloads only; their application and project come from the workload list.
            WorkloadQuery query = new WorkloadQuery(null, null, null, null, null, to, null, null, WORKLOAD_PAGE, null);
            Page<Workload> page;
            do {
                page = client.listWorkloads(query);
                page.items().stream().filter(w -> wanted.contains(w.id())).forEach(w -> workloads.put(w.id(), w));
                query = query.withCursor(page.nextCursor());
            } while (page.hasMore() && workloads.size() < wanted.size());
        }
        return new Loaded(byWorkload, byTime, workloads, appNames(workloads.values()), projectNames());
    }

    private record Receipt(EnergyReceipt receipt, Map<String, LocalizedText> planNames) {
    }

    /** The catalog's names of the resource plans, for the receipt's text; none when the catalog cannot be read. */
    private Map<String, LocalizedText> planNames() {
        try {
            Map<String, LocalizedText> names = new HashMap<>();
            client.listResourcePlans().forEach(plan -> names.put(plan.id(), plan.name()));
            return names;
        } catch (RuntimeException e) {
            LOG.debug("plan names not fetched: {}", e.toString());
            return Map.of();
        }
    }

    /** A resource plan's name from the last receipt's load in {@code locale}, or its id. */
    public String planName(String planId, Locale locale) {
        LocalizedText name = planNames.get(planId);
        return name == null ? planId : name.in(locale);
    }

    /** The catalog names of the workloads' applications; one without a name keeps showing its id. */
    private Map<String, LocalizedText> appNames(Collection<Workload> workloads) {
        Map<String, LocalizedText> names = new HashMap<>();
        for (String appId : workloads.stream().map(Workload::appId).distinct().toList()) {
            try {
                names.put(appId, client.getApp(appId).summary().name());
            } catch (RuntimeException e) {
                LOG.debug("no catalog name for {}: {}", appId, e.toString());
            }
        }
        return names;
    }

    private Map<String, String> projectNames() {
        try {
            Map<String, String> names = new HashMap<>();
            client.me().projects().forEach(p -> names.put(p.id(), p.name()));
            return names;
        } catch (RuntimeException e) {
            LOG.debug("project names not fetched: {}", e.toString());
            return Map.of();
        }
    }

    /** An application's name from the last load in {@code locale}, or its id. */
    public String appName(String appId, Locale locale) {
        LocalizedText name = appNames.get(appId);
        return name == null ? appId : name.in(locale);
    }

    /** A project's name from the last load, or its id. */
    public String projectName(String projectId) {
        return projectNames.getOrDefault(projectId, projectId);
    }

    private void show(Loaded loaded, EnergyGroupBy timeGrouping, Stacking stack) {
        monitor.reportSuccess();
        EnergyReport byWorkload = loaded.byWorkload();
        // Names first: the report's listeners name applications and projects.
        appNames = loaded.appNames();
        projectNames = loaded.projectNames();
        report.set(byWorkload);
        List<WorkloadEnergy> table = new ArrayList<>();
        for (EnergyGroup group : byWorkload.groups()) {
            Workload w = loaded.workloads().get(group.key());
            table.add(new WorkloadEnergy(group.key(), group.label(),
                    w == null ? "" : w.appId(), w == null ? "" : w.projectId(),
                    group.itKwh(), group.facilityKwh(), group.co2eKgLocationBased(), group.co2eKgMarketBased(),
                    group.gpuHours(), group.costEur(), w == null ? null : loaded.appNames().get(w.appId()),
                    w == null ? null : loaded.projectNames().get(w.projectId()), group.measuredKwh()));
        }
        rows.setAll(table);
        chartGrouping.set(timeGrouping);
        chartStack.set(stackOf(loaded.byTime(), stack, loaded.appNames()));
        kpis.set(Kpis.of(byWorkload.totals(), byWorkload.indicators()));
        state.set(table.isEmpty() ? LoadState.EMPTY : LoadState.READY);
    }

    private ChartStack stackOf(EnergyReport byTime, Stacking stack, Map<String, LocalizedText> appNames) {
        List<EnergyGroup> periods = byTime.groups();
        List<String> labels = periods.stream().map(EnergyGroup::label).toList();
        List<Instant> starts = periods.stream().map(EnergyGroup::start).toList();
        List<ChartStack.Layer> layers = new ArrayList<>();
        if (stack.wire() == null) {
            layers.add(new ChartStack.Layer(StackedEnergyChart.RENEWABLE, "renewable",
                    periods.stream().map(EnergyGroup::renewableKwh).toList()));
            layers.add(new ChartStack.Layer(StackedEnergyChart.GRID, "grid",
                    periods.stream().map(EnergyGroup::gridKwh).toList()));
            return new ChartStack(labels, starts, layers);
        }
        List<EnergySeries> series = byTime.series();
        int kept = series.size() <= StackedEnergyChart.MAX_LAYERS ? series.size() : StackedEnergyChart.MAX_LAYERS - 1;
        for (EnergySeries s : series.subList(0, kept)) {
            // An application's series is named by the catalog in both languages; the factory's label is English.
            LocalizedText name = stack == Stacking.APPLICATION ? appNames.get(s.key()) : null;
            layers.add(new ChartStack.Layer(s.key(), s.label(), name, s.values()));
        }
        if (kept < series.size()) {
            // The smaller series, summed per period: the chart keeps its totals with a readable palette.
            List<BigDecimal> other = new ArrayList<>(Collections.nCopies(periods.size(), BigDecimal.ZERO));
            for (EnergySeries s : series.subList(kept, series.size())) {
                for (int i = 0; i < other.size(); i++) {
                    other.set(i, other.get(i).add(s.values().get(i)));
                }
            }
            layers.add(new ChartStack.Layer(StackedEnergyChart.OTHER, "other", other));
        }
        return new ChartStack(labels, starts, layers);
    }

    private void failed(Throwable failure) {
        LOG.warn("energy report failed: {}", failure.toString());
        monitor.report(failure);
        rows.clear();
        chartStack.set(ChartStack.EMPTY);
        kpis.set(null);
        errorMessage.set(describe(failure));
        state.set(LoadState.ofFailure(failure));
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    private record Loaded(EnergyReport byWorkload, EnergyReport byTime, Map<String, Workload> workloads,
                          Map<String, LocalizedText> appNames, Map<String, String> projectNames) {
    }

    /** One workload's line of the table. */
    public record WorkloadEnergy(String workloadId, String name, String appId, String projectId, BigDecimal itKwh,
                                 BigDecimal facilityKwh, BigDecimal co2eKgLocation, BigDecimal co2eKgMarket,
                                 BigDecimal gpuHours, BigDecimal costEur, LocalizedText appName, String projectName,
                                 BigDecimal measuredKwh) {

        /** A row without the measured part of its IT energy. */
        public WorkloadEnergy(String workloadId, String name, String appId, String projectId, BigDecimal itKwh,
                              BigDecimal facilityKwh, BigDecimal co2eKgLocation, BigDecimal co2eKgMarket,
                              BigDecimal gpuHours, BigDecimal costEur, LocalizedText appName, String projectName) {
            this(workloadId, name, appId, projectId, itKwh, facilityKwh, co2eKgLocation, co2eKgMarket, gpuHours, costEur,
                    appName, projectName, null);
        }

        /** The measured part of the IT energy as a fraction; null without IT energy or without the figure. */
        public BigDecimal measuredShare() {
            return measuredKwh == null || itKwh == null || itKwh.signum() == 0 ? null
                    : measuredKwh.divide(itKwh, 4, RoundingMode.HALF_UP);
        }

        /** The modelled part of the IT energy; null without the measured figure. */
        public BigDecimal modelledKwh() {
            return measuredKwh == null ? null : itKwh.subtract(measuredKwh);
        }

        /** The application's name in {@code locale}; its id when the catalog did not name it. */
        public String appName(Locale locale) {
            return appName == null ? appId : appName.in(locale);
        }

        /** The project's name; its id when the tenant's project list did not name it. */
        public String projectLabel() {
            return projectName == null ? projectId : projectName;
        }
    }

    /**
     * The KPI cards' figures.
     *
     * @param renewableShare renewable / facility energy as a fraction, null when no energy was used
     * @param pue            the site's PUE of the period with its threshold, or null when the report has none
     * @param erf            the site's energy reuse factor with its threshold, or null
     */
    public record Kpis(BigDecimal facilityKwh, BigDecimal co2eKgLocation, BigDecimal co2eKgMarket,
                       BigDecimal renewableShare, SiteIndicator pue, SiteIndicator erf) {

        static Kpis of(EnergyTotals totals, List<SiteIndicator> indicators) {
            BigDecimal share = totals.facilityKwh().signum() == 0 ? null
                    : totals.renewableKwh().divide(totals.facilityKwh(), 4, RoundingMode.HALF_UP);
            return new Kpis(totals.facilityKwh(), totals.co2eKgLocationBased(), totals.co2eKgMarketBased(), share,
                    indicator(indicators, "PUE"), indicator(indicators, "ERF"));
        }

        private static SiteIndicator indicator(List<SiteIndicator> indicators, String name) {
            return indicators.stream().filter(i -> name.equals(i.name())).findFirst().orElse(null);
        }
    }
}
