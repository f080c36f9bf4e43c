package eu.aifactory.api.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.aifactory.api.signing.VerificationResult.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JwsTest {

    private static final byte[] PAYLOAD = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    private static final Instant SIGNED_AT = Instant.parse("2026-03-01T12:00:00Z");

    private final KeyPair pair = TestKeys.generate();
    private final Jwk jwk = Jwk.of(pair.getPublic(), null);
    private final JwkSet keys = JwkSet.of(jwk);

    @Test
    void compactFormIsHeaderTwoDotsSignatureWithAnEdDsaHeader() throws Exception {
        String jws = new JwsSigner(pair.getPrivate(), jwk.kid()).signDetached(PAYLOAD, SIGNED_AT);
        String[] parts = jws.split("\\.", -1);
        assertThat(parts).hasSize(3);
        assertThat(parts[1]).isEmpty();
        JsonNode header = new ObjectMapper().readTree(Base64Url.decode(parts[0]));
        assertThat(new String(Base64Url.decode(parts[0]), StandardCharsets.UTF_8))
                .isEqualTo("{\"alg\":\"EdDSA\",\"iat\":" + SIGNED_AT.getEpochSecond() + ",\"kid\":\"" + jwk.kid() + "\"}");
        assertThat(header.get("alg").asText()).isEqualTo("EdDSA");
        assertThat(Base64Url.decode(parts[2])).hasSize(64);

        // Independently: Ed25519 over ASCII(header "." base64url(payload)), per RFC 7515 section 5.1.
        Signature check = Signature.getInstance("Ed25519");
        check.initVerify(pair.getPublic());
        check.update((parts[0] + "." + Base64Url.encode(PAYLOAD)).getBytes(StandardCharsets.US_ASCII));
        assertThat(check.verify(Base64Url.decode(parts[2]))).isTrue();
    }

    @Test
    void verifiesWithTheNamedKeyAndReportsTheSigningTime() {
        String jws = new JwsSigner(pair.getPrivate(), jwk.kid()).signDetached(PAYLOAD, SIGNED_AT);
        VerificationResult result = JwsVerifier.verify(jws, PAYLOAD, keys);
        assertThat(result.reason()).isEqualTo(Reason.VALID);
        assertThat(result.valid()).isTrue();
        assertThat(result.kid()).isEqualTo(jwk.kid());
        assertThat(result.signedAt()).isEqualTo(SIGNED_AT);
    }

    @Test
    void anotherPayloadDoesNotVerify() {
        String jws = new JwsSigner(pair.getPrivate(), jwk.kid()).signDetached(PAYLOAD, SIGNED_AT);
        assertThat(JwsVerifier.verify(jws, "{\"a\":2}".getBytes(StandardCharsets.UTF_8), keys).reason())
                .isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void attachedPayloadsAreRejectedAsMalformed() {
        String jws = new JwsSigner(pair.getPrivate(), jwk.kid()).signDetached(PAYLOAD, SIGNED_AT);
        String attached = jws.replace("..", "." + Base64Url.encode(PAYLOAD) + ".");
        assertThat(JwsVerifier.verify(attached, PAYLOAD, keys).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void headersOutsideTheProfileAreRejectedEvenWhenCorrectlySigned() {
        String kid = jwk.kid();
        assertThat(verifyWithHeader("{\"alg\":\"none\",\"kid\":\"" + kid + "\"}").reason()).isEqualTo(Reason.MALFORMED);
        assertThat(verifyWithHeader("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\",\"crit\":[\"exp\"],\"exp\":1}").reason())
                .isEqualTo(Reason.MALFORMED);
        assertThat(verifyWithHeader("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\",\"b64\":false}").reason())
                .isEqualTo(Reason.MALFORMED);
        assertThat(verifyWithHeader("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\",\"kid\":\"other\"}").reason())
                .isEqualTo(Reason.MALFORMED);
        assertThat(verifyWithHeader("{\"alg\":\"EdDSA\"}").reason()).isEqualTo(Reason.MALFORMED);
        // The same construction with an acceptable header does verify, so the rejections above are about the header.
        assertThat(verifyWithHeader("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\",\"b64\":true}").reason()).isEqualTo(Reason.VALID);
    }

    @Test
    void unreadableCompactFormsAreMalformed() {
        for (String broken : new String[] {"", "abc", "a.b", "a..b..c", "!!..AAAA", null}) {
            assertThat(JwsVerifier.verify(broken, PAYLOAD, keys).reason()).as(String.valueOf(broken)).isEqualTo(Reason.MALFORMED);
        }
    }

    @Test
    void signerRefusesKeysThatAreNotEd25519() throws Exception {
        PrivateKey ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPrivate();
        assertThatThrownBy(() -> new JwsSigner(ed448, "k")).isInstanceOf(IllegalArgumentException.class);
    }

    private VerificationResult verifyWithHeader(String headerJson) {
        try {
            String header = Base64Url.encode(headerJson.getBytes(StandardCharsets.UTF_8));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(pair.getPrivate());
            signature.update((header + "." + Base64Url.encode(PAYLOAD)).getBytes(StandardCharsets.US_ASCII));
            return JwsVerifier.verify(header + ".." + Base64Url.encode(signature.sign()), PAYLOAD, keys);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
