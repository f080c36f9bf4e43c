package eu.aifactory.api.signing;

import java.nio.charset.StandardCharsets;

/**
 * A short signed text that people read as it is, for a QR code a phone shows: the text's lines, then one line
 * {@code sig: <header>..<signature>} holding a detached EdDSA JWS over the UTF-8 bytes of everything before it
 * (including the last line break). Putting the text back into the JWS's empty middle part
 * ({@link CompactJws#attach}) gives an ordinary compact JWS, so any JOSE library can check it too.
 */
public final class SignedText {

    static final String SIGNATURE_LINE = "sig: ";

    private SignedText() {
    }

    /** {@code text} (ending in a line break) followed by the signature line of {@code compact}, a JWS over that text. */
    public static String of(String compact) {
        String text = CompactJws.payloadText(compact);
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("the signed text must end with a line break");
        }
        return text + SIGNATURE_LINE + CompactJws.detach(compact);
    }

    /** The signed lines of {@code signed}, without the signature line. */
    public static String text(String signed) {
        return signed.substring(0, signatureStart(signed));
    }

    /** The ordinary compact JWS this signed text stands for. */
    public static String compact(String signed) {
        int start = signatureStart(signed);
        String detached = signed.substring(start + SIGNATURE_LINE.length()).strip();
        return CompactJws.attach(detached, signed.substring(0, start).getBytes(StandardCharsets.UTF_8));
    }

    /** Checks the signature line against the text above it with {@code keys}. */
    public static VerificationResult verify(String signed, JwkSet keys) {
        String compact;
        try {
            compact = compact(signed);
        } catch (IllegalArgumentException e) {
            return VerificationResult.malformed("not a signed text: " + e.getMessage());
        }
        return CompactJws.verify(compact, keys);
    }

    private static int signatureStart(String signed) {
        if (signed == null) {
            throw new IllegalArgumentException("no text");
        }
        int at = signed.lastIndexOf("\n" + SIGNATURE_LINE);
        if (at < 0) {
            throw new IllegalArgumentException("no line starting with \"" + SIGNATURE_LINE + "\"");
        }
        return at + 1;
    }
}
