package eu.aifactory.server.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.Await;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import eu.aifactory.testing.PausableClock;
import eu.aifactory.testing.TestClock;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The budget ledger against the reports it must agree with: after a random mix of submits, cancels, runs and ends
 * (fixed seed, fast factory), every project's month in the ledger equals the energy report's and the usage report's
 * charges and facility energy to the cent and Wh, and a ledger rebuilt from scratch at start (a database from before
 * the ledger) holds exactly the same figures. Run on each database by {@link BudgetLedgerTest}.
 */
abstract class BudgetLedgerContract {

    private static final ZoneId SITE = ZoneId.of("Europe/Berlin");
    private static final List<String> PROJECTS = List.of("acme-qs", "acme-maint");
    private static final List<String> BODIES = List.of(
            "{\"appId\":\"visual-quality-inspection\",\"appVersion\":\"2.3.0\",\"projectId\":\"%s\",\"planId\":\"%s\","
                    + "\"name\":\"mix %d\",\"parameters\":{\"confidenceThreshold\":0.7,\"lineId\":\"L07\"}}",
            "{\"appId\":\"raw-material-price-forecast\",\"appVersion\":\"0.8.0\",\"projectId\":\"%s\",\"planId\":\"%s\","
                    + "\"name\":\"mix %d\"}");
    private static final List<List<String>> PLANS = List.of(List.of("rtx-pro-6000-x1", "rtx-pro-6000-x4", "b200-x1"),
            List.of("rtx-pro-6000-x1"));

    /** How much faster the factory's clock runs once the mix is submitted and the test waits for every run's end. */
    private static final double ENDING_FAST_FORWARD = 20;

    private final TestDatabases.Kind kind;

    BudgetLedgerContract(TestDatabases.Kind kind) {
        this.kind = kind;
    }

    /** A project's month as the ledger has it: cents, facility Wh, committed EUR (4 decimals). */
    private record Figures(long cents, long wh, BigDecimal committed) {
    }

