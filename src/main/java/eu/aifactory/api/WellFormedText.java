package eu.aifactory.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;

/**
 * Strings as the wire writes them: every unpaired UTF-16 surrogate becomes U+FFFD. Such a string cannot be
 * encoded as UTF-8, so Jackson would write it as a {@code \ud800} escape that strict (I-JSON, RFC 7493) parsers
 * reject, and RFC 8785 canonicalisation refuses it outright. Requests carrying one are refused at the edge; this
 * keeps rows stored before that rule readable.
 */
public final class WellFormedText {

    private static final char REPLACEMENT = '\uFFFD';

    private WellFormedText() {
    }

    /** {@code text} with each unpaired surrogate replaced by U+FFFD; the same instance when there is none. */
    public static String of(String text) {
        int bad = firstUnpaired(text);
        if (bad < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, bad);
        for (int i = bad; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return out.toString();
    }

    /** The index of the first unpaired surrogate in {@code text}, or -1. */
    public static int firstUnpaired(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Serialises every String value and map key through {@link #of}. */
    static SimpleModule module() {
        return new SimpleModule("well-formed-text")
                .addSerializer(String.class, new ValueSerializer())
                .addKeySerializer(String.class, new KeySerializer());
    }

    private static final class ValueSerializer extends StdScalarSerializer<String> {
        ValueSerializer() {
            super(String.class);
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, String value) {
            return value.isEmpty();
        }

        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(of(value));
        }
    }

    private static final class KeySerializer extends StdScalarSerializer<String> {
        KeySerializer() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeFieldName(of(value));
        }
    }
}
