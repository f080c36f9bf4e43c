package eu.aifactory.portal.energy;

import eu.aifactory.api.report.EnergyFactor;
import eu.aifactory.api.report.EnergyGroup;
import eu.aifactory.api.report.EnergyGroupBy;
import eu.aifactory.api.report.EnergyReceipt;
import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.api.report.EnergySeries;
import eu.aifactory.api.report.EnergyStackBy;
import eu.aifactory.api.report.EnergyTotals;
import eu.aifactory.api.report.SiteIndicator;
import eu.aifactory.api.workload.Priority;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.portal.testing.FakeFactoryClient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A small factory ledger for tests and screenshots: six workloads with energy on every day, cells rounded like the
 * factory does (to the Wh and gram), and reports that sum those cells per group, so groups add up to the totals.
 */
final class EnergySamples {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final BigDecimal PUE = new BigDecimal("1.21");
    static final BigDecimal REF = new BigDecimal("0.92");
    static final BigDecimal LOCATION = new BigDecimal("0.363");
    static final BigDecimal RESIDUAL = new BigDecimal("0.650");

    record Spec(String id, String name, String appId, String projectId, double dailyKwh) {
    }

    static final List<Spec> WORKLOADS = List.of(
            new Spec("wl-001", "Weld inspection line 7", "visual-inspection", "p-inspection", 182.4),
            new Spec("wl-002", "Llama fine-tune legal", "llm-finetune", "p-legal-ai", 611.25),
            new Spec("wl-003", "Crash simulation A4", "cae-surrogate", "p-simulation", 355.9),
            new Spec("wl-004", "Protein folding batch", "protein-fold", "p-research", 97.33),
            new Spec("wl-005", "Speech model eval", "speech-eval", "p-legal-ai", 41.7),
            new Spec("wl-006", "Demand forecast", "time-series", "p-simulation", 12.05));

    private EnergySamples() {
    }

    /** A fake factory answering energy reports and receipts, with the workload list behind them. */
    static FakeFactoryClient install(FakeFactoryClient fake) {
        fake.onEnergyReport(EnergySamples::report);
        fake.onStackedEnergyReport(EnergySamples::report);
        List<Workload> list = new ArrayList<>();
        for (Spec s : WORKLOADS) {
            list.add(workload(s));
            fake.receipt(receipt(s));
        }
        fake.workloads(list);
        return fake;
    }

    record Cell(Spec workload, LocalDate day, BigDecimal it, BigDecimal facility, BigDecimal renewable,
                BigDecimal grid, BigDecimal co2Location, BigDecimal co2Market, BigDecimal gpuHours, BigDecimal cost) {
    }

    static Cell cell(Spec s, LocalDate day) {
        double wave = 1 + 0.25 * Math.sin(day.toEpochDay() / 3.0 + s.id().hashCode() % 7);
        BigDecimal it = BigDecimal.valueOf(s.dailyKwh() * wave).setScale(3, RoundingMode.HALF_UP);
        BigDecimal facility = it.multiply(PUE).setScale(3, RoundingMode.HALF_UP);
        BigDecimal renewable = facility.multiply(REF).setScale(3, RoundingMode.HALF_UP);
        BigDecimal grid = facility.subtract(renewable);
        BigDecimal co2l = facility.multiply(LOCATION).setScale(3, RoundingMode.HALF_UP);
        BigDecimal co2m = grid.multiply(RESIDUAL).setScale(3, RoundingMode.HALF_UP);
        BigDecimal gpuHours = it.divide(new BigDecimal("0.9"), 3, RoundingMode.HALF_UP);
        BigDecimal cost = gpuHours.multiply(new BigDecimal("3.10")).setScale(2, RoundingMode.HALF_UP);
        return new Cell(s, day, it, facility, renewable, grid, co2l, co2m, gpuHours, cost);
    }

