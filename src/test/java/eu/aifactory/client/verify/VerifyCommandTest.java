package eu.aifactory.client.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.aifactory.api.Json;
import eu.aifactory.api.signing.Jwk;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.SignedDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VerifyCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private KeyPair pair;
    private Jwk jwk;
    private Path reportFile;
    private Path keysFile;

    @BeforeEach
    void writeSignedReportAndKeys() throws Exception {
        pair = newKeyPair();
        jwk = Jwk.of(pair.getPublic(), Instant.parse("2026-01-01T00:00:00Z"));
        JsonNode report = Json.mapper().readTree("{\"tenant\":\"Müller Präzisionsteile GmbH\",\"country\":\"DE\",\"findings\":1}");
        reportFile = temp.resolve("report.json");
        keysFile = temp.resolve("keys.json");
        Files.write(reportFile, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(
                SignedDocument.sign(report, pair.getPrivate(), jwk.kid(), Instant.parse("2026-04-01T08:00:00Z"))));
        Files.write(keysFile, Json.mapper().writeValueAsBytes(JwkSet.of(jwk)));
    }

    private int run(String... args) {
        return new CommandLine(new VerifyCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void validReportWithTheTrustedFingerprintExitsZeroAndNamesKeyAndFingerprint() {
        int exit = run(reportFile.toString(), "--keys", keysFile.toString(), "--trust", jwk.fingerprint());
        assertThat(exit).isEqualTo(0);
        assertThat(out.toString()).startsWith("VALID: signed by key " + jwk.kid() + " (fingerprint " + jwk.fingerprint() + ")")
                .contains("Signed at 2026-04-01T08:00:00Z");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void withoutATrustAnchorAGoodSignatureExitsThreeAsNotTrusted() {
        assertThat(run(reportFile.toString(), "--keys", keysFile.toString())).isEqualTo(VerifyCommand.UNTRUSTED);
        assertThat(out.toString()).startsWith("UNTRUSTED: signature valid, key NOT trusted");
    }

    @Test
    void aPinnedKeysFileIsATrustAnchorAndAnotherKeyInItIsNot() throws Exception {
        Path pins = temp.resolve("pins.json");
        Files.write(pins, Json.mapper().writeValueAsBytes(JwkSet.of(jwk)));
        assertThat(run(reportFile.toString(), "--keys", keysFile.toString(), "--trusted-keys", pins.toString())).isZero();

        Jwk stranger = Jwk.of(newKeyPair().getPublic(), null);
        Files.write(pins, Json.mapper().writeValueAsBytes(JwkSet.of(stranger)));
        assertThat(run(reportFile.toString(), "--keys", keysFile.toString(), "--trusted-keys", pins.toString()))
                .isEqualTo(VerifyCommand.UNTRUSTED);
    }

    @Test
    void aForgedReportSignedWithTheAttackersKeySetExitsThreeEvenThoughItsSignatureHolds() throws Exception {
        KeyPair attacker = newKeyPair();
        Jwk attackerKey = Jwk.of(attacker.getPublic(), null);
        Files.write(reportFile, Json.mapper().writeValueAsBytes(SignedDocument.sign(
                Json.mapper().readTree("{\"verdict\":\"compliant\"}"), attacker.getPrivate(), attackerKey.kid())));
        Files.write(keysFile, Json.mapper().writeValueAsBytes(JwkSet.of(jwk, attackerKey)));
        assertThat(run(reportFile.toString(), "--keys", keysFile.toString(), "--trust", jwk.fingerprint()))
                .isEqualTo(VerifyCommand.UNTRUSTED);
        assertThat(out.toString()).contains("is not the trusted key");
    }

    @Test
    void aMemberBesideTheSignedReportIsIgnored() throws IOException {
        ObjectNode document = (ObjectNode) Json.mapper().readTree(Files.readAllBytes(reportFile));
        document.put("exportedBy", "portal 1.4");
        Files.write(reportFile, Json.mapper().writeValueAsBytes(document));
        assertThat(run(reportFile.toString(), "--keys", keysFile.toString(), "--trust", jwk.kid())).isZero();
    }

    @Test
    void reportWithOneEditedValueExitsOneWithTheReason() throws IOException {
        String text = Files.readString(reportFile);
        Files.writeString(reportFile, text.replace("\"findings\" : 1", "\"findings\" : 0"));
        assertThat(Files.readString(reportFile)).isNotEqualTo(text);
        int exit = run(reportFile.toString(), "--keys", keysFile.toString(), "--trust", jwk.fingerprint());
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).startsWith("INVALID: BAD_SIGNATURE: ");
    }

    @Test
    void reportSignedByAnotherKeyExitsOneAsUnknownKey() throws Exception {
        KeyPair other = newKeyPair();
        Jwk otherJwk = Jwk.of(other.getPublic(), null);
        Files.write(reportFile, Json.mapper().writeValueAsBytes(SignedDocument.sign(
                Json.mapper().readTree("{\"a\":1}"), other.getPrivate(), otherJwk.kid())));
        assertThat(run(reportFile.toString(), "--keys", keysFile.toString())).isEqualTo(1);
        assertThat(out.toString()).startsWith("INVALID: UNKNOWN_KEY: ");
    }

    @Test
    void reportThatIsNotJsonExitsTwo() throws IOException {
        Files.writeString(reportFile, "%PDF-1.7 this is not the JSON export");
        assertThat(run(reportFile.toString(), "--keys", keysFile.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read the report");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void missingReportFileExitsTwo() {
        assertThat(run(temp.resolve("nope.json").toString(), "--keys", keysFile.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file");
    }

    @Test
    void unreadableOrInvalidKeySetExitsTwo() throws IOException {
        Files.writeString(keysFile, "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AAAA\"}]}");
        assertThat(run(reportFile.toString(), "--keys", keysFile.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read the key set");
    }

    @Test
    void missingKeysOptionIsAUsageErrorWithExitTwo() {
        assertThat(run(reportFile.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--keys");
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }
}
