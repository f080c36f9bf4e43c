package eu.aifactory.api.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import eu.aifactory.api.signing.VerificationResult.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks detached compact JWS made by {@link JwsSigner}. Only what this project signs is accepted:
 * {@code alg} EdDSA, no {@code crit} extensions, {@code b64} absent or true, an empty payload part.
 */
public final class JwsVerifier {

    private static final int SIGNATURE_LENGTH = 64;

    private JwsVerifier() {
    }

    /** Verifies {@code compact} over {@code payload} with the key its {@code kid} names in {@code keys}. */
    public static VerificationResult verify(String compact, byte[] payload, JwkSet keys) {
        Parsed jws;
        try {
            jws = parse(compact);
        } catch (IllegalArgumentException e) {
            return VerificationResult.malformed("the signature is not a readable JWS: " + e.getMessage());
        }
        if (jws.kid() == null) {
            return VerificationResult.malformed("the signature names no key (kid)");
        }
        Optional<Jwk> key = keys.find(jws.kid());
        if (key.isEmpty()) {
            return VerificationResult.failed(Reason.UNKNOWN_KEY, jws.kid(),
                    "the report was signed with key " + jws.kid() + ", which is not among the factory's published keys",
                    jws.signedAt());
        }
        if (!signatureMatches(jws, payload, key.get().publicKey())) {
            return VerificationResult.failed(Reason.BAD_SIGNATURE, jws.kid(),
                    "the signature does not match the content: the report was changed after signing or the signature is damaged",
                    jws.signedAt());
        }
        if (jws.signedAt() != null && !key.get().validAt(jws.signedAt())) {
            return VerificationResult.failed(Reason.KEY_NOT_VALID_AT_SIGNING_TIME, jws.kid(),
                    "key " + jws.kid() + " was not in use for signing at " + jws.signedAt(), jws.signedAt());
        }
        return VerificationResult.ok(jws.kid(), jws.signedAt());
    }

    /**
     * Whether {@code compact} is a well-formed detached EdDSA JWS whose signature over {@code payload} verifies
     * with {@code key}; no key set, kid or validity involved.
     */
    public static boolean verify(String compact, byte[] payload, PublicKey key) {
        try {
            return signatureMatches(parse(compact), payload, key);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The key id in the protected header, or empty when the JWS is unreadable or names none. */
    public static Optional<String> kidOf(String compact) {
        try {
            return Optional.ofNullable(parse(compact).kid());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean signatureMatches(Parsed jws, byte[] payload, PublicKey key) {
        byte[] signatureBytes;
        try {
            signatureBytes = Base64Url.decode(jws.encodedSignature());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (signatureBytes.length != SIGNATURE_LENGTH) {
            return false;
        }
        String signingInput = jws.encodedHeader() + "." + Base64Url.encode(payload);
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signature.verify(signatureBytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK provides Ed25519 since Java 15", e);
        } catch (GeneralSecurityException e) {
            // Invalid key or a signature the provider cannot even decode: not a valid signature.
            return false;
        }
    }

    private static Parsed parse(String compact) {
        if (compact == null) {
            throw new IllegalArgumentException("no JWS");
        }
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a compact JWS has three dot-separated parts");
        }
        if (!parts[1].isEmpty()) {
            throw new IllegalArgumentException("the payload must be detached (empty middle part)");
        }
        JsonNode header;
        try {
            header = StrictJson.read(Base64Url.decode(parts[0]));
        } catch (IOException e) {
            throw new IllegalArgumentException("the protected header is not JSON", e);
        }
        if (!header.isObject()) {
            throw new IllegalArgumentException("the protected header is not a JSON object");
        }
        if (!"EdDSA".equals(header.path("alg").textValue())) {
            throw new IllegalArgumentException("unsupported alg " + header.get("alg") + ", expected EdDSA");
        }
        if (header.has("crit")) {
            throw new IllegalArgumentException("critical header extensions are not supported");
        }
        if (header.has("b64") && !header.get("b64").equals(BooleanNode.TRUE)) {
            throw new IllegalArgumentException("unencoded payloads (b64=false) are not supported");
        }
        String kid = null;
        if (header.has("kid")) {
            kid = header.get("kid").textValue();
            if (kid == null || kid.isEmpty()) {
                throw new IllegalArgumentException("kid must be a non-empty string");
            }
        }
        Instant signedAt = null;
        if (header.has("iat")) {
            JsonNode iat = header.get("iat");
            if (!iat.isIntegralNumber() || !iat.canConvertToLong()
                    || iat.longValue() < Instant.MIN.getEpochSecond() || iat.longValue() > Instant.MAX.getEpochSecond()) {
                throw new IllegalArgumentException("iat must be a whole number of seconds");
            }
            signedAt = Instant.ofEpochSecond(iat.longValue());
        }
        return new Parsed(parts[0], kid, signedAt, parts[2]);
    }

    private record Parsed(String encodedHeader, String kid, Instant signedAt, String encodedSignature) {
    }
}
