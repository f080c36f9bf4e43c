package eu.aifactory.portal.energy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.report.SiteIndicator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Indicators beside their limits show enough decimals that a failing value never reads as equal to its limit. */
class IndicatorFormatTest {

    private static SiteIndicator pue(String value, Boolean pass) {
        return new SiteIndicator("PUE", new BigDecimal(value), "ratio", "w", new SiteIndicator.Threshold("<=",
                new BigDecimal("1.2"), "ratio", LocalDate.of(2026, 7, 1), true, "NEW", "EnEfG", ""), pass, List.of());
    }

    private static SiteIndicator erf(String value, Boolean pass) {
        return new SiteIndicator("ERF", new BigDecimal(value), "fraction", "w", new SiteIndicator.Threshold(">=",
                new BigDecimal("0.10"), "fraction", LocalDate.of(2026, 7, 1), true, "NEW", "EnEfG", ""), pass, List.of());
    }

    @Test
    void pueAlwaysHasTwoDecimalsAndTheLimitTooInGerman() {
        assertThat(IndicatorFormat.value(pue("1.2", true), Locale.GERMANY)).isEqualTo("1,20");
        assertThat(IndicatorFormat.value(pue("1.22", false), Locale.GERMANY)).isEqualTo("1,22");
        assertThat(IndicatorFormat.value(pue("1.180", true), Locale.GERMANY)).isEqualTo("1,18");
        assertThat(IndicatorFormat.limit(pue("1.22", false), Locale.GERMANY)).isEqualTo("\u2264 1,20");
    }

    @Test
    void aFailingPueThatWouldRoundToTheLimitGetsAThirdDecimalInBothLanguages() {
        assertThat(IndicatorFormat.value(pue("1.204", false), Locale.GERMANY)).isEqualTo("1,204");
        assertThat(IndicatorFormat.value(pue("1.204", false), Locale.UK)).isEqualTo("1.204");
        // Without the factory's verdict the comparison itself decides.
        assertThat(IndicatorFormat.value(pue("1.201", null), Locale.UK)).isEqualTo("1.201");
        // A passing value that rounds onto the limit needs nothing more: it meets it.
        assertThat(IndicatorFormat.value(pue("1.199", true), Locale.UK)).isEqualTo("1.20");
        assertThat(IndicatorFormat.limit(pue("1.204", false), Locale.UK)).isEqualTo("\u2264 1.20");
    }

    @Test
    void erfInPercentShowsTheDecimalThatSeparatesAFailureFromTheLimit() {
        assertThat(IndicatorFormat.value(erf("0.14", true), Locale.GERMANY)).isEqualTo("14,0\u00a0%");
        assertThat(IndicatorFormat.value(erf("0.0996", false), Locale.GERMANY)).isEqualTo("9,96\u00a0%");
        assertThat(IndicatorFormat.value(erf("0.0996", false), Locale.UK)).isEqualTo("9.96\u00a0%");
        assertThat(IndicatorFormat.value(erf("0.099", false), Locale.UK)).isEqualTo("9.9\u00a0%");
        assertThat(IndicatorFormat.limit(erf("0.099", false), Locale.GERMANY)).isEqualTo("\u2265 10,0\u00a0%");
        assertThat(IndicatorFormat.limit(erf("0.099", false), Locale.UK)).isEqualTo("\u2265 10.0\u00a0%");
    }

    @Test
    void anIndicatorWithoutALimitHasNoLimitText() {
        SiteIndicator wue = new SiteIndicator("WUE", new BigDecimal("0.3"), "L/kWh", "w", null, null, List.of());
        assertThat(IndicatorFormat.value(wue, Locale.GERMANY)).isEqualTo("0,30");
        assertThat(IndicatorFormat.limit(wue, Locale.GERMANY)).isEmpty();
    }
}
