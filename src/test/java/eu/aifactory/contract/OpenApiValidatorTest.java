package eu.aifactory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validator accepts what the contract allows and, above all, reports what it does not. */
class OpenApiValidatorTest {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";

    private final OpenApiValidator validator = OpenApiValidator.shared();

    private static final String WORKLOAD = """
            {"id":"wl-1","name":"Bore inspection","appId":"visual-inspection","appVersion":"2.1.0",
             "projectId":"p-line3","submittedBy":"u-anna","submittedByName":"Anna Huber","planId":"dgx-b200-1",
             "priority":"NORMAL","parameters":{"threshold":0.8,"mode":"strict"},"inputs":{"images":"ar-1"},
             "status":"QUEUED","statusReason":"waiting for 8 free B200 GPUs","createdAt":"2025-03-01T08:00:00Z",
             "costEur":0,"energyKwh":0,"gpuHours":0,"history":[{"status":"QUEUED","at":"2025-03-01T08:00:00Z"}]}""";

    private static final String SUBMISSION = """
            {"name":"Bore inspection","appId":"visual-inspection","appVersion":"2.1.0","projectId":"p-line3",
             "planId":"dgx-b200-1","priority":"HIGH","parameters":{"threshold":0.8},"inputs":{"images":"ar-1"}}""";

    private static String problem(String extra) {
        return "{\"type\":\"https://aifactory.eu/problems/not-found\",\"title\":\"Not found\",\"status\":404"
                + extra + "}";
    }

    @Test
    void acceptsAValidWorkloadResponse() {
        assertThat(validator.validateResponse("GET", "/v1/workloads/wl-1", 200, "application/json; charset=utf-8",
                WORKLOAD)).isEmpty();
    }

    @Test
    void acceptsAValidProblemThroughTheSharedResponse() {
        assertThat(validator.validateResponse("GET", "/v1/workloads/wl-1", 404, PROBLEM,
                problem(",\"detail\":\"no workload wl-1\",\"errors\":[]"))).isEmpty();
    }

    @Test
    void acceptsAnInlineArraySchema() {
        assertThat(validator.validateResponse("GET", "/v1/workloads/wl-1/artifacts", 200, JSON, "[]")).isEmpty();
    }

    @Test
    void reportsAnInvalidItemOfAnInlineArray() {
        List<String> messages = validator.validateResponse("GET", "/v1/workloads/wl-1/artifacts", 200, JSON,
                "[{\"id\":\"ar-1\",\"kind\":\"model\",\"name\":\"m.onnx\",\"mediaType\":\"application/onnx\","
                        + "\"sizeBytes\":-1,\"sha256\":\"00\",\"site\":\"munich\",\"createdAt\":\"2025-03-01T08:00:00Z\"}]");

        assertThat(messages).hasSize(2).anySatisfy(m -> assertThat(m).contains("/0/sizeBytes"))
                .anySatisfy(m -> assertThat(m).contains("/0/sha256"));
    }

    @Test
    void reportsAMissingRequiredField() {
        List<String> messages = validator.validateResponse("GET", "/v1/workloads/wl-1", 200, JSON,
                WORKLOAD.replace("\"appId\":\"visual-inspection\",", ""));

        assertThat(messages).singleElement().asString().contains("appId").contains("required");
    }

    @Test
    void reportsAnExtraField() {
        List<String> messages = validator.validateResponse("GET", "/v1/workloads/wl-1", 404, PROBLEM,
                problem(",\"stackTrace\":\"at Foo.bar\""));

        assertThat(messages).singleElement().asString().contains("stackTrace");
    }

    @Test
    void reportsAnExtraFieldInANestedReferencedSchema() {
        List<String> messages = validator.validateResponse("GET", "/v1/workloads/wl-1", 200, JSON,
                WORKLOAD.replace("{\"status\":\"QUEUED\",\"at\"", "{\"status\":\"QUEUED\",\"by\":\"x\",\"at\""));

        assertThat(messages).singleElement().asString().contains("/history/0").contains("by");
    }

