package eu.aifactory.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import eu.aifactory.testing.TestClock;
import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The factory answers refusals in the language of {@code Accept-Language}, German or English (the fallback), and
 * says which in {@code Content-Language}; type, status and field names stay the same in every language.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalizedProblemsTest {

    private static final String GERMAN = "de-DE,de;q=0.9,en;q=0.8";
    private static final String SUBMIT = "{\"appId\":\"visual-quality-inspection\",\"appVersion\":\"2.3.0\","
            + "\"projectId\":\"acme-maint\",\"planId\":\"rtx-pro-6000-x1\",\"name\":\"over budget\","
            + "\"parameters\":{\"confidenceThreshold\":0.7,\"lineId\":\"L07\"}}";

    private TestFactory factory;

    @BeforeAll
    void start() {
        factory = TestFactory.start(TestDatabases.Kind.H2, 0.001);
        // No budget left in the engineer's project this month: every submit there is refused.
        Api.Response budget = factory.api.send(factory.api.request("/v1/projects/acme-maint/budgets/"
                        + TestClock.siteMonth(), factory.token("acme-admin"), "Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"budgetEur\":0.00}")).build());
        assertThat(budget.status()).as(budget.body()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        factory.close();
    }

    /** One refusal: who asks what, and the answer's type, title, detail (a regex) and first field error per language. */
    record Case(String name, String user, String method, String path, String body, int status, String type,
                String title, String detail, String fieldMessage) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static String exact(String text) {
        return Pattern.quote(text);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(GERMAN, "de", new Case("validation", "acme-eng", "GET", "/v1/workloads?limit=0", null, 400,
                        "validation", "Ungültige Anfrage", exact("limit: muss zwischen 1 und 500 liegen"),
                        "muss zwischen 1 und 500 liegen")),
                Arguments.of("en", "en", new Case("validation", "acme-eng", "GET", "/v1/workloads?limit=0", null, 400,
                        "validation", "Invalid request", exact("limit: must be between 1 and 500"),
                        "must be between 1 and 500")),
                Arguments.of(GERMAN, "de", new Case("not found", "acme-eng", "GET", "/v1/workloads/wl-none", null, 404,
                        "not-found", "Nicht gefunden", exact("Workload wl-none nicht gefunden"), null)),
                Arguments.of("en", "en", new Case("not found", "acme-eng", "GET", "/v1/workloads/wl-none", null, 404,
                        "not-found", "Not found", exact("Workload wl-none not found"), null)),
                Arguments.of(GERMAN, "de", new Case("forbidden", "acme-eng", "GET", "/v1/admin/users", null, 403,
                        "forbidden", "Für Ihre Rolle nicht erlaubt", exact("Nur Mandanten-Admins dürfen Benutzer auflisten."),
                        null)),
                Arguments.of("en", "en", new Case("forbidden", "acme-eng", "GET", "/v1/admin/users", null, 403,
                        "forbidden", "Not allowed for your role", exact("Only tenant admins can list users."), null)),
                Arguments.of(GERMAN, "de", new Case("conflict", "acme-admin", "PATCH", "/v1/admin/users/acme-admin",
                        "{\"disabled\":true}", 409, "conflict", "Widersprüchlicher Zustand",
                        exact("Sie können sich nicht selbst sperren; bitten Sie einen anderen Mandanten-Admin."), null)),
                Arguments.of("en", "en", new Case("conflict", "acme-admin", "PATCH", "/v1/admin/users/acme-admin",
                        "{\"disabled\":true}", 409, "conflict", "Conflicting state",
                        exact("You cannot disable yourself; ask another tenant admin."), null)),
                Arguments.of(GERMAN, "de", new Case("budget exceeded", "acme-eng2", "POST", "/v1/workloads", SUBMIT, 409,
                        "budget-exceeded", "Budget überschritten",
                        "Die Schätzung dieses Laufs von \\d+,\\d\\d € würde das Budget von Projekt acme-maint für "
                                + "\\d{4}-\\d\\d überschreiten: 0,00 € Budget, .* Bitten Sie Adam Admin, das Budget zu "
                                + "erhöhen oder eine einmalige Freigabe zu erteilen\\.", null)),
                Arguments.of("en", "en", new Case("budget exceeded", "acme-eng2", "POST", "/v1/workloads", SUBMIT, 409,
                        "budget-exceeded", "Budget exceeded",
                        "This run's estimate of EUR \\d+\\.\\d\\d would take project acme-maint over its budget for "
                                + "\\d{4}-\\d\\d: EUR 0\\.00 budget, .* Ask Adam Admin to raise the budget or grant a "
                                + "one-off override\\.", null)),
                Arguments.of(GERMAN, "de", new Case("malformed body", "acme-admin", "POST", "/v1/admin/projects", "", 400,
                        "malformed-body", "Fehlerhafter Anfrageinhalt",
                        exact("Der Anfrageinhalt ist leer; erwartet wird ein JSON-Objekt."), null)),
                Arguments.of("en", "en", new Case("malformed body", "acme-admin", "POST", "/v1/admin/projects", "", 400,
                        "malformed-body", "Malformed request body",
                        exact("The request body is empty; a JSON object is expected."), null)),
                Arguments.of(GERMAN, "de", new Case("missing field", "acme-admin", "POST", "/v1/admin/projects", "{}", 400,
                        "validation", "Ungültige Anfrage", exact("name: ist erforderlich"), "ist erforderlich")),
                // Neither German nor English acceptable, or nothing asked: English.
                Arguments.of("fr-FR,fr;q=0.9", "en", new Case("missing field", "acme-admin", "POST", "/v1/admin/projects",
                        "{}", 400, "validation", "Invalid request", exact("name: is required"), "is required")),
                Arguments.of(null, "en", new Case("unauthenticated", null, "GET", "/v1/me", null, 401,
                        "unauthenticated", "Missing or invalid token",
                        exact("Send an API token as 'Authorization: Bearer <token>'."), null)),
                Arguments.of("en;q=0.1, de;q=0.5", "de", new Case("unauthenticated", null, "GET", "/v1/me", null, 401,
                        "unauthenticated", "Token fehlt oder ist ungültig",
                        exact("Senden Sie ein API-Token als „Authorization: Bearer <token>“."), null)));
    }

    @ParameterizedTest(name = "{2} in {0}")
    @MethodSource("refusals")
    void refusalsAreInTheAskedLanguage(String acceptLanguage, String language, Case c) {
        Api.Response r = factory.api.send(request(c, acceptLanguage));

        assertThat(r.status()).as(r.body()).isEqualTo(c.status());
        assertThat(r.problemType()).isEqualTo(c.type());
        assertThat(r.headers().firstValue("Content-Language")).hasValue(language);
        JsonNode problem = r.json();
        assertThat(problem.path("status").asInt()).isEqualTo(c.status());
        assertThat(problem.path("title").asText()).isEqualTo(c.title());
        assertThat(problem.path("detail").asText()).matches(c.detail());
        if (c.fieldMessage() != null) {
            assertThat(problem.path("errors").path(0).path("message").asText()).isEqualTo(c.fieldMessage());
        }
    }

    private HttpRequest request(Case c, String acceptLanguage) {
        String token = c.user() == null ? null : factory.token(c.user());
        HttpRequest.Builder builder = factory.api.request(c.path(), token, "Idempotency-Key", UUID.randomUUID().toString());
        if (acceptLanguage != null) {
            builder.header("Accept-Language", acceptLanguage);
        }
        if (c.body() == null) {
            return builder.method(c.method(), HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
                .method(c.method(), HttpRequest.BodyPublishers.ofString(c.body())).build();
    }
}
