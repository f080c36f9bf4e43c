package eu.aifactory.portal.energy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.api.report.EnergyTotals;
import eu.aifactory.portal.i18n.I18n;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** What an auditor reads about the energy figures, in German and English, from what the factory sent. */
class AuditTextsTest {

    private static final I18n DE = new I18n(I18n.GERMAN);
    private static final I18n EN = new I18n(I18n.ENGLISH);

    /** German forms the factory sends with the report, for the texts of its records the tests below show. */
    private static final EnergyReport TRANSLATED = report().withTranslations(Map.of("de", Map.of(
            "whole site (Hall 1 and Hall 2)", "gesamter Standort (Halle 1 und Halle 2)",
            "EnEfG draft 2026", "EnEfG-Entwurf 2026",
            "Stadtwerke", "Stadtwerke München (Fernwärme)")));
    private static final UnaryOperator<String> FACTORY_DE = english -> TRANSLATED.text(english, I18n.GERMAN);
    private static final UnaryOperator<String> FACTORY_EN = english -> TRANSLATED.text(english, I18n.ENGLISH);

    private static EnergyReport report() {
        EnergyTotals zero = new EnergyTotals(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0);
        return AuditSamples.withAudit(new EnergyReport("t", "T", Instant.EPOCH, Instant.EPOCH, null, "Europe/Berlin",
                "site", "scope", List.of(), zero, List.of(), List.of(), "v", "r", "m", Instant.EPOCH, null, null, null));
    }

    @Test
    void theProvenanceLineGivesBothSharesAndTheBandInTheUsersLanguage() {
        assertThat(AuditTexts.provenance(AuditSamples.provenance(), EN))
                .isEqualTo("Measured 90\u00a0% (1.08\u00a0kWh), modelled 10\u00a0% (0.12\u00a0kWh) of the IT energy; "
                        + "uncertainty \u00b10.072\u00a0kWh (\u00b16\u00a0%).");
        assertThat(AuditTexts.provenance(AuditSamples.provenance(), DE))
                .startsWith("Gemessen 90\u00a0% (1,08\u00a0kWh), modelliert 10\u00a0% (0,12\u00a0kWh)");
    }

    @Test
    void eachSourceSaysMeasuredOrModelledItsBoundaryIntervalAndWhetherTheDemoPlaysIt() {
        List<String> en = AuditSamples.provenance().sources().stream().map(s -> AuditTexts.source(s, FACTORY_EN, EN)).toList();

        assertThat(en.get(0)).startsWith("Measured by NVIDIA DCGM (B200 on-board sensors) \u00b7 boundary: GPU")
                .contains("a sample every 60 s").endsWith("(played by the demo factory)");
        assertThat(en.get(1)).startsWith("Modelled: Power model, version afp-energy-2026.1 \u00b7 boundary: node");
        assertThat(en.get(2)).doesNotContain("demo factory");
        assertThat(AuditTexts.source(AuditSamples.provenance().sources().get(1), FACTORY_DE, DE)).contains("Messgrenze: Knoten");
        assertThat(AuditTexts.pue(AuditSamples.provenance().pue().get(0), FACTORY_DE, DE))
                .isEqualTo("2026-07: PUE 1,25, Monatswert, gesamter Standort (Halle 1 und Halle 2)");
        assertThat(AuditTexts.pue(AuditSamples.provenance().pue().get(0), FACTORY_EN, EN))
                .isEqualTo("2026-07: PUE 1.25, monthly figure, whole site (Hall 1 and Hall 2)");
    }

    @Test
    void theRuleColumnsPutTheAppliedVersionFirstAndMarkTheDraftAsProposed() {
        EnergyReport report = report();
        List<String> heads = AuditTexts.columns(report).stream().map(r -> AuditTexts.columnHead(r, FACTORY_DE, DE)).toList();

        assertThat(heads).containsExactly("EnEfG 2023", "EnEfG-Entwurf 2026 (nicht in Kraft)");
        assertThat(AuditTexts.verdict(AuditSamples.pue(), AuditSamples.ENACTED, EN)).isEqualTo("\u2264 1.20 \u00b7 not met");
        assertThat(AuditTexts.verdict(AuditSamples.pue(), AuditSamples.DRAFT, EN)).isEqualTo("\u2264 1.30 \u00b7 met");
        assertThat(AuditTexts.verdict(AuditSamples.erfWaivedInDraft(), AuditSamples.DRAFT, DE))
                .isEqualTo("für diesen Standort entfallen");
        assertThat(AuditTexts.ruleSet(AuditSamples.DRAFT, FACTORY_EN, EN)).contains("proposed, not in force");
    }

    @Test
    void theSiteSectionNamesRegistrationsCertificatesWaterAndHeat() {
        List<String[]> lines = AuditTexts.site(AuditSamples.site(), FACTORY_EN, EN);

        assertThat(lines).extracting(l -> l[0]).containsExactly("EU data-centre database",
                "German Energy Efficiency Register", "Guarantees of origin", "Water", "Reused heat",
                "Heat network within 5 km");
        assertThat(lines.get(2)[1]).isEqualTo("one certificate, 4,500 MWh, 1 of them unsubsidised");
        assertThat(lines.get(3)[1]).isEqualTo("WUE 0.4 L/kWh \u00b7 your share 0.5 L \u00b7 site 2,678,400 L");
        assertThat(lines.get(4)[1]).contains("55 \u00b0C to Stadtwerke");
        assertThat(AuditTexts.site(AuditSamples.site(), FACTORY_DE, DE).get(4)[1])
                .endsWith("an Stadtwerke München (Fernwärme)");
        assertThat(AuditTexts.certificate(AuditSamples.site().certificates().get(0), FACTORY_DE, DE))
                .contains("HKN-1").contains("31.07.2026").endsWith("ungefördert");
    }

    @Test
    void carbonPerUnitNamesTheUnitInTheUsersLanguage() {
        assertThat(AuditTexts.carbon(AuditSamples.inspection(), id -> "Sichtprüfung", DE))
                .startsWith("Sichtprüfung: 0,017 g CO\u2082e je geprüftes Teil (R = 6.012;");
        assertThat(AuditTexts.carbon(AuditSamples.inspection(), id -> id, EN))
                .startsWith("visual-quality-inspection: 0.017 g CO\u2082e per inspected part");
        assertThat(AuditTexts.embodiedFactor(AuditSamples.inspection(), FACTORY_EN, I18n.ENGLISH)).hasValueSatisfying(f ->
                assertThat(f).startsWith("69\u00a0g CO2e/GPU-h (embodied_gpu_hour_b200, 2026"));
    }
}
