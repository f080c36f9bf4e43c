package eu.aifactory.server.tenant;

import eu.aifactory.server.util.Hashing;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** API token format: {@code afp_} + 43 characters of base64url (256 bits). Only the SHA-256 is stored. */
public final class Tokens {

    public static final String PREFIX = "afp_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A token derived from the installation secret, so demo tokens survive restarts without being stored. */
    public static String derived(byte[] installSecret, String userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(installSecret, "HmacSHA256"));
            byte[] digest = mac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public static String hash(String token) {
        return Hashing.sha256Hex(token);
    }

    /** The part of a token kept in clear: enough to tell tokens apart, far too little to guess the rest. */
    public static String displayPrefix(String token) {
        return token.substring(0, Math.min(token.length(), PREFIX.length() + 4));
    }
}
