package eu.aifactory.api.signing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the one byte sequence a JSON value is signed as.
 *
 * <p>Object members are sorted by the UTF-16 code units of their names (Java's {@link String#compareTo}),
 * there is no whitespace, strings carry only the escapes ECMAScript's {@code JSON.stringify} emits, and
 * every number is treated as an IEEE-754 double and written as ECMAScript's {@code Number.prototype.toString}
 * does. So {@code 1.0}, {@code 1} and {@code 1e0} canonicalise alike, as do {@code 100} and {@code 1e2}.
 *
 * <p>Input outside the I-JSON domain the RFC requires is rejected with {@link IllegalArgumentException}:
 * NaN and infinities, strings with unpaired surrogates, binary or POJO nodes, and integer literals whose
 * magnitude exceeds 2^53 (a double cannot hold them, so two different integers would sign alike).
 */
public final class CanonicalJson {

    /** 2^53: the largest magnitude up to which every integer has its own double. */
    private static final BigInteger MAX_EXACT_INTEGER = BigInteger.ONE.shiftLeft(53);
    private static final double MAX_EXACT_INTEGER_DOUBLE = 0x1p53;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** The canonical UTF-8 bytes of {@code node}. */
    public static byte[] canonicalize(JsonNode node) {
        return canonicalString(node).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical text of {@code node}; its UTF-8 encoding is what {@link #canonicalize} returns. */
    public static String canonicalString(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out);
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> out.append(numberText(node));
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("JSON node of type " + node.getNodeType() + " has no canonical form");
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        List<String> names = new ArrayList<>(node.size());
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        // String.compareTo compares UTF-16 code units, exactly the order RFC 8785 section 3.2.3 asks for.
        Collections.sort(names);
        out.append('{');
        boolean first = true;
        for (String name : names) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(name, out);
            out.append(':');
            write(node.get(name), out);
        }
        out.append('}');
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                            throw new IllegalArgumentException("string contains an unpaired surrogate at index " + i);
                        }
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isLowSurrogate(c)) {
                        throw new IllegalArgumentException("string contains an unpaired surrogate at index " + i);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static String numberText(JsonNode node) {
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            if (value.abs().compareTo(MAX_EXACT_INTEGER) > 0) {
                throw new IllegalArgumentException("integer " + value + " is outside the range a double holds exactly (|n| <= 2^53)");
            }
            return value.toString();
        }
        double value = node.isBigDecimal() ? node.decimalValue().doubleValue() : node.doubleValue();
        return numberToString(value);
    }

    /**
     * ECMAScript {@code Number::toString(x)} (ECMA-262, 7.1.12.1) for a finite double: the shortest decimal
     * digits that read back as {@code value}, the closest of them to {@code value} when several qualify, laid
     * out as plain digits for exponents from -7 to 20 and as {@code d.ddde±n} outside.
     *
     * @throws IllegalArgumentException for NaN and infinities, which JSON cannot express
     */
    public static String numberToString(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(value + " is not a JSON number");
        }
        if (value == 0) {
            return "0"; // also -0, as ECMAScript does
        }
        if (value < 0) {
            return "-" + numberToString(-value);
        }
        if (value < MAX_EXACT_INTEGER_DOUBLE && value == Math.rint(value)) {
            // Below 2^53 an integral double is its own shortest representation.
            return Long.toString((long) value);
        }
        BigDecimal shortest = shortestDigits(value);
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = digits x 10^(n-k)
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + '.' + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String e = "e" + (exponent > 0 ? "+" : "-") + Math.abs(exponent);
        return k == 1 ? digits + e : digits.charAt(0) + "." + digits.substring(1) + e;
    }

    /**
     * The fewest significant digits that round-trip to {@code value}. JDK 17's {@link Double#toString} is not
     * always shortest (JDK-4511638, fixed in 19), so the digits are searched: for each precision the
     * neighbours below and above the exact binary value are tried (only they can be the closest, and near a
     * power of two the round-trip interval is lopsided, so both sides matter).
     */
    private static BigDecimal shortestDigits(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean downFits = down.doubleValue() == value;
            boolean upFits = up.doubleValue() == value;
            if (downFits && upFits) {
                return closer(exact, down, up).stripTrailingZeros();
            }
            if (downFits) {
                return down.stripTrailingZeros();
            }
            if (upFits) {
                return up.stripTrailingZeros();
            }
        }
        throw new IllegalStateException("no 17-digit representation of " + value); // impossible for a finite double
    }

    private static BigDecimal closer(BigDecimal exact, BigDecimal down, BigDecimal up) {
        int cmp = exact.subtract(down).compareTo(up.subtract(exact));
        if (cmp != 0) {
            return cmp < 0 ? down : up;
        }
        // A tie: ECMA-262 asks for the even digit string.
        return down.unscaledValue().testBit(0) ? up : down;
    }
}
