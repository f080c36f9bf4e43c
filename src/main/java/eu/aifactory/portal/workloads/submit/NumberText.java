package eu.aifactory.portal.workloads.submit;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Numbers as people type them into a form: German users write {@code 0,5}, English users {@code 0.5}; both are
 * understood in either language, since people paste values from elsewhere. No rounding, no grouping.
 */
public final class NumberText {

    private NumberText() {
    }

    /** The number in {@code text}, or null when it is not one. */
    public static BigDecimal parse(String text, Locale locale) {
        if (text == null) {
            return null;
        }
        String plain = text.strip().replace("\u00a0", "").replace(" ", "");
        if (plain.isEmpty()) {
            return null;
        }
        if (plain.indexOf(',') >= 0) {
            // With a comma present the comma is the decimal mark in German, a grouping mark in English.
            plain = "de".equals(locale.getLanguage()) ? plain.replace(".", "").replace(',', '.') : plain.replace(",", "");
        }
        if (!plain.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A JSON number (or numeric string) as BigDecimal, or null. */
    public static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        return value == null ? null : parse(value.toString(), Locale.ROOT);
    }

    /** Plain digits with the language's decimal mark: {@code 0,05} in German. */
    public static String format(BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        String plain = value.stripTrailingZeros().toPlainString();
        return "de".equals(locale.getLanguage()) ? plain.replace('.', ',') : plain;
    }
}
