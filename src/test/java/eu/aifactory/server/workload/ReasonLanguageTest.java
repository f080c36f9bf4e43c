package eu.aifactory.server.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.Await;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The values of a workload's reasons follow {@code Accept-Language} as the factory's other texts do: the running
 * reason names the site "München (Tucherpark), DE" to a German caller and "Munich (Tucherpark), DE" to everybody else,
 * in the workload and the event stream; the reason's text itself stays English.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReasonLanguageTest {

    private static final String GERMAN = "de-DE,de;q=0.9,en;q=0.8";
    private static final String MUNICH = "Munich (Tucherpark), DE";
    private static final String MUENCHEN = "München (Tucherpark), DE";

    private TestFactory factory;
    private String engineer;
    private String id;

    @BeforeAll
    void runOneWorkload() {
        // A fast pace: the run passes RUNNING and finishes while the test waits.
        factory = TestFactory.start(TestDatabases.Kind.H2, 3600);
        engineer = factory.token("acme-eng");
        Api.Response submitted = factory.api.post("/v1/workloads", engineer,
                String.format(WorkloadRoutesContract.VQI, "acme-qs", "site in the reason"),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        id = submitted.json().path("id").asText();
        Await.until("the run to have run", () -> running(factory.api.get("/v1/workloads/" + id, engineer).json()),
                change -> change != null);
    }

    @AfterAll
    void stop() {
        factory.close();
    }

    private static JsonNode running(JsonNode workload) {
        for (JsonNode change : workload.path("history")) {
            if ("running".equals(change.path("reasonCode").asText())) {
                return change;
            }
        }
        return null;
    }

    @Test
    void aGermanCallerReadsTheSiteOfTheRunningReasonInGerman() {
        JsonNode change = running(factory.api.get("/v1/workloads/" + id, engineer, "Accept-Language", GERMAN).json());

        assertThat(change.path("reasonArgs").get(2).asText()).isEqualTo(MUENCHEN);
        assertThat(change.path("reason").asText()).endsWith("in " + MUNICH);
    }

    @Test
    void anEnglishCallerAndOneWhoAsksForNoLanguageReadTheFactorysEnglishName() {
        for (String[] headers : List.of(new String[] {"Accept-Language", "en"}, new String[0])) {
            JsonNode change = running(factory.api.get("/v1/workloads/" + id, engineer, headers).json());

            assertThat(change.path("reasonArgs").get(2).asText()).isEqualTo(MUNICH);
        }
    }

    @Test
    void theEventStreamNamesTheSiteInTheCallersLanguage() throws IOException, InterruptedException {
        HttpResponse<Stream<String>> stream = Api.client().send(factory.api.request("/v1/events", engineer,
                        "Accept-Language", GERMAN, "Last-Event-ID", "1").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = stream.body()) {
            String runningEvent = lines.filter(line -> line.startsWith("data: ") && line.contains("\"reasonCode\":\"running\""))
                    .findFirst().orElseThrow();
            assertThat(runningEvent).contains("\"" + MUENCHEN + "\"]}");
        }
    }
}
