package eu.aifactory.server.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.guard.AbuseLimits;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One tenant's token never reads or changes another tenant's objects (404, as if they did not exist), every
 * endpoint but health wants a token, and unknown routes and methods are problems too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TenantIsolationContract {

    private final TestDatabases.Kind kind;
    private TestFactory factory;
    private Api api;
    private String acme;
    private String globex;
    private String acmeWorkload;
    private String acmeRunning;
    private String acmeArtifact;

    TenantIsolationContract(TestDatabases.Kind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void start() {
        // Sends some thirty unknown tokens from one address on purpose: more than the failed sign-ins it may have.
        factory = TestFactory.start(new ServerConfig("127.0.0.1", 0, TestDatabases.freshUrl(kind), null, true, 1)
                .withLimits(AbuseLimits.DEFAULTS.withFreeFailures(1_000)), 15_000);
        api = factory.api;
        acme = factory.token("acme-admin");
        globex = factory.token("globex-admin");
        acmeWorkload = api.get("/v1/workloads?status=SUCCEEDED&limit=1", acme).json().path("items").get(0).path("id").asText();
        acmeArtifact = api.get("/v1/workloads/" + acmeWorkload + "/artifacts", acme).json().get(0).path("id").asText();
        acmeRunning = api.post("/v1/workloads", acme, String.format(WorkloadRoutesContract.VQI, "acme-qs", "isolated"),
                "Idempotency-Key", UUID.randomUUID().toString()).json().path("id").asText();
    }

    @AfterAll
    void stop() {
        factory.close();
    }

    @Test
    void anotherTenantsObjectsAreNotFoundOnEveryEndpoint() {
        List<Api.Response> responses = List.of(
                api.get("/v1/workloads/" + acmeWorkload, globex),
                api.get("/v1/workloads/" + acmeWorkload + "/logs", globex),
                api.get("/v1/workloads/" + acmeWorkload + "/artifacts", globex),
                api.get("/v1/artifacts/" + acmeArtifact + "/content", globex),
                api.get("/v1/artifacts/" + acmeArtifact + "/content", globex, "Range", "bytes=0-1"),
                api.post("/v1/workloads/" + acmeRunning + "/cancel", globex, null),
                api.post("/v1/workloads/" + acmeWorkload + "/cancel", globex, null));
        for (Api.Response r : responses) {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
            assertThat(r.problemType()).isEqualTo("not-found");
        }
        assertThat(api.get("/v1/workloads/" + acmeRunning, acme).json().path("status").asText()).isIn("QUEUED", "STARTING");
    }

    @Test
    void listsNeverContainAnotherTenantsWorkloads() {
        Set<String> acmeIds = ids("/v1/workloads?limit=500", acme);
        Set<String> globexIds = ids("/v1/workloads?limit=500", globex);
        assertThat(acmeIds).isNotEmpty().contains(acmeRunning);
        assertThat(globexIds).isNotEmpty().doesNotContainAnyElementsOf(acmeIds);
        // Filters naming the other tenant's things find nothing rather than leaking them.
        assertThat(ids("/v1/workloads?projectId=acme-qs", globex)).isEmpty();
        assertThat(ids("/v1/workloads?submittedBy=acme-admin", globex)).isEmpty();
        assertThat(ids("/v1/workloads?q=" + acmeRunning, globex)).isEmpty();
    }

    @Test
    void anotherTenantsProjectCannotBeSubmittedTo() {
        Api.Response r = api.post("/v1/workloads", globex, String.format(WorkloadRoutesContract.VQI, "acme-qs", "sneaky"),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("projectId");
    }

    @Test
    void anotherTenantsArtifactCannotBeUsedAsInput() {
        String body = "{\"appId\":\"visual-quality-inspection\",\"appVersion\":\"2.3.0\",\"projectId\":\"globex-lab\","
                + "\"planId\":\"rtx-pro-6000-x1\",\"inputs\":{\"images\":\"" + acmeArtifact + "\"}}";
        Api.Response r = api.post("/v1/workloads", globex, body, "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("inputs.images");
    }

    @Test
    void idempotencyKeysAreScopedToTheTenant() {
        String key = UUID.randomUUID().toString();
        Api.Response a = api.post("/v1/workloads", acme, String.format(WorkloadRoutesContract.VQI, "acme-qs", "key a"),
                "Idempotency-Key", key);
        Api.Response g = api.post("/v1/workloads", globex, String.format(WorkloadRoutesContract.VQI, "globex-lab", "key g"),
                "Idempotency-Key", key);
        assertThat(a.status()).isEqualTo(201);
        assertThat(g.status()).isEqualTo(201);
        assertThat(g.json().path("id").asText()).isNotEqualTo(a.json().path("id").asText());
    }

    @Test
    void everyEndpointButHealthWantsAValidToken() {
        String submit = String.format(WorkloadRoutesContract.VQI, "acme-qs", "x");
        for (String token : new String[] {null, "afp_unknown", "garbage token"}) {
            List<Api.Response> responses = new ArrayList<>(List.of(
                    api.get("/v1/me", token),
                    api.get("/v1/apps", token),
                    api.get("/v1/apps/visual-quality-inspection", token),
                    api.get("/v1/resource-plans", token),
                    api.post("/v1/estimates", token, "{}"),
                    api.post("/v1/workloads", token, submit, "Idempotency-Key", UUID.randomUUID().toString()),
                    api.get("/v1/workloads", token),
                    api.get("/v1/workloads/" + acmeWorkload, token),
                    api.post("/v1/workloads/" + acmeRunning + "/cancel", token, null),
                    api.get("/v1/workloads/" + acmeWorkload + "/logs", token),
                    api.get("/v1/workloads/" + acmeWorkload + "/artifacts", token),
                    api.get("/v1/artifacts/" + acmeArtifact + "/content", token),
                    api.get("/v1/events", token),
                    api.get("/v1/reports/residency?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z", token)));
            for (Api.Response r : responses) {
                assertThat(r.status()).as(r.body()).isEqualTo(401);
                assertThat(r.problemType()).isEqualTo("unauthenticated");
                assertThat(r.headers().firstValue("WWW-Authenticate")).isPresent();
            }
        }
        assertThat(api.send(api.request("/v1/me", null).header("Authorization", "Basic dXNlcjpwYXNz").GET().build()).status())
                .isEqualTo(401);
    }

    @Test
    void theResidencyReportNeverNamesAnotherTenantsObjects() {
        java.time.Instant now = TestClock.now();
        String period = "?from=" + now.minus(java.time.Duration.ofDays(120)) + "&to=" + now.plusSeconds(60);
        String acmeReport = api.get("/v1/reports/residency" + period, acme).body();
        String globexReport = api.get("/v1/reports/residency" + period, globex).body();
        assertThat(acmeReport).contains(acmeWorkload, acmeArtifact, "acme-qs");
        assertThat(globexReport).doesNotContain(acmeWorkload, acmeArtifact, acmeRunning, "acme-qs", "acme-maint", "Acme");
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsNotHtml() {
        Api.Response unknown = api.get("/v1/nothing-here", acme);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemType()).isEqualTo("not-found");
        Api.Response root = api.get("/", null);
        assertThat(root.status()).isEqualTo(404);
        assertThat(root.contentType()).startsWith("application/problem+json");
        Api.Response wrongMethod = api.method("DELETE", "/v1/workloads/" + acmeWorkload, acme);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.problemType()).isEqualTo("method-not-allowed");
        Api.Response put = api.method("PUT", "/v1/apps", acme);
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.problemType()).isEqualTo("method-not-allowed");
    }

    private Set<String> ids(String path, String token) {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            JsonNode page = api.get(path + (path.contains("?") ? "&" : "?") + (cursor == null ? "" : "cursor=" + cursor), token).json();
            page.path("items").forEach(w -> ids.add(w.path("id").asText()));
            cursor = page.path("nextCursor").isMissingNode() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        return ids;
    }
}
