package eu.aifactory.server.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.server.catalog.CatalogRoutesContract;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.Await;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import eu.aifactory.server.util.Hashing;
import eu.aifactory.testing.TestClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Workloads, logs, artifacts, idempotency and roles; run against each database by {@link WorkloadRoutesTest}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WorkloadRoutesContract {

    public static final String VQI = "{\"appId\":\"visual-quality-inspection\",\"appVersion\":\"2.3.0\",\"projectId\":\"%s\","
            + "\"planId\":\"rtx-pro-6000-x1\",\"name\":\"%s\",\"parameters\":{\"confidenceThreshold\":0.7,\"lineId\":\"L07\"}}";

    private final TestDatabases.Kind kind;
    private TestFactory factory;
    private Api api;
    private String admin;
    private String engineer;
    private String otherEngineer;
    private String accountManager;

    WorkloadRoutesContract(TestDatabases.Kind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void start() {
        // Real-time scale: submitted work stays QUEUED or STARTING for the duration of these tests.
        factory = TestFactory.start(kind, 1);
        api = factory.api;
        admin = factory.token("acme-admin");
        engineer = factory.token("acme-eng");
        otherEngineer = factory.token("acme-eng2");
        accountManager = factory.token("acme-am");
    }

    @AfterAll
    void stop() {
        factory.close();
    }

    private Api.Response submit(String token, String body) {
        return api.post("/v1/workloads", token, body, "Idempotency-Key", UUID.randomUUID().toString());
    }

    private static String vqi(String project, String name) {
        return String.format(VQI, project, name);
    }

    @Test
    void submitQueuesTheWorkloadAndAnswers201WithLocation() {
        Api.Response response = submit(engineer, vqi("acme-qs", "first run"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode w = response.json();
        assertThat(response.headers().firstValue("Location")).hasValue("/v1/workloads/" + w.path("id").asText());
        assertThat(w.path("status").asText()).isIn("QUEUED", "STARTING");
        assertThat(w.path("submittedBy").asText()).isEqualTo("acme-eng");
        assertThat(w.path("priority").asText()).isEqualTo("NORMAL");
        // Defaults are filled in for what the caller left out.
        assertThat(w.path("parameters").path("imageSize").asInt()).isEqualTo(1536);
        assertThat(w.path("history").get(0).path("status").asText()).isEqualTo("QUEUED");
        assertThat(api.get("/v1/workloads/" + w.path("id").asText(), engineer).status()).isEqualTo(200);
    }

    @Test
    void retriedSubmitWithTheSameKeyAndBodyReturnsTheSameWorkload() {
        String key = UUID.randomUUID().toString();
        String body = vqi("acme-qs", "retried");
        Api.Response first = api.post("/v1/workloads", engineer, body, "Idempotency-Key", key);
        Api.Response again = api.post("/v1/workloads", engineer, body, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asText()).isEqualTo(first.json().path("id").asText());

        Api.Response other = api.post("/v1/workloads", engineer, vqi("acme-qs", "something else"), "Idempotency-Key", key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.problemType()).isEqualTo("idempotency-key-reused");
    }

    @Test
    void concurrentSubmitsWithOneKeyCreateExactlyOneWorkload() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "concurrent " + key;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> api.post("/v1/workloads", engineer, vqi("acme-qs", name), "Idempotency-Key", key));
            }
            List<Integer> statuses = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (Future<Api.Response> f : pool.invokeAll(calls)) {
                Api.Response r = f.get();
                statuses.add(r.status());
                ids.add(r.json().path("id").asText());
            }
            assertThat(statuses).containsOnly(200, 201);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        JsonNode found = api.get("/v1/workloads?q=" + CatalogRoutesContract.enc(key), admin).json();
        assertThat(found.path("items").size()).isEqualTo(1);
    }

    @Test
    void badInputIsTheRightProblemAndNeverA500() {
        record Case(String what, String token, String body, String contentType, String key, int status, String type) {
        }
        String k = "a-valid-key-" + UUID.randomUUID();
        String ok = vqi("acme-qs", "bad input");
        String base = "{\"appId\":\"visual-quality-inspection\",\"appVersion\":\"2.3.0\",\"projectId\":\"acme-qs\","
                + "\"planId\":\"rtx-pro-6000-x1\"";
        List<Case> cases = List.of(
                new Case("malformed JSON", engineer, "{\"appId\": ", "application/json", k + 1, 400, "malformed-body"),
                new Case("not an object", engineer, "[1,2]", "application/json", k + 2, 400, "validation"),
                new Case("empty body", engineer, "", "application/json", k + 3, 400, "malformed-body"),
                new Case("null body", engineer, "null", "application/json", k + 4, 400, "malformed-body"),
                new Case("number for a string", engineer, base.replace("\"2.3.0\"", "230") + "}", "application/json", k + 5, 400, "validation"),
                new Case("unknown field", engineer, base + ",\"colour\":\"red\"}", "application/json", k + 6, 400, "validation"),
                new Case("unknown priority", engineer, base + ",\"priority\":\"URGENT\"}", "application/json", k + 7, 400, "validation"),
                new Case("number for priority", engineer, base + ",\"priority\":1}", "application/json", k + 8, 400, "validation"),
                new Case("parameters not an object", engineer, base + ",\"parameters\":[1]}", "application/json", k + 9, 400, "validation"),
                new Case("out of range", engineer, base + ",\"parameters\":{\"imageSize\":99999}}", "application/json", k + 10, 400, "validation"),
                new Case("unknown parameter", engineer, base + ",\"parameters\":{\"speed\":3}}", "application/json", k + 11, 400, "validation"),
                new Case("string for number", engineer, base + ",\"parameters\":{\"confidenceThreshold\":\"high\"}}", "application/json", k + 12, 400, "validation"),
                new Case("fraction for integer", engineer, base + ",\"parameters\":{\"imageSize\":512.5}}", "application/json", k + 13, 400, "validation"),
                new Case("pattern mismatch", engineer, base + ",\"parameters\":{\"lineId\":\"line7\"}}", "application/json", k + 14, 400, "validation"),
                new Case("enum mismatch", engineer, base + ",\"parameters\":{\"defectClasses\":\"everything\"}}", "application/json", k + 15, 400, "validation"),
                new Case("text for boolean", engineer, base + ",\"parameters\":{\"saveAnnotated\":\"yes\"}}", "application/json", k + 16, 400, "validation"),
                new Case("null parameter", engineer, base + ",\"parameters\":{\"imageSize\":null}}", "application/json", k + 17, 400, "validation"),
                new Case("missing fields", engineer, "{\"appId\":\"visual-quality-inspection\"}", "application/json", k + 18, 400, "validation"),
                new Case("unknown app", engineer, ok.replace("visual-quality-inspection", "no-such-app"), "application/json", k + 19, 400, "validation"),
                new Case("unknown version", engineer, ok.replace("2.3.0", "9.9.9"), "application/json", k + 20, 400, "validation"),
                new Case("unknown plan", engineer, ok.replace("rtx-pro-6000-x1", "no-plan"), "application/json", k + 21, 400, "validation"),
                new Case("plan not allowed", engineer, ok.replace("rtx-pro-6000-x1", "dgx-b200-x4"), "application/json", k + 22, 400, "validation"),
                new Case("unknown project", engineer, vqi("no-such-project", "x"), "application/json", k + 23, 400, "validation"),
                new Case("unknown input slot", engineer, base + ",\"inputs\":{\"video\":\"art-1\"}}", "application/json", k + 24, 400, "validation"),
                new Case("unknown input artifact", engineer, base + ",\"inputs\":{\"images\":\"art-nope\"}}", "application/json", k + 25, 400, "validation"),
                new Case("oversized body", engineer, base + ",\"name\":\"" + "x".repeat(1_100_000) + "\"}", "application/json", k + 26, 413, "payload-too-large"),
                new Case("wrong content type", engineer, ok, "text/plain", k + 27, 415, "unsupported-media-type"),
                new Case("missing key", engineer, ok, "application/json", null, 400, "idempotency-key-missing"),
                new Case("short key", engineer, ok, "application/json", "abc", 400, "validation"),
                new Case("no token", null, ok, "application/json", k + 28, 401, "unauthenticated"),
                new Case("wrong token", "afp_not-a-token", ok, "application/json", k + 29, 401, "unauthenticated"),
                new Case("account manager submits", accountManager, ok, "application/json", k + 30, 403, "forbidden"),
                new Case("engineer outside the project", engineer, vqi("acme-maint", "x"), "application/json", k + 31, 403, "forbidden"),
                new Case("too long name", engineer, vqi("acme-qs", "n".repeat(201)), "application/json", k + 32, 400, "validation"),
                new Case("unpaired surrogate in the name", engineer, vqi("acme-qs", "x\\ud800"), "application/json", k + 33, 400, "validation"),
                new Case("NUL in a parameter", engineer, base + ",\"parameters\":{\"lineId\":\"L\\u0000\"}}", "application/json", k + 34, 400, "validation"),
                new Case("field named twice", engineer, base + ",\"name\":\"a\",\"name\":\"b\"}", "application/json", k + 35, 400, "validation"),
                new Case("text for a number parameter", engineer, base + ",\"parameters\":{\"confidenceThreshold\":\"0.7\"}}", "application/json", k + 36, 400, "validation"),
                new Case("text for an integer parameter", engineer, base + ",\"parameters\":{\"imageSize\":\"12\"}}", "application/json", k + 37, 400, "validation"),
                new Case("text for a boolean parameter", engineer, base + ",\"parameters\":{\"saveAnnotated\":\"true\"}}", "application/json", k + 38, 400, "validation"),
                new Case("empty priority", engineer, base + ",\"priority\":\"\"}", "application/json", k + 39, 400, "validation"));
        for (Case c : cases) {
            List<String> headers = new ArrayList<>(List.of("Content-Type", c.contentType()));
            if (c.key() != null) {
                headers.addAll(List.of("Idempotency-Key", c.key()));
            }
            Api.Response r = api.post("/v1/workloads", c.token(), c.body(), headers.toArray(String[]::new));
            assertThat(r.status()).as("%s: %s", c.what(), r.body().substring(0, Math.min(300, r.body().length())))
                    .isEqualTo(c.status());
            assertThat(r.problemType()).as(c.what()).isEqualTo(c.type());
            assertThat(r.json().path("status").asInt()).as(c.what()).isEqualTo(c.status());
            if ("validation".equals(c.type()) && !c.what().equals("short key")) {
                assertThat(r.json().path("errors").size()).as(c.what()).isPositive();
            }
        }
    }

    @Test
    void validationErrorsNameEachFieldPath() {
        Api.Response r = submit(engineer, "{\"appId\":\"visual-quality-inspection\",\"appVersion\":\"2.3.0\","
                + "\"projectId\":\"acme-qs\",\"planId\":\"rtx-pro-6000-x1\",\"parameters\":{\"imageSize\":1,\"speed\":2}}");
        List<String> fields = new ArrayList<>();
        r.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("parameters.imageSize", "parameters.speed");
    }

    @Test
    void engineersSeeOnlyTheirProjectsAndOthersSeeTheTenant() {
        String maintId = submit(admin, vqi("acme-maint", "maintenance job")).json().path("id").asText();
        assertThat(api.get("/v1/workloads/" + maintId, engineer).status()).isEqualTo(404);
        assertThat(api.get("/v1/workloads/" + maintId, otherEngineer).status()).isEqualTo(200);
        assertThat(api.get("/v1/workloads/" + maintId, accountManager).status()).isEqualTo(200);
        for (JsonNode w : allPages("/v1/workloads?limit=200", engineer)) {
            assertThat(w.path("projectId").asText()).isEqualTo("acme-qs");
        }
        Set<String> projects = new HashSet<>();
        allPages("/v1/workloads?limit=200", accountManager).forEach(w -> projects.add(w.path("projectId").asText()));
        assertThat(projects).containsExactlyInAnyOrder("acme-qs", "acme-maint");
    }

    @Test
    void cancelIsForTheOwnerOrAnAdminAndEndsCancelled() {
        String byAdmin = submit(admin, vqi("acme-qs", "admin's job")).json().path("id").asText();
        assertThat(api.post("/v1/workloads/" + byAdmin + "/cancel", engineer, null).problemType()).isEqualTo("forbidden");
        assertThat(api.post("/v1/workloads/" + byAdmin + "/cancel", accountManager, null).problemType()).isEqualTo("forbidden");

        String own = submit(engineer, vqi("acme-qs", "my job")).json().path("id").asText();
        Api.Response cancel = api.post("/v1/workloads/" + own + "/cancel", engineer, null);
        assertThat(cancel.status()).isEqualTo(202);
        assertThat(cancel.json().path("status").asText()).isIn("CANCELLING", "CANCELLED");
        JsonNode done = Await.until("the cancel to finish", () -> api.get("/v1/workloads/" + own, engineer).json(),
                w -> w.path("status").asText().equals("CANCELLED"));
        assertThat(done.path("statusReason").asText()).contains("cancelled");
        List<String> statuses = new ArrayList<>();
        done.path("history").forEach(h -> statuses.add(h.path("status").asText()));
        assertThat(statuses).endsWith("CANCELLING", "CANCELLED");

        assertThat(api.post("/v1/workloads/" + byAdmin + "/cancel", admin, null).status()).isEqualTo(202);
        Api.Response again = api.post("/v1/workloads/" + own + "/cancel", engineer, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("conflict");
    }

    @Test
    void listFiltersByStatusAppProjectSubmitterTimeAndText() {
        JsonNode failed = api.get("/v1/workloads?status=FAILED,CANCELLED&limit=500", admin).json();
        assertThat(failed.path("items").size()).isPositive();
        failed.path("items").forEach(w -> assertThat(w.path("status").asText()).isIn("FAILED", "CANCELLED"));

        api.get("/v1/workloads?appId=spindle-rul-prediction&limit=500", admin).json().path("items")
                .forEach(w -> assertThat(w.path("appId").asText()).isEqualTo("spindle-rul-prediction"));
        api.get("/v1/workloads?projectId=acme-maint&limit=500", admin).json().path("items")
                .forEach(w -> assertThat(w.path("projectId").asText()).isEqualTo("acme-maint"));
        submit(engineer, vqi("acme-qs", "mine"));
        JsonNode mine = api.get("/v1/workloads?submittedBy=me&limit=500", engineer).json();
        assertThat(mine.path("items").size()).isPositive();
        mine.path("items").forEach(w -> assertThat(w.path("submittedBy").asText()).isEqualTo("acme-eng"));

        Instant from = TestClock.now().minusSeconds(30L * 86400);
        Instant to = TestClock.now().minusSeconds(10L * 86400);
        JsonNode window = api.get("/v1/workloads?limit=500&from=" + from + "&to=" + to, admin).json();
        assertThat(window.path("items").size()).isPositive();
        window.path("items").forEach(w -> assertThat(Instant.parse(w.path("createdAt").asText())).isBetween(from, to));

        String special = "Härtetest " + UUID.randomUUID().toString().substring(0, 8);
        String id = submit(engineer, vqi("acme-qs", special)).json().path("id").asText();
        assertThat(CatalogRoutesContract.ids(api.get("/v1/workloads?q=" + CatalogRoutesContract.enc(special.replace("ä", "ae")),
                engineer).json().path("items"))).containsExactly(id);
        assertThat(CatalogRoutesContract.ids(api.get("/v1/workloads?q=" + id, engineer).json().path("items"))).containsExactly(id);

        for (String bad : List.of("status=RUNNINGISH", "from=yesterday", "limit=0", "limit=501", "sort=name", "cursor=%25%25",
                "from=%2B999999999-01-01T00:00:00Z", "to=-999999999-01-01T00:00:00Z", "from=1969-12-31T23:59:59Z",
                "from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "q=a%00b", "projectId=%00")) {
            Api.Response r = api.get("/v1/workloads?" + bad, admin);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.problemType()).as(bad).isEqualTo("validation");
        }
    }

    @Test
    void pagesWalkEveryWorkloadOnceInBothDirections() {
        List<JsonNode> newest = allPages("/v1/workloads?limit=37", admin);
        List<JsonNode> oldest = allPages("/v1/workloads?limit=41&sort=-createdAt", admin);
        List<String> newestIds = newest.stream().map(w -> w.path("id").asText()).toList();
        List<String> oldestIds = oldest.stream().map(w -> w.path("id").asText()).toList();
        assertThat(newestIds).doesNotHaveDuplicates().hasSizeGreaterThan(100);
        assertThat(new HashSet<>(oldestIds)).isEqualTo(new HashSet<>(newestIds));
        for (int i = 1; i < newest.size(); i++) {
            assertThat(Instant.parse(newest.get(i - 1).path("createdAt").asText()))
                    .isAfterOrEqualTo(Instant.parse(newest.get(i).path("createdAt").asText()));
        }
        newest.forEach(w -> assertThat(w.path("history").size()).isZero());
        String cursor = api.get("/v1/workloads?limit=5", admin).json().path("nextCursor").asText();
        assertThat(api.get("/v1/workloads?sort=-createdAt&cursor=" + cursor, admin).status()).isEqualTo(400);
    }

    @Test
    void workloadDetailCarriesTheStatusHistory() {
        JsonNode succeeded = api.get("/v1/workloads?status=SUCCEEDED&limit=1", admin).json().path("items").get(0);
        JsonNode detail = api.get("/v1/workloads/" + succeeded.path("id").asText(), admin).json();
        List<String> statuses = new ArrayList<>();
        detail.path("history").forEach(h -> statuses.add(h.path("status").asText()));
        assertThat(statuses).containsExactly("QUEUED", "STARTING", "RUNNING", "SUCCEEDED");
        assertThat(detail.path("costEur").decimalValue()).isPositive();
        assertThat(detail.path("energyKwh").decimalValue()).isPositive();
        assertThat(api.get("/v1/workloads/wl-does-not-exist", admin).problemType()).isEqualTo("not-found");
    }

    @Test
    void logsPageByLineFilterByTextAndTimeAndSayWhenComplete() {
        String id = api.get("/v1/workloads?status=SUCCEEDED&limit=1", admin).json().path("items").get(0).path("id").asText();
        JsonNode all = api.get("/v1/workloads/" + id + "/logs?limit=10000", admin).json();
        int total = all.path("lines").size();
        assertThat(total).isGreaterThan(4);
        assertThat(all.path("complete").asBoolean()).isTrue();
        assertThat(all.path("nextLine").asLong()).isEqualTo(total + 1);

        JsonNode first = api.get("/v1/workloads/" + id + "/logs?limit=2", admin).json();
        assertThat(first.path("lines").size()).isEqualTo(2);
        assertThat(first.path("nextLine").asLong()).isEqualTo(3);
        assertThat(first.path("complete").asBoolean()).isFalse();
        JsonNode rest = api.get("/v1/workloads/" + id + "/logs?fromLine=3&limit=10000", admin).json();
        assertThat(rest.path("lines").get(0).path("line").asLong()).isEqualTo(3);
        assertThat(rest.path("lines").size()).isEqualTo(total - 2);

        JsonNode filtered = api.get("/v1/workloads/" + id + "/logs?q=PULLING", admin).json();
        assertThat(filtered.path("lines").size()).isEqualTo(1);
        assertThat(filtered.path("lines").get(0).path("text").asText()).startsWith("pulling image");

        String lastTime = all.path("lines").get(total - 1).path("time").asText();
        JsonNode since = api.get("/v1/workloads/" + id + "/logs?since=" + lastTime, admin).json();
        assertThat(since.path("lines").size()).isBetween(1, total);
        since.path("lines").forEach(l -> assertThat(Instant.parse(l.path("time").asText())).isAfterOrEqualTo(Instant.parse(lastTime)));

        for (String bad : List.of("fromLine=0", "limit=10001", "since=later", "fromLine=x", "since=%2B999999999-01-01T00:00:00Z",
                "since=-999999999-01-01T00:00:00Z", "q=%00")) {
            assertThat(api.get("/v1/workloads/" + id + "/logs?" + bad, admin).status()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void artifactContentStreamsWholeOrOneRange() {
        String id = api.get("/v1/workloads?status=SUCCEEDED&limit=1", admin).json().path("items").get(0).path("id").asText();
        JsonNode artifacts = api.get("/v1/workloads/" + id + "/artifacts", admin).json();
        assertThat(artifacts.size()).isPositive();
        JsonNode artifact = artifacts.get(0);
        assertThat(artifact.path("workloadId").asText()).isEqualTo(id);
        String path = "/v1/artifacts/" + artifact.path("id").asText() + "/content";

        Api.Response whole = api.get(path, admin);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(whole.bytes().length).isEqualTo(artifact.path("sizeBytes").asInt());
        assertThat(Hashing.sha256Hex(whole.bytes())).isEqualTo(artifact.path("sha256").asText());
        int size = whole.bytes().length;

        Api.Response head = api.get(path, admin, "Range", "bytes=0-9");
        assertThat(head.status()).isEqualTo(206);
        assertThat(head.headers().firstValue("Content-Range")).hasValue("bytes 0-9/" + size);
        assertThat(head.bytes()).isEqualTo(java.util.Arrays.copyOfRange(whole.bytes(), 0, 10));

        Api.Response tail = api.get(path, admin, "Range", "bytes=10-");
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.bytes()).isEqualTo(java.util.Arrays.copyOfRange(whole.bytes(), 10, size));

        Api.Response suffix = api.get(path, admin, "Range", "bytes=-5");
        assertThat(suffix.bytes()).isEqualTo(java.util.Arrays.copyOfRange(whole.bytes(), size - 5, size));

        for (String bad : List.of("bytes=" + size + "-", "bytes=5-2", "bytes=0-1,4-5", "items=0-1", "bytes=-0")) {
            Api.Response r = api.get(path, admin, "Range", bad);
            assertThat(r.status()).as(bad).isEqualTo(416);
            assertThat(r.problemType()).as(bad).isEqualTo("range-not-satisfiable");
            assertThat(r.headers().firstValue("Content-Range")).as(bad).hasValue("bytes */" + size);
        }
    }

    @Test
    void theQueueExplainsInPlainWordsWhyWorkWaits() {
        // The B200 pool has 64 GPUs: two 32-GPU runs fill it, the third waits.
        String body = "{\"appId\":\"llm-domain-fine-tuning\",\"appVersion\":\"2.0.0\",\"projectId\":\"acme-qs\","
                + "\"planId\":\"dgx-b200-x4\",\"name\":\"big %d\"}";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Response submitted = submit(admin, String.format(body, i));
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
            ids.add(submitted.json().path("id").asText());
        }
        JsonNode waiting = Await.until("the third run to get a queue position",
                () -> api.get("/v1/workloads/" + ids.get(2), admin).json(),
                w -> w.path("statusReason").asText().contains("position"));
        assertThat(waiting.path("status").asText()).isEqualTo("QUEUED");
        assertThat(waiting.path("statusReason").asText()).isEqualTo("waiting for 32 free B200 GPUs (position 1 in queue)");
        JsonNode estimate = api.post("/v1/estimates", admin,
                "{\"appId\":\"llm-domain-fine-tuning\",\"appVersion\":\"2.0.0\",\"planId\":\"dgx-b200-x1\"}").json();
        assertThat(estimate.path("expectedQueueWaitSeconds").asLong()).isPositive();
        ids.forEach(id -> api.post("/v1/workloads/" + id + "/cancel", admin, null));
    }

    private List<JsonNode> allPages(String path, String token) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(path + (cursor == null ? "" : "&cursor=" + cursor), token).json();
            page.path("items").forEach(all::add);
            cursor = page.path("nextCursor").isMissingNode() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        return all;
    }
}
