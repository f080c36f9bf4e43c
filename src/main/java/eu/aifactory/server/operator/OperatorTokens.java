package eu.aifactory.server.operator;

import eu.aifactory.server.tenant.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Operator token format: {@code afo_} + 43 characters of base64url (256 bits), a prefix of its own so a tenant token
 * is never mistaken for one. Only the SHA-256 is stored, as for tenant tokens.
 */
public final class OperatorTokens {

    public static final String PREFIX = "afo_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private OperatorTokens() {
    }

    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The demo operator's token, derived from the installation secret like the demo users' tokens. */
    public static String derived(byte[] installSecret, String operatorId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(installSecret, "HmacSHA256"));
            byte[] digest = mac.doFinal(("operator:" + operatorId).getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public static String hash(String token) {
        return Tokens.hash(token);
    }

    public static String displayPrefix(String token) {
        return token.substring(0, Math.min(token.length(), PREFIX.length() + 4));
    }
}
