package eu.aifactory.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import eu.aifactory.server.workload.WorkloadRoutesContract;
import eu.aifactory.testing.TestClock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every change and every refusal of a tenant lands in its audit trail with who, what, target, when, from where and
 * the outcome; only its admins and account managers read it, nobody changes it, and no other tenant sees it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditTrailContract {

    private static final String PROBLEMS = "https://aifactory.eu/problems/";

    private final TestDatabases.Kind kind;
    private TestFactory factory;
    private Api api;
    private String admin;
    private String manager;
    private String engineer;
    private String globex;

    AuditTrailContract(TestDatabases.Kind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void start() {
        factory = TestFactory.start(kind, 1);
        api = factory.api;
        admin = factory.token("acme-admin");
        manager = factory.token("acme-am");
        engineer = factory.token("acme-eng");
        globex = factory.token("globex-admin");
    }

    @AfterAll
    void stop() {
        factory.close();
    }

    @Test
    void everyChangeAnAdminMakesHasItsEntryWithWhoWhatTargetAndWhere() {
        String user = created(api.post("/v1/admin/users", admin, "{\"name\":\"Otto Audit\",\"email\":\"otto-"
                + UUID.randomUUID() + "@acme.example\",\"roles\":[\"engineer\"],\"projectIds\":[\"acme-qs\"]}"));
        ok(api.send(patch("/v1/admin/users/" + user, "{\"roles\":[\"engineer\",\"account-manager\"]}")));
        ok(api.send(patch("/v1/admin/users/" + user, "{\"projectIds\":[\"acme-qs\",\"acme-maint\"]}")));
        ok(api.send(patch("/v1/admin/users/" + user, "{\"disabled\":true}")));
        ok(api.send(patch("/v1/admin/users/" + user, "{\"disabled\":false}")));
        JsonNode token = api.post("/v1/admin/tokens", admin, "{\"userId\":\"" + user + "\",\"label\":\"ci\"}").json();
        String tokenId = token.path("token").path("id").asText();
        assertThat(api.method("DELETE", "/v1/admin/tokens/" + tokenId, admin).status()).isEqualTo(204);
        String project = created(api.post("/v1/admin/projects", admin, "{\"name\":\"Audit " + UUID.randomUUID() + "\"}"));
        String month = TestClock.siteMonth().toString();
        ok(api.send(put("/v1/projects/acme-maint/budgets/" + month, "{\"budgetEur\":5000}")));
        assertThat(api.post("/v1/projects/acme-maint/budget-overrides", admin, "{\"reason\":\"trade fair\"}").status())
                .isEqualTo(201);
        ok(api.send(put("/v1/projects/acme-maint/quotas/rtx-pro-6000-x1", "{\"maxGpus\":4}")));

        List<JsonNode> entries = entries("?userId=acme-admin&outcome=ok&limit=500", admin);

        JsonNode created = only(entries, "user.create", user);
        assertThat(created.path("userName").asText()).isEqualTo("Adam Admin");
        assertThat(created.path("tokenId").asText()).startsWith("tok");
        assertThat(created.path("clientAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(created.path("targetType").asText()).isEqualTo("user");
        assertThat(created.path("targetName").asText()).isEqualTo("Otto Audit");
        assertThat(created.path("at").asText()).isNotEmpty();
        assertThat(only(entries, "user.roles", user).path("detail").asText())
                .isEqualTo("roles=engineer,account-manager (was engineer)");
        assertThat(only(entries, "user.projects", user).path("detail").asText()).contains("acme-maint");
        only(entries, "user.disable", user);
        only(entries, "user.enable", user);
        assertThat(only(entries, "token.create", tokenId).path("detail").asText()).contains("Otto Audit");
        only(entries, "token.revoke", tokenId);
        only(entries, "project.create", project);
        assertThat(only(entries, "budget.set", "acme-maint").path("detail").asText()).isEqualTo(month + ": EUR 5000");
        assertThat(only(entries, "budget.set", "acme-maint").path("targetName").asText()).isEqualTo("Instandhaltung");
        assertThat(only(entries, "override.grant", "acme-maint").path("detail").asText()).contains("trade fair");
        assertThat(only(entries, "quota.set", "acme-maint").path("detail").asText()).contains("rtx-pro-6000-x1", "4 GPUs");
        assertThat(entries).allSatisfy(e -> assertThat(e.path("outcome").asText()).isEqualTo("ok"));
    }

    @Test
    void submitsAndCancelsAreAuditedAndASubmitOverBudgetIsRecordedAsRefused() {
        Api.Response submitted = api.post("/v1/workloads", engineer, String.format(WorkloadRoutesContract.VQI, "acme-qs",
                "audited"), "Idempotency-Key", UUID.randomUUID().toString());
        String workload = created(submitted);
        assertThat(api.post("/v1/workloads/" + workload + "/cancel", engineer, null).status()).isEqualTo(202);
        String project = created(api.post("/v1/admin/projects", admin, "{\"name\":\"Tight " + UUID.randomUUID() + "\"}"));
        ok(api.send(put("/v1/projects/" + project + "/budgets/" + TestClock.siteMonth(), "{\"budgetEur\":0}")));

        Api.Response refused = api.post("/v1/workloads", admin, String.format(WorkloadRoutesContract.VQI, project, "over"),
                "Idempotency-Key", UUID.randomUUID().toString());

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        List<JsonNode> mine = entries("?userId=acme-eng&limit=500", manager);
        JsonNode submit = only(mine, "workload.submit", workload);
        assertThat(submit.path("targetName").asText()).isEqualTo("audited");
        assertThat(submit.path("detail").asText()).contains("acme-qs");
        assertThat(only(mine, "workload.cancel", workload).path("userName").asText()).isEqualTo("Erika Engineer");
        JsonNode denial = only(entries("?action=workload.submit&outcome=refused&limit=500", admin), "workload.submit", project);
        assertThat(denial.path("problemType").asText()).isEqualTo(PROBLEMS + "budget-exceeded");
        assertThat(denial.path("userId").asText()).isEqualTo("acme-admin");
    }

    @Test
    void refusalsAreRecordedAndARefusedChangeLeavesNoOkEntry() {
        assertThat(api.post("/v1/admin/tokens", engineer, "{\"userId\":\"acme-eng\"}").status()).isEqualTo(403);
        assertThat(api.post("/v1/admin/users", admin, "{\"name\":\"Twin\",\"email\":\"erika@acme.example\","
                + "\"roles\":[\"engineer\"]}").status()).isEqualTo(409);
        assertThat(api.send(patch("/v1/admin/users/acme-admin", "{\"disabled\":true}")).status()).isEqualTo(409);

        List<JsonNode> refused = entries("?outcome=refused&limit=500", admin);

        JsonNode forbidden = refused.stream().filter(e -> e.path("action").asText().equals("token.create")
                && e.path("userId").asText().equals("acme-eng")).findFirst().orElseThrow();
        assertThat(forbidden.path("problemType").asText()).isEqualTo(PROBLEMS + "forbidden");
        assertThat(forbidden.path("outcome").asText()).isEqualTo("refused");
        assertThat(refused).anySatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("user.create");
            assertThat(e.path("problemType").asText()).isEqualTo(PROBLEMS + "conflict");
        });
        assertThat(only(refused, "user.update", "acme-admin").path("problemType").asText()).isEqualTo(PROBLEMS + "conflict");
        assertThat(entries("?action=user.create&outcome=ok&limit=500", admin))
                .noneSatisfy(e -> assertThat(e.path("targetName").asText()).isEqualTo("Twin"));
        assertThat(entries("?action=user.disable&limit=500", admin))
                .noneSatisfy(e -> assertThat(e.path("targetId").asText()).isEqualTo("acme-admin"));
    }

    @Test
    void aFailedSignInWithAKnownTokensPrefixGoesToThatTokensTenantOnly() {
        JsonNode token = api.post("/v1/admin/tokens", admin, "{\"userId\":\"acme-eng2\"}").json();
        String tokenId = token.path("token").path("id").asText();
        assertThat(api.method("DELETE", "/v1/admin/tokens/" + tokenId, admin).status()).isEqualTo(204);

        assertThat(api.get("/v1/me", token.path("secret").asText()).status()).isEqualTo(401);

        JsonNode failed = only(entries("?action=sign-in.failed&limit=500", admin), "sign-in.failed", tokenId);
        assertThat(failed.path("outcome").asText()).isEqualTo("refused");
        assertThat(failed.path("problemType").asText()).isEqualTo(PROBLEMS + "unauthenticated");
        assertThat(failed.path("userName").asText()).isEqualTo("Emil Engineer");
        assertThat(failed.path("clientAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(failed.path("targetName").asText()).isEqualTo(token.path("token").path("prefix").asText());
        assertThat(failed.toString()).doesNotContain(token.path("secret").asText());
        assertThat(entries("?limit=500", globex)).noneSatisfy(e -> assertThat(e.path("tokenId").asText()).isEqualTo(tokenId));
    }

    @Test
    void tenantAdminsAndAccountManagersReadTheTrailEngineersDoNot() {
        assertThat(api.get("/v1/audit", admin).status()).isEqualTo(200);
        assertThat(api.get("/v1/audit", manager).status()).isEqualTo(200);
        Api.Response refused = api.get("/v1/audit", engineer);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemType()).isEqualTo("forbidden");
        assertThat(api.get("/v1/audit", null).status()).isEqualTo(401);
    }

    @Test
    void anotherTenantsAdminSeesNoneOfTheEntries() {
        created(api.post("/v1/admin/projects", admin, "{\"name\":\"Acme only " + UUID.randomUUID() + "\"}"));
        created(api.post("/v1/admin/projects", globex, "{\"name\":\"Globex only " + UUID.randomUUID() + "\"}"));

        List<JsonNode> acme = entries("?limit=500", admin);
        List<JsonNode> other = entries("?limit=500", globex);

        assertThat(acme).isNotEmpty();
        assertThat(other).isNotEmpty().allSatisfy(e -> assertThat(e.path("userId").asText()).startsWith("globex-"));
        Set<String> acmeIds = ids(acme);
        assertThat(ids(other)).doesNotContainAnyElementsOf(acmeIds);
        assertThat(entries("?userId=acme-admin&limit=500", globex)).isEmpty();
    }

    @Test
    void theTrailCannotBeChangedThroughTheApi() {
        created(api.post("/v1/admin/projects", admin, "{\"name\":\"Fixed " + UUID.randomUUID() + "\"}"));
        List<JsonNode> before = entries("?limit=500", admin);
        String id = before.get(0).path("id").asText();

        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            assertThat(api.method(method, "/v1/audit", admin).status()).as(method).isEqualTo(405);
            assertThat(api.method(method, "/v1/audit/" + id, admin).status()).as(method).isIn(404, 405);
        }

        List<JsonNode> after = entries("?limit=500", admin);
        assertThat(after.subList(after.size() - before.size(), after.size())).isEqualTo(before);
    }

    @Test
    void pagesFollowTheCursorNewestFirstAndFiltersNarrow() {
        for (int i = 0; i < 3; i++) {
            created(api.post("/v1/admin/projects", admin, "{\"name\":\"Paged " + i + " " + UUID.randomUUID() + "\"}"));
        }
        List<JsonNode> all = entries("?action=project.create&limit=500", admin);
        List<JsonNode> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/v1/audit?action=project.create&limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    admin).json();
            page.path("items").forEach(paged::add);
            cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
        } while (cursor != null);

        assertThat(all.size()).isGreaterThanOrEqualTo(3);
        assertThat(paged).isEqualTo(all);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i - 1).path("at").asText().compareTo(all.get(i).path("at").asText())).isGreaterThanOrEqualTo(0);
        }
        assertThat(entries("?action=project.create&from=" + TestClock.now().plusSeconds(3_600), admin)).isEmpty();
        assertThat(entries("?action=project.create&to=2020-01-01T00:00:00Z", admin)).isEmpty();
        assertThat(entries("?action=project.create&from=2020-01-01T00:00:00Z&limit=500", admin)).hasSize(all.size());
        Api.Response badAction = api.get("/v1/audit?action=coffee.make", admin);
        assertThat(badAction.status()).isEqualTo(400);
        assertThat(badAction.json().path("errors").get(0).path("field").asText()).isEqualTo("action");
        assertThat(api.get("/v1/audit?cursor=not-a-cursor", admin).status()).isEqualTo(400);
    }

    @Test
    void theCsvExportHasAHeaderAndOneLinePerMatchingEntry() {
        created(api.post("/v1/admin/projects", admin, "{\"name\":\"=CSV " + UUID.randomUUID() + "\"}"));
        int count = entries("?action=project.create&limit=500", admin).size();

        Api.Response byAccept = api.get("/v1/audit?action=project.create", admin, "Accept", "text/csv");
        Api.Response byFormat = api.get("/v1/audit?action=project.create&format=csv", admin);

        for (Api.Response csv : List.of(byAccept, byFormat)) {
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            String[] lines = csv.body().split("\r\n");
            assertThat(lines[0]).isEqualTo(AuditRoutes.CSV_HEADER);
            assertThat(lines).hasSize(count + 1);
            assertThat(lines[1]).contains("\"project.create\"", "\"ok\"", "\"Adam Admin\"", "\"'=CSV ");
        }
        assertThat(api.get("/v1/audit?format=csv", engineer).status()).isEqualTo(403);
    }

    private List<JsonNode> entries(String query, String token) {
        Api.Response response = api.get("/v1/audit" + query, token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(response.json().path("items").spliterator(), false).toList();
    }

    private static JsonNode only(List<JsonNode> entries, String action, String targetId) {
        List<JsonNode> found = entries.stream().filter(e -> e.path("action").asText().equals(action)
                && e.path("targetId").asText().equals(targetId)).toList();
        assertThat(found).as(action + " of " + targetId).hasSize(1);
        return found.get(0);
    }

    private static Set<String> ids(List<JsonNode> entries) {
        Set<String> ids = new HashSet<>();
        entries.forEach(e -> ids.add(e.path("id").asText()));
        return ids;
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asText();
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private java.net.http.HttpRequest patch(String path, String body) {
        return api.request(path, admin, "Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private java.net.http.HttpRequest put(String path, String body) {
        return api.request(path, admin, "Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
