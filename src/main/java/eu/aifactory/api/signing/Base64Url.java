package eu.aifactory.api.signing;

import java.util.Base64;
import java.util.regex.Pattern;

/** Base64url without padding (RFC 7515 section 2), decoded strictly so that each byte string has exactly one text. */
final class Base64Url {

    private static final Pattern ALPHABET = Pattern.compile("[A-Za-z0-9_-]*");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Base64Url() {
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /**
     * Decodes {@code text}, rejecting padding, foreign characters and non-zero trailing bits: the JDK decoder
     * ignores those bits, so without the check two different signature texts would decode to the same bytes.
     */
    static byte[] decode(String text) {
        if (!ALPHABET.matcher(text).matches() || text.length() % 4 == 1) {
            throw new IllegalArgumentException("not base64url");
        }
        byte[] bytes = Base64.getUrlDecoder().decode(text);
        if (!encode(bytes).equals(text)) {
            throw new IllegalArgumentException("not canonical base64url");
        }
        return bytes;
    }
}
