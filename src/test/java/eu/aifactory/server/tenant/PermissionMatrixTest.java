package eu.aifactory.server.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.aifactory.server.dataset.DatasetRoutesTest;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import eu.aifactory.server.workload.WorkloadRoutesContract;
import eu.aifactory.testing.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every operation of the OpenAPI document × {anonymous, engineer, account manager, another tenant's admin, tenant
 * admin} → the expected status. The operations are read from the document, so a new endpoint without a row here
 * fails this test. The engineer (acme-eng) is a member of acme-qs only; every object named belongs to acme.
 * Roles run in that order, the tenant admin last, so what an admin changes cannot change another role's answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixTest {

    private static final List<String> ROLES = List.of("anonymous", "engineer", "account-manager", "other-tenant-admin",
            "tenant-admin");

    private TestFactory factory;
    private Api api;
    private Map<String, String> tokens;
    private final Map<String, Case> cases = new LinkedHashMap<>();

    /** A request and the status each role gets, in the order of {@link #ROLES}. */
    private record Case(String path, String body, int... expected) {
    }

    @BeforeAll
    void start() {
        factory = TestFactory.start(TestDatabases.Kind.H2, 0.001);
        api = factory.api;
        String admin = factory.token("acme-admin");
        String engineer = factory.token("acme-eng");
        tokens = new LinkedHashMap<>();
        tokens.put("anonymous", null);
        tokens.put("engineer", engineer);
        tokens.put("account-manager", factory.token("acme-am"));
        tokens.put("other-tenant-admin", factory.token("globex-admin"));
        tokens.put("tenant-admin", admin);

        String done = api.get("/v1/workloads?status=SUCCEEDED&projectId=acme-qs&limit=1", admin).json()
                .path("items").get(0).path("id").asText();
        String artifact = api.get("/v1/workloads/" + done + "/artifacts", admin).json().get(0).path("id").asText();
        String ownDone = api.get("/v1/workloads?status=SUCCEEDED&submittedBy=acme-eng&limit=1", admin).json()
                .path("items").get(0).path("id").asText();
        String token = api.post("/v1/admin/tokens", admin, "{\"userId\":\"acme-eng2\"}").json().path("token").path("id").asText();
        String month = TestClock.siteMonth().toString();
        String period = "from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z";
        String estimate = "{\"appId\":\"visual-quality-inspection\",\"appVersion\":\"2.3.0\",\"planId\":\"rtx-pro-6000-x1\","
                + "\"parameters\":{\"confidenceThreshold\":0.7,\"lineId\":\"L07\"}}";

        row("GET /v1/health", "/v1/health", null, 200, 200, 200, 200, 200);
        row("GET /v1/me", "/v1/me", null, 401, 200, 200, 200, 200);
        row("GET /v1/apps", "/v1/apps", null, 401, 200, 200, 200, 200);
        row("GET /v1/apps/{appId}", "/v1/apps/visual-quality-inspection", null, 401, 200, 200, 200, 200);
        row("GET /v1/resource-plans", "/v1/resource-plans", null, 401, 200, 200, 200, 200);
        row("POST /v1/estimates", "/v1/estimates", estimate, 401, 200, 200, 200, 200);
        // Another tenant's project is unknown to the other admin: a field error, never a hint that it exists.
        row("POST /v1/workloads", "/v1/workloads", String.format(WorkloadRoutesContract.VQI, "acme-qs", "m"),
                401, 201, 403, 400, 201);
        row("GET /v1/workloads", "/v1/workloads", null, 401, 200, 200, 200, 200);
        row("GET /v1/workloads/{workloadId}", "/v1/workloads/" + done, null, 401, 200, 200, 404, 200);
        // The engineer's own finished run: engineer and admin may cancel (409: it has ended), the manager may not.
        row("POST /v1/workloads/{workloadId}/cancel", "/v1/workloads/" + ownDone + "/cancel", "", 401, 409, 403, 404, 409);
        row("GET /v1/workloads/{workloadId}/logs", "/v1/workloads/" + done + "/logs", null, 401, 200, 200, 404, 200);
        row("GET /v1/workloads/{workloadId}/artifacts", "/v1/workloads/" + done + "/artifacts", null, 401, 200, 200, 404, 200);
        row("GET /v1/artifacts/{artifactId}/content", "/v1/artifacts/" + artifact + "/content", null, 401, 200, 200, 404, 200);
        row("GET /v1/events", "/v1/events", null, 401, 200, 200, 200, 200);
        row("GET /v1/workloads/{workloadId}/energy", "/v1/workloads/" + done + "/energy", null, 401, 200, 200, 404, 200);
        row("GET /v1/workloads/{workloadId}/energy/signed", "/v1/workloads/" + done + "/energy/signed", null,
                401, 200, 200, 404, 200);
        row("GET /v1/reports/energy", "/v1/reports/energy?" + period, null, 401, 200, 200, 200, 200);
        row("GET /v1/reports/residency", "/v1/reports/residency?" + period, null, 401, 200, 200, 200, 200);
        row("GET /.well-known/factory-keys", "/.well-known/factory-keys", null, 200, 200, 200, 200, 200);
        // This factory has no data directory, so it announces no release; the published case is PublishReleaseCommandTest.
        row("GET /.well-known/portal-release", "/.well-known/portal-release", null, 404, 404, 404, 404, 404);
        row("GET /v1/sign-in-options", "/v1/sign-in-options", null, 200, 200, 200, 200, 200);
        // Every caller reads its own tenant's log; both fixture tenants have more than two entries.
        row("GET /v1/transparency/head", "/v1/transparency/head", null, 401, 200, 200, 200, 200);
        row("GET /v1/transparency/consistency", "/v1/transparency/consistency?from=1&to=2", null, 401, 200, 200, 200, 200);
        row("GET /v1/transparency/inclusion", "/v1/transparency/inclusion?index=0&treeSize=1", null, 401, 200, 200, 200, 200);
        row("GET /v1/usage", "/v1/usage?" + period, null, 401, 200, 200, 200, 200);
        row("GET /v1/budgets", "/v1/budgets", null, 401, 200, 200, 200, 200);
        row("GET /v1/projects/{projectId}/headroom", "/v1/projects/acme-qs/headroom", null, 401, 200, 200, 404, 200);
        row("PUT /v1/projects/{projectId}/budgets/{month}", "/v1/projects/acme-qs/budgets/" + month,
                "{\"budgetEur\":100000}", 401, 403, 403, 404, 200);
        row("GET /v1/projects/{projectId}/budget-overrides", "/v1/projects/acme-qs/budget-overrides", null,
                401, 403, 200, 404, 200);
        row("POST /v1/projects/{projectId}/budget-overrides", "/v1/projects/acme-qs/budget-overrides",
                "{\"reason\":\"matrix\"}", 401, 403, 403, 404, 201);
        row("PUT /v1/projects/{projectId}/quotas/{planId}", "/v1/projects/acme-qs/quotas/rtx-pro-6000-x1",
                "{\"maxGpus\":null}", 401, 403, 403, 404, 200);
        row("GET /v1/admin/users", "/v1/admin/users", null, 401, 403, 403, 200, 200);
        row("POST /v1/admin/users", "/v1/admin/users",
                "{\"name\":\"Mia Matrix\",\"email\":\"mia@matrix.example\",\"roles\":[\"engineer\"]}", 401, 403, 403, 201, 201);
        row("PATCH /v1/admin/users/{userId}", "/v1/admin/users/acme-eng2", "{\"disabled\":false}", 401, 403, 403, 404, 200);
        row("GET /v1/admin/tokens", "/v1/admin/tokens", null, 401, 403, 403, 200, 200);
        row("POST /v1/admin/tokens", "/v1/admin/tokens", "{\"userId\":\"acme-eng2\"}", 401, 403, 403, 404, 201);
        row("DELETE /v1/admin/tokens/{tokenId}", "/v1/admin/tokens/" + token, null, 401, 403, 403, 404, 204);
        row("GET /v1/admin/projects", "/v1/admin/projects", null, 401, 403, 403, 200, 200);
        row("GET /v1/audit", "/v1/audit", null, 401, 403, 200, 200, 200);
        row("GET /v1/datasets", "/v1/datasets", null, 401, 200, 200, 200, 200);
        // The matrix sends JSON: the role is checked first (the manager may not upload), then the media type; the
        // multipart uploads of each role are in DatasetRoutesTest.
        row("POST /v1/datasets", "/v1/datasets", "{\"projectId\":\"acme-qs\"}", 401, 415, 403, 415, 415);
        row("POST /v1/admin/projects", "/v1/admin/projects", "{\"name\":\"Matrix\"}", 401, 403, 403, 201, 201);

        // Operator access approval: the seeded pending request of acme, and a second one to deny.
        String operator = factory.server.demoOperatorToken().orElseThrow();
        String pending = api.get("/v1/operator/access-requests?tenantId=acme&state=PENDING", operator).json().get(0)
                .path("id").asText();
        String toDeny = api.post("/v1/operator/access-requests", operator, "{\"tenantId\":\"acme\",\"resource\":\"Matrix\","
                + "\"reasonCode\":\"SERVICE_MAINTENANCE\",\"justification\":\"matrix\",\"caseId\":\"CHG-1\","
                + "\"locationCountry\":\"DE\",\"durationMinutes\":30,\"deadline\":\""
                + TestClock.now().plusSeconds(86_400) + "\"}").json().path("id").asText();
        row("GET /v1/access-requests", "/v1/access-requests", null, 401, 403, 200, 200, 200);
        row("GET /v1/access-requests/{requestId}", "/v1/access-requests/" + pending, null, 401, 403, 200, 404, 200);
        row("POST /v1/access-requests/{requestId}/approve", "/v1/access-requests/" + pending + "/approve", "{}",
                401, 403, 403, 404, 200);
        row("POST /v1/access-requests/{requestId}/deny", "/v1/access-requests/" + toDeny + "/deny",
                "{\"comment\":\"matrix\"}", 401, 403, 403, 404, 200);
        // Tenant tokens, whatever their role, are unknown to the operator endpoints.
        row("POST /v1/operator/access-requests", "/v1/operator/access-requests", "{}", 401, 401, 401, 401, 401);
        row("GET /v1/operator/access-requests", "/v1/operator/access-requests", null, 401, 401, 401, 401, 401);
        row("GET /v1/operator/access-requests/{requestId}", "/v1/operator/access-requests/" + pending, null,
                401, 401, 401, 401, 401);
        row("POST /v1/operator/access-requests/{requestId}/accesses", "/v1/operator/access-requests/" + pending
                + "/accesses", "{}", 401, 401, 401, 401, 401);
        row("POST /v1/operator/emergency-accesses", "/v1/operator/emergency-accesses", "{}", 401, 401, 401, 401, 401);
    }

    @AfterAll
    void stop() {
        factory.close();
    }

    private void row(String operation, String path, String body, int... expected) {
        cases.put(operation, new Case(path, body, expected));
    }

    @Test
    void everyDocumentedOperationHasARowAndEveryRowIsDocumented() throws IOException {
        assertThat(cases.keySet()).containsExactlyInAnyOrderElementsOf(documentedOperations());
    }

    @Test
    void everyRoleGetsWhatTheMatrixSays() {
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, Case> e : cases.entrySet()) {
            String method = e.getKey().substring(0, e.getKey().indexOf(' '));
            Case c = e.getValue();
            for (int i = 0; i < ROLES.size(); i++) {
                int status = status(method, c.path(), c.body(), tokens.get(ROLES.get(i)));
                if (status != c.expected()[i]) {
                    mismatches.add(e.getKey() + " as " + ROLES.get(i) + ": " + status + ", expected " + c.expected()[i]);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** The status only: the event stream never ends, so its body is not read. */
    private int status(String method, String path, String body, String token) {
        HttpRequest.Builder request = api.request(path, token);
        if (body != null) {
            request.header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString());
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<InputStream> response = Api.client().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static Set<String> documentedOperations() throws IOException {
        Set<String> operations = new TreeSet<>();
        try (InputStream in = PermissionMatrixTest.class.getResourceAsStream("/openapi/factory-api.yaml")) {
            JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(in).path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                path.getValue().fieldNames().forEachRemaining(method -> {
                    if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                        operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                });
            }
        }
        return operations;
    }
}
