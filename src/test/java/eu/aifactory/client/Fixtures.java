package eu.aifactory.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import eu.aifactory.api.Json;
import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;
import eu.aifactory.api.workload.Priority;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.api.workload.WorkloadSubmission;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/** Wire bodies and a client wired to a MockWebServer without real waiting. */
final class Fixtures {

    static final String TOKEN = "tok-Sup3rSecret-4711";

    private Fixtures() {
    }

    static FactoryClientConfig.Builder config(MockWebServer server, RecordingSleeper sleeper) {
        return FactoryClientConfig.builder(URI.create(server.url("/").toString()))
                .token(TOKEN::toCharArray)
                .sleeper(sleeper)
                .userAgent("ai-factory-portal/test");
    }

    static WorkloadSubmission submission() {
        return new WorkloadSubmission("Bore inspection line 3", "visual-inspection", "2.1.0", "p-line3",
                "dgx-b200-1", Priority.NORMAL, Map.of("threshold", 0.8, "mode", "strict"), Map.of("images", "ar-1"));
    }

    static Workload workload(String id, WorkloadStatus status) {
        return new Workload(id, "Bore inspection line 3", "visual-inspection", "2.1.0", "p-line3", "u-anna",
                "Anna Huber", "dgx-b200-1", Priority.NORMAL, Map.of("threshold", 0.8), Map.of(), status,
                "waiting for 8 free B200 GPUs", Instant.parse("2025-03-01T08:00:00Z"), null, null,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, List.of());
    }

    static MockResponse json(int status, Object body) {
        return new MockResponse().setResponseCode(status)
                .setHeader("Content-Type", "application/json")
                .setBody(write(body));
    }

    static MockResponse problem(ProblemType type, String detail, List<Problem.FieldError> errors) {
        return new MockResponse().setResponseCode(type.status())
                .setHeader("Content-Type", Problem.MEDIA_TYPE)
                .setBody(write(new Problem(type.uri(), type.title(), type.status(), detail, "/v1/x", errors)));
    }

    static String write(Object body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
