package eu.aifactory.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.server.seed.DemoUser;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.Await;
import eu.aifactory.server.support.TestFactory;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping and starting the factory on the same H2 file loses nothing, and running work carries on. */
class RestartTest {

    private static final String FORECAST = "{\"appId\":\"raw-material-price-forecast\",\"appVersion\":\"0.8.0\","
            + "\"projectId\":\"acme-qs\",\"planId\":\"rtx-pro-6000-x1\",\"name\":\"survives a restart\"}";

    @TempDir
    Path dir;

    private ServerConfig config(double timeScale) {
        return new ServerConfig("127.0.0.1", 0, ServerConfig.h2FileUrl(dir), dir, true, timeScale);
    }

    @Test
    void aRestartKeepsDataTokensKeysAndResumesRunningWork() {
        String key = UUID.randomUUID().toString();
        String workloadId;
        Set<String> idsBefore;
        List<DemoUser> usersBefore;
        long samplesBefore;
        String artifactId;
        byte[] artifactBefore;
        // One simulated minute per real second: slow enough to stop the factory mid-run.
        try (TestFactory first = TestFactory.start(config(60), 15_000)) {
            usersBefore = first.server.demoUsers();
            String admin = first.token("acme-admin");
            workloadId = first.api.post("/v1/workloads", admin, FORECAST, "Idempotency-Key", key).json().path("id").asText();
            samplesBefore = Await.until("a few power samples", () -> samples(first, workloadId), n -> n >= 2);
            idsBefore = ids(first.api, admin);
            String done = first.api.get("/v1/workloads?status=SUCCEEDED&limit=1", admin).json().path("items").get(0)
                    .path("id").asText();
            artifactId = first.api.get("/v1/workloads/" + done + "/artifacts", admin).json().get(0).path("id").asText();
            artifactBefore = first.api.get("/v1/artifacts/" + artifactId + "/content", admin).bytes();
        }

        // Much faster after the restart, so the resumed run finishes within the test.
        try (TestFactory second = TestFactory.start(config(20_000), 15_000)) {
            assertThat(second.server.demoUsers()).isEqualTo(usersBefore);
            String admin = second.token("acme-admin");
            assertThat(ids(second.api, admin)).isEqualTo(idsBefore);
            assertThat(second.api.get("/v1/artifacts/" + artifactId + "/content", admin).bytes()).isEqualTo(artifactBefore);

            Api.Response replay = second.api.post("/v1/workloads", admin, FORECAST, "Idempotency-Key", key);
            assertThat(replay.status()).isEqualTo(200);
            assertThat(replay.json().path("id").asText()).isEqualTo(workloadId);

            JsonNode done = Await.until("the resumed run to finish", () -> second.api.get("/v1/workloads/" + workloadId, admin).json(),
                    w -> w.path("status").asText().equals("SUCCEEDED"));
            assertThat(done.path("history").size()).isEqualTo(4);
            JsonNode resumed = second.api.get("/v1/workloads/" + workloadId + "/logs?q=restarted", admin).json();
            assertThat(resumed.path("lines").size()).isEqualTo(1);
            // Every simulated minute has exactly one sample: nothing lost, nothing written twice.
            assertThat(samples(second, workloadId)).isEqualTo(80).isGreaterThan(samplesBefore);
        }
    }

    private static long samples(TestFactory factory, String workloadId) {
        return factory.jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM power_samples WHERE workload_id = :w")
                .bind("w", workloadId).mapTo(Long.class).one());
    }

    private static Set<String> ids(Api api, String token) {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/v1/workloads?limit=500" + (cursor == null ? "" : "&cursor=" + cursor), token).json();
            page.path("items").forEach(w -> ids.add(w.path("id").asText()));
            cursor = page.path("nextCursor").isMissingNode() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        return ids;
    }
}
