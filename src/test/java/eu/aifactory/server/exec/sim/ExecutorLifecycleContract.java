package eu.aifactory.server.exec.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.Await;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import eu.aifactory.server.util.Hashing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The simulated executor on a fast clock (one simulated minute every 3 ms); run on each database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExecutorLifecycleContract {

    private static final String FORECAST = "{\"appId\":\"raw-material-price-forecast\",\"appVersion\":\"0.8.0\","
            + "\"projectId\":\"acme-qs\",\"planId\":\"rtx-pro-6000-x1\",\"name\":\"%s\"}";

    private final TestDatabases.Kind kind;
    private TestFactory factory;
    private Api api;
    private String engineer;

    ExecutorLifecycleContract(TestDatabases.Kind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void start() {
        factory = TestFactory.start(kind, 20_000);
        api = factory.api;
        engineer = factory.token("acme-eng");
    }

    @AfterAll
    void stop() {
        factory.close();
    }

    private String submit(String name) {
        Api.Response r = api.post("/v1/workloads", engineer, String.format(FORECAST, name), "Idempotency-Key",
                UUID.randomUUID().toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    private JsonNode awaitTerminal(String id) {
        return Await.until("workload " + id + " to end", () -> api.get("/v1/workloads/" + id, engineer).json(),
                w -> List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(w.path("status").asText()));
    }

    @Test
    void aRunGoesThroughTheLifecycleAndLeavesLogsSamplesAndResults() {
        String id = submit("forecast copper prices");
        JsonNode done = awaitTerminal(id);
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        List<String> statuses = new ArrayList<>();
        done.path("history").forEach(h -> statuses.add(h.path("status").asText()));
        assertThat(statuses).containsExactly("QUEUED", "STARTING", "RUNNING", "SUCCEEDED");
        assertThat(done.path("startedAt").isMissingNode()).isFalse();
        assertThat(done.path("endedAt").isMissingNode()).isFalse();

        // 0.8.0 runs 10 minutes on 8 GPUs, so 80 minutes on one: 80 per-minute samples.
        long runtimeMinutes = 80;
        List<Map<String, Object>> samples = factory.jdbi.withHandle(h -> h.createQuery(
                "SELECT ts, power_usage_w, total_energy_mj, gpu_util FROM power_samples WHERE workload_id = :w ORDER BY ts")
                .bind("w", id).mapToMap().list());
        assertThat(samples).hasSize((int) runtimeMinutes);
        long previous = 0;
        for (Map<String, Object> s : samples) {
            long counter = ((Number) s.get("total_energy_mj")).longValue();
            int watts = ((Number) s.get("power_usage_w")).intValue();
            assertThat(counter).isGreaterThan(previous);
            // One RTX PRO 6000: 60 W idle .. 600 W peak, plus 250 W node share.
            assertThat(watts).isBetween(60 + 250, 600 + 250);
            previous = counter;
        }
        assertThat(done.path("energyKwh").asDouble()).isCloseTo(previous / 3.6e9, org.assertj.core.data.Offset.offset(0.001));
        assertThat(done.path("gpuHours").asDouble()).isCloseTo(runtimeMinutes / 60.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(done.path("costEur").decimalValue()).isPositive();

        JsonNode logs = api.get("/v1/workloads/" + id + "/logs?limit=10000", engineer).json();
        assertThat(logs.path("complete").asBoolean()).isTrue();
        assertThat(logs.path("lines").size()).isGreaterThan((int) (runtimeMinutes / 5));
        assertThat(logs.path("lines").get(0).path("text").asText()).startsWith("pulling image");

        JsonNode artifacts = api.get("/v1/workloads/" + id + "/artifacts", engineer).json();
        assertThat(artifacts.size()).isPositive();
        for (JsonNode artifact : artifacts) {
            byte[] content = api.get("/v1/artifacts/" + artifact.path("id").asText() + "/content", engineer).bytes();
            assertThat(Hashing.sha256Hex(content)).isEqualTo(artifact.path("sha256").asText());
            assertThat(artifact.path("site").asText()).contains("Munich");
        }
    }

    @Test
    void aPlannedFailureEndsFailedWithAPlainWordsReason() {
        String id = submit("stress test #fail");
        JsonNode done = awaitTerminal(id);
        assertThat(done.path("status").asText()).isEqualTo("FAILED");
        assertThat(done.path("statusReason").asText()).hasSizeGreaterThan(20);
        JsonNode logs = api.get("/v1/workloads/" + id + "/logs?q=ERROR", engineer).json();
        assertThat(logs.path("lines").size()).isEqualTo(1);
        assertThat(api.get("/v1/workloads/" + id + "/artifacts", engineer).json().size()).isZero();
    }

    @Test
    void theSameSubmissionAlwaysHasTheSameOutcome() {
        String first = awaitTerminal(submit("repeatable run")).path("status").asText();
        String second = awaitTerminal(submit("repeatable run")).path("status").asText();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void cancelStopsARunAndChargesOnlyTheTimeUsed() {
        // The fine-tuning run takes 8 simulated hours on one DGX: long enough to be caught running.
        String body = "{\"appId\":\"llm-domain-fine-tuning\",\"appVersion\":\"2.0.0\",\"projectId\":\"acme-qs\","
                + "\"planId\":\"dgx-b200-x1\",\"name\":\"to be cancelled\"}";
        String id = api.post("/v1/workloads", factory.token("acme-admin"), body, "Idempotency-Key", UUID.randomUUID().toString())
                .json().path("id").asText();
        Await.until("the run to be running", () -> api.get("/v1/workloads/" + id, engineer).json(),
                w -> w.path("status").asText().equals("RUNNING"));
        Api.Response cancel = api.post("/v1/workloads/" + id + "/cancel", factory.token("acme-admin"), null);
        assertThat(cancel.status()).isEqualTo(202);
        JsonNode done = awaitTerminal(id);
        assertThat(done.path("status").asText()).isIn("CANCELLED", "SUCCEEDED");
        if (done.path("status").asText().equals("CANCELLED")) {
            assertThat(done.path("gpuHours").asDouble()).isLessThan(64.0);
            JsonNode logs = api.get("/v1/workloads/" + id + "/logs?q=stopped", engineer).json();
            assertThat(logs.path("lines").size()).isEqualTo(1);
        }
    }
}