    static EnergyReport report(Instant from, Instant to, EnergyGroupBy groupBy) {
        LocalDate first = from.atZone(ZONE).toLocalDate();
        LocalDate end = to.atZone(ZONE).toLocalDate();
        Map<String, List<Cell>> groups = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        List<Cell> all = new ArrayList<>();
        for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
            for (Spec s : WORKLOADS) {
                Cell c = cell(s, day);
                all.add(c);
                String key = key(groupBy, c);
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
                labels.put(key, groupBy == EnergyGroupBy.WORKLOAD ? s.name() : key);
            }
        }
        List<EnergyGroup> rows = new ArrayList<>();
        groups.forEach((key, cells) -> {
            LocalDate groupStart = cells.get(0).day();
            Instant start = groupBy.isTime() ? groupStart.atStartOfDay(ZONE).toInstant() : null;
            rows.add(new EnergyGroup(key, labels.get(key), start, null, sum(cells, Cell::it), sum(cells, Cell::facility),
                    sum(cells, Cell::renewable), sum(cells, Cell::grid), sum(cells, Cell::co2Location),
                    sum(cells, Cell::co2Market), sum(cells, Cell::gpuHours), sum(cells, Cell::cost),
                    (int) cells.stream().map(Cell::workload).distinct().count()));
        });
        EnergyTotals totals = new EnergyTotals(sum(all, Cell::it), sum(all, Cell::facility), sum(all, Cell::renewable),
                sum(all, Cell::grid), sum(all, Cell::co2Location), sum(all, Cell::co2Market), sum(all, Cell::gpuHours),
                sum(all, Cell::cost), all.isEmpty() ? 0 : WORKLOADS.size());
        return new EnergyReport("t-acme", "ACME Robotics GmbH", from, to, groupBy, ZONE.getId(), "muc-tucherpark",
                "all projects of the tenant", rows, totals, indicators(), factors(), "aif-energy-1",
                "cells rounded half up to Wh and g", "IT x PUE x factors", Instant.parse("2026-11-25T12:00:00Z"), null, null,
                new EnergyReport.ProjectScope(true, List.of()));
    }

    /** The report over time with each period's facility energy split per application or project, largest first. */
    static EnergyReport report(Instant from, Instant to, EnergyGroupBy groupBy, EnergyStackBy stackBy) {
        EnergyReport plain = report(from, to, groupBy);
        LocalDate first = from.atZone(ZONE).toLocalDate();
        LocalDate end = to.atZone(ZONE).toLocalDate();
        Map<String, Map<String, BigDecimal>> bySeries = new LinkedHashMap<>();
        for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
            for (Spec s : WORKLOADS) {
                Cell c = cell(s, day);
                String series = stackBy == EnergyStackBy.APPLICATION ? s.appId() : s.projectId();
                bySeries.computeIfAbsent(series, k -> new LinkedHashMap<>()).merge(key(groupBy, c), c.facility(),
                        BigDecimal::add);
            }
        }
        List<EnergySeries> series = new ArrayList<>();
        bySeries.forEach((key, values) -> series.add(new EnergySeries(key, key,
                values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                plain.groups().stream().map(g -> values.getOrDefault(g.key(), BigDecimal.ZERO)).toList())));
        series.sort(java.util.Comparator.comparing(EnergySeries::facilityKwh).reversed());
        return new EnergyReport(plain.tenantId(), plain.tenantName(), plain.from(), plain.to(), groupBy,
                plain.timeZone(), plain.site(), plain.scope(), plain.groups(), plain.totals(), plain.indicators(),
                plain.factors(), plain.methodologyVersion(), plain.roundingRule(), plain.methodology(),
                plain.generatedAt(), stackBy, series, plain.projectScope());
    }

    static List<SiteIndicator> indicators() {
        SiteIndicator pue = new SiteIndicator("PUE", PUE, "ratio", "weighted by this report's IT energy per month",
                new SiteIndicator.Threshold("<=", new BigDecimal("1.2"), "ratio", LocalDate.of(2026, 7, 1), true, "NEW",
                        "EnEfG § 11", "annual"), false, List.of(), SiteIndicator.BY_IT_ENERGY);
        SiteIndicator erf = new SiteIndicator("ERF", new BigDecimal("0.14"), "fraction", "energy-weighted",
                new SiteIndicator.Threshold(">=", new BigDecimal("0.10"), "fraction", LocalDate.of(2026, 7, 1), true,
                        "NEW", "EnEfG § 11", "reuse"), true, List.of());
        return List.of(pue, erf);
    }

    static List<EnergyFactor> factors() {
        return List.of(
                new EnergyFactor("grid_co2e_location_de", LOCATION, "kg CO2e/kWh", 2025, null, null, "UBA 2025 (illustrative)"),
                new EnergyFactor("grid_co2e_residual_de", RESIDUAL, "kg CO2e/kWh", 2025, null, null, "AIB residual mix 2025"),
                new EnergyFactor("PUE", PUE, "ratio", null, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1), "Site meter, September"),
                new EnergyFactor("REF", REF, "fraction", null, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1), "PPA with guarantees of origin"));
    }

    private static String key(EnergyGroupBy groupBy, Cell c) {
        return switch (groupBy) {
            case DAY -> c.day().toString();
            case WEEK -> c.day().get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", c.day().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> c.day().toString().substring(0, 7);
            case APPLICATION -> c.workload().appId();
            case PROJECT -> c.workload().projectId();
            case WORKLOAD, USER -> c.workload().id();
        };
    }

    private static BigDecimal sum(List<Cell> cells, Function<Cell, BigDecimal> value) {
        return cells.stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static Workload workload(Spec s) {
        Instant created = Instant.parse("2026-07-01T08:00:00Z");
        return new Workload(s.id(), s.name(), s.appId(), "1.0.0", s.projectId(), "u-anna", "Anna Schmidt", "b200-x8",
                Priority.NORMAL, Map.of(), Map.of(), WorkloadStatus.SUCCEEDED, "done", created, created, null,
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, List.of());
    }

    /** A one-month receipt of 30 days in September 2026. */
    static EnergyReceipt receipt(Spec s) {
        List<Cell> cells = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 9, 1); day.isBefore(LocalDate.of(2026, 10, 1)); day = day.plusDays(1)) {
            cells.add(cell(s, day));
        }
        BigDecimal it = sum(cells, Cell::it);
        BigDecimal node = it.multiply(new BigDecimal("0.12")).setScale(3, RoundingMode.HALF_UP);
        EnergyReceipt.Period period = new EnergyReceipt.Period("2026-09", 43200, it, PUE, sum(cells, Cell::facility), REF,
                sum(cells, Cell::renewable), sum(cells, Cell::grid), sum(cells, Cell::co2Location), sum(cells, Cell::co2Market));
        return new EnergyReceipt(s.id(), s.name(), s.appId(), s.projectId(), "b200-x8", 8, WorkloadStatus.SUCCEEDED,
                Instant.parse("2026-08-31T22:00:00Z"), Instant.parse("2026-09-30T22:00:00Z"), 43200, "DCGM counters",
                9800, new BigDecimal("7450.5"), sum(cells, Cell::gpuHours), it.subtract(node), node, it,
                period.facilityKwh(), period.renewableKwh(), period.gridKwh(), period.co2eKgLocationBased(),
                period.co2eKgMarketBased(), List.of(period), factors(), ZONE.getId(), "aif-energy-1",
                "cells rounded half up to Wh and g", "IT x PUE x factors", "Industrial AI Cloud Munich (Tucherpark), DE");
    }
}
