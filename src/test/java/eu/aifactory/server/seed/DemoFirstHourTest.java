package eu.aifactory.server.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.Await;
import eu.aifactory.testing.PausableClock;
import eu.aifactory.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The demo's first minutes, on the day testers found them broken (5 December: little spent this month, so budgets
 * derived from the month's spending left no room): every demo engineer's first submits into each of their projects are
 * admitted, a short run and one of the largest, and at the demo pace the short app runs to SUCCEEDED within about a
 * minute. (The simulator scripts a
 * hardware failure for about 4 % of submissions, decided by a hash of what was submitted; these names draw none.)
 */
class DemoFirstHourTest {

    private static final Instant EARLY_DECEMBER = Instant.parse("2026-12-05T09:00:00Z");
    private static final String SHORT_RUN = "{\"appId\":\"compressed-air-leak-detection\",\"appVersion\":\"1.0.0\","
            + "\"projectId\":\"%s\",\"planId\":\"rtx-pro-6000-x1\",\"name\":\"Erster Lauf – %s\",\"parameters\":{}}";

    /** One of the largest runs the demo offers: the fine-tuning on 32 B200 GPUs, about EUR 360. */
    private static final String LARGE_RUN = "{\"appId\":\"llm-domain-fine-tuning\",\"appVersion\":\"2.0.0\","
            + "\"projectId\":\"%s\",\"planId\":\"dgx-b200-x4\",\"name\":\"Großer Lauf – %s\"}";

    private static final Duration ABOUT_A_MINUTE = Duration.ofSeconds(60);
    /** How much faster the factory's clock runs while the test waits for the runs' ends. */
    private static final double RUN_FAST_FORWARD = 10;

    @Test
    void everyEngineersFirstRunIsAdmittedAndFinishesAtTheDemoPace() {
        ServerConfig config = ServerConfig.inMemory(true, ServerConfig.DEMO_PACE);
        PausableClock clock = new PausableClock(TestClock.startingAt(EARLY_DECEMBER));
        try (FactoryServer server = FactoryServer.start(config, clock)) {
            Api api = new Api(server.baseUri());
            Map<String, String> runs = new LinkedHashMap<>();
            List<String> engineers = new ArrayList<>();
            for (DemoUser user : server.demoUsers()) {
                if (user.role() != Role.ENGINEER) {
                    continue;
                }
                engineers.add(user.userId());
                for (JsonNode project : api.get("/v1/me", user.token()).json().path("projects")) {
                    String projectId = project.path("id").asText();
                    Api.Response submitted = api.post("/v1/workloads", user.token(),
                            String.format(SHORT_RUN, projectId, user.userName()),
                            "Idempotency-Key", UUID.randomUUID().toString());
                    assertThat(submitted.status()).as(user.userId() + " into " + projectId + ": " + submitted.body())
                            .isEqualTo(201);
                    runs.put(submitted.json().path("id").asText(), user.token());
                    Api.Response large = api.post("/v1/workloads", user.token(),
                            String.format(LARGE_RUN, projectId, user.userName()),
                            "Idempotency-Key", UUID.randomUUID().toString());
                    assertThat(large.status()).as("a large first run by " + user.userId() + " into " + projectId + ": "
                            + large.body()).isEqualTo(201);
                    assertThat(api.post("/v1/workloads/" + large.json().path("id").asText() + "/cancel", user.token(), "")
                            .status()).isEqualTo(202);
                }
            }
            assertThat(engineers).hasSizeGreaterThanOrEqualTo(5);
            // "Within about a minute" is the factory's minute: its clock hurries the runs along, and each run's own
            // timestamps tell how long it took at the demo pace, however busy the machine running the test.
            clock.fastForward(RUN_FAST_FORWARD);
            runs.forEach((id, token) -> {
                JsonNode ended = Await.until(id + " ends", () -> api.get("/v1/workloads/" + id, token).json(),
                        w -> List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(w.path("status").asText()));
                assertThat(ended.path("status").asText()).as(ended.toString()).isEqualTo("SUCCEEDED");
                Duration took = Duration.between(Instant.parse(ended.path("createdAt").asText()),
                        Instant.parse(ended.path("endedAt").asText()));
                System.out.printf(Locale.ROOT, "demo first hour: %s ran to its end %.1f s after its submit%n", id,
                        took.toMillis() / 1000.0);
                assertThat(took).as(id + " from submit to end at the demo pace").isLessThanOrEqualTo(ABOUT_A_MINUTE);
            });
        }
    }
}
