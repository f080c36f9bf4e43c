package eu.aifactory.portal.energy;

import eu.aifactory.api.report.SiteIndicator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * A site indicator and its legal limit, written so that the comparison can be seen: a ratio (PUE) with two
 * decimals ("1,20"), a fraction (ERF, REF) as a percentage with one ("14,0 %"), the limit at the same precision
 * ("≤ 1,20"), and as many more decimals as it takes for a value that fails its limit not to look equal to it or
 * on its right side (1.204 against ≤ 1.2 reads "1,204", not "1,20"). The Energy page's cards and the energy PDF
 * both write indicators through this class.
 */
final class IndicatorFormat {

    private static final int RATIO_DECIMALS = 2;
    private static final int PERCENT_DECIMALS = 1;

    private IndicatorFormat() {
    }

    /** The indicator's value, e.g. "1,22" or "9,96 %"; a dash without a value. */
    static String value(SiteIndicator indicator, Locale locale) {
        if (indicator == null || indicator.value() == null) {
            return "\u2013";
        }
        boolean percent = percent(indicator);
        BigDecimal shown = scaled(indicator.value(), percent);
        int base = percent ? PERCENT_DECIMALS : RATIO_DECIMALS;
        SiteIndicator.Threshold t = indicator.threshold();
        int decimals = t == null || t.value() == null ? base
                : decimals(shown, t.comparator(), scaled(t.value(), percent), indicator.pass(), base);
        return fixed(shown, decimals, locale) + (percent ? "\u00a0%" : "");
    }

    /** The limit with its comparison sign, e.g. "≤ 1,20" or "≥ 10,0 %"; empty without a threshold. */
    static String limit(SiteIndicator indicator, Locale locale) {
        SiteIndicator.Threshold t = indicator == null ? null : indicator.threshold();
        if (t == null || t.value() == null) {
            return "";
        }
        boolean percent = percent(indicator);
        String sign = "<=".equals(t.comparator()) ? "\u2264 " : "\u2265 ";
        return sign + fixed(scaled(t.value(), percent), percent ? PERCENT_DECIMALS : RATIO_DECIMALS, locale)
                + (percent ? "\u00a0%" : "");
    }

    /**
     * The fewest decimals from {@code base} at which the rounded value meets the limit exactly when the real value
     * does ({@code pass} when the factory said so), never more than the value has.
     */
    static int decimals(BigDecimal value, String comparator, BigDecimal limit, Boolean pass, int base) {
        boolean meets = pass != null ? pass : meets(value, comparator, limit);
        int most = Math.max(base, value.stripTrailingZeros().scale());
        for (int d = base; d < most; d++) {
            if (meets(value.setScale(d, RoundingMode.HALF_UP), comparator, limit) == meets) {
                return d;
            }
        }
        return most;
    }

    private static boolean meets(BigDecimal value, String comparator, BigDecimal limit) {
        int c = value.compareTo(limit);
        return "<=".equals(comparator) ? c <= 0 : c >= 0;
    }

    private static boolean percent(SiteIndicator indicator) {
        return "fraction".equals(indicator.unit());
    }

    private static BigDecimal scaled(BigDecimal value, boolean percent) {
        return percent ? value.movePointRight(2) : value;
    }

    private static String fixed(BigDecimal value, int decimals, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
