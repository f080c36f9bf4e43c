package eu.aifactory.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one place where the wire format's Jackson settings live, shared by client and server. */
public final class Json {

    private Json() {
    }

    /** Tolerant reader: ignores fields it does not know, so an older client keeps working against a newer factory. */
    public static ObjectMapper mapper() {
        return base().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** Strict reader for request bodies on the server: unknown fields and wrong types are errors, not silently dropped. */
    public static ObjectMapper strictMapper() {
        return base()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
                .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
    }

    private static ObjectMapper base() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                // Whatever a row holds, what goes out is well-formed Unicode (see WellFormedText).
                .registerModule(WellFormedText.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }
}