    @Test
    void reportsAWrongEnumValue() {
        List<String> messages = validator.validateResponse("GET", "/v1/workloads/wl-1", 200, JSON,
                WORKLOAD.replace("\"status\":\"QUEUED\",\"statusReason\"", "\"status\":\"PENDING\",\"statusReason\""));

        assertThat(messages).singleElement().asString().contains("/status").contains("enum");
    }

    @Test
    void reportsAMalformedDateTime() {
        List<String> messages = validator.validateResponse("GET", "/v1/workloads/wl-1", 200, JSON,
                WORKLOAD.replace("\"createdAt\":\"2025-03-01T08:00:00Z\"", "\"createdAt\":\"01.03.2025 08:00\""));

        assertThat(messages).singleElement().asString().contains("/createdAt");
    }

    @Test
    void reportsAnUndocumentedStatus() {
        List<String> messages = validator.validateResponse("GET", "/v1/me", 500, PROBLEM,
                "{\"type\":\"https://aifactory.eu/problems/internal\",\"title\":\"Internal error\",\"status\":500}");

        assertThat(messages).singleElement().asString()
                .contains("status 500 is not documented for GET /v1/me").contains("200, 401");
    }

    @Test
    void reportsAnUndocumentedContentType() {
        List<String> messages = validator.validateResponse("GET", "/v1/workloads/wl-1", 404, "text/html",
                "<h1>Not found</h1>");

        assertThat(messages).singleElement().asString()
                .contains("text/html is not documented").contains(PROBLEM);
    }

    @Test
    void reportsABodyThatIsNotJson() {
        assertThat(validator.validateResponse("GET", "/v1/workloads/wl-1", 200, JSON, "{\"id\":"))
                .singleElement().asString().contains("not JSON");
    }

    @Test
    void reportsAMissingBody() {
        assertThat(validator.validateResponse("GET", "/v1/me", 200, JSON, ""))
                .singleElement().asString().contains("empty");
    }

    @Test
    void reportsAnUnknownPathAndAnUndocumentedMethod() {
        assertThat(validator.validateResponse("GET", "/v1/nothing", 200, JSON, "{}"))
                .singleElement().asString().contains("no path in the contract matches");
        assertThat(validator.validateResponse("DELETE", "/v1/workloads/wl-1", 204, null, null))
                .singleElement().asString().contains("has no DELETE operation").contains("GET");
    }

    @Test
    void prefersALiteralPathOverATemplate() {
        assertThat(validator.validateResponse("POST", "/v1/workloads/wl-1/cancel", 202, JSON, WORKLOAD)).isEmpty();
        assertThat(validator.validateResponse("GET", "/v1/workloads", 200, JSON,
                "{\"items\":[" + WORKLOAD + "],\"nextCursor\":\"abc\"}")).isEmpty();
    }

    @Test
    void validatesEachEventOfAnEventStream() {
        String good = "{\"id\":1,\"workloadId\":\"wl-1\",\"status\":\"RUNNING\",\"at\":\"2025-03-01T08:00:00Z\"}";
        String bad = "{\"id\":2,\"workloadId\":\"wl-1\",\"status\":\"DONE\",\"at\":\"2025-03-01T08:00:00Z\"}";
        String stream = ": keep-alive\n\nevent: workload\nid: 1\ndata: " + good + "\n\nevent: workload\nid: 2\ndata: "
                + bad + "\n\n";

        assertThat(validator.validateResponse("GET", "/v1/events", 200, "text/event-stream", stream))
                .singleElement().asString().contains("event 1").contains("/status");
    }

    @Test
    void acceptsBinaryArtifactContentWithoutLookingInside() {
        assertThat(validator.validateResponse("GET", "/v1/artifacts/ar-1/content", 206, "application/octet-stream",
                "\u0000\u0001binary")).isEmpty();
    }

    @Test
    void acceptsAValidSubmitRequestWithItsHeader() {
        assertThat(validator.validateRequest("POST", "/v1/workloads", Map.of("idempotency-key", "key-0000-0001"),
                JSON, SUBMISSION)).isEmpty();
    }

