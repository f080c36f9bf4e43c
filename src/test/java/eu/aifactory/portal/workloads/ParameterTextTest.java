package eu.aifactory.portal.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.portal.i18n.I18n;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ParameterTextTest {

    private final AppVersion version = Samples.version();
    private final I18n german = new I18n(I18n.GERMAN);

    @Test
    void aParameterReadsWithItsLabelUnitAndTheLanguagesNumbers() {
        assertThat(ParameterText.label(ParameterText.spec(version, "imageSize"), "imageSize", I18n.GERMAN)).isEqualTo("Bildgröße");
        assertThat(ParameterText.value(ParameterText.spec(version, "imageSize"), 1024, german)).isEqualTo("1024\u00a0px");
        assertThat(ParameterText.value(ParameterText.spec(version, "threshold"), new BigDecimal("0.50"), german)).isEqualTo("0,5");
    }

    @Test
    void aSwitchReadsJaOrNeinNotTrueOrFalse() {
        assertThat(ParameterText.value(ParameterText.spec(version, "saveAnnotated"), true, german)).isEqualTo("ja");
        assertThat(ParameterText.value(ParameterText.spec(version, "saveAnnotated"), "false", german)).isEqualTo("nein");
        assertThat(ParameterText.value(null, false, new I18n(I18n.ENGLISH))).isEqualTo("no");
    }

    @Test
    void withoutTheCatalogTheStoredNameAndValueAreShown() {
        assertThat(ParameterText.label(null, "lineId", I18n.GERMAN)).isEqualTo("lineId");
        assertThat(ParameterText.value(null, "L03", german)).isEqualTo("L03");
        assertThat(ParameterText.inputTitle(null, "images", I18n.GERMAN)).isEqualTo("images");
    }

    @Test
    void anInputReadsByItsTitle() {
        assertThat(ParameterText.inputTitle(version, "images", I18n.GERMAN)).isEqualTo("Bauteilbilder");
        assertThat(ParameterText.inputTitle(version, "images", I18n.ENGLISH)).isEqualTo("Part images");
    }
}
