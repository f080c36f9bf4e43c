package eu.aifactory.server.catalog;

import eu.aifactory.api.Problem;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.ParameterSpec;
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
    public static void validate(AppVersion version, Map<String, Object> values, List<Problem.FieldError> errors) {
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        version.parameters().forEach(p -> specs.put(p.name(), p));
        for (Map.Entry<String, Object> entry : new java.util.TreeMap<>(values).entrySet()) {
            ParameterSpec spec = specs.get(entry.getKey());
            String field = "parameters." + entry.getKey();
            if (spec == null) {
                errors.add(new Problem.FieldError(field, "unknown parameter; this version takes "
                        + (specs.isEmpty() ? "no parameters" : String.join(", ", specs.keySet()))));
                continue;
            }
            String problem = check(spec, entry.getValue());
            if (problem != null) {
                errors.add(new Problem.FieldError(field, problem));
            }
        }
        for (ParameterSpec spec : specs.values()) {
            if (spec.required() && values.get(spec.name()) == null && spec.defaultValue() == null) {
                errors.add(new Problem.FieldError("parameters." + spec.name(), "is required"));
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

    private static String check(ParameterSpec spec, Object value) {
        if (value == null) {
            return "must not be null";
        }
        return switch (spec.type()) {
            case STRING -> checkString(spec, value);
            case NUMBER -> checkNumber(spec, value, false);
            case INTEGER -> checkNumber(spec, value, true);
            case BOOLEAN -> value instanceof Boolean ? null : "must be true or false";
            case ENUM -> value instanceof String s && spec.enumValues().contains(s)
                    ? null : "must be one of " + String.join(", ", spec.enumValues());
        };
    }

    private static String checkString(ParameterSpec spec, Object value) {
        if (!(value instanceof String s)) {
            return "must be a string";
        }
        if (s.length() > MAX_STRING_LENGTH) {
            return "must be at most " + MAX_STRING_LENGTH + " characters";
        }
        if (spec.pattern() != null && !spec.pattern().isEmpty()) {
            Pattern pattern = PATTERNS.computeIfAbsent(spec.pattern(), ParameterValidator::compile);
            if (pattern != null && !pattern.matcher(s).matches()) {
                return "must match the pattern " + spec.pattern();
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

    private static String checkNumber(ParameterSpec spec, Object value, boolean integer) {
        BigDecimal number = toDecimal(value);
        if (number == null) {
            return integer ? "must be a whole number" : "must be a number";
        }
        if (integer && number.stripTrailingZeros().scale() > 0) {
            return "must be a whole number";
        }
        if (spec.minimum() != null && number.compareTo(spec.minimum()) < 0) {
            return "must be at least " + spec.minimum().toPlainString() + unit(spec);
        }
        if (spec.maximum() != null && number.compareTo(spec.maximum()) > 0) {
            return "must be at most " + spec.maximum().toPlainString() + unit(spec);
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
