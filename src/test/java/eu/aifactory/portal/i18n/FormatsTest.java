package eu.aifactory.portal.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void kilowattHoursUseGermanGroupingAndDecimalComma() {
        assertThat(Formats.kwh(new BigDecimal("1234.5"), I18n.GERMAN)).isEqualTo("1.234,5\u00a0kWh");
        assertThat(Formats.kwh(new BigDecimal("1234.5"), I18n.ENGLISH)).isEqualTo("1,234.5\u00a0kWh");
    }

    @Test
    void fractionsArePercentagesInTheUsersLanguage() {
        assertThat(Formats.percent(new BigDecimal("0.9234"), I18n.GERMAN)).isEqualTo("92,3\u00a0%");
    }
}
