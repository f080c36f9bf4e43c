package eu.aifactory.portal.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.chart.NumberAxis;
import org.junit.jupiter.api.Test;

class AxisFormatsTest {

    @Test
    void germanAxisLabelsGroupThousandsWithADotAndEnglishWithAComma() {
        assertThat(AxisFormats.converter(I18n.GERMAN, 0).toString(4000)).isEqualTo("4.000");
        assertThat(AxisFormats.converter(I18n.GERMAN, 1).toString(1500.5)).isEqualTo("1.500,5");
        assertThat(AxisFormats.converter(I18n.ENGLISH, 0).toString(4000)).isEqualTo("4,000");
        assertThat(AxisFormats.converter(I18n.GERMAN, 0).fromString("4.000").intValue()).isEqualTo(4000);
    }

    @Test
    void aLocalizedAxisFollowsTheLanguageSwitch() {
        I18n i18n = new I18n(I18n.ENGLISH);
        NumberAxis axis = new NumberAxis();
        AxisFormats.localize(axis, i18n, 0);
        assertThat(axis.getTickLabelFormatter().toString(4000)).isEqualTo("4,000");

        i18n.localeProperty().set(I18n.GERMAN);

        assertThat(axis.getTickLabelFormatter().toString(4000)).isEqualTo("4.000");
    }
}
