package eu.aifactory.server.energy;

import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.api.report.CarbonIntensity;
import eu.aifactory.api.report.EnergyFactor;
import eu.aifactory.api.report.EnergyGroup;
import eu.aifactory.api.report.EnergyGroupBy;
import eu.aifactory.api.report.EnergyProvenance;
import eu.aifactory.api.report.EnergyReceipt;
import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.api.report.EnergySeries;
import eu.aifactory.api.report.EnergyStackBy;
import eu.aifactory.api.report.RuleSet;
import eu.aifactory.api.report.SiteEvidence;
import eu.aifactory.api.report.SiteIndicator;
import eu.aifactory.server.catalog.CatalogService;
import eu.aifactory.server.energy.model.CarbonLedger;
import eu.aifactory.server.energy.model.EnergyFactors;
import eu.aifactory.server.energy.model.EnergyLedger;
import eu.aifactory.server.energy.model.EnergyModel;
import eu.aifactory.server.energy.model.ProvenanceLedger;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.tenant.Principal;
import eu.aifactory.server.workload.WorkloadQueries;
import eu.aifactory.server.workload.WorkloadRow;
import eu.aifactory.server.http.FieldError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Energy receipts of single workloads and a tenant's energy reports (issue 5). Both are built from the same cells
 * (one workload's samples within one site-local day, summed in the database) with the same arithmetic
 * ({@link EnergyLedger}), so a report's groups add up to its totals and the receipts of its workloads add up to it.
 */
public final class EnergyService {

    public static final String TELEMETRY = "One power sample per minute of run time (the last may cover less), "
            + "describing the interval that ends at its timestamp: power_usage_w is the workload's mean IT power in watts, "
            + "i.e. its GPUs' power (DCGM_FI_DEV_POWER_USAGE summed over its GPUs) plus the plan's allocated share of "
            + "the nodes' non-GPU power (CPU, memory, NICs, fans); total_energy_mj is a "
            + "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION-style counter of that IT energy in millijoules since the run started. "
            + "IT energy is the counter's increase. The node share is the plan's nodeOverheadWatts x run time; GPU "
            + "energy is IT energy minus the node share.";

    private final EnergyStore store;
    private final WorkloadQueries workloads;
    private final CatalogService catalog;
    private final Clock clock;

    public EnergyService(EnergyStore store, WorkloadQueries workloads, CatalogService catalog, Clock clock) {
        this.store = store;
        this.workloads = workloads;
        this.catalog = catalog;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- receipt

    public EnergyReceipt receipt(Principal principal, String workloadId) {
        WorkloadRow w = workloads.find(principal.tenantId(), workloadId)
                .filter(row -> principal.sees(row.projectId()))
                .orElseThrow(() -> ProblemException.notFound("problem.notFound.workload", workloadId));
        EnergyModel model = store.model();
        BigDecimal location = model.locationFactor().value();
        BigDecimal residual = model.residualFactor().value();
        Map<YearMonth, EnergyLedger.Sum> months = new TreeMap<>();
        Map<YearMonth, Long> samplesPerMonth = new HashMap<>();
        Map<YearMonth, EnergyModel.Monthly> indicators = new HashMap<>();
        EnergyLedger.Sum total = new EnergyLedger.Sum();
        ProvenanceLedger provenance = new ProvenanceLedger();
        long samples = 0;
        long energyMj = 0;
        long durationMs = 0;
        int peak = 0;
        Long end = null;
        for (EnergyStore.CellRow row : store.workloadCells(principal.tenantId(), w.id(), model.zone())) {
            EnergyLedger.Cell cell = cell(row, null);
            YearMonth month = YearMonth.from(row.day());
            EnergyModel.Monthly m = indicators.computeIfAbsent(month, model::month);
            EnergyLedger.Figures f = EnergyLedger.figures(cell, m, location, residual);
            months.computeIfAbsent(month, k -> new EnergyLedger.Sum()).add(f);
            samplesPerMonth.merge(month, row.samples(), Long::sum);
            provenance.add(row.provenance(), f.itWh(), row.samples(), cell.durationMs());
            provenance.pue(month, m.pue());
            total.add(f);
            samples += row.samples();
            energyMj += cell.energyMj();
            durationMs += cell.durationMs();
            peak = Math.max(peak, row.peakPowerW());
            end = row.lastTs();
        }
        List<EnergyReceipt.Period> periods = new ArrayList<>();
        List<EnergyFactor> factors = new ArrayList<>(model.emissionFactors());
        for (Map.Entry<YearMonth, EnergyLedger.Sum> e : months.entrySet()) {
            EnergyModel.Monthly m = indicators.get(e.getKey());
            EnergyLedger.Sum s = e.getValue();
            periods.add(new EnergyReceipt.Period(e.getKey().toString(), samplesPerMonth.get(e.getKey()),
                    EnergyLedger.thousandths(s.itWh()), m.pue().value(), EnergyLedger.thousandths(s.facilityWh()),
                    m.ref().value(), EnergyLedger.thousandths(s.renewableWh()), EnergyLedger.thousandths(s.gridWh()),
                    EnergyLedger.thousandths(s.co2eLocationG()), EnergyLedger.thousandths(s.co2eMarketG())));
            factors.add(m.pue().factor());
            factors.add(m.ref().factor());
        }
        Optional<ResourcePlan> plan = catalog.plan(w.planId());
        BigDecimal nodeShare = null;
        BigDecimal gpu = null;
        if (plan.isPresent()) {
            long nodeWh = EnergyLedger.divideHalfUp((long) plan.get().nodeOverheadWatts() * durationMs, 3_600_000L);
            nodeWh = Math.min(nodeWh, total.itWh());
            nodeShare = EnergyLedger.thousandths(nodeWh);
            gpu = EnergyLedger.thousandths(total.itWh() - nodeWh);
        }
        BigDecimal average = durationMs == 0 ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(energyMj).divide(BigDecimal.valueOf(durationMs), 1, RoundingMode.HALF_UP);
        EnergyLedger.Sum t = total;
        CarbonLedger carbon = new CarbonLedger(model);
        carbon.add(new CarbonLedger.Share(w.appId(), w.gpuClass(), w.status(), true, t.facilityWh(), t.co2eLocationG(),
                t.gpuMilliHours()));
        EnergyReceipt receipt = new EnergyReceipt(w.id(), w.name(), w.appId(), w.projectId(), w.planId(), w.gpuCount(), w.status(),
                w.startedAt() == null ? null : Instant.ofEpochMilli(w.startedAt()),
                end == null ? null : Instant.ofEpochMilli(end), samples, TELEMETRY, peak, average,
                EnergyLedger.thousandths(t.gpuMilliHours()), gpu, nodeShare, EnergyLedger.thousandths(t.itWh()),
                EnergyLedger.thousandths(t.facilityWh()), EnergyLedger.thousandths(t.renewableWh()),
                EnergyLedger.thousandths(t.gridWh()), EnergyLedger.thousandths(t.co2eLocationG()),
                EnergyLedger.thousandths(t.co2eMarketG()), periods, factors, model.zone().getId(),
                EnergyFactors.METHODOLOGY_VERSION, EnergyLedger.ROUNDING_RULE, methodology(),
                provenance.toApi(model), carbon.of(w.appId()).orElse(null), model.site().name());
        return receipt.withTranslations(ReportTranslations.of(ReportTranslations.texts(receipt), store::translations));
    }

    private static String methodology() {
        return EnergyLedger.METHODOLOGY + " " + ProvenanceLedger.METHODOLOGY + " " + CarbonLedger.NOTE;
    }

    // ---------------------------------------------------------------- report

    /** Checks a report's period: both ends given, {@code from < to}, at most one year and one day (site-local). */
    public static void validatePeriod(Instant from, Instant to, ZoneId zone, List<FieldError> errors) {
        if (from == null) {
            errors.add(new FieldError("from", "field.requiredDateTime"));
        }
        if (to == null) {
            errors.add(new FieldError("to", "field.requiredDateTime"));
        }
        if (from == null || to == null) {
            return;
        }
        if (!from.isBefore(to)) {
            errors.add(new FieldError("to", "field.afterFrom"));
        } else if (to.isAfter(from.atZone(zone).plusYears(1).plusDays(1).toInstant())) {
            errors.add(new FieldError("to", "field.withinYearAndDay"));
        }
    }

    public ZoneId zone() {
        return store.model().zone();
    }

    /** One group of a report while it is summed up. */
    private static final class Group {
        final String key;
        final String label;
        final Instant start;
        final Instant end;
        final EnergyLedger.Sum sum = new EnergyLedger.Sum();
        final Set<String> workloads = new HashSet<>();

        Group(String key, String label, Instant start, Instant end) {
            this.key = key;
            this.label = label;
            this.start = start;
            this.end = end;
        }
    }

    public EnergyReport report(Principal principal, Instant from, Instant to, EnergyGroupBy groupBy) {
        return report(principal, from, to, groupBy, null, null);
    }

    /** One application's or project's facility energy per period while a stacked report is summed up. */
    private static final class Series {
        final String label;
        final Map<String, Long> whByGroup = new HashMap<>();
        long totalWh;

        Series(String label) {
            this.label = label;
        }
    }

    /**
     * The report; with {@code stackBy} (periods only) each period's facility energy is also split into series per
     * application or project, summed from the same cells as the groups, so every period's series add up exactly.
     */
    public EnergyReport report(Principal principal, Instant from, Instant to, EnergyGroupBy groupBy,
                               EnergyStackBy stackBy, String ruleSetId) {
        if (stackBy != null && !groupBy.isTime()) {
            throw ProblemException.validation(List.of(
                    new FieldError("stackBy", "field.stackByNeedsPeriods")));
        }
        EnergyModel model = store.model();
        ZoneId zone = model.zone();
        List<FieldError> errors = new ArrayList<>();
        validatePeriod(from, to, zone, errors);
        RuleSet ruleSet = ruleSetId == null ? model.defaultRuleSet() : model.ruleSet(ruleSetId).orElse(null);
        if (ruleSet == null) {
            errors.add(new FieldError("rules", "field.oneOf",
                    String.join(", ", model.evidence().ruleSets().stream().map(RuleSet::id).toList())));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        long fromMs = from.toEpochMilli();
        long toMs = to.toEpochMilli();
        BigDecimal location = model.locationFactor().value();
        BigDecimal residual = model.residualFactor().value();
        Map<String, Group> groups = groupBy.isTime() ? periods(groupBy, from, to, zone) : new LinkedHashMap<>();
        Map<YearMonth, EnergyLedger.Sum> months = new TreeMap<>();
        Map<YearMonth, EnergyModel.Monthly> indicators = new HashMap<>();
        EnergyLedger.Sum total = new EnergyLedger.Sum();
        Set<String> allWorkloads = new HashSet<>();
        List<EnergyStore.CellRow> straddling = new ArrayList<>();
        Map<String, String> appNames = new HashMap<>();
        Map<String, Series> stacks = new HashMap<>();
        ProvenanceLedger provenance = new ProvenanceLedger();
        Map<String, WorkloadShare> shares = new HashMap<>();

        BiConsumer<EnergyStore.CellRow, long[]> account = (row, baseline) -> {
            EnergyLedger.Cell cell = cell(row, baseline);
            YearMonth month = YearMonth.from(row.day());
            EnergyLedger.Figures f = EnergyLedger.figures(cell, indicators.computeIfAbsent(month, model::month), location,
                    residual);
            Group g = group(groups, groupBy, row, appNames);
            g.sum.add(f);
            if (EnergyProvenance.MEASURED.equals(model.source(row.provenance()).kind())) {
                g.sum.addMeasured(f.itWh());
            }
            g.workloads.add(row.workloadId());
            if (stackBy != null) {
                Series series = series(stacks, stackBy, row.workload(), appNames);
                series.whByGroup.merge(g.key, f.facilityWh(), Long::sum);
                series.totalWh += f.facilityWh();
            }
            months.computeIfAbsent(month, k -> new EnergyLedger.Sum()).add(f);
            total.add(f);
            allWorkloads.add(row.workloadId());
            provenance.add(row.provenance(), f.itWh(), row.samples(), cell.durationMs());
            provenance.pue(month, indicators.get(month).pue());
            shares.computeIfAbsent(row.workloadId(), k -> new WorkloadShare(row.workload())).add(f);
        };
        List<String> projects = principal.seesAllProjects() ? null : principal.projectIds();
        if (projects == null || !projects.isEmpty()) {
            store.cells(principal.tenantId(), projects, fromMs, toMs, zone, row -> {
                Long startedAt = row.workload().startedAt();
                if (row.prevTs() == null && (startedAt == null || startedAt < fromMs)) {
                    // The run began before the period: its first cell here continues from a sample before it.
                    straddling.add(row);
                } else {
                    account.accept(row, null);
                }
            });
        }
        if (!straddling.isEmpty()) {
            Map<String, long[]> before = store.lastSampleBefore(
                    straddling.stream().map(EnergyStore.CellRow::workloadId).distinct().toList(), fromMs);
            straddling.forEach(row -> account.accept(row, before.get(row.workloadId())));
        }

        List<EnergyGroup> rows = new ArrayList<>();
        for (Group g : groups.values()) {
            rows.add(g.sum.toGroup(g.key, g.label, g.start, g.end, g.workloads.size()));
        }
        if (!groupBy.isTime()) {
            rows.sort(Comparator.comparing(EnergyGroup::facilityKwh).reversed().thenComparing(EnergyGroup::key));
        }
        String scope = projects == null ? "all projects of the tenant"
                : "the caller's projects: " + (projects.isEmpty() ? "none" : String.join(", ", projects));
        CarbonLedger carbon = new CarbonLedger(model);
        for (WorkloadShare share : shares.values()) {
            EnergyStore.WorkloadInfo w = share.workload;
            boolean ended = w.endedAt() != null && w.endedAt() >= fromMs && w.endedAt() < toMs;
            carbon.add(new CarbonLedger.Share(w.appId(), w.gpuClass(), w.status(), ended, share.sum.facilityWh(),
                    share.sum.co2eLocationG(), share.sum.gpuMilliHours()));
        }
        List<SiteIndicator> siteIndicators = indicators(model, months, from, to, ruleSet);
        EnergyReport report = new EnergyReport(principal.tenantId(), principal.tenantName(), from, to, groupBy,
                zone.getId(), model.site().name(), scope, rows, total.toTotals(allWorkloads.size()),
                siteIndicators, model.emissionFactors(), EnergyFactors.METHODOLOGY_VERSION,
                EnergyLedger.ROUNDING_RULE, methodology(), Instant.now(clock), stackBy,
                stackBy == null ? null : seriesList(stacks, rows),
                new EnergyReport.ProjectScope(projects == null, projects == null ? List.of() : projects),
                provenance.toApi(model), ruleSet, model.evidence().ruleSets(),
                siteEvidence(model, months, from, to, siteIndicators), carbon.toApi());
        return report.withTranslations(ReportTranslations.of(ReportTranslations.texts(report), store::translations));
    }

    /** One workload's figures within a report, for its carbon intensity. */
    private static final class WorkloadShare {
        final EnergyStore.WorkloadInfo workload;
        final EnergyLedger.Sum sum = new EnergyLedger.Sum();

        WorkloadShare(EnergyStore.WorkloadInfo workload) {
            this.workload = workload;
        }

        void add(EnergyLedger.Figures f) {
            sum.add(f);
        }
    }

    /**
     * The site's registrations, the guarantees of origin produced in the period, and its water and passed-on heat:
     * the stored figures of each flow period pro rata to its overlap with the report's period; the attributed figures
     * are this report's IT energy × WUE and facility energy × ERF, month by month.
     */
    private static SiteEvidence siteEvidence(EnergyModel model, Map<YearMonth, EnergyLedger.Sum> sums, Instant from,
                                             Instant to, List<SiteIndicator> indicators) {
        ZoneId zone = model.zone();
        BigDecimal water = BigDecimal.ZERO;
        BigDecimal heat = BigDecimal.ZERO;
        BigDecimal heatTemperature = BigDecimal.ZERO;
        List<String> sources = new ArrayList<>();
        String recipient = null;
        for (EnergyModel.FlowRow flow : model.evidence().flows()) {
            Instant start = flow.validFrom().atStartOfDay(zone).toInstant();
            Instant end = flow.validTo().atStartOfDay(zone).toInstant();
            long overlap = min(to, end).toEpochMilli() - max(from, start).toEpochMilli();
            if (overlap <= 0) {
                continue;
            }
            BigDecimal fraction = BigDecimal.valueOf(overlap)
                    .divide(BigDecimal.valueOf(end.toEpochMilli() - start.toEpochMilli()), 12, RoundingMode.HALF_UP);
            BigDecimal flowHeat = flow.reusedHeatKwh().multiply(fraction);
            water = water.add(flow.waterLitres().multiply(fraction));
            heat = heat.add(flowHeat);
            heatTemperature = heatTemperature.add(flowHeat.multiply(flow.heatSupplyTempC()));
            recipient = flow.heatRecipient();
            if (!sources.contains(flow.source())) {
                sources.add(flow.source());
            }
        }
        BigDecimal attributedWater = BigDecimal.ZERO;
        BigDecimal attributedHeat = BigDecimal.ZERO;
        for (Map.Entry<YearMonth, EnergyLedger.Sum> e : sums.entrySet()) {
            EnergyModel.Monthly m = model.month(e.getKey());
            attributedWater = attributedWater.add(BigDecimal.valueOf(e.getValue().itWh()).multiply(m.wue().value()));
            attributedHeat = attributedHeat.add(BigDecimal.valueOf(e.getValue().facilityWh()).multiply(m.erf().value()));
        }
        LocalDate firstDay = from.atZone(zone).toLocalDate();
        LocalDate lastDay = to.minusMillis(1).atZone(zone).toLocalDate();
        List<SiteEvidence.Certificate> certificates = model.evidence().certificates().stream()
                .filter(c -> !c.productionFrom().isAfter(lastDay) && c.productionTo().isAfter(firstDay))
                .toList();
        BigDecimal wue = indicators.stream().filter(i -> i.name().equals(EnergyModel.WUE)).findFirst()
                .map(SiteIndicator::value).orElse(null);
        EnergyModel.Site site = model.site();
        boolean illustrative = site.euDatabaseId() != null && site.euDatabaseId().contains("illustrative");
        return new SiteEvidence(site.id(), site.name(), site.euDatabaseId(), site.deRegisterId(),
                site.heatNetworkWithin5km(), certificates,
                new SiteEvidence.Water(wue, water.setScale(0, RoundingMode.HALF_UP),
                        attributedWater.divide(BigDecimal.valueOf(1000), 1, RoundingMode.HALF_UP)),
                new SiteEvidence.ReusedHeat(heat.setScale(0, RoundingMode.HALF_UP),
                        heat.signum() == 0 ? null : heatTemperature.divide(heat, 1, RoundingMode.HALF_UP),
                        attributedHeat.divide(BigDecimal.valueOf(1000), 3, RoundingMode.HALF_UP), recipient),
                illustrative, sources);
    }

    private Series series(Map<String, Series> stacks, EnergyStackBy stackBy, EnergyStore.WorkloadInfo w,
                          Map<String, String> appNames) {
        String key = stackBy == EnergyStackBy.APPLICATION ? w.appId() : w.projectId();
        return stacks.computeIfAbsent(key, k -> new Series(stackBy == EnergyStackBy.APPLICATION
                ? appNames.computeIfAbsent(k, id -> catalog.cachedApp(id).map(a -> a.summary().name().en()).orElse(id))
                : w.projectName() == null ? k : w.projectName()));
    }

    /** Largest series first; each series' values in the order of the report's periods, in whole Wh as kWh. */
    private static List<EnergySeries> seriesList(Map<String, Series> stacks, List<EnergyGroup> periods) {
        List<Map.Entry<String, Series>> ordered = new ArrayList<>(stacks.entrySet());
        ordered.sort(Comparator.<Map.Entry<String, Series>>comparingLong(e -> e.getValue().totalWh).reversed()
                .thenComparing(Map.Entry::getKey));
        List<EnergySeries> out = new ArrayList<>(ordered.size());
        for (Map.Entry<String, Series> e : ordered) {
            Series series = e.getValue();
            List<BigDecimal> values = new ArrayList<>(periods.size());
            for (EnergyGroup period : periods) {
                values.add(BigDecimal.valueOf(series.whByGroup.getOrDefault(period.key(), 0L), 3));
            }
            out.add(new EnergySeries(e.getKey(), series.label, BigDecimal.valueOf(series.totalWh, 3), values));
        }
        return out;
    }

    private Group group(Map<String, Group> groups, EnergyGroupBy groupBy, EnergyStore.CellRow row,
                        Map<String, String> appNames) {
        EnergyStore.WorkloadInfo w = row.workload();
        String key = switch (groupBy) {
            case DAY -> row.day().toString();
            case WEEK -> weekKey(row.day());
            case MONTH -> YearMonth.from(row.day()).toString();
            case APPLICATION -> w.appId();
            case PROJECT -> w.projectId();
            case WORKLOAD -> w.id();
            case USER -> w.submittedBy();
        };
        Group g = groups.get(key);
        if (g != null) {
            return g;
        }
        if (groupBy.isTime()) {
            // Every period of the range was created up front; a cell outside it would be a bug in the day arithmetic.
            throw new IllegalStateException("sample day " + row.day() + " lies outside the report's period");
        }
        String label = switch (groupBy) {
            case APPLICATION -> appNames.computeIfAbsent(w.appId(),
                    id -> catalog.cachedApp(id).map(a -> a.summary().name().en()).orElse(id));
            case PROJECT -> w.projectName() == null ? w.projectId() : w.projectName();
            case WORKLOAD -> w.name();
            case USER -> w.submittedByName() == null ? w.submittedBy() : w.submittedByName();
            default -> key;
        };
        g = new Group(key, label, null, null);
        groups.put(key, g);
        return g;
    }

    /** Every day, ISO week or month of {@code [from, to)}, clipped to it, in order. */
    private static Map<String, Group> periods(EnergyGroupBy groupBy, Instant from, Instant to, ZoneId zone) {
        Map<String, Group> groups = new LinkedHashMap<>();
        LocalDate last = to.minusMillis(1).atZone(zone).toLocalDate();
        LocalDate start = from.atZone(zone).toLocalDate();
        start = switch (groupBy) {
            case WEEK -> start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> start.withDayOfMonth(1);
            default -> start;
        };
        for (LocalDate d = start; !d.isAfter(last); ) {
            LocalDate next = switch (groupBy) {
                case WEEK -> d.plusWeeks(1);
                case MONTH -> d.plusMonths(1);
                default -> d.plusDays(1);
            };
            String key = switch (groupBy) {
                case WEEK -> weekKey(d);
                case MONTH -> YearMonth.from(d).toString();
                default -> d.toString();
            };
            Instant s = max(from, d.atStartOfDay(zone).toInstant());
            Instant e = min(to, next.atStartOfDay(zone).toInstant());
            groups.put(key, new Group(key, key, s, e));
            d = next;
        }
        return groups;
    }

    private static String weekKey(LocalDate day) {
        return String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** PUE, REF, ERF and WUE of the period, weighted by this report's energy per month (by time without energy). */
    private static List<SiteIndicator> indicators(EnergyModel model, Map<YearMonth, EnergyLedger.Sum> sums, Instant from,
                                                  Instant to, RuleSet ruleSet) {
        ZoneId zone = model.zone();
        LocalDate lastDay = to.minusMillis(1).atZone(zone).toLocalDate();
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from.atZone(zone)); !m.isAfter(YearMonth.from(lastDay)); m = m.plusMonths(1)) {
            months.add(m);
        }
        long itWh = 0;
        long facilityWh = 0;
        long renewableWh = 0;
        BigDecimal reused = BigDecimal.ZERO;
        BigDecimal water = BigDecimal.ZERO;
        Map<String, BigDecimal> byTime = new HashMap<>();
        long totalMs = 0;
        Map<String, List<EnergyFactor>> values = new LinkedHashMap<>();
        for (YearMonth m : months) {
            EnergyModel.Monthly monthly = model.month(m);
            EnergyLedger.Sum s = sums.getOrDefault(m, new EnergyLedger.Sum());
            itWh += s.itWh();
            facilityWh += s.facilityWh();
            renewableWh += s.renewableWh();
            reused = reused.add(BigDecimal.valueOf(s.facilityWh()).multiply(monthly.erf().value()));
            water = water.add(BigDecimal.valueOf(s.itWh()).multiply(monthly.wue().value()));
            ZonedDateTime start = m.atDay(1).atStartOfDay(zone);
            long overlap = min(to, start.plusMonths(1).toInstant()).toEpochMilli()
                    - max(from, start.toInstant()).toEpochMilli();
            totalMs += overlap;
            for (String name : EnergyModel.INDICATORS) {
                byTime.merge(name, monthly.get(name).value().multiply(BigDecimal.valueOf(overlap)), BigDecimal::add);
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(monthly.get(name).factor());
            }
        }
        String energyWeighted = "weighted by this report's IT energy per month";
        String facilityWeighted = "weighted by this report's facility energy per month";
        String timeWeighted = "no energy in the period: monthly values weighted by time";
        List<SiteIndicator> result = new ArrayList<>();
        BigDecimal bt = BigDecimal.valueOf(Math.max(1, totalMs));
        String byIt = itWh > 0 ? SiteIndicator.BY_IT_ENERGY : SiteIndicator.BY_TIME;
        String byFacility = facilityWh > 0 ? SiteIndicator.BY_FACILITY_ENERGY : SiteIndicator.BY_TIME;
        result.add(indicator(model, EnergyModel.PUE, itWh > 0 ? ratio(facilityWh, itWh) : byTime.get(EnergyModel.PUE)
                .divide(bt, 3, RoundingMode.HALF_UP), itWh > 0 ? energyWeighted + " (facility energy / IT energy)"
                : timeWeighted, byIt, values, lastDay, ruleSet));
        result.add(indicator(model, EnergyModel.REF, facilityWh > 0 ? ratio(renewableWh, facilityWh)
                : byTime.get(EnergyModel.REF).divide(bt, 3, RoundingMode.HALF_UP), facilityWh > 0
                ? facilityWeighted + " (renewable energy / facility energy)" : timeWeighted, byFacility, values, lastDay, ruleSet));
        result.add(indicator(model, EnergyModel.ERF, facilityWh > 0
                ? reused.divide(BigDecimal.valueOf(facilityWh), 3, RoundingMode.HALF_UP)
                : byTime.get(EnergyModel.ERF).divide(bt, 3, RoundingMode.HALF_UP),
                facilityWh > 0 ? facilityWeighted : timeWeighted, byFacility, values, lastDay, ruleSet));
        result.add(indicator(model, EnergyModel.WUE, itWh > 0
                ? water.divide(BigDecimal.valueOf(itWh), 3, RoundingMode.HALF_UP)
                : byTime.get(EnergyModel.WUE).divide(bt, 3, RoundingMode.HALF_UP),
                itWh > 0 ? energyWeighted : timeWeighted, byIt, values, lastDay, ruleSet));
        return result;
    }

    private static BigDecimal ratio(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 3, RoundingMode.HALF_UP);
    }

    private static SiteIndicator indicator(EnergyModel model, String name, BigDecimal value, String weighting,
                                           String basis, Map<String, List<EnergyFactor>> values, LocalDate lastDay,
                                           RuleSet ruleSet) {
        List<EnergyFactor> used = values.getOrDefault(name, List.of());
        String unit = used.isEmpty() ? "" : used.get(0).unit();
        SiteIndicator.Comparison applied = comparison(model, ruleSet.id(), name, value, lastDay);
        List<SiteIndicator.Comparison> others = new ArrayList<>();
        for (RuleSet other : model.evidence().ruleSets()) {
            if (!other.id().equals(ruleSet.id())) {
                others.add(comparison(model, other.id(), name, value, lastDay));
            }
        }
        return new SiteIndicator(name, value, unit, weighting, applied.threshold(), applied.pass(), used, basis,
                ruleSet.id(), applied.waived(), others);
    }

    /** {@code value} beside the limit of rule set {@code ruleSetId}; a waived limit has no threshold and no verdict. */
    private static SiteIndicator.Comparison comparison(EnergyModel model, String ruleSetId, String name, BigDecimal value,
                                                       LocalDate lastDay) {
        Optional<EnergyModel.Limit> limit = model.limit(ruleSetId, name, lastDay);
        if (limit.isEmpty()) {
            return new SiteIndicator.Comparison(ruleSetId, null, null, false);
        }
        if (limit.get().waived()) {
            return new SiteIndicator.Comparison(ruleSetId, null, null, true);
        }
        SiteIndicator.Threshold threshold = limit.get().threshold();
        return new SiteIndicator.Comparison(ruleSetId, threshold, EnergyModel.passes(value, threshold), false);
    }

    // ---------------------------------------------------------------- cells

    /**
     * A cell's energy and run time: the counter and time of its last sample minus those of the sample before
     * (from the same query, or {@code baseline} for a run that began before the period), or minus the run's start.
     */
    public static EnergyLedger.Cell cell(EnergyStore.CellRow row, long[] baseline) {
        EnergyStore.WorkloadInfo w = row.workload();
        long prevMj;
        long prevTs;
        if (row.prevTs() != null) {
            prevTs = row.prevTs();
            prevMj = row.prevMj();
        } else if (baseline != null) {
            prevTs = baseline[0];
            prevMj = baseline[1];
        } else {
            prevTs = w.startedAt() != null ? w.startedAt() : row.lastTs() - row.samples() * 60_000L;
            prevMj = 0;
        }
        return new EnergyLedger.Cell(row.workloadId(), row.day(), row.samples(), row.maxMj() - prevMj,
                Math.max(0, row.lastTs() - prevTs), row.peakPowerW(), w.gpuCount(), w.costEur(), w.progressMs());
    }
}
