package eu.aifactory.api.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.aifactory.api.Json;
import eu.aifactory.api.signing.TrustAnchor.Trust;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The attacks of issue 15 against the offline verifier, and the genuine rotation chain that must still pass. */
class TrustAnchorTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-05-01T00:00:00Z");
    private static final Instant SIGNED = Instant.parse("2026-06-01T00:00:00Z");

    private final KeyPair real = TestKeys.generate();
    private final Jwk realKey = Jwk.of(real.getPublic(), T0);
    private final KeyPair attacker = TestKeys.generate();
    private final Jwk attackerKey = Jwk.of(attacker.getPublic(), T0);

    private JsonNode forged() throws Exception {
        return SignedDocument.sign(Json.mapper().readTree("{\"verdict\":\"compliant\"}"), attacker.getPrivate(),
                attackerKey.kid(), SIGNED);
    }

    private JsonNode genuine(KeyPair key, Jwk jwk) throws Exception {
        return SignedDocument.sign(Json.mapper().readTree("{\"verdict\":\"findings\"}"), key.getPrivate(), jwk.kid(), SIGNED);
    }

    @Test
    void aForgedReportWithTheAttackersKeySetIsUntrusted() throws Exception {
        JwkSet attackersSet = JwkSet.of(attackerKey);
        TrustAnchor.Verdict verdict = TrustAnchor.fingerprint(realKey.fingerprint()).verify(forged(), attackersSet);
        assertThat(verdict.trust()).isEqualTo(Trust.UNTRUSTED);
        assertThat(verdict.message()).contains("NOT trusted");
    }

    @Test
    void aForgedReportWithTheAttackersKeyAddedToTheRealSetIsUntrusted() throws Exception {
        JwkSet both = JwkSet.of(realKey, attackerKey);
        assertThat(TrustAnchor.fingerprint(realKey.fingerprint()).verify(forged(), both).trust()).isEqualTo(Trust.UNTRUSTED);
        assertThat(TrustAnchor.pinned(JwkSet.of(realKey)).verify(forged(), both).trust()).isEqualTo(Trust.UNTRUSTED);
    }

    @Test
    void aRotationRecordTheRealKeyNeverSignedLeadsNowhere() throws Exception {
        // The attacker signs "real -> attacker" with the attacker's own key and labels it as the real key's record.
        KeyRotation bySelf = KeyRotation.sign(attackerKey.kid(), attacker.getPrivate(), attackerKey.kid(), T1);
        KeyRotation forgedRecord = new KeyRotation(realKey.kid(), attackerKey.kid(), T1, bySelf.jws());
        JwkSet set = new JwkSet(List.of(realKey.retired(T1, attackerKey.kid()), attackerKey), List.of(forgedRecord));
        assertThat(TrustAnchor.fingerprint(realKey.fingerprint()).verify(forged(), set).trust()).isEqualTo(Trust.UNTRUSTED);
    }

    @Test
    void algNoneIsInvalid() throws Exception {
        ObjectNode document = (ObjectNode) forged();
        String header = Base64Url.encode("{\"alg\":\"none\",\"kid\":\"".concat(attackerKey.kid()).concat("\"}")
                .getBytes(StandardCharsets.UTF_8));
        ((ObjectNode) document.get("signature")).put("jws", header + "..");
        assertThat(TrustAnchor.fingerprint(attackerKey.fingerprint()).verify(document, JwkSet.of(attackerKey)).trust())
                .isEqualTo(Trust.INVALID);
        ((ObjectNode) document.get("signature")).put("alg", "none");
        assertThat(TrustAnchor.fingerprint(attackerKey.fingerprint()).verify(document, JwkSet.of(attackerKey)).trust())
                .isEqualTo(Trust.INVALID);
    }

    @Test
    void aGenuineRotationChainFromTheTrustedKeyIsValid() throws Exception {
        KeyPair second = TestKeys.generate();
        Jwk secondKey = Jwk.of(second.getPublic(), T1);
        KeyPair third = TestKeys.generate();
        Jwk thirdKey = Jwk.of(third.getPublic(), T2);
        JwkSet published = new JwkSet(List.of(realKey.retired(T1, secondKey.kid()), secondKey.retired(T2, thirdKey.kid()),
                thirdKey), List.of(KeyRotation.sign(realKey.kid(), real.getPrivate(), secondKey.kid(), T1),
                KeyRotation.sign(secondKey.kid(), second.getPrivate(), thirdKey.kid(), T2)));

        TrustAnchor.Verdict verdict = TrustAnchor.fingerprint(realKey.fingerprint()).verify(genuine(third, thirdKey), published);

        assertThat(verdict.trust()).isEqualTo(Trust.TRUSTED);
        assertThat(verdict.chain()).containsExactly(realKey.kid(), secondKey.kid(), thirdKey.kid());
        assertThat(TrustAnchor.pinned(JwkSet.of(realKey)).verify(genuine(third, thirdKey), published).trust())
                .isEqualTo(Trust.TRUSTED);
    }

    @Test
    void withoutAnAnchorAGoodSignatureIsUntrustedAndTheKidWorksAsAnAnchor() throws Exception {
        JsonNode report = genuine(real, realKey);
        assertThat(TrustAnchor.none().verify(report, JwkSet.of(realKey)).trust()).isEqualTo(Trust.UNTRUSTED);
        assertThat(TrustAnchor.fingerprint(realKey.kid()).verify(report, JwkSet.of(realKey)).trust()).isEqualTo(Trust.TRUSTED);
        assertThat(TrustAnchor.fingerprint(realKey.fingerprint().toLowerCase().replace(" ", ":"))
                .verify(report, JwkSet.of(realKey)).trust()).isEqualTo(Trust.TRUSTED);
    }
}
