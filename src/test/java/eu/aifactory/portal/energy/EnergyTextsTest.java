package eu.aifactory.portal.energy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.api.report.SiteIndicator;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.server.energy.model.EnergyFactors;
import eu.aifactory.server.energy.model.EnergyLedger;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The energy report's fixed phrases come from the portal's messages in German and English, free text stays as sent. */
class EnergyTextsTest {

    private static final I18n DE = new I18n(I18n.GERMAN);
    private static final I18n EN = new I18n(I18n.ENGLISH);

    private static EnergyReport report(EnergyReport.ProjectScope scope, String version) {
        return new EnergyReport("t", "T", Instant.EPOCH, Instant.EPOCH, null, "Europe/Berlin", "site",
                "the server's words", List.of(), null, List.of(), List.of(), version, "server rounding",
                "server methodology", Instant.EPOCH, null, null, scope);
    }

    private static SiteIndicator indicator(String name, String basis) {
        return new SiteIndicator(name, BigDecimal.ONE, "ratio", "server weighting", null, null, List.of(), basis);
    }

    @Test
    void theScopeIsWordedFromItsCodeInBothLanguages() {
        EnergyReport whole = report(new EnergyReport.ProjectScope(true, List.of()), "v");
        EnergyReport mine = report(new EnergyReport.ProjectScope(false, List.of("p-a", "p-b")), "v");
        EnergyReport none = report(new EnergyReport.ProjectScope(false, List.of()), "v");

        assertThat(EnergyTexts.scope(whole, DE)).isEqualTo("alle Projekte des Mandanten");
        assertThat(EnergyTexts.scope(whole, EN)).isEqualTo("all projects of the tenant");
        assertThat(EnergyTexts.scope(mine, DE)).isEqualTo("Ihre Projekte: p-a, p-b");
        assertThat(EnergyTexts.scope(mine, EN)).isEqualTo("your projects: p-a, p-b");
        assertThat(EnergyTexts.scope(none, DE)).isEqualTo("Ihre Projekte: keine");
        // A factory that sends no code: its own words are all there is.
        assertThat(EnergyTexts.scope(report(null, "v"), DE)).isEqualTo("the server's words");
    }

    @Test
    void theWeightingIsWordedFromItsBasisWithTheRatioForPueAndRef() {
        assertThat(EnergyTexts.weighting(indicator("PUE", SiteIndicator.BY_IT_ENERGY), DE))
                .isEqualTo("gewichtet mit der IT-Energie dieses Berichts je Monat (Rechenzentrumsenergie / IT-Energie)");
        assertThat(EnergyTexts.weighting(indicator("REF", SiteIndicator.BY_FACILITY_ENERGY), EN))
                .isEqualTo("weighted by this report's facility energy per month (renewable energy / facility energy)");
        assertThat(EnergyTexts.weighting(indicator("ERF", SiteIndicator.BY_FACILITY_ENERGY), DE))
                .isEqualTo("gewichtet mit der Rechenzentrumsenergie dieses Berichts je Monat");
        assertThat(EnergyTexts.weighting(indicator("PUE", SiteIndicator.BY_TIME), DE))
                .isEqualTo("keine Energie im Zeitraum: Monatswerte nach Zeit gewichtet");
        assertThat(EnergyTexts.weighting(indicator("PUE", null), DE)).isEqualTo("server weighting");
        assertThat(EnergyTexts.weighting(indicator("PUE", "somethingNew"), DE)).isEqualTo("server weighting");
    }

    @Test
    void aKnownMethodologyIsTranslatedAndAnUnknownOneShownAsSent() {
        EnergyReport known = report(null, EnergyFactors.METHODOLOGY_VERSION);
        assertThat(EnergyTexts.methodology(known, DE)).startsWith("IT-Energie = der DCGM-artige Energiezähler");
        assertThat(EnergyTexts.roundingRule(EnergyFactors.METHODOLOGY_VERSION, "x", DE))
                .startsWith("Energie wird in ganzen Wh");
        // The English messages say what the factory's model says.
        assertThat(EnergyTexts.methodology(known, EN)).isEqualTo(EnergyLedger.METHODOLOGY);
        EnergyReport unknown = report(null, "other-1");
        assertThat(EnergyTexts.methodology(unknown, DE)).isEqualTo("server methodology");
        assertThat(EnergyTexts.roundingRule("other-1", "server rounding", DE)).isEqualTo("server rounding");
    }
}
