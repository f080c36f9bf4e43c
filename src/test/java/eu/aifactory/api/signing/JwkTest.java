package eu.aifactory.api.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.EdECPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwkTest {

    @Test
    void rawKeyRoundTripsThroughTheJdkPublicKeyForBothSignsOfX() {
        Set<Boolean> signsSeen = new HashSet<>();
        for (int i = 0; i < 64 && signsSeen.size() < 2; i++) {
            KeyPair pair = TestKeys.generate();
            EdECPublicKey original = (EdECPublicKey) pair.getPublic();
            signsSeen.add(original.getPoint().isXOdd());

            byte[] raw = Jwk.rawFromPublicKey(original);
            // An X.509 SubjectPublicKeyInfo for Ed25519 ends with the raw RFC 8032 encoding.
            byte[] spki = original.getEncoded();
            assertThat(raw).isEqualTo(Arrays.copyOfRange(spki, spki.length - 32, spki.length));

            EdECPublicKey back = (EdECPublicKey) Jwk.publicKeyFromRaw(raw);
            assertThat(back.getPoint().getY()).isEqualTo(original.getPoint().getY());
            assertThat(back.getPoint().isXOdd()).isEqualTo(original.getPoint().isXOdd());
            assertThat(back.getEncoded()).isEqualTo(spki);
        }
        assertThat(signsSeen).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void thumbprintMatchesRfc8037AppendixA3() {
        assertThat(Jwk.thumbprint(TestKeys.RFC8032_PUBLIC_X)).isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
        assertThat(TestKeys.rfc8032Jwk().kid()).isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
    }

    @Test
    void rfc8037AppendixA4SignatureVerifiesWithTheKeyReadFromItsJwk() {
        // RFC 8037 A.4, with the payload detached: the same signing input, so the same signature verifies.
        String detached = "eyJhbGciOiJFZERTQSJ9..hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
        byte[] payload = "Example of Ed25519 signing".getBytes(StandardCharsets.US_ASCII);
        assertThat(JwsVerifier.verify(detached, payload, TestKeys.rfc8032Jwk().publicKey())).isTrue();
        assertThat(JwsVerifier.verify(detached, "Example of Ed25519 signinG".getBytes(StandardCharsets.US_ASCII),
                TestKeys.rfc8032Jwk().publicKey())).isFalse();
    }

    @Test
    void jsonFormIsAnRfc8037OkpKeyWithValidityMembers() throws Exception {
        Jwk key = Jwk.of(TestKeys.generate().getPublic(), Instant.parse("2026-01-01T10:00:00.750Z"))
                .retired(Instant.parse("2026-06-01T00:00:00Z"), "next-kid");
        var json = new ObjectMapper().valueToTree(key);
        assertThat(json.get("kty").asText()).isEqualTo("OKP");
        assertThat(json.get("crv").asText()).isEqualTo("Ed25519");
        assertThat(json.get("use").asText()).isEqualTo("sig");
        assertThat(json.get("alg").asText()).isEqualTo("EdDSA");
        assertThat(json.get("kid").asText()).isEqualTo(key.kid());
        assertThat(json.get("notBefore").asText()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(json.get("notAfter").asText()).isEqualTo("2026-06-01T00:00:00Z");
        assertThat(json.get("rotatedTo").asText()).isEqualTo("next-kid");
        assertThat(new ObjectMapper().treeToValue(json, Jwk.class)).isEqualTo(key);
    }

    @Test
    void aKidThatIsNotTheThumbprintOfItsKeyIsRejected() {
        String otherKid = Jwk.of(TestKeys.generate().getPublic(), null).kid();
        assertThatThrownBy(() -> new Jwk(otherKid, TestKeys.RFC8032_PUBLIC_X, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("thumbprint");
    }

    @Test
    void keysOfTheWrongLengthOrEncodingAreRejected() {
        assertThatThrownBy(() -> new Jwk(null, "AAAA", null, null, null)).isInstanceOf(IllegalArgumentException.class);
        // y = 2^255 - 1 is above the field prime: a non-canonical encoding.
        byte[] raw = new byte[32];
        Arrays.fill(raw, (byte) 0xff);
        raw[31] = 0x7f;
        String nonCanonical = Base64Url.encode(raw);
        assertThatThrownBy(() -> new Jwk(null, nonCanonical, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-canonical");
        assertThatThrownBy(() -> Jwk.fromJson(new ObjectMapper().createObjectNode()
                .put("kty", "EC").put("crv", "P-256").put("x", TestKeys.RFC8032_PUBLIC_X)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fingerprintIsGroupedUppercaseHexOfTheKeyHash() {
        String fingerprint = TestKeys.rfc8032Jwk().fingerprint();
        assertThat(fingerprint).matches("([0-9A-F]{4} ){15}[0-9A-F]{4}");
        assertThat(fingerprint.replace(" ", "")).isEqualToIgnoringCase(
                HexFormat.of().formatHex(Jwk.sha256(TestKeys.rfc8032Jwk().rawKey())));
    }

    @Test
    void validityBoundsAreInclusiveAndOpenWhenAbsent() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Instant end = Instant.parse("2026-02-01T00:00:00Z");
        Jwk key = Jwk.of(TestKeys.generate().getPublic(), start).retired(end, "x");
        assertThat(key.validAt(start)).isTrue();
        assertThat(key.validAt(end)).isTrue();
        assertThat(key.validAt(start.minusSeconds(1))).isFalse();
        assertThat(key.validAt(end.plusSeconds(1))).isFalse();
        assertThat(TestKeys.rfc8032Jwk().validAt(Instant.EPOCH)).isTrue();
    }

    @Test
    void jwkSetSkipsForeignKeyTypesAndRejectsDuplicates() throws Exception {
        String json = "{\"keys\":[{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"},"
                + "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + TestKeys.RFC8032_PUBLIC_X + "\"}]}";
        JwkSet set = JwkSet.parse(json.getBytes(StandardCharsets.UTF_8));
        assertThat(set.kids()).containsExactly(TestKeys.rfc8032Jwk().kid());
        assertThat(set.rotations()).isEmpty();
        assertThatThrownBy(() -> JwkSet.of(TestKeys.rfc8032Jwk(), TestKeys.rfc8032Jwk()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
