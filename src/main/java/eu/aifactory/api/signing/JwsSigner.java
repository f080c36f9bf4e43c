package eu.aifactory.api.signing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.time.Instant;
import java.util.Objects;

/**
 * Signs a payload as a JWS with detached content (RFC 7515 Appendix F): the result is
 * {@code base64url(header) + ".." + base64url(signature)}, the payload travels separately.
 *
 * <p>The protected header is {@code {"alg":"EdDSA","iat":<signing time, seconds>,"kid":"<key id>"}}
 * (RFC 8037 EdDSA; {@code iat} as in RFC 7519 section 5.3, so a verifier can check the key was in use then).
 * The signature is Ed25519 over {@code ASCII(base64url(header) + "." + base64url(payload))}.
 */
public final class JwsSigner {

    private final PrivateKey key;
    private final String kid;

    public JwsSigner(PrivateKey key, String kid) {
        if (!(key instanceof EdECPrivateKey edKey) || !"Ed25519".equalsIgnoreCase(edKey.getParams().getName())) {
            throw new IllegalArgumentException("not an Ed25519 private key");
        }
        this.key = key;
        this.kid = Objects.requireNonNull(kid, "kid");
    }

    public String kid() {
        return kid;
    }

    /** The detached compact JWS over {@code payload}, stating {@code signedAt} (whole seconds) as its time. */
    public String signDetached(byte[] payload, Instant signedAt) {
        ObjectNode header = JsonNodeFactory.instance.objectNode()
                .put("alg", "EdDSA")
                .put("kid", kid)
                .put("iat", signedAt.getEpochSecond());
        String encodedHeader = Base64Url.encode(CanonicalJson.canonicalize(header));
        String signingInput = encodedHeader + "." + Base64Url.encode(payload);
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return encodedHeader + ".." + Base64Url.encode(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
