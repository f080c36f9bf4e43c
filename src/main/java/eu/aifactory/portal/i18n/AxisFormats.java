package eu.aifactory.portal.i18n;

import java.text.NumberFormat;
import java.text.ParseException;
import java.util.Locale;
import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/**
 * Chart axes in the portal's language: a {@link NumberAxis} writes its tick labels with the JVM's default format
 * ("4,000"), so German pages would show English numbers. {@link #localize} gives the axis a formatter of the current
 * locale (4.000) and swaps it when the language is switched, which makes the axis lay its labels out again.
 */
public final class AxisFormats {

    private AxisFormats() {
    }

    /** Tick labels of {@code axis} in the language of {@code i18n}, with at most {@code maxFractionDigits} decimals. */
    public static void localize(NumberAxis axis, I18n i18n, int maxFractionDigits) {
        axis.setTickLabelFormatter(converter(i18n.locale(), maxFractionDigits));
        i18n.onSwitch(axis, () -> axis.setTickLabelFormatter(converter(i18n.locale(), maxFractionDigits)));
    }

    /** Numbers with grouping and up to {@code maxFractionDigits} decimals as {@code locale} writes them. */
    public static StringConverter<Number> converter(Locale locale, int maxFractionDigits) {
        return new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return value == null ? "" : Formats.number(value.doubleValue(), maxFractionDigits, locale);
            }

            @Override
            public Number fromString(String text) {
                try {
                    return NumberFormat.getNumberInstance(locale).parse(text.strip());
                } catch (ParseException e) {
                    throw new IllegalArgumentException("not a number in " + locale + ": " + text, e);
                }
            }
        };
    }
}
