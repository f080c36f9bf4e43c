package eu.aifactory.server.catalog;

import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.ParameterSpec;
import eu.aifactory.server.http.FieldError;
import eu.aifactory.server.http.Text;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks parameter values against a version's typed schema and fills in defaults. */
public final class ParameterValidator {

    private static final int MAX_STRING_LENGTH = 10_000;
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private ParameterValidator() {
    }

    /** Adds one error per invalid, unknown or missing parameter to {@code errors}, fields named {@code parameters.<name>}. */
    public static void validate(AppVersion version, Map<String, Object> values, List<FieldError> errors) {
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        version.parameters().forEach(p -> specs.put(p.name(), p));
        for (Map.Entry<String, Object> entry : new java.util.TreeMap<>(values).entrySet()) {
            ParameterSpec spec = specs.get(entry.getKey());
            String field = "parameters." + entry.getKey();
            if (spec == null) {
                errors.add(specs.isEmpty() ? new FieldError(field, "field.parameter.noneTaken")
                        : new FieldError(field, "field.parameter.unknown", String.join(", ", specs.keySet())));
                continue;
            }
            Text problem = check(spec, entry.getValue());
            if (problem != null) {
                errors.add(new FieldError(field, problem));
            }
        }
        for (ParameterSpec spec : specs.values()) {
            if (spec.required() && values.get(spec.name()) == null && spec.defaultValue() == null) {
                errors.add(new FieldError("parameters." + spec.name(), "field.required"));
            }
        }
    }

    /** The values with every missing parameter that has a default filled in. */
    public static Map<String, Object> withDefaults(AppVersion version, Map<String, Object> values) {
        Map<String, Object> effective = new LinkedHashMap<>();
        for (ParameterSpec spec : version.parameters()) {
            Object value = values.get(spec.name());
            if (value != null) {
                effective.put(spec.name(), value);
            } else if (spec.defaultValue() != null) {
                effective.put(spec.name(), spec.defaultValue());
            }
        }
        return effective;
    }

    private static Text check(ParameterSpec spec, Object value) {
        if (value == null) {
            return Text.of("field.notNull");
        }
        return switch (spec.type()) {
            case STRING -> checkString(spec, value);
            case NUMBER -> checkNumber(spec, value, false);
            case INTEGER -> checkNumber(spec, value, true);
            case BOOLEAN -> value instanceof Boolean ? null : Text.of("field.boolean");
            case ENUM -> value instanceof String s && spec.enumValues().contains(s)
                    ? null : Text.of("field.oneOf", String.join(", ", spec.enumValues()));
        };
    }

    private static Text checkString(ParameterSpec spec, Object value) {
        if (!(value instanceof String s)) {
            return Text.of("field.string");
        }
        if (s.length() > MAX_STRING_LENGTH) {
            return Text.of("field.maxLength", MAX_STRING_LENGTH);
        }
        if (spec.pattern() != null && !spec.pattern().isEmpty()) {
            Pattern pattern = PATTERNS.computeIfAbsent(spec.pattern(), ParameterValidator::compile);
            if (pattern != null && !pattern.matcher(s).matches()) {
                return Text.of("field.pattern", spec.pattern());
            }
        }
        return null;
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    private static Text checkNumber(ParameterSpec spec, Object value, boolean integer) {
        BigDecimal number = toDecimal(value);
        if (number == null) {
            return Text.of(integer ? "field.wholeNumber" : "field.number");
        }
        if (integer && number.stripTrailingZeros().scale() > 0) {
            return Text.of("field.wholeNumber");
        }
        if (spec.minimum() != null && number.compareTo(spec.minimum()) < 0) {
            return Text.of("field.atLeastValue", spec.minimum(), unit(spec));
        }
        if (spec.maximum() != null && number.compareTo(spec.maximum()) > 0) {
            return Text.of("field.atMostValue", spec.maximum(), unit(spec));
        }
        return null;
    }

    private static String unit(ParameterSpec spec) {
        return spec.unit() == null || spec.unit().isEmpty() ? "" : " " + spec.unit();
    }

    private static BigDecimal toDecimal(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return null;
    }
}
