package eu.aifactory.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.api.Json;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The edge of the factory: text no request may carry (NUL, unpaired surrogates), JSON without coercions or
 * repeated fields, and the requests Jetty refuses before a route runs, all answered as client problems.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpEdgeTest {

    private TestFactory factory;
    private Api api;

    @BeforeAll
    void start() {
        factory = TestFactory.start(TestDatabases.Kind.H2, 1);
        api = factory.api;
    }

    @AfterAll
    void stop() {
        factory.close();
    }

    /** Bodies are JSON text: {@code \ud800} and {@code \u0000} are JSON escapes, sent as six ASCII characters. */
    @ParameterizedTest(name = "{0} {1} {3} -> {4}")
    @CsvSource(delimiter = '|', value = {
            "POST  | /v1/admin/projects                          | acme-admin | {\"name\":\"x\\ud800\"}                        | name",
            "POST  | /v1/admin/projects                          | acme-admin | {\"name\":\"\\udc00x\"}                        | name",
            "POST  | /v1/admin/projects                          | acme-admin | {\"name\":\"a\\u0000b\"}                       | name",
            "POST  | /v1/admin/projects                          | acme-admin | {\"name\":\"a\",\"name\":\"b\"}                | name",
            "POST  | /v1/admin/projects                          | acme-admin | {\"name\":12}                                  | name",
            "POST  | /v1/admin/projects                          | acme-admin | {\"name\":true}                                | name",
            "POST  | /v1/admin/users                             | acme-admin | {\"name\":\"N\",\"email\":\"n@x.example\",\"roles\":[\"engineer\",\"\\ud800\"]} | roles.1",
            "POST  | /v1/admin/tokens                            | acme-admin | {\"userId\":\"acme-eng\",\"label\":\"l\\u0000\"} | label",
            "PATCH | /v1/admin/users/acme-eng                    | acme-admin | {\"disabled\":\"true\"}                        | disabled",
            "PATCH | /v1/admin/users/acme-eng                    | acme-admin | {\"disabled\":1}                               | disabled",
            "PATCH | /v1/admin/users/acme-eng                    | acme-admin | {\"disabled\":null,\"disabled\":false}         | disabled",
            "PUT   | /v1/projects/acme-qs/quotas/rtx-pro-6000-x1 | acme-admin | {\"maxGpus\":\"12\"}                           | maxGpus",
            "PUT   | /v1/projects/acme-qs/quotas/rtx-pro-6000-x1 | acme-admin | {\"maxGpus\":12.0}                             | maxGpus",
            "PUT   | /v1/projects/acme-qs/quotas/rtx-pro-6000-x1 | acme-admin | {\"maxGpus\":\"\"}                             | maxGpus",
            "PUT   | /v1/projects/acme-qs/budgets/2026-11        | acme-admin | {\"budgetEur\":\"12\"}                         | budgetEur",
            "PUT   | /v1/projects/acme-qs/budgets/2026-11        | acme-admin | {\"budgetEur\":true}                           | budgetEur",
            "POST  | /v1/estimates                               | acme-eng   | {\"appId\":\"visual-quality-inspection\",\"appVersion\":\"2.3.0\",\"planId\":\"rtx-pro-6000-x1\",\"parameters\":{\"lineId\":\"L\\ud800\"}} | parameters.lineId",
            "POST  | /v1/estimates                               | acme-eng   | {\"appId\":\"visual-quality-inspection\",\"appVersion\":\"2.3.0\",\"planId\":\"rtx-pro-6000-x1\",\"parameters\":{\"imageSize\":512,\"imageSize\":1024}} | parameters.imageSize",
            "POST  | /v1/estimates                               | acme-eng   | {\"appId\":\"visual-quality-inspection\",\"appVersion\":\"2.3.0\",\"planId\":\"rtx-pro-6000-x1\",\"parameters\":{\"imageSize\":\"1536\"}} | parameters.imageSize",
            "POST  | /v1/estimates                               | acme-eng   | {\"appId\":\"visual-quality-inspection\",\"appVersion\":\"2.3.0\",\"planId\":\"rtx-pro-6000-x1\",\"parameters\":{\"confidenceThreshold\":\"0.7\"}} | parameters.confidenceThreshold",
            "POST  | /v1/estimates                               | acme-eng   | {\"appId\":\"visual-quality-inspection\",\"appVersion\":\"2.3.0\",\"planId\":\"rtx-pro-6000-x1\",\"parameters\":{\"saveAnnotated\":\"true\"}} | parameters.saveAnnotated",
            "POST  | /v1/estimates                               | acme-eng   | {\"appId\":\"visual-quality-inspection\",\"appVersion\":\"2.3.0\",\"planId\":\"rtx-pro-6000-x1\",\"parameters\":{\"line\\ud800\":1}} | parameters.line\ufffd",
    })
    void badTextWrongTypesAndRepeatedFieldsAreRefusedNamingTheField(String method, String path, String user, String body,
                                                                     String field) {
        HttpRequest request = api.request(path, factory.token(user), "Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();

        Api.Response response = api.send(request);

        assertValidationProblem(response, field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/v1/workloads?q=a%00b                                                    | q",
            "/v1/workloads?appId=%00                                                  | appId",
            "/v1/apps?category=x%00                                                   | category",
            "/v1/workloads?x%00y=1                                                    | x\u0000y",
            "/v1/workloads?from=%2B999999999-01-01T00:00:00Z                          | from",
            "/v1/workloads?to=-999999999-01-01T00:00:00Z                              | to",
            "/v1/workloads?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z          | to",
            "/v1/workloads/wl-x/logs?since=%2B999999999-01-01T00:00:00Z               | since",
            "/v1/reports/energy?from=%2B999999999-01-01T00:00:00Z&to=2026-03-01T00:00:00Z | from",
            "/v1/usage?from=2026-03-01T00:00:00Z&to=%2B10000-01-01T00:00:00Z          | to",
            "/v1/budgets?month=1969-12                                                | month",
            "/v1/health?probe=a%00b                                                   | probe",
            "/.well-known/factory-keys?probe=%00                                      | probe",
    })
    void badQueryParametersAreRefusedNamingTheParameter(String path, String field) {
        assertValidationProblem(api.get(path, factory.token("acme-admin")), field);
    }

    /**
     * Requests Jetty refuses are the client's error: never typed {@code internal}, always a problem body. Header
     * lines follow the request line after a ';'.
     */
    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "GET /v1/health HTTP/3.0                  | 505 | unsupported-http-version",
            "GET /v1/health HTTP/1.2                  | 505 | unsupported-http-version",
            "GET /v1/health HTTP/2.0                  | 426 | unsupported-http-version",
            "GET /v1/health                           | 505 | unsupported-http-version",
            "GET /v1/workloads/%zz HTTP/1.1           | 400 | malformed-request",
            "GET /v1/workloads/a%00b HTTP/1.1         | 400 | malformed-request",
            "GET /v1/health HTTP/1.1;X-Note: a\u0000b | 400 | malformed-request",
            "GET /v1/health HTTP/1.1;Content-Length: x | 400 | malformed-request",
            "GET /v1/health HTTP/1.1;X-Big: LONG      | 431 | malformed-request",
            "GET /LONG HTTP/1.1                       | 414 | malformed-request",
    })
    void requestsJettyRefusesAreClientProblems(String request, int status, String type) throws IOException {
        String[] lines = request.replace("LONG", "a".repeat(70_000)).split(";");
        StringBuilder raw = new StringBuilder(lines[0].strip()).append("\r\nHost: 127.0.0.1\r\n");
        for (int i = 1; i < lines.length; i++) {
            raw.append(lines[i].strip()).append("\r\n");
        }
        raw.append("Connection: close\r\n\r\n");

        String response = rawExchange(raw.toString().getBytes(StandardCharsets.ISO_8859_1));

        assertThat(response).startsWith("HTTP/1.1 " + status + " ");
        String[] parts = response.split("\r\n\r\n", 2);
        assertThat(parts[0].toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/problem+json");
        JsonNode problem = Json.mapper().readTree(parts[1]);
        assertThat(problem.path("type").asText()).isEqualTo("https://aifactory.eu/problems/" + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
    }

    private String rawExchange(byte[] request) throws IOException {
        try (Socket socket = new Socket(factory.server.baseUri().getHost(), factory.server.baseUri().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertValidationProblem(Api.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("validation");
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactly(field);
    }
}
