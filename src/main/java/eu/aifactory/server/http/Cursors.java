package eu.aifactory.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque page cursors: base64url of a small JSON array of strings (each list puts its sort, the last item's sort key
 * and its id in it). A cursor only fits the list and sort it was made for; anything else is a 400 on {@code cursor}.
 */
public final class Cursors {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private Cursors() {
    }

    public static String encode(List<String> parts) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Http.OUT.writeValueAsBytes(parts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> decode(String cursor) {
        try {
            List<String> parts = Http.OUT.readValue(Base64.getUrlDecoder().decode(cursor.getBytes(StandardCharsets.US_ASCII)),
                    STRINGS);
            if (parts == null || parts.stream().anyMatch(java.util.Objects::isNull)) {
                throw invalid();
            }
            return parts;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid();
        }
    }

    public static ProblemException invalid() {
        return ProblemException.validation("cursor", "field.cursor");
    }
}
