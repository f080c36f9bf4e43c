package eu.aifactory.api.signing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Compact JWS with the payload inside (RFC 7515 section 7.1): {@code base64url(header).base64url(payload).base64url(signature)}.
 * It is the detached form of {@link JwsSigner} with the payload put back in the middle, so the same signature
 * verifies both ways; a reader without this library decodes the middle part and reads the payload.
 */
public final class CompactJws {

    private CompactJws() {
    }

    /** Signs {@code payload} with {@code signer}, stating {@code signedAt} as the signing time. */
    public static String sign(JwsSigner signer, byte[] payload, Instant signedAt) {
        return attach(signer.signDetached(payload, signedAt), payload);
    }

    /** Puts {@code payload} into a detached JWS ({@code header..signature}). */
    public static String attach(String detached, byte[] payload) {
        String[] parts = parts(detached);
        if (!parts[1].isEmpty()) {
            throw new IllegalArgumentException("the JWS already carries a payload");
        }
        return parts[0] + "." + Base64Url.encode(payload) + "." + parts[2];
    }

    /** The same signature without the payload: {@code header..signature}. */
    public static String detach(String compact) {
        String[] parts = parts(compact);
        return parts[0] + ".." + parts[2];
    }

    /** The payload of a compact JWS, decoded; throws {@link IllegalArgumentException} when it is not one. */
    public static byte[] payload(String compact) {
        return Base64Url.decode(parts(compact)[1]);
    }

    /** The payload as UTF-8 text. */
    public static String payloadText(String compact) {
        return new String(payload(compact), StandardCharsets.UTF_8);
    }

    /** Verifies a compact JWS with its payload inside against {@code keys}, as {@link JwsVerifier} does for detached ones. */
    public static VerificationResult verify(String compact, JwkSet keys) {
        byte[] payload;
        try {
            payload = payload(compact);
        } catch (IllegalArgumentException e) {
            return VerificationResult.malformed("not a compact JWS with a payload: " + e.getMessage());
        }
        return JwsVerifier.verify(detach(compact), payload, keys);
    }

    private static String[] parts(String jws) {
        if (jws == null) {
            throw new IllegalArgumentException("no JWS");
        }
        String[] parts = jws.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a compact JWS has three dot-separated parts");
        }
        return parts;
    }
}
