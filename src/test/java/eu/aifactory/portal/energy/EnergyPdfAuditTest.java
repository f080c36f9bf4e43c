package eu.aifactory.portal.energy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.testing.FakeFactoryClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Energy PDF's auditor sections in each language, read back with PDFBox: the provenance line, each source, the
 * PUE used, the rule versions with their legal sources, and the factory's own texts in the PDF's language.
 */
class EnergyPdfAuditTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private static final Map<String, Map<String, String>> GERMAN = Map.of("de", Map.of(
            "EnEfG draft 2026", "EnEfG-Entwurf 2026",
            "Ministry draft of 9 April 2026", "Referentenentwurf vom 9. April 2026",
            "whole site (Hall 1 and Hall 2)", "gesamter Standort (Halle 1 und Halle 2)",
            "Power model", "Leistungsmodell"));

    private final FakeFactoryClient fake = EnergySamples.install(new FakeFactoryClient());
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final ConnectionMonitor monitor = new ConnectionMonitor(executor, NOW, Duration.ofMinutes(5), 3);
    private final EnergyViewModel viewModel = new EnergyViewModel(fake, executor, monitor, NOW, EnergySamples.ZONE);

    EnergyPdfAuditTest() {
        fake.onEnergyReport((from, to, groupBy) ->
                AuditSamples.withAudit(EnergySamples.report(from, to, groupBy)).withTranslations(GERMAN));
    }

    @Test
    void germanPdfCarriesProvenanceAndRuleVersionsWithTheFactorysTextsInGerman(@TempDir Path dir) throws IOException {
        viewModel.load();
        Path target = dir.resolve("de.pdf");

        viewModel.exportPdf(target, Locale.GERMANY, null);

        String text = text(target);
        EnergyReport report = viewModel.reportProperty().get();
        I18n de = new I18n(Locale.GERMANY);
        assertThat(text).contains(flat(de.get("energy.audit.title")), flat(de.get("energy.audit.rules.title")),
                flat(AuditTexts.provenance(report.provenance(), de)),
                "Gemessen mit NVIDIA DCGM (B200 on-board sensors) \u00b7 Messgrenze: GPU",
                "Modelliert: Leistungsmodell, Version afp-energy-2026.1 \u00b7 Messgrenze: Knoten",
                "2026-07: PUE 1,25, Monatswert, gesamter Standort (Halle 1 und Halle 2)",
                "EnEfG 2023 (in Kraft): EnEfG \u00a7 11",
                "EnEfG-Entwurf 2026 (Entwurf, nicht in Kraft): Referentenentwurf vom 9. April 2026",
                "EnEfG-Entwurf 2026 (nicht in Kraft)");
        assertThat(text).doesNotContain("whole site", "Power model", "EnEfG draft 2026", "Ministry draft");
    }

    @Test
    void englishPdfCarriesTheSameLinesInEnglish(@TempDir Path dir) throws IOException {
        viewModel.load();
        Path target = dir.resolve("en.pdf");

        viewModel.exportPdf(target, Locale.UK, null);

        String text = text(target);
        I18n en = new I18n(Locale.UK);
        assertThat(text).contains(flat(en.get("energy.audit.title")), flat(en.get("energy.audit.rules.title")),
                flat(AuditTexts.provenance(viewModel.reportProperty().get().provenance(), en)),
                "Modelled: Power model, version afp-energy-2026.1 \u00b7 boundary: node",
                "2026-07: PUE 1.25, monthly figure, whole site (Hall 1 and Hall 2)",
                "EnEfG draft 2026 (proposed, not in force): Ministry draft of 9 April 2026");
        assertThat(text).doesNotContain("gesamter Standort", "Leistungsmodell", "Entwurf");
    }

    /** The PDF's text on one line: PDFBox breaks lines where the PDF wraps them, and gives plain spaces. */
    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return flat(new PDFTextStripper().getText(doc));
        }
    }

    private static String flat(String s) {
        return s.replace('\u00a0', ' ').replace('\u202f', ' ').replaceAll("\\s+", " ");
    }
}
