package eu.aifactory.portal.residency;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.report.ResidencyReport;
import eu.aifactory.api.report.ResidencyReport.Site;
import eu.aifactory.api.report.ResidencyReport.SiteRole;
import eu.aifactory.portal.i18n.I18n;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The factory names its sites in English and sends their German names with the report: German readers get those. */
class ResidencySiteNamesTest {

    private static final Site MUNICH = new Site("muc-1", "Munich (Tucherpark)", "Munich", "DE", SiteRole.PRIMARY, true,
            48.137, 11.575, "Primary site", 1024, 3);
    private static final ResidencyReport REPORT = new ResidencyReport("rr-1", "1.0", null, null, null, null, null,
            List.of(MUNICH), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            Map.of("de", Map.of("Munich (Tucherpark)", "München (Tucherpark)", "Munich", "München")));

    @Test
    void sitesAndTheirCitiesAreNamedInGermanForAGermanReader() {
        I18n german = new I18n(I18n.GERMAN);
        ResidencyTables tables = new ResidencyTables(german, REPORT::sites, id -> id,
                text -> REPORT.text(text, german.locale()));

        assertThat(tables.sites().get(0).text().apply(MUNICH)).isEqualTo("München (Tucherpark), München (DE)");
        assertThat(tables.siteName("muc-1")).isEqualTo("München");
    }

    @Test
    void anEnglishReaderKeepsTheFactorysNames() {
        I18n english = new I18n(I18n.ENGLISH);
        ResidencyTables tables = new ResidencyTables(english, REPORT::sites, id -> id,
                text -> REPORT.text(text, english.locale()));

        assertThat(tables.siteName("muc-1")).isEqualTo("Munich");
    }
}
