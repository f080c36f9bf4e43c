package eu.aifactory.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import eu.aifactory.api.Json;
import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Request parsing and response writing shared by all routes. */
public final class Http {

    public static final int MAX_BODY_BYTES = 1024 * 1024;
    public static final String JSON_TYPE = "application/json";
    /** The first instant a date-time parameter may name. */
    public static final Instant EARLIEST = Instant.EPOCH;
    /** The first instant after the last one a date-time parameter may name: 10000-01-01T00:00:00Z. */
    public static final Instant END = LocalDate.of(10_000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final int MAX_DATE_TIME_LENGTH = 64;

    /** Writes responses: the shared wire settings. */
    public static final ObjectMapper OUT = Json.mapper();
    /**
     * Reads request bodies: unknown fields and wrong types are errors; no coercion between strings, numbers and
     * booleans in either direction ({@code "12"} is not a number, {@code "true"} not a boolean, {@code 1} not a
     * string), no fraction for a whole number, no null for a primitive.
     */
    static final ObjectMapper IN = strictReader();

    private Http() {
    }

    private static ObjectMapper strictReader() {
        ObjectMapper mapper = Json.strictMapper()
                .configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
                .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, false);
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Enum}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }

    public static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType(JSON_TYPE).result(OUT.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise response", e);
        }
    }

    public static byte[] problemBytes(Problem problem) {
        try {
            return OUT.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise problem", e);
        }
    }

    /**
     * Reads a JSON body of type {@code type}: 415 for another media type, 413 above 1 MiB, 400 for bad JSON, for
     * text {@link RequestText} refuses and for a field named twice.
     */
    public static <T> T body(Context ctx, Class<T> type) {
        String contentType = ctx.header("Content-Type");
        String media = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!media.equals(JSON_TYPE) && !(media.startsWith("application/") && media.endsWith("+json"))) {
            throw media.isEmpty() ? new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "problem.json.noMediaType")
                    : new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "problem.json.mediaType", media);
        }
        byte[] bytes = readLimited(ctx);
        if (bytes.length == 0) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "problem.body.empty");
        }
        T value;
        try {
            RequestText.checkJson(IN.createParser(bytes));
            value = IN.readValue(bytes, type);
        } catch (UnrecognizedPropertyException e) {
            throw ProblemException.validation(path(e), "field.unknown");
        } catch (InvalidFormatException e) {
            Text message = mismatch(e);
            throw ProblemException.validation(path(e), message.key().equals("field.wrongType")
                    ? Text.of("field.wrongTypeOrValue", describe(e.getValue())) : message);
        } catch (MismatchedInputException e) {
            throw ProblemException.validation(path(e).isEmpty() ? "body" : path(e), mismatch(e));
        } catch (JsonMappingException e) {
            throw ProblemException.validation(path(e).isEmpty() ? "body" : path(e), "field.invalid");
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "problem.body.notJson", e.getOriginalMessage());
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "problem.body.unreadable");
        }
        if (value == null) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "problem.body.null");
        }
        return value;
    }

    private static Text mismatch(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return Text.of("field.wrongType");
        }
        if (target == String.class) {
            return Text.of("field.string");
        }
        if (target.isEnum()) {
            return Text.of("field.oneOf", java.util.Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")));
        }
        if (java.util.Map.class.isAssignableFrom(target)) {
            return Text.of("field.object");
        }
        if (target == Integer.TYPE || target == Integer.class || target == Long.TYPE || target == Long.class) {
            return Text.of("field.wholeNumber");
        }
        if (target == Boolean.TYPE || target == Boolean.class) {
            return Text.of("field.boolean");
        }
        if (Number.class.isAssignableFrom(target) || target == Double.TYPE || target == Float.TYPE) {
            return Text.of("field.number");
        }
        if (target.isRecord()) {
            return Text.of("field.object");
        }
        return Text.of("field.wrongType");
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : Integer.toString(ref.getIndex()))
                .collect(Collectors.joining("."));
    }

    private static byte[] readLimited(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
            byte[] buffer = new byte[8192];
            int total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > MAX_BODY_BYTES) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "problem.body.unreadable");
        }
    }

    private static ProblemException tooLarge() {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "problem.body.tooLarge");
    }

    // ---------------------------------------------------------------- query parameters

    public static String string(Context ctx, String name, int maxLength) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ProblemException.validation(name, "field.maxLength", maxLength);
        }
        return value;
    }

    public static int integer(Context ctx, String name, int min, int max, int defaultValue) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < min || parsed > max) {
                throw ProblemException.validation(name, "field.between", min, max);
            }
            return (int) parsed;
        } catch (NumberFormatException e) {
            throw ProblemException.validation(name, "field.wholeNumberBetween", min, max);
        }
    }

    public static long longValue(Context ctx, String name, long min, long defaultValue) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < min) {
                throw ProblemException.validation(name, "field.atLeast", min);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ProblemException.validation(name, "field.wholeNumberAtLeast", min);
        }
    }

    /**
     * An optional RFC 3339 date-time parameter, or null. Only instants from 1970 to the end of 9999 (UTC) are
     * accepted: the four-digit years of RFC 3339, and epoch milliseconds, which the stores compare, never overflow.
     */
    public static Instant instant(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        Instant instant;
        try {
            instant = value.length() > MAX_DATE_TIME_LENGTH ? null : OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            instant = null;
        }
        if (instant == null) {
            throw ProblemException.validation(name, "field.dateTime");
        }
        if (instant.isBefore(EARLIEST) || !instant.isBefore(END)) {
            throw ProblemException.validation(name, "field.dateTimeRange");
        }
        return instant;
    }

    /** Like {@link #instant(Context, String)}, but adds the error to {@code errors}, so one answer names every bad parameter. */
    public static Instant instant(Context ctx, String name, List<FieldError> errors) {
        try {
            return instant(ctx, name);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
            return null;
        }
    }
}