    @Test
    void reportsRequestBodyErrors() {
        List<String> messages = validator.validateRequest("POST", "/v1/workloads", JSON,
                SUBMISSION.replace("\"planId\":\"dgx-b200-1\",", "").replace("\"HIGH\"", "\"URGENT\"")
                        .replace("{\"threshold\":0.8}", "{\"threshold\":{\"nested\":true}}"));

        assertThat(messages).hasSize(3).anySatisfy(m -> assertThat(m).contains("planId"))
                .anySatisfy(m -> assertThat(m).contains("/priority"))
                .anySatisfy(m -> assertThat(m).contains("/parameters/threshold"));
    }

    @Test
    void reportsAMissingRequiredBodyAndHeader() {
        assertThat(validator.validateRequest("POST", "/v1/workloads", Map.of(), null, null))
                .hasSize(2).anySatisfy(m -> assertThat(m).contains("Idempotency-Key"))
                .anySatisfy(m -> assertThat(m).contains("request body is required"));
    }

    @Test
    void reportsATooShortIdempotencyKey() {
        assertThat(validator.validateRequest("POST", "/v1/workloads", Map.of("Idempotency-Key", "abc"), JSON,
                SUBMISSION)).singleElement().asString().contains("Idempotency-Key");
    }

    @Test
    void checksQueryParameters() {
        assertThat(validator.validateRequest("GET",
                "/v1/apps?q=Qualit%C3%A4t%20%2B%20Pr%C3%BCfung&sort=price&limit=20", null, null)).isEmpty();
        assertThat(validator.validateRequest("GET", "/v1/apps?limit=0&sort=rating&colour=red", null, null))
                .hasSize(3).anySatisfy(m -> assertThat(m).contains("limit"))
                .anySatisfy(m -> assertThat(m).contains("sort"))
                .anySatisfy(m -> assertThat(m).contains("colour is not documented"));
        assertThat(validator.validateRequest("GET", "/v1/workloads/wl-1/logs?fromLine=abc&since=yesterday",
                null, null)).hasSize(2);
    }

    @Test
    void checksPathParameters() {
        assertThat(validator.validateRequest("GET", "/v1/apps/" + "a".repeat(101), null, null))
                .singleElement().asString().contains("appId");
    }

    @Test
    void reportsABodyWhereNoneIsDocumented() {
        assertThat(validator.validateRequest("GET", "/v1/me", JSON, "{}"))
                .singleElement().asString().contains("no request body");
    }

    @Test
    void validatesAComponentSchemaDirectly() {
        assertThat(validator.validateSchema("WorkloadSubmission", SUBMISSION)).isEmpty();
        assertThat(validator.validateSchema("WorkloadSubmission", "{}")).isNotEmpty();
        assertThat(validator.validateSchema("NoSuchThing", "{}")).singleElement().asString().contains("NoSuchThing");
    }

    @Test
    void everySchemaOfTheContractCompiles() {
        assertThat(validator.compileAll()).isGreaterThan(40);
    }

    @Test
    void aMisspeltKeywordInAContractIsAnErrorNotASilentPass() {
        OpenApiValidator broken = OpenApiValidator.fromYaml("""
                openapi: 3.1.0
                info: { title: broken, version: '1' }
                paths:
                  /v1/things:
                    get:
                      operationId: listThings
                      responses:
                        '200':
                          description: things
                          content:
                            application/json:
                              schema: { $ref: '#/components/schemas/Thing' }
                components:
                  schemas:
                    Thing:
                      type: object
                      requried: [id]
                      properties:
                        id: { type: string }
                """);

        assertThatThrownBy(broken::compileAll).hasMessageContaining("requried");
    }

    @Test
    void assertVariantsThrowWithAllMessages() {
        assertThatThrownBy(() -> validator.assertValidResponse("GET", "/v1/me", 418, JSON, "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("418");
        assertThatThrownBy(() -> validator.assertValidRequest("POST", "/v1/estimates", JSON, "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("appId").hasMessageContaining("planId");
    }
}