    @Test
    void theLedgerAgreesWithTheUsageAndEnergyReportsToTheCentAndIsRebuiltTheSameAtStart(@TempDir Path dir) {
        // A file database on H2, so the restart below opens the same data.
        String url = kind == TestDatabases.Kind.H2 ? ServerConfig.h2FileUrl(dir) : TestDatabases.freshUrl(kind);
        // A simulated hour runs in six real seconds: runs end within the test, and cancels catch some mid-run.
        ServerConfig config = new ServerConfig("127.0.0.1", 0, url, null, true, 600);
        PausableClock clock = new PausableClock(TestClock.clock());
        Map<String, Figures> booked;
        try (TestFactory factory = TestFactory.start(config, 15_000, clock)) {
            Api api = factory.api;
            String admin = factory.token("acme-admin");
            // The demo budgets stay checked but admit the whole mix.
            String current = api.get("/v1/budgets", admin).json().get(0).path("month").asText();
            for (String project : PROJECTS) {
                Api.Response r = api.send(api.request("/v1/projects/" + project + "/budgets/" + current, admin,
                        "Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"budgetEur\":1000000}")).build());
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
            Random random = new Random(20261205L);
            List<String> ids = new ArrayList<>();
            for (int step = 0; step < 30; step++) {
                int roll = random.nextInt(10);
                if (roll < 6 || ids.isEmpty()) {
                    int app = random.nextInt(BODIES.size());
                    List<String> plans = PLANS.get(app);
                    String body = String.format(BODIES.get(app), PROJECTS.get(random.nextInt(PROJECTS.size())),
                            plans.get(random.nextInt(plans.size())), step);
                    Api.Response r = api.post("/v1/workloads", admin, body, "Idempotency-Key", UUID.randomUUID().toString());
                    assertThat(r.status()).as(r.body()).isEqualTo(201);
                    ids.add(r.json().path("id").asText());
                } else if (roll < 8) {
                    String id = ids.get(random.nextInt(ids.size()));
                    Api.Response r = api.post("/v1/workloads/" + id + "/cancel", admin, "");
                    assertThat(r.status()).as(r.body()).isIn(200, 202, 409);
                } else {
                    // Let one run get going (or end), so later cancels stop work that has been charged.
                    String id = ids.get(random.nextInt(ids.size()));
                    Await.until(id + " running or ended", () -> status(api, admin, id),
                            s -> Set.of("RUNNING", "SUCCEEDED", "FAILED", "CANCELLED").contains(s));
                }
            }
            // The mix is done; the runs left only have to reach their ends, which needs no real-time pace.
            clock.fastForward(ENDING_FAST_FORWARD);
            for (String id : ids) {
                Await.until(id + " ended", () -> status(api, admin, id),
                        s -> Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(s));
            }
            booked = ledger(factory);
            assertThat(booked).as("the mix charged something").isNotEmpty();
            assertThat(booked.values().stream().mapToLong(Figures::cents).sum()).isPositive();
            for (Map.Entry<String, Figures> e : booked.entrySet()) {
                assertThat(e.getValue().committed()).as("nothing is committed once all work ended: " + e.getKey())
                        .isEqualByComparingTo(BigDecimal.ZERO);
            }
            for (YearMonth month : months(booked)) {
                String period = "from=" + month.atDay(1).atStartOfDay(SITE).toInstant() + "&to="
                        + month.plusMonths(1).atDay(1).atStartOfDay(SITE).toInstant();
                JsonNode energy = api.get("/v1/reports/energy?groupBy=project&" + period, admin).json();
                JsonNode usage = api.get("/v1/usage?groupBy=project&" + period, admin).json();
                for (String project : PROJECTS) {
                    Figures f = booked.getOrDefault(project + "|" + month, new Figures(0, 0, BigDecimal.ZERO));
                    BigDecimal eur = BigDecimal.valueOf(f.cents(), 2);
                    BigDecimal kwh = BigDecimal.valueOf(f.wh(), 3);
                    String what = project + " in " + month;
                    JsonNode energyGroup = group(energy.path("groups"), project);
                    assertThat(energyGroup.path("costEur").decimalValue()).as("energy report, " + what)
                            .isEqualByComparingTo(eur);
                    assertThat(energyGroup.path("facilityKwh").decimalValue()).as("energy report kWh, " + what)
                            .isEqualByComparingTo(kwh);
                    JsonNode usageGroup = group(usage.path("groups"), project);
                    assertThat(usageGroup.path("costEur").decimalValue()).as("usage report, " + what)
                            .isEqualByComparingTo(eur);
                    assertThat(usageGroup.path("energyKwh").decimalValue()).as("usage report kWh, " + what)
                            .isEqualByComparingTo(kwh);
                    JsonNode budget = group(usage.path("budgets"), project);
                    assertThat(budget.path("spentEur").decimalValue()).as("usage report's budget, " + what)
                            .isEqualByComparingTo(eur);
                    assertThat(budget.path("spentKwh").decimalValue()).as("usage report's budget kWh, " + what)
                            .isEqualByComparingTo(kwh);
                }
            }
            // A database from before the ledger: the same workloads, no bookings.
            factory.jdbi.useTransaction(h -> {
                h.execute("DELETE FROM workload_charges");
                h.execute("DELETE FROM workload_commitments");
                h.execute("DELETE FROM budget_ledger");
            });
        }
        try (TestFactory restarted = TestFactory.start(config, 15_000, clock)) {
            assertThat(ledger(restarted)).isEqualTo(booked);
        }
    }

    private static String status(Api api, String token, String id) {
        return api.get("/v1/workloads/" + id, token).json().path("status").asText();
    }

    /** A group (or budget status) of a report by its key (or project id); a missing group is all zeros. */
    private static JsonNode group(JsonNode groups, String key) {
        for (JsonNode g : groups) {
            if (key.equals(g.path("key").asText(g.path("projectId").asText()))) {
                return g;
            }
        }
        return Api.JSON.createObjectNode().put("costEur", 0).put("facilityKwh", 0).put("energyKwh", 0)
                .put("spentEur", 0).put("spentKwh", 0);
    }

    /** The acme rows of the ledger, keyed {@code project|month}, without rows that are all zero. */
    private static Map<String, Figures> ledger(TestFactory factory) {
        Map<String, Figures> rows = new TreeMap<>();
        factory.jdbi.useHandle(h -> h.createQuery("SELECT project_id, ledger_month, spent_cents, facility_wh, "
                        + "committed_eur FROM budget_ledger WHERE tenant_id = 'acme'")
                .map((rs, ctx) -> Map.entry(rs.getString(1) + "|" + rs.getString(2),
                        new Figures(rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5).stripTrailingZeros())))
                .forEach(e -> {
                    Figures f = e.getValue();
                    if (f.cents() != 0 || f.wh() != 0 || f.committed().signum() != 0) {
                        rows.put(e.getKey(), f);
                    }
                }));
        return rows;
    }

    private static List<YearMonth> months(Map<String, Figures> booked) {
        return booked.keySet().stream().map(k -> YearMonth.parse(k.substring(k.indexOf('|') + 1))).distinct().sorted()
                .toList();
    }
}
