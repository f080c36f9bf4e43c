package eu.aifactory.server.energy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.report.EnergyGroup;
import eu.aifactory.api.report.EnergyGroupBy;
import eu.aifactory.api.report.EnergyReceipt;
import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.api.report.EnergySeries;
import eu.aifactory.api.report.EnergyStackBy;
import eu.aifactory.api.report.EnergyTotals;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.contract.OpenApiValidator;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Reconciliation as a property over random data (a fixed seed, so a failure replays): several hundred random runs
 * over 2026, crossing midnights, month ends and both daylight-saving changes; random periods and every grouping.
 * Groups add up to the totals exactly, the totals do not depend on the grouping, receipts add up to the report, and
 * a report split at a site midnight adds up to the whole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnergyReconciliationTest {

    private static final long SEED = 20_261_125L;
    private static final int RUNS = 400;
    private static final int TRIALS = 20;
    private static final ZoneId SITE = ZoneId.of("Europe/Berlin");
    private static final String[] APPS = {"visual-quality-inspection", "spindle-rul-prediction",
            "raw-material-price-forecast", "llm-domain-fine-tuning"};
    private static final String[] PROJECTS = {"rc-a", "rc-b", "rc-c"};
    private static final String[] USERS = {"rc-u1", "rc-u2", "rc-u3", "rc-admin"};

    private TestFactory factory;
    private Api api;
    private String admin;
    private final List<EnergyData.Run> runs = new ArrayList<>();
    private final Map<String, EnergyReceipt> receipts = new HashMap<>();

    @BeforeAll
    void start() {
        String url = TestDatabases.freshUrl(TestDatabases.Kind.H2);
        factory = TestFactory.start(new ServerConfig("127.0.0.1", 0, url, null, false, 1), 15_000);
        api = factory.api;
        EnergyData data = new EnergyData(url);
        data.tenant("rc", PROJECTS);
        admin = data.user("rc", "rc-admin", Role.TENANT_ADMIN);
        for (int i = 0; i < 3; i++) {
            data.user("rc", USERS[i], Role.ENGINEER, PROJECTS[i]);
        }
        data.tenant("noise", "noise-p");
        data.user("noise", "noise-u", Role.TENANT_ADMIN);
        // A month with REF below 1 so market-based CO2e is not zero everywhere.
        data.setIndicator("REF", "2026-03", new BigDecimal("0.85"));

        Random random = new Random(SEED);
        long yearStart = LocalDate.of(2026, 1, 1).atStartOfDay(SITE).toInstant().toEpochMilli();
        long yearEnd = LocalDate.of(2026, 12, 31).atStartOfDay(SITE).toInstant().toEpochMilli();
        List<EnergyData.Run> noise = new ArrayList<>();
        // Both daylight-saving changes of 2026 and the midnights around them get runs for sure.
        List<Long> fixedStarts = new ArrayList<>();
        for (String at : List.of("2026-03-28T22:10:00Z", "2026-03-29T00:30:00Z", "2026-03-29T21:50:00Z",
                "2026-10-24T21:40:00Z", "2026-10-25T00:20:00Z", "2026-10-25T22:45:00Z", "2026-03-31T21:00:00Z",
                "2026-10-31T21:30:00Z")) {
            fixedStarts.add(Instant.parse(at).toEpochMilli());
        }
        for (int i = 0; i < RUNS; i++) {
            long start;
            if (i < fixedStarts.size()) {
                start = fixedStarts.get(i) + random.nextInt(60_000);
            } else if (random.nextInt(4) == 0) {
                // Shortly before a site midnight, often the first of a month: the run crosses into the next day.
                LocalDate day = random.nextInt(3) == 0 ? LocalDate.of(2026, 2 + random.nextInt(11), 1)
                        : LocalDate.of(2026, 1, 2).plusDays(random.nextInt(363));
                start = day.atStartOfDay(SITE).toInstant().toEpochMilli() - random.nextInt(180) * EnergyData.MINUTE
                        - random.nextInt(60_000);
            } else {
                start = yearStart + (long) (random.nextDouble() * (yearEnd - yearStart));
            }
            boolean dgx = random.nextBoolean();
            runs.add(EnergyData.randomRun(random, "wl-rc-" + i, "rc", PROJECTS[random.nextInt(PROJECTS.length)],
                    USERS[random.nextInt(USERS.length)], APPS[random.nextInt(APPS.length)],
                    dgx ? "dgx-b200-x1" : "rtx-pro-6000-x1", dgx ? 8 : 1, dgx ? 7_420 : 310, dgx ? 14_300 : 850, start,
                    300));
            if (i % 4 == 0) {
                noise.add(EnergyData.randomRun(random, "wl-noise-" + i, "noise", "noise-p", "noise-u", APPS[0],
                        "rtx-pro-6000-x1", 1, 310, 850, start, 300));
            }
        }
        data.insert(runs);
        data.insert(noise);
        for (EnergyData.Run run : runs) {
            Api.Response response = api.get("/v1/workloads/" + run.id() + "/energy", admin);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            receipts.put(run.id(), response.as(EnergyReceipt.class));
        }
        OpenApiValidator.shared().assertValidResponse("GET", "/v1/workloads/wl-rc-0/energy", 200, "application/json",
                api.get("/v1/workloads/wl-rc-0/energy", admin).body());
    }

    @AfterAll
    void stop() {
        factory.close();
    }

    private EnergyReport report(Instant from, Instant to, EnergyGroupBy groupBy, boolean validate) {
        String path = "/v1/reports/energy?from=" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8)
                + "&to=" + URLEncoder.encode(to.toString(), StandardCharsets.UTF_8) + "&groupBy=" + groupBy.wire();
        Api.Response response = api.get(path, admin);
        assertThat(response.status()).as(path + " -> " + response.body()).isEqualTo(200);
        if (validate) {
            OpenApiValidator.shared().assertValidResponse("GET", path, 200, response.contentType(), response.body());
        }
        return response.as(EnergyReport.class);
    }

    private static List<BigDecimal> figures(EnergyTotals t) {
        return List.of(t.itKwh(), t.facilityKwh(), t.renewableKwh(), t.gridKwh(), t.co2eKgLocationBased(),
                t.co2eKgMarketBased(), t.gpuHours(), t.costEur());
    }

    private static List<BigDecimal> sumOfGroups(List<EnergyGroup> groups) {
        BigDecimal[] sums = new BigDecimal[8];
        java.util.Arrays.fill(sums, BigDecimal.ZERO);
        for (EnergyGroup g : groups) {
            List<BigDecimal> f = List.of(g.itKwh(), g.facilityKwh(), g.renewableKwh(), g.gridKwh(),
                    g.co2eKgLocationBased(), g.co2eKgMarketBased(), g.gpuHours(), g.costEur());
            for (int i = 0; i < 8; i++) {
                sums[i] = sums[i].add(f.get(i));
            }
        }
        return List.of(sums);
    }

    /** The receipt figures a report also has (receipts carry no cost), in {@link #figures} order. */
    private static List<BigDecimal> receiptFigures(List<EnergyReceipt> list) {
        BigDecimal[] sums = new BigDecimal[7];
        java.util.Arrays.fill(sums, BigDecimal.ZERO);
        for (EnergyReceipt r : list) {
            List<BigDecimal> f = List.of(r.itKwh(), r.facilityKwh(), r.renewableKwh(), r.gridKwh(),
                    r.co2eKgLocationBased(), r.co2eKgMarketBased(), r.gpuHours());
            for (int i = 0; i < 7; i++) {
                sums[i] = sums[i].add(f.get(i));
            }
        }
        return List.of(sums);
    }

    private static void assertSame(List<BigDecimal> actual, List<BigDecimal> expected, String what) {
        assertThat(actual).as(what).usingElementComparator(BigDecimal::compareTo).containsExactlyElementsOf(expected);
    }

    private static Instant randomInstant(Random random) {
        long a = Instant.parse("2025-12-20T00:00:00Z").toEpochMilli();
        long b = Instant.parse("2027-01-10T00:00:00Z").toEpochMilli();
        return Instant.ofEpochMilli(a + (long) (random.nextDouble() * (b - a)));
    }

    @Test
    void groupsAddUpToTheTotalsAndTheTotalsDoNotDependOnTheGrouping() {
        Random random = new Random(SEED + 1);
        Set<EnergyGroupBy> validated = EnumSet.noneOf(EnergyGroupBy.class);
        for (int trial = 0; trial < TRIALS; trial++) {
            Instant a = randomInstant(random);
            Instant b = randomInstant(random);
            Instant from = a.isBefore(b) ? a : b;
            Instant to = a.isBefore(b) ? b : a;
            if (to.isAfter(from.atZone(SITE).plusYears(1).toInstant()) || !from.isBefore(to)) {
                to = from.plusSeconds(random.nextInt(90 * 86_400) + 1);
            }
            List<BigDecimal> first = null;
            int firstCount = -1;
            for (EnergyGroupBy groupBy : EnergyGroupBy.values()) {
                EnergyReport report = report(from, to, groupBy, validated.add(groupBy));
                String what = "trial " + trial + " " + from + ".." + to + " by " + groupBy.wire();
                assertSame(sumOfGroups(report.groups()), figures(report.totals()), what + ": groups vs totals");
                if (first == null) {
                    first = figures(report.totals());
                    firstCount = report.totals().workloadCount();
                } else {
                    assertSame(figures(report.totals()), first, what + ": totals vs by day");
                    assertThat(report.totals().workloadCount()).as(what).isEqualTo(firstCount);
                }
            }
        }
    }

    @Test
    void receiptsOfTheWorkloadsInAPeriodAddUpToItsReport() {
        Random random = new Random(SEED + 2);
        int nonEmpty = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Instant a = gap(randomInstant(random));
            Instant b = gap(randomInstant(random));
            if (a.equals(b)) {
                continue;
            }
            Instant from = a.isBefore(b) ? a : b;
            Instant to = a.isBefore(b) ? b : a;
            if (to.isAfter(from.atZone(SITE).plusYears(1).toInstant())) {
                to = gap(from.plusSeconds(random.nextInt(120 * 86_400)));
            }
            long f = from.toEpochMilli();
            long t = to.toEpochMilli();
            List<EnergyReceipt> inside = runs.stream()
                    .filter(r -> r.startedAt() >= f && r.endedAt() < t)
                    .map(r -> receipts.get(r.id()))
                    .toList();
            EnergyReport report = report(from, to, EnergyGroupBy.values()[random.nextInt(7)], false);
            assertSame(figures(report.totals()).subList(0, 7), receiptFigures(inside),
                    "trial " + trial + " " + from + ".." + to + ": report vs " + inside.size() + " receipts");
            assertThat(report.totals().workloadCount()).isEqualTo(inside.size());
            nonEmpty += inside.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("trials with workloads").isGreaterThan(TRIALS / 2);

        // Every run lies in 2026, site time (the latest starts before 31 Dec and runs at most five hours).
        EnergyReport year = report(LocalDate.of(2026, 1, 1).atStartOfDay(SITE).toInstant(),
                LocalDate.of(2027, 1, 1).atStartOfDay(SITE).toInstant(), EnergyGroupBy.MONTH, true);
        assertSame(figures(year.totals()).subList(0, 7), receiptFigures(List.copyOf(receipts.values())), "whole year");
        assertThat(year.totals().workloadCount()).isEqualTo(RUNS);
        assertThat(year.totals().co2eKgMarketBased()).isPositive();
    }

    @Test
    void aReportSplitAtASiteMidnightAddsUpToTheWhole() {
        Random random = new Random(SEED + 3);
        for (int trial = 0; trial < TRIALS; trial++) {
            LocalDate first = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(330));
            LocalDate middle = first.plusDays(1 + random.nextInt(20));
            LocalDate last = middle.plusDays(1 + random.nextInt(20));
            Instant from = first.atStartOfDay(SITE).toInstant();
            Instant split = middle.atStartOfDay(SITE).toInstant();
            Instant to = last.atStartOfDay(SITE).toInstant();
            EnergyGroupBy groupBy = EnergyGroupBy.values()[random.nextInt(7)];
            List<BigDecimal> whole = figures(report(from, to, groupBy, false).totals());
            List<BigDecimal> left = figures(report(from, split, groupBy, false).totals());
            List<BigDecimal> right = figures(report(split, to, groupBy, false).totals());
            List<BigDecimal> sum = new ArrayList<>();
            for (int i = 0; i < whole.size(); i++) {
                sum.add(left.get(i).add(right.get(i)));
            }
            assertSame(sum, whole, "trial " + trial + " " + first + " | " + middle + " | " + last);
        }
    }

    /** {@code t}, moved forward past any run it falls into, so no run has samples on both sides of it. */
    private Instant gap(Instant t) {
        long at = t.toEpochMilli();
        boolean moved = true;
        while (moved) {
            moved = false;
            for (EnergyData.Run r : runs) {
                if (r.startedAt() < at && at <= r.endedAt()) {
                    at = r.endedAt() + 1;
                    moved = true;
                }
            }
        }
        return Instant.ofEpochMilli(at);
    }

    @Test
    void stackedSeriesAddUpToEveryPeriodAndEachSeriesToItsPeriodsAndAllToTheTotal() {
        Random random = new Random(SEED + 3);
        boolean validated = false;
        for (int trial = 0; trial < TRIALS; trial++) {
            Instant from = randomInstant(random);
            Instant to = from.plusSeconds(random.nextInt(200 * 86_400) + 1);
            for (EnergyGroupBy groupBy : List.of(EnergyGroupBy.DAY, EnergyGroupBy.WEEK, EnergyGroupBy.MONTH)) {
                for (EnergyStackBy stackBy : EnergyStackBy.values()) {
                    String path = "/v1/reports/energy?from=" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8)
                            + "&to=" + URLEncoder.encode(to.toString(), StandardCharsets.UTF_8) + "&groupBy="
                            + groupBy.wire() + "&stackBy=" + stackBy.wire();
                    Api.Response response = api.get(path, admin);
                    assertThat(response.status()).as(path + " -> " + response.body()).isEqualTo(200);
                    if (!validated) {
                        OpenApiValidator.shared().assertValidResponse("GET", path, 200, response.contentType(),
                                response.body());
                        validated = true;
                    }
                    EnergyReport report = response.as(EnergyReport.class);
                    String what = "trial " + trial + " " + path;
                    assertThat(report.stackBy()).isEqualTo(stackBy);
                    Set<String> keys = new java.util.HashSet<>();
                    BigDecimal all = BigDecimal.ZERO;
                    for (EnergySeries series : report.series()) {
                        assertThat(keys.add(series.key())).as(what + ": series keys are unique").isTrue();
                        assertThat(series.values()).as(what).hasSize(report.groups().size());
                        assertThat(series.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                                .as(what + ": " + series.key()).isEqualByComparingTo(series.facilityKwh());
                        all = all.add(series.facilityKwh());
                    }
                    assertThat(all).as(what + ": series vs total").isEqualByComparingTo(report.totals().facilityKwh());
                    for (int i = 0; i < report.groups().size(); i++) {
                        int period = i;
                        BigDecimal stacked = report.series().stream().map(x -> x.values().get(period))
                                .reduce(BigDecimal.ZERO, BigDecimal::add);
                        assertThat(stacked).as(what + ": period " + report.groups().get(i).key())
                                .isEqualByComparingTo(report.groups().get(i).facilityKwh());
                    }
                    // The groups are the same with or without stacking.
                    assertThat(report.groups()).isEqualTo(report(from, to, groupBy, false).groups());
                }
            }
        }
    }

    @Test
    void stackingIsRefusedForGroupingsThatAreNotPeriodsAndForUnknownValues() {
        String base = "/v1/reports/energy?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z";
        Api.Response byProject = api.get(base + "&groupBy=project&stackBy=application", admin);
        assertThat(byProject.status()).isEqualTo(400);
        assertThat(byProject.body()).contains("stackBy");
        Api.Response unknown = api.get(base + "&groupBy=day&stackBy=planet", admin);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("stackBy");
    }
}
