package eu.aifactory.portal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.aifactory.api.signing.Jwk;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.SignedDocument;
import eu.aifactory.api.signing.TestKeys;
import eu.aifactory.api.signing.VerificationResult.Reason;
import eu.aifactory.client.trust.KeyPinStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportVerificationTest {

    private static final Instant SIGNED_AT = Instant.parse("2026-02-01T09:00:00Z");

    @TempDir
    Path dir;
    private final KeyPair demoKey = TestKeys.generate();
    private final KeyPair otherKey = TestKeys.generate();
    private ReportVerification verification;

    @BeforeEach
    void pin() throws IOException {
        Clock clock = Clock.fixed(SIGNED_AT, ZoneOffset.UTC);
        KeyPinStore.forFactory(dir.resolve("trust"), "demo", clock).decide(JwkSet.of(Jwk.of(demoKey.getPublic(), null)));
        KeyPinStore.forFactory(dir.resolve("trust"), "factory.example.eu_443", clock)
                .decide(JwkSet.of(Jwk.of(otherKey.getPublic(), null)));
        verification = new ReportVerification(dir.resolve("trust"));
    }

    @Test
    void aReportSignedWithAPinnedKeyIsValidAndNamesItsFactory() throws IOException {
        ReportVerification.Verdict verdict = verification.check(write(signed(demoKey)));

        assertThat(verdict.result().valid()).isTrue();
        assertThat(verdict.factory()).isEqualTo("demo");
        assertThat(verdict.result().signedAt()).isEqualTo(SIGNED_AT);
    }

    @Test
    void aChangedReportIsInvalidEvenThoughItsKeyIsPinned() throws IOException {
        ObjectNode document = signed(otherKey);
        ((ObjectNode) document.get("report")).put("country", "US");

        ReportVerification.Verdict verdict = verification.check(write(document));

        assertThat(verdict.result().reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(verdict.factory()).isNull();
    }

    @Test
    void aReportSignedWithAnUnpinnedKeyIsNotVerified() throws IOException {
        ReportVerification.Verdict verdict = verification.check(write(signed(TestKeys.generate())));

        assertThat(verdict.result().reason()).isEqualTo(Reason.UNKNOWN_KEY);
    }

    @Test
    void withoutAnyPinnedKeyTheReportIsNotVerified() throws IOException {
        ReportVerification none = new ReportVerification(dir.resolve("no-trust-yet"));

        assertThat(none.check(write(signed(demoKey))).result().reason()).isEqualTo(Reason.UNKNOWN_KEY);
    }

    @Test
    void aFileThatIsNoSignedReportOrCannotBeReadIsMalformed() throws IOException {
        Path plain = Files.writeString(dir.resolve("settings.json"), "{\"language\":\"de\"}");

        assertThat(verification.check(plain).result().reason()).isEqualTo(Reason.MALFORMED);
        assertThat(verification.check(dir.resolve("missing.json")).result().reason()).isEqualTo(Reason.MALFORMED);
    }

    private Path write(ObjectNode document) throws IOException {
        return Files.writeString(dir.resolve("report.json"), document.toPrettyString());
    }

    private static ObjectNode signed(KeyPair key) {
        ObjectNode report = JsonNodeFactory.instance.objectNode().put("tenant", "t-bergmann").put("country", "DE");
        return SignedDocument.sign(report, key.getPrivate(), Jwk.of(key.getPublic(), null).kid(), SIGNED_AT);
    }
}
