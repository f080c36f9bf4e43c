package eu.aifactory.client;

import static eu.aifactory.client.Fixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;
import eu.aifactory.api.signing.Jwk;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.KeyRotation;
import eu.aifactory.api.signing.SignedDocument;
import eu.aifactory.api.signing.TestKeys;
import java.io.IOException;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code residencyReport} and {@code factoryKeys} against a MockWebServer. */
class ResidencyClientTest {

    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");

    private final MockWebServer server = new MockWebServer();
    private HttpFactoryClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = new HttpFactoryClient(Fixtures.config(server, new RecordingSleeper()).build());
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.shutdown();
    }

    private RecordedRequest next() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("request reached the server").isNotNull();
        return request;
    }

    private static MockResponse body(String json) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(json);
    }

    @Test
    void residencyReportSendsThePeriodAndReturnsTheSignedDocumentThatStillVerifies() throws Exception {
        KeyPair pair = TestKeys.generate();
        Jwk key = Jwk.of(pair.getPublic(), Instant.parse("2026-01-01T00:00:00Z"));
        ObjectNode report = JsonNodeFactory.instance.objectNode().put("reportId", "rr-1").put("sizeBytes", 142614589111L);
        report.putObject("verdict").put("status", "COMPLIANT");
        // Pretty-printed with another key order: the signature is over the canonical form, not these bytes.
        String wire = "{\n  \"signature\": " + SignedDocument.sign(report, pair.getPrivate(), key.kid()).get("signature")
                + ",\n  \"report\": {\"verdict\": {\"status\": \"COMPLIANT\"}, \"sizeBytes\": 142614589111, \"reportId\": \"rr-1\"}\n}";
        server.enqueue(body(wire));

        JsonNode signed = client.residencyReport(FROM, TO);

        RecordedRequest request = next();
        assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/v1/reports/residency");
        assertThat(request.getRequestUrl().queryParameter("from")).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(request.getRequestUrl().queryParameter("to")).isEqualTo("2026-04-01T00:00:00Z");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
        assertThat(SignedDocument.verify(signed, JwkSet.of(key)).valid()).isTrue();
        assertThat(signed.path("report").path("sizeBytes").asLong()).isEqualTo(142614589111L);
    }

    @Test
    void aReportWithADuplicateMemberIsRejectedRatherThanShownWithOneOfItsValues() {
        server.enqueue(body("{\"report\":{\"verdict\":\"VIOLATION\",\"verdict\":\"COMPLIANT\"},"
                + "\"signature\":{\"kid\":\"k\",\"alg\":\"EdDSA\",\"jws\":\"a..b\",\"canonicalization\":\"RFC8785\"}}"));

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.residencyReport(FROM, TO));

        assertThat(e.problem().title()).isEqualTo("Unreadable response");
        assertThat(e.problem().detail()).contains("verdict");
    }

    @Test
    void aRejectedPeriodArrivesWithItsFieldErrors() {
        server.enqueue(problem(ProblemType.VALIDATION, "to: must be at most 366 days after from",
                List.of(new Problem.FieldError("to", "must be at most 366 days after from"))));

        ApiException e = catchThrowableOfType(ApiException.class,
                () -> client.residencyReport(FROM, FROM.plusSeconds(400L * 86_400)));

        assertThat(e.problem().type()).isEqualTo(ProblemType.VALIDATION.uri());
        assertThat(e.problem().errors()).extracting(Problem.FieldError::field).containsExactly("to");
    }

    @Test
    void factoryKeysReadsKeysAndRotationRecords() throws Exception {
        KeyPair old = TestKeys.generate();
        KeyPair current = TestKeys.generate();
        Instant rotatedAt = Instant.parse("2026-02-01T10:00:00Z");
        Jwk oldKey = Jwk.of(old.getPublic(), Instant.parse("2026-01-01T00:00:00Z"));
        Jwk currentKey = Jwk.of(current.getPublic(), rotatedAt);
        JwkSet published = new JwkSet(List.of(oldKey.retired(rotatedAt, currentKey.kid()), currentKey),
                List.of(KeyRotation.sign(oldKey.kid(), old.getPrivate(), currentKey.kid(), rotatedAt)));
        server.enqueue(body(published.toJson().toString()));

        JwkSet keys = client.factoryKeys();

        assertThat(next().getPath()).isEqualTo("/.well-known/factory-keys");
        assertThat(keys).isEqualTo(published);
        assertThat(keys.find(oldKey.kid()).orElseThrow().rotatedTo()).isEqualTo(currentKey.kid());
    }

    @Test
    void aKeySetWhoseKidIsNotTheKeysThumbprintIsUnreadable() {
        Jwk key = Jwk.of(TestKeys.generate().getPublic(), null);
        ObjectNode forged = key.toJson().put("kid", Jwk.of(TestKeys.generate().getPublic(), null).kid());
        server.enqueue(body("{\"keys\":[" + forged + "],\"rotations\":[]}"));

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.factoryKeys());

        assertThat(e.problem().title()).isEqualTo("Unreadable response");
    }
}
