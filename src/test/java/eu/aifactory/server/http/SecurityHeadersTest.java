package eu.aifactory.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.server.seed.DemoUser;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every answer carries the security headers, tenant data or not, success or problem: every operation of the OpenAPI
 * document is called (with a tenant admin's token, without one, and with ids that do not exist), and the document
 * declares the headers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest {

    private TestFactory factory;
    private JsonNode document;
    private String admin;

    @BeforeAll
    void start() throws IOException {
        factory = TestFactory.start(TestDatabases.Kind.H2, 1);
        admin = factory.server.demoUsers().stream().filter(u -> u.role() == Role.TENANT_ADMIN).map(DemoUser::token)
                .findFirst().orElseThrow();
        try (InputStream in = SecurityHeadersTest.class.getResourceAsStream("/openapi/factory-api.yaml")) {
            document = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @AfterAll
    void stop() {
        factory.close();
    }

    @Test
    void everyOperationAnswersWithNosniffNoReferrerAndNoStore() {
        Api api = factory.api;
        String project = api.get("/v1/me", admin).json().path("projects").get(0).path("id").asText();
        String workload = api.get("/v1/workloads?limit=1", admin).json().path("items").get(0).path("id").asText();
        List<String> offenders = new ArrayList<>();
        int calls = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().equals("/v1/events")) {
                continue; // an endless stream; its headers are checked below
            }
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase(java.util.Locale.ROOT);
                if (method.equals("PARAMETERS")) {
                    continue;
                }
                for (String id : List.of("real", "missing")) {
                    String url = path.getKey().replace("{projectId}", id.equals("real") ? project : "no-such-project")
                            .replace("{workloadId}", id.equals("real") ? workload : "no-such-workload")
                            .replaceAll("\\{[^}]+}", "no-such-thing");
                    for (String token : new String[] {admin, null}) {
                        Api.Response response = method.equals("GET") ? api.get(url, token)
                                : method.equals("POST") ? api.post(url, token, "{}")
                                : api.method(method, url, token);
                        calls++;
                        check(method + " " + url + (token == null ? " (no token)" : "") + " -> " + response.status(),
                                response, offenders);
                    }
                }
            }
        }
        check("GET /v1/no-such-endpoint", api.get("/v1/no-such-endpoint", admin), offenders);
        assertThat(calls).isGreaterThan(100);
        assertThat(offenders).isEmpty();
    }

    @Test
    void theEventStreamIsNeverCachedEither() throws Exception {
        java.net.http.HttpResponse<InputStream> stream = Api.client().send(
                factory.api.request("/v1/events", admin).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = stream.body()) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(stream.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }
    }

    @Test
    void theOpenApiDocumentDeclaresTheHeadersOnEveryProblemAndDescribesThem() {
        JsonNode declared = document.path("components").path("headers");
        JsonNode onProblems = document.path("components").path("responses").path("Problem").path("headers");
        SecurityHeaders.ALL.keySet().forEach(name -> {
            assertThat(declared.has(name)).as(name + " in components.headers").isTrue();
            assertThat(onProblems.path(name).path("$ref").asText()).isEqualTo("#/components/headers/" + name);
        });
        assertThat(document.path("info").path("description").asText())
                .contains("X-Content-Type-Options: nosniff").contains("Referrer-Policy: no-referrer")
                .contains("Cache-Control: no-store");
    }

    private static void check(String call, Api.Response response, List<String> offenders) {
        SecurityHeaders.ALL.forEach((name, value) -> {
            List<String> values = response.headers().allValues(name);
            if (!values.equals(List.of(value))) {
                offenders.add(call + ": " + name + " = " + values);
            }
        });
    }
}
