package eu.aifactory.server.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.Await;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import eu.aifactory.testing.TestClock;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Usage, budgets, overrides, quotas and administration over HTTP against the fixture tenants (acme, globex): budget
 * edges, the hard stop and its override, quota queueing, agreement with the energy report, tenant isolation, tokens,
 * and bad input that is always a 4xx problem. Run on each database by {@link UsageBudgetTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UsageBudgetContract {

    static final String VQI = "{\"appId\":\"visual-quality-inspection\",\"appVersion\":\"2.3.0\",\"projectId\":\"%s\","
            + "\"planId\":\"rtx-pro-6000-x1\",\"name\":\"%s\",\"parameters\":{\"confidenceThreshold\":0.7,\"lineId\":\"L07\"}}";

    private final TestDatabases.Kind kind;
    private TestFactory factory;
    private Api api;
    private String admin;
    private String engineer;
    private String accountManager;
    private String globexAdmin;
    private String month;

    UsageBudgetContract(TestDatabases.Kind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void start() {
        // So slow that submitted work stays STARTING (holding its GPUs, charged nothing) for the whole test.
        factory = TestFactory.start(kind, 0.001);
        api = factory.api;
        admin = factory.token("acme-admin");
        engineer = factory.token("acme-eng2");
        accountManager = factory.token("acme-am");
        globexAdmin = factory.token("globex-admin");
        month = TestClock.siteMonth().toString();
    }

    @AfterAll
    void stop() {
        factory.close();
    }

    // ---------------------------------------------------------------- budgets

    @Test
    void oneCentOverTheBudgetIsRefusedAndLandingExactlyOnItIsAllowed() {
        String project = newProjectWithEngineer("Edge 100");
        putBudget(project, "0.00").status();
        Api.Response refused = submit(engineer, project, "first try");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.problemType()).isEqualTo("budget-exceeded");
        JsonNode budget = refused.json().path("budget");
        BigDecimal estimate = budget.path("estimateEur").decimalValue();
        assertThat(estimate).isPositive();
        assertThat(budget.path("budgetEur").decimalValue()).isEqualByComparingTo("0");
        assertThat(budget.path("contacts").findValuesAsText("name")).containsExactly("Adam Admin");
        assertThat(refused.json().path("detail").asText()).contains("Adam Admin");

        putBudget(project, estimate.subtract(new BigDecimal("0.01")).toPlainString());
        Api.Response oneCentOver = submit(engineer, project, "one cent over");
        assertThat(oneCentOver.status()).as(oneCentOver.body()).isEqualTo(409);
        assertThat(oneCentOver.json().path("budget").path("availableEur").decimalValue())
                .isEqualByComparingTo(estimate.subtract(new BigDecimal("0.01")));

        putBudget(project, estimate.toPlainString());
        Api.Response exact = submit(engineer, project, "exactly on budget");
        assertThat(exact.status()).as(exact.body()).isEqualTo(201);

        JsonNode headroom = api.get("/v1/projects/" + project + "/headroom", engineer).json();
        assertThat(headroom.path("budget").path("committedEur").decimalValue()).isEqualByComparingTo(estimate);
        assertThat(headroom.path("budget").path("percent").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(headroom.path("budget").path("level").asText()).isEqualTo("EXCEEDED");
    }

    @Test
    void concurrentSubmitsThatEachFitButNotTogetherAdmitOnlyOne() throws Exception {
        String project = newProjectWithEngineer("Race");
        putBudget(project, "0.00");
        BigDecimal estimate = submit(engineer, project, "probe").json().path("budget").path("estimateEur").decimalValue();
        putBudget(project, estimate.multiply(BigDecimal.valueOf(3)).subtract(new BigDecimal("0.01")).toPlainString());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                answers.add(pool.submit(() -> submit(engineer, project, "race " + n)));
            }
            int created = 0;
            int refused = 0;
            for (java.util.concurrent.Future<Api.Response> answer : answers) {
                int status = answer.get().status();
                created += status == 201 ? 1 : 0;
                refused += status == 409 ? 1 : 0;
            }
            assertThat(created).isEqualTo(2);
            assertThat(refused).isEqualTo(4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void exactlyEightyPercentIsWarn80AndExactlyFiftyIsWarn50() {
        String project = newProjectWithEngineer("Edge 80");
        BigDecimal estimate = null;
        for (int i = 0; i < 4; i++) {
            Api.Response r = submit(engineer, project, "run " + i);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        BigDecimal committed = api.get("/v1/projects/" + project + "/headroom", admin).json()
                .path("budget").path("committedEur").decimalValue();
        estimate = committed.divide(BigDecimal.valueOf(4));
        JsonNode at80 = putBudget(project, estimate.multiply(BigDecimal.valueOf(5)).toPlainString()).json();
        assertThat(at80.path("level").asText()).isEqualTo("WARN_80");
        assertThat(at80.path("percent").decimalValue()).isEqualByComparingTo("80.0");
        JsonNode below80 = putBudget(project, estimate.multiply(BigDecimal.valueOf(5)).add(new BigDecimal("0.01"))
                .toPlainString()).json();
        assertThat(below80.path("level").asText()).isEqualTo("WARN_50");
        JsonNode at50 = putBudget(project, committed.multiply(BigDecimal.valueOf(2)).toPlainString()).json();
        assertThat(at50.path("level").asText()).isEqualTo("WARN_50");
        assertThat(at50.path("percent").decimalValue()).isEqualByComparingTo("50.0");
        JsonNode ok = putBudget(project, committed.multiply(BigDecimal.valueOf(3)).toPlainString()).json();
        assertThat(ok.path("level").asText()).isEqualTo("OK");
    }

    @Test
    void anOverrideLetsExactlyOneOverBudgetSubmitThroughAndIsRecorded() {
        String project = newProjectWithEngineer("Override");
        putBudget(project, "0.00");
        assertThat(submit(engineer, project, "refused").status()).isEqualTo(409);

        Api.Response granted = api.post("/v1/projects/" + project + "/budget-overrides", admin,
                "{\"reason\":\"customer audit re-run, approved by plant manager\"}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        assertThat(granted.json().path("grantedByName").asText()).isEqualTo("Adam Admin");
        Api.Response second = api.post("/v1/projects/" + project + "/budget-overrides", admin, "{\"reason\":\"again\"}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(api.get("/v1/projects/" + project + "/headroom", engineer).json().path("budget")
                .path("overrideAvailable").asBoolean()).isTrue();

        Api.Response through = submit(engineer, project, "with override");
        assertThat(through.status()).as(through.body()).isEqualTo(201);
        assertThat(submit(engineer, project, "after the override").status()).isEqualTo(409);

        JsonNode overrides = api.get("/v1/projects/" + project + "/budget-overrides", accountManager).json();
        assertThat(overrides).hasSize(1);
        assertThat(overrides.get(0).path("usedByWorkloadId").asText()).isEqualTo(through.json().path("id").asText());
        assertThat(overrides.get(0).path("reason").asText()).startsWith("customer audit");
        assertThat(overrides.get(0).path("month").asText()).isEqualTo(month);
    }

    @Test
    void aRetriedSubmitIsAnsweredAsBeforeEvenWhenItFilledTheBudget() {
        String project = newProjectWithEngineer("Retry");
        String key = UUID.randomUUID().toString();
        Api.Response first = api.post("/v1/workloads", engineer, String.format(VQI, project, "retried"), "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        putBudget(project, "0.00");
        Api.Response replay = api.post("/v1/workloads", engineer, String.format(VQI, project, "retried"), "Idempotency-Key", key);
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(replay.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
    }

    @Test
    void anEngineersRefusedSubmitGoesThroughAfterTheAdminRaisesTheBudget() {
        String project = newProjectWithEngineer("Raise");
        putBudget(project, "1.00");
        assertThat(submit(engineer, project, "too expensive").status()).isEqualTo(409);
        putBudget(project, "100000.00");
        assertThat(submit(engineer, project, "now it fits").status()).isEqualTo(201);
    }

    @Test
    void budgetsListTheVisibleProjectsOfTheMonth() {
        JsonNode all = api.get("/v1/budgets?month=" + month, accountManager).json();
        assertThat(all.findValuesAsText("projectId")).contains("acme-qs", "acme-maint");
        JsonNode own = api.get("/v1/budgets", factory.token("acme-eng")).json();
        assertThat(own.findValuesAsText("projectId")).containsExactly("acme-qs");
        assertThat(api.get("/v1/budgets?month=2026-13", accountManager).status()).isEqualTo(400);
    }

    @Test
    void theDemoSeedGivesThisMonthBudgetsWithRoomForFirstRunsOneProjectNearItsLimitAndQuotas() {
        JsonNode budgets = api.get("/v1/budgets", accountManager).json();
        JsonNode qs = null;
        JsonNode maint = null;
        for (JsonNode b : budgets) {
            if (b.path("projectId").asText().equals("acme-qs")) {
                qs = b;
            } else if (b.path("projectId").asText().equals("acme-maint")) {
                maint = b;
            }
        }
        assertThat(qs).isNotNull();
        assertThat(maint).isNotNull();
        assertThat(qs.path("budgetEur").isNumber()).isTrue();
        // Every budget leaves room for first runs: one large run in the tight project, several in the others. The
        // tight project shows the 80 % warning once the month's spending is large enough to leave that room at 86 %.
        BigDecimal maintUsed = maint.path("spentEur").decimalValue().add(maint.path("committedEur").decimalValue());
        BigDecimal qsUsed = qs.path("spentEur").decimalValue().add(qs.path("committedEur").decimalValue());
        assertThat(maint.path("budgetEur").decimalValue().subtract(maintUsed)).isGreaterThanOrEqualTo(new BigDecimal("500"));
        assertThat(qs.path("budgetEur").decimalValue().subtract(qsUsed)).isGreaterThanOrEqualTo(new BigDecimal("2500"));
        assertThat(qs.path("level").asText()).isEqualTo("OK");
        if (maintUsed.compareTo(new BigDecimal("3100")) >= 0) {
            assertThat(maint.path("level").asText()).isEqualTo("WARN_80");
        }
        JsonNode quotas = api.get("/v1/projects/acme-maint/headroom", admin).json().path("quotas");
        assertThat(quotas.findValues("maxGpus")).isNotEmpty().allMatch(JsonNode::isInt);
        assertThat(api.get("/v1/admin/tokens", admin).json().findValuesAsText("label")).contains("demo sign-in");
    }

    // ---------------------------------------------------------------- quotas

    @Test
    void aWorkloadOverItsProjectsQuotaWaitsWithTheReasonAndHoldsNobodyUp() {
        String project = newProjectWithEngineer("Quota");
        Api.Response quota = put("/v1/projects/" + project + "/quotas/rtx-pro-6000-x1", admin, "{\"maxGpus\":1}");
        assertThat(quota.status()).as(quota.body()).isEqualTo(200);
        assertThat(quota.json().path("maxGpus").asInt()).isEqualTo(1);
        String first = submit(engineer, project, "takes the quota").json().path("id").asText();
        Await.until("first run started", () -> status(first), s -> s.equals("STARTING") || s.equals("RUNNING"));
        String second = submit(engineer, project, "over quota").json().path("id").asText();
        JsonNode waiting = Await.until("quota reason", () -> api.get("/v1/workloads/" + second, engineer).json(),
                w -> w.path("statusReason").asText().startsWith("project quota"));
        assertThat(waiting.path("status").asText()).isEqualTo("QUEUED");
        assertThat(waiting.path("statusReason").asText()).isEqualTo("project quota reached (1 of 1 GPUs in use)");
        // Another project's run on the same plan starts although an over-quota run queued before it.
        String other = submit(admin, "acme-qs", "other project").json().path("id").asText();
        Await.until("other project's run started", () -> status(other), s -> !s.equals("QUEUED"));

        JsonNode headroom = api.get("/v1/projects/" + project + "/headroom", engineer).json();
        JsonNode planQuota = null;
        for (JsonNode q : headroom.path("quotas")) {
            if (q.path("planId").asText().equals("rtx-pro-6000-x1")) {
                planQuota = q;
            }
        }
        assertThat(planQuota).isNotNull();
        assertThat(planQuota.path("gpusInUse").asInt()).isEqualTo(1);
        assertThat(planQuota.path("gpusQueued").asInt()).isEqualTo(1);

        put("/v1/projects/" + project + "/quotas/rtx-pro-6000-x1", admin, "{\"maxGpus\":null}");
        Await.until("second run started once the limit is gone", () -> status(second), s -> !s.equals("QUEUED"));
    }

    // ---------------------------------------------------------------- usage

    @Test
    void usageAgreesWithTheEnergyReportAndTheWorkloadListForTheSamePeriod() {
        Instant to = TestClock.now().truncatedTo(ChronoUnit.DAYS);
        Instant from = to.minus(40, ChronoUnit.DAYS);
        for (String token : List.of(admin, accountManager, factory.token("acme-eng"))) {
            String period = "from=" + from + "&to=" + to;
            JsonNode energy = api.get("/v1/reports/energy?" + period + "&groupBy=project", token).json().path("totals");
            for (String groupBy : List.of("project", "user", "application", "plan", "month", "day")) {
                JsonNode usage = api.get("/v1/usage?" + period + "&groupBy=" + groupBy, token).json();
                JsonNode totals = usage.path("totals");
                assertThat(totals.path("energyKwh").decimalValue()).isEqualByComparingTo(energy.path("facilityKwh").decimalValue());
                assertThat(totals.path("costEur").decimalValue()).isEqualByComparingTo(energy.path("costEur").decimalValue());
                assertThat(totals.path("gpuHours").decimalValue()).isEqualByComparingTo(energy.path("gpuHours").decimalValue());
                BigDecimal groupCost = BigDecimal.ZERO;
                int groupCount = 0;
                for (JsonNode g : usage.path("groups")) {
                    groupCost = groupCost.add(g.path("costEur").decimalValue());
                    groupCount += g.path("workloadCount").asInt();
                }
                assertThat(groupCost).as(groupBy).isEqualByComparingTo(totals.path("costEur").decimalValue());
                assertThat(groupCount).as(groupBy).isEqualTo(totals.path("workloadCount").asInt());
            }
            int listed = countWorkloads(token, period);
            JsonNode usage = api.get("/v1/usage?" + period, token).json();
            assertThat(usage.path("totals").path("workloadCount").asInt()).isEqualTo(listed).isPositive();
            assertThat(usage.path("budgets")).isNotEmpty();
        }
    }

    @Test
    void byDayEveryLocalDayOfThePeriodIsAGroupFromMidnightToMidnightInTheTenantsZone() {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        // UTC midnights: the first and the last Berlin day are clipped to 01:00 (or 02:00 in summer).
        Instant to = TestClock.now().truncatedTo(ChronoUnit.DAYS);
        Instant from = to.minus(40, ChronoUnit.DAYS);
        JsonNode usage = api.get("/v1/usage?from=" + from + "&to=" + to + "&groupBy=day", admin).json();

        assertThat(usage.path("groupBy").asText()).isEqualTo("day");
        List<String> keys = new ArrayList<>();
        Instant expectedStart = from;
        for (JsonNode g : usage.path("groups")) {
            keys.add(g.path("key").asText());
            Instant start = Instant.parse(g.path("start").asText());
            Instant end = Instant.parse(g.path("end").asText());
            assertThat(start).as(g.path("key").asText()).isEqualTo(expectedStart);
            java.time.LocalDate day = java.time.LocalDate.parse(g.path("key").asText());
            Instant midnightAfter = day.plusDays(1).atStartOfDay(zone).toInstant();
            assertThat(end).isEqualTo(midnightAfter.isAfter(to) ? to : midnightAfter);
            expectedStart = end;
        }
        assertThat(expectedStart).isEqualTo(to);
        assertThat(keys).first().isEqualTo(from.atZone(zone).toLocalDate().toString());
        assertThat(keys).hasSize(41).doesNotHaveDuplicates();
    }

    @Test
    void oneProjectsUsageByDayAddsUpToItsRowOfTheProjectReport() {
        Instant to = TestClock.now().truncatedTo(ChronoUnit.DAYS);
        Instant from = to.minus(40, ChronoUnit.DAYS);
        String period = "from=" + from + "&to=" + to;
        JsonNode byProject = api.get("/v1/usage?" + period + "&groupBy=project", admin).json();
        int checked = 0;
        for (JsonNode row : byProject.path("groups")) {
            String projectId = row.path("key").asText();
            JsonNode days = api.get("/v1/usage?" + period + "&groupBy=day&projectId=" + projectId, admin).json();
            BigDecimal cost = BigDecimal.ZERO;
            int count = 0;
            for (JsonNode g : days.path("groups")) {
                cost = cost.add(g.path("costEur").decimalValue());
                count += g.path("workloadCount").asInt();
            }
            assertThat(cost).as(projectId).isEqualByComparingTo(row.path("costEur").decimalValue())
                    .isEqualByComparingTo(days.path("totals").path("costEur").decimalValue());
            assertThat(count).as(projectId).isEqualTo(row.path("workloadCount").asInt());
            assertThat(days.path("budgets").findValuesAsText("projectId")).containsOnly(projectId);
            checked++;
        }
        assertThat(checked).isGreaterThan(1);
    }

    @Test
    void anEngineersUsageCoversOnlyTheirProjects() {
        JsonNode usage = api.get("/v1/usage?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z&groupBy=project",
                factory.token("acme-eng")).json();
        assertThat(usage.path("groups").findValuesAsText("key")).containsOnly("acme-qs");
        assertThat(usage.path("budgets").findValuesAsText("projectId")).containsOnly("acme-qs");
        // A project of their tenant they are not a member of is as unknown to them as another tenant's.
        assertThat(api.get("/v1/projects/acme-maint/headroom", factory.token("acme-eng")).status()).isEqualTo(404);
        assertThat(api.get("/v1/usage?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z&projectId=acme-maint",
                factory.token("acme-eng")).status()).isEqualTo(404);
        assertThat(api.get("/v1/projects/acme-maint/budget-overrides", factory.token("acme-eng")).status()).isEqualTo(403);
    }

    // ---------------------------------------------------------------- administration

    @Test
    void aNewTokenIsShownOnceListedByPrefixAndStopsWorkingWhenRevoked() {
        Api.Response created = api.post("/v1/admin/tokens", admin, "{\"userId\":\"acme-eng2\",\"label\":\"CI pipeline\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        String secret = created.json().path("secret").asText();
        String id = created.json().path("token").path("id").asText();
        assertThat(api.get("/v1/me", secret).json().path("user").path("id").asText()).isEqualTo("acme-eng2");

        Api.Response list = api.get("/v1/admin/tokens", admin);
        assertThat(list.body()).doesNotContain(secret).doesNotContain(secret.substring(8));
        JsonNode listed = null;
        for (JsonNode t : list.json()) {
            if (t.path("id").asText().equals(id)) {
                listed = t;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(secret).startsWith(listed.path("prefix").asText());
        assertThat(listed.path("label").asText()).isEqualTo("CI pipeline");
        assertThat(listed.has("lastUsedAt")).isTrue();

        assertThat(api.method("DELETE", "/v1/admin/tokens/" + id, admin).status()).isEqualTo(204);
        assertThat(api.get("/v1/me", secret).status()).isEqualTo(401);
        assertThat(api.method("DELETE", "/v1/admin/tokens/" + id, admin).status()).isEqualTo(204);
    }

    @Test
    void aDisabledUsersTokenIsRefusedAtOnceAndAnAdminCannotLockThemselvesOut() {
        Api.Response user = api.post("/v1/admin/users", admin,
                "{\"name\":\"Tina Temp\",\"email\":\"tina@acme.example\",\"roles\":[\"engineer\"],\"projectIds\":[\"acme-qs\"]}");
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        String userId = user.json().path("id").asText();
        String secret = api.post("/v1/admin/tokens", admin, "{\"userId\":\"" + userId + "\"}").json().path("secret").asText();
        assertThat(api.get("/v1/me", secret).status()).isEqualTo(200);
        assertThat(patch("/v1/admin/users/" + userId, admin, "{\"disabled\":true}").json().path("disabled").asBoolean()).isTrue();
        assertThat(api.get("/v1/me", secret).status()).isEqualTo(401);
        patch("/v1/admin/users/" + userId, admin, "{\"disabled\":false,\"roles\":[\"account-manager\"]}");
        assertThat(api.get("/v1/me", secret).json().path("roles").get(0).asText()).isEqualTo("account-manager");

        assertThat(patch("/v1/admin/users/acme-admin", admin, "{\"roles\":[\"engineer\"]}").status()).isEqualTo(409);
        assertThat(patch("/v1/admin/users/acme-admin", admin, "{\"disabled\":true}").status()).isEqualTo(409);
        assertThat(api.post("/v1/admin/users", admin,
                "{\"name\":\"Twin\",\"email\":\"TINA@acme.example\",\"roles\":[\"engineer\"]}").status()).isEqualTo(409);
    }

    @Test
    void anotherTenantsProjectsUsersAndTokensAreNotFound() {
        String acmeToken = api.post("/v1/admin/tokens", admin, "{\"userId\":\"acme-eng\"}").json().path("token").path("id").asText();
        List<Api.Response> responses = List.of(
                api.get("/v1/projects/acme-qs/headroom", globexAdmin),
                api.get("/v1/usage?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z&groupBy=day&projectId=acme-qs",
                        globexAdmin),
                put("/v1/projects/acme-qs/budgets/" + month, globexAdmin, "{\"budgetEur\":1}"),
                api.get("/v1/projects/acme-qs/budget-overrides", globexAdmin),
                api.post("/v1/projects/acme-qs/budget-overrides", globexAdmin, "{\"reason\":\"x\"}"),
                put("/v1/projects/acme-qs/quotas/rtx-pro-6000-x1", globexAdmin, "{\"maxGpus\":1}"),
                patch("/v1/admin/users/acme-eng", globexAdmin, "{\"disabled\":true}"),
                api.method("DELETE", "/v1/admin/tokens/" + acmeToken, globexAdmin),
                api.post("/v1/admin/tokens", globexAdmin, "{\"userId\":\"acme-eng\"}"));
        for (Api.Response r : responses) {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
            assertThat(r.problemType()).isEqualTo("not-found");
        }
        Api.Response foreignProject = api.post("/v1/admin/users", globexAdmin,
                "{\"name\":\"Spy\",\"email\":\"spy@globex.example\",\"roles\":[\"engineer\"],\"projectIds\":[\"acme-qs\"]}");
        assertThat(foreignProject.status()).isEqualTo(400);
        assertThat(foreignProject.json().path("errors").get(0).path("field").asText()).isEqualTo("projectIds.0");

        assertThat(api.get("/v1/admin/users", globexAdmin).json().findValuesAsText("id")).noneMatch(id -> id.startsWith("acme"));
        assertThat(api.get("/v1/admin/tokens", globexAdmin).json().findValuesAsText("userId")).noneMatch(id -> id.startsWith("acme"));
        assertThat(api.get("/v1/admin/projects", globexAdmin).json().findValuesAsText("id")).containsExactly("globex-lab");
        assertThat(api.get("/v1/budgets", globexAdmin).json().findValuesAsText("projectId")).containsExactly("globex-lab");
        JsonNode usage = api.get("/v1/usage?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z", globexAdmin).json();
        assertThat(usage.path("groups").findValuesAsText("key")).noneMatch(k -> k.startsWith("acme"));
        assertThat(api.get("/v1/projects/acme-qs/headroom", admin).status()).isEqualTo(200);
    }

    @Test
    void badInputIsAlwaysAProblemNeverAServerError() {
        String project = "acme-qs";
        List<Api.Response> responses = new ArrayList<>(List.of(
                api.get("/v1/usage", admin),
                api.get("/v1/usage?from=yesterday&to=2026-01-01T00:00:00Z", admin),
                api.get("/v1/usage?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", admin),
                api.get("/v1/usage?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", admin),
                api.get("/v1/usage?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&groupBy=tenant", admin),
                api.get("/v1/budgets?month=november", admin),
                api.get("/v1/budgets?month=2026-11-01", admin),
                put("/v1/projects/" + project + "/budgets/2026-00", admin, "{\"budgetEur\":1}"),
                put("/v1/projects/" + project + "/budgets/26-11", admin, "{\"budgetEur\":1}"),
                put("/v1/projects/" + project + "/budgets/" + month, admin, "{\"budgetEur\":-1}"),
                put("/v1/projects/" + project + "/budgets/" + month, admin, "{\"budgetEur\":1.001}"),
                put("/v1/projects/" + project + "/budgets/" + month, admin, "{\"budgetEur\":1e12}"),
                put("/v1/projects/" + project + "/budgets/" + month, admin, "{\"budgetKwh\":5}"),
                put("/v1/projects/" + project + "/budgets/" + month, admin, "{\"budgetEur\":\"lots\"}"),
                put("/v1/projects/" + project + "/budgets/" + month, admin, "{\"budgetEur\":1,\"extra\":true}"),
                put("/v1/projects/" + project + "/budgets/" + month, admin, "not json"),
                put("/v1/projects/" + project + "/budgets/" + month, admin, "[]"),
                put("/v1/projects/" + project + "/budgets/" + month, admin, "null"),
                put("/v1/projects/" + project + "/quotas/rtx-pro-6000-x1", admin, "{\"maxGpus\":-1}"),
                put("/v1/projects/" + project + "/quotas/rtx-pro-6000-x1", admin, "{\"maxGpus\":1.5}"),
                put("/v1/projects/" + project + "/quotas/no-such-plan", admin, "{\"maxGpus\":1}"),
                api.post("/v1/projects/" + project + "/budget-overrides", admin, "{\"reason\":\"  \"}"),
                api.post("/v1/projects/" + project + "/budget-overrides", admin, "{\"reason\":\"" + "x".repeat(501) + "\"}"),
                api.post("/v1/projects/" + project + "/budget-overrides", admin, "{}"),
                api.post("/v1/admin/users", admin, "{\"name\":\"\",\"email\":\"no-at\",\"roles\":[]}"),
                api.post("/v1/admin/users", admin, "{\"name\":\"X\",\"email\":\"x@acme.example\",\"roles\":[\"boss\"]}"),
                api.post("/v1/admin/users", admin, "{\"name\":\"X\",\"email\":\"x@acme.example\",\"roles\":[null]}"),
                api.post("/v1/admin/users", admin, "{\"name\":\"X\",\"email\":\"x@acme.example\",\"roles\":[\"engineer\"],\"projectIds\":[null]}"),
                patch("/v1/admin/users/acme-eng", admin, "{\"roles\":[]}"),
                patch("/v1/admin/users/no-such-user", admin, "{\"disabled\":true}"),
                patch("/v1/admin/users/acme-eng", admin, "{\"disabled\":\"yes\"}"),
                api.post("/v1/admin/tokens", admin, "{}"),
                api.post("/v1/admin/tokens", admin, "{\"userId\":\"acme-eng\",\"label\":\"" + "l".repeat(101) + "\"}"),
                api.post("/v1/admin/tokens", admin, "{\"userId\":\"no-such-user\"}"),
                api.method("DELETE", "/v1/admin/tokens/no-such-token", admin),
                api.post("/v1/admin/projects", admin, "{\"name\":\"   \"}"),
                api.post("/v1/admin/projects", admin, "{\"name\":\"" + "p".repeat(201) + "\"}"),
                api.post("/v1/admin/projects", admin, "{\"name\":\"Qualitätssicherung\"}"),
                api.post("/v1/admin/projects", admin, "{\"name\":\"x\"}", "Content-Type", "text/plain")));
        for (Api.Response r : responses) {
            assertThat(r.status()).as(r.body()).isBetween(400, 499);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A fresh project (no spending, no budget) with the engineer acme-eng2 as a member. */
    private String newProjectWithEngineer(String name) {
        Api.Response created = api.post("/v1/admin/projects", admin, "{\"name\":\"" + name + " " + UUID.randomUUID() + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        Api.Response patched = patch("/v1/admin/users/acme-eng2", admin, "{\"projectIds\":[\"acme-maint\",\"" + id + "\"]}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        return id;
    }

    private Api.Response putBudget(String project, String eur) {
        Api.Response r = put("/v1/projects/" + project + "/budgets/" + month, admin, "{\"budgetEur\":" + eur + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    private Api.Response submit(String token, String project, String name) {
        return api.post("/v1/workloads", token, String.format(VQI, project, name), "Idempotency-Key", UUID.randomUUID().toString());
    }

    private String status(String workloadId) {
        return api.get("/v1/workloads/" + workloadId, admin).json().path("status").asText();
    }

    private int countWorkloads(String token, String period) {
        int count = 0;
        String cursor = null;
        do {
            JsonNode page = api.get("/v1/workloads?limit=500&" + period + (cursor == null ? "" : "&cursor=" + cursor), token).json();
            count += page.path("items").size();
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return count;
    }

    private Api.Response put(String path, String token, String body) {
        return send("PUT", path, token, body);
    }

    private Api.Response patch(String path, String token, String body) {
        return send("PATCH", path, token, body);
    }

    private Api.Response send(String method, String path, String token, String body) {
        return api.send(api.request(path, token, "Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
