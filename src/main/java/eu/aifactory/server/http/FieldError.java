package eu.aifactory.server.http;

/** One invalid input as services report it: the field (e.g. {@code parameters.threshold}) and why, not yet in a language. */
public record FieldError(String field, Text message) {

    public FieldError(String field, String key, Object... args) {
        this(field, Text.of(key, args));
    }
}
