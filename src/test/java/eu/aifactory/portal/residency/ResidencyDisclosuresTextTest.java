package eu.aifactory.portal.residency;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.report.ResidencyReport;
import eu.aifactory.portal.i18n.I18n;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provider's disclosures and the attestations' frameworks as the Residency page and PDF word them. */
class ResidencyDisclosuresTextTest {

    private static final I18n DE = new I18n(I18n.GERMAN);
    private static final I18n EN = new I18n(I18n.ENGLISH);

    private static ResidencyReport report(ResidencyReport.OfficialRequests requests) {
        ResidencyReport sample = SampleReports.report(ResidencyReport.Status.COMPLIANT, LocalDate.of(2027, 1, 31));
        ResidencyReport.Disclosures disclosures = new ResidencyReport.Disclosures("Operator GmbH", "DE",
                "Deutsche Telekom AG", "DE", "German law", "Parent under German law", "Binding orders only",
                List.of(new ResidencyReport.Subprocessor("sp-1", "Polarise GmbH", "GPU operations", "DE", "Munich")),
                requests);
        return new ResidencyReport(sample.reportId(), sample.methodologyVersion(), sample.generatedAt(), sample.period(),
                sample.tenant(), sample.scope(), sample.verdict(), sample.sites(), sample.inventory(),
                sample.processing(), sample.transfers(), sample.operatorAccess(), sample.attestations(),
                sample.findings(), Map.of("de", Map.of("German law", "Deutsches Recht", "Munich", "München")),
                List.of(), disclosures);
    }

    @Test
    void zeroOfficialRequestsAreStatedNotLeftOut() {
        List<String[]> lines = ResidencyDisclosures.lines(report(new ResidencyReport.OfficialRequests(0, 0, 0, 0, 0)), EN);

        assertThat(lines).extracting(l -> l[0]).containsExactly("Provider", "Parent company", "Applicable law",
                "Law of the parent company", "Official data requests", "Requests for your data in this period");
        assertThat(lines.get(5)[1]).isEqualTo("None (0)");
        assertThat(lines.get(1)[1]).isEqualTo("Deutsche Telekom AG (DE)");
    }

    @Test
    void requestsAreCountedByOutcomeAndTheFactorysGermanFormsAreUsed() {
        ResidencyReport report = report(new ResidencyReport.OfficialRequests(3, 1, 2, 0, 0));

        assertThat(ResidencyDisclosures.lines(report, DE).get(5)[1])
                .isEqualTo("3 eingegangen: 1 beantwortet, 2 abgelehnt, 0 offen, 0 zurückgezogen");
        assertThat(ResidencyDisclosures.lines(report, DE).get(2)[1]).isEqualTo("Deutsches Recht");
        assertThat(ResidencyDisclosures.subprocessors(report, DE))
                .containsExactly("Polarise GmbH: GPU operations \u2013 München (DE)");
    }

    @Test
    void anAttestationShowsItsFrameworkLevelAndCriteria() {
        ResidencyReport.Attestation c5 = new ResidencyReport.Attestation("a", "BSI C5:2026 Type 1", "Auditor", "All",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "C5-1", true,
                new ResidencyReport.Framework("bsi-c5-2026", "BSI C5", "BSI", "C5:2026", "ATTESTATION", "catalogue"),
                "Type 1", List.of(new ResidencyReport.Criterion("INQ-01", "Legal assessment"),
                new ResidencyReport.Criterion("INQ-05", "Number of requests")));
        ResidencyReport.Attestation gaiaX = new ResidencyReport.Attestation("g", "Gaia-X Label", "Body", "All",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "GX", true,
                new ResidencyReport.Framework("gaia-x", "Gaia-X Compliance", "Gaia-X AISBL", "24.11", "LABEL", "doc"),
                "Label Level 2", List.of());
        ResidencyReport.Attestation old = new ResidencyReport.Attestation("o", "Old", "Body", "All",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "X", true);
        ResidencyTables tables = new ResidencyTables(EN, List::of, id -> id, text -> text);
        var criteria = tables.attestations().stream().filter(c -> c.key().equals("residency.col.criteria")).findFirst()
                .orElseThrow();

        assertThat(ResidencyTables.framework(c5)).isEqualTo("C5:2026 \u00b7 Type 1");
        assertThat(ResidencyTables.framework(gaiaX)).isEqualTo("Gaia-X Compliance 24.11 \u00b7 Label Level 2");
        assertThat(ResidencyTables.framework(old)).isEqualTo("\u2013");
        assertThat(criteria.text().apply(new ResidencyViewModel.AttestationRow(c5, false))).isEqualTo("INQ-01, INQ-05");
    }
}
