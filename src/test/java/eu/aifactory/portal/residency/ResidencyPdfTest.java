package eu.aifactory.portal.residency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.aifactory.api.report.ResidencyReport;
import eu.aifactory.api.report.ResidencyReport.Status;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.client.trust.KeyPinStore;
import eu.aifactory.portal.common.FileExport;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.residency.ResidencyViewModel.AttestationRow;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.testing.FakeFactoryClient;
import eu.aifactory.server.signing.SigningKeyStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The residency PDF, read back with PDFBox's text extraction, in German and English; export with progress and cancel. */
class ResidencyPdfTest {

    private static final Clock CLOCK = Clock.fixed(SampleReports.NOW, ZoneOffset.UTC);
    private static final String KID = "kid-abc";
    private static final String FINGERPRINT = "0A1B 2C3D 4E5F 6071 8293 A4B5 C6D7 E8F9 0A1B 2C3D 4E5F 6071 8293 A4B5 C6D7 E8F9";

    @TempDir
    Path dir;

    private final ResidencyReport report = SampleReports.report(Status.FINDINGS, LocalDate.parse("2026-04-01"));
    private final List<AttestationRow> attestations = List.of(
            new AttestationRow(report.attestations().get(0), false), new AttestationRow(report.attestations().get(1), true));

    private static final FileExport.Progress NEVER_CANCELLED = fraction -> { };
    private static final java.util.Map<String, String> PROJECTS = java.util.Map.of("p-quality", "Qualitätssicherung Linie 3");

    /** Writes the PDF as the export does, without the background. */
    private void write(Path pdf, ResidencyPdf.Signature signature, Locale locale, FileExport.Progress progress)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(pdf)) {
            ResidencyPdf.write(out, report, attestations, signature, PROJECTS, locale, progress);
        }
    }

    /** The PDF's text with every run of white space made one space, so wrapped cells read as written. */
    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static int pages(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return document.getNumberOfPages();
        }
    }

    /** The words of the PDF as extracted line by line: a word cut across lines shows up as two fragments. */
    private static java.util.Set<String> words(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new java.util.HashSet<>(List.of(new PDFTextStripper().getText(document).split("\\s+")));
        }
    }

    /** The sample report with an inventory as wide as the demo factory's: long names, classes and replica lists. */
    private ResidencyReport wideInventory() {
        List<ResidencyReport.StoredObject> inventory = new ArrayList<>(report.inventory());
        for (int i = 1; i <= 3; i++) {
            inventory.add(new ResidencyReport.StoredObject("ds-w" + i, eu.aifactory.api.catalog.ArtifactKind.DATASET,
                    "Schweißnaht-Aufnahmen Linie " + i + " hochaufgelöst", "mp-instandhaltung", null, 1234L << 30,
                    "ef".repeat(32), SampleReports.NOW.minusSeconds(86_400L * i), "muc-1", "DE", "nvme-encrypted",
                    LocalDate.parse("2030-12-31"), List.of(
                            new ResidencyReport.Replica("nue-1", "DE", "disk-encrypted", SampleReports.NOW),
                            new ResidencyReport.Replica("muc-1", "DE", "tape-encrypted", SampleReports.NOW))));
        }
        return new ResidencyReport(report.reportId(), report.methodologyVersion(), report.generatedAt(), report.period(),
                report.tenant(), report.scope(), report.verdict(), report.sites(), inventory, report.processing(),
                report.transfers(), report.operatorAccess(), report.attestations(), report.findings());
    }

    @Test
    void noHeaderOrValueWordOfTheInventoryIsCutAcrossLinesInEitherLanguage() throws IOException {
        ResidencyReport report = wideInventory();
        for (Locale locale : List.of(I18n.GERMAN, I18n.ENGLISH)) {
            Path pdf = dir.resolve("inventory-" + locale.getLanguage() + ".pdf");
            try (OutputStream out = Files.newOutputStream(pdf)) {
                ResidencyPdf.write(out, report, attestations,
                        new ResidencyPdf.Signature(KID, FINGERPRINT, "ok", SampleReports.NOW), PROJECTS, locale,
                        NEVER_CANCELLED);
            }

            java.util.Set<String> words = words(pdf);
            I18n i18n = new I18n(locale);
            ResidencyTables tables = new ResidencyTables(i18n, report::sites, id -> PROJECTS.getOrDefault(id, id),
                    text -> report.text(text, i18n.locale()));
            List<String> expected = new ArrayList<>();
            for (var column : tables.inventory()) {
                expected.addAll(List.of(i18n.get(column.key()).split(" ")));
                for (var stored : report.inventory()) {
                    String cell = column.text().apply(stored);
                    // A cell may wrap at its spaces; a word inside it stays whole.
                    for (String word : cell.split(" ")) {
                        if (!word.isEmpty() && !word.contains("-")) {
                            expected.add(word);
                        }
                    }
                }
            }
            expected.addAll(report.inventory().stream().map(o -> o.storageClass()).toList());
            assertThat(words).as(locale.toString()).containsAll(expected);
        }
    }

    @Test
    void theGermanPdfHasTheVerdictTheSigningKeyAndTheTables() throws IOException {
        Path pdf = dir.resolve("bericht.pdf");

        write(pdf, new ResidencyPdf.Signature(KID, FINGERPRINT,
                "Signatur geprüft · Schlüssel 0A1B 2C3D … E8F9", SampleReports.NOW), I18n.GERMAN, NEVER_CANCELLED);

        String text = text(pdf);
        assertThat(text).contains("Residenzbericht", "Mandant Müller Präzisionsteile GmbH", "03.12.2025 bis 02.03.2026");
        assertThat(text).contains("Alle Daten der Müller Präzisionsteile GmbH wurden vom 03.12.2025 bis 02.03.2026 "
                + "in Deutschland gespeichert und verarbeitet");
        assertThat(text).contains("Schlüssel-ID " + KID, FINGERPRINT, "Prüfergebnis Signatur geprüft");
        assertThat(text).contains("Bestand (2)", "gpu-a-017", "TÜV SÜD", "läuft bald ab", "Behoben");
        assertThat(text).as("projects by name").contains("Qualitätssicherung Linie 3").doesNotContain("p-quality");
        assertThat(text).contains("Seite 1 von " + pages(pdf));
    }

    @Test
    void theEnglishPdfSaysTheSameInEnglish() throws IOException {
        Path pdf = dir.resolve("report.pdf");

        write(pdf, new ResidencyPdf.Signature(KID, FINGERPRINT,
                "Signature verified · key 0A1B 2C3D … E8F9", SampleReports.NOW), I18n.ENGLISH, NEVER_CANCELLED);

        String text = text(pdf);
        assertThat(text).contains("Residency report", "Tenant Müller Präzisionsteile GmbH", "3 Dec 2025 to 2 Mar 2026");
        assertThat(text).contains("All data of Müller Präzisionsteile GmbH was stored and processed in Germany");
        assertThat(text).contains("Signing key id " + KID, FINGERPRINT, "Verification result Signature verified");
        assertThat(text).contains("gpu-a-017", "TÜV SÜD", "expires soon", "Resolved");
        assertThat(text).contains("Page 1 of " + pages(pdf));
        assertThat(text).doesNotContain("Residenzbericht", "läuft bald ab");
    }

    @Test
    void theWriterReportsProgressPerSectionAndStopsWhenTheExportIsCancelled() {
        List<Double> seen = new ArrayList<>();
        FileExport.Progress cancelAfterThree = fraction -> {
            if (seen.size() == 3) {
                throw new FileExport.Cancelled();
            }
            seen.add(fraction);
        };

        assertThatThrownBy(() -> ResidencyPdf.write(OutputStream.nullOutputStream(), report, attestations,
                new ResidencyPdf.Signature(KID, FINGERPRINT, "ok", null), PROJECTS, I18n.ENGLISH, cancelAfterThree))
                .isInstanceOf(FileExport.Cancelled.class);

        assertThat(seen).containsExactly(0.1, 0.2, 0.3);
    }

    @Test
    void theViewModelExportsThePdfInTheCurrentLanguageWithTheKeyThatSignedTheReport() throws IOException {
        SigningKeyStore keys = SigningKeyStore.inMemory(CLOCK);
        DirectTaskExecutor executor = new DirectTaskExecutor();
        FakeFactoryClient client = new FakeFactoryClient();
        client.onResidencyReport((from, to) -> keys.sign(SampleReports.tree(report))).factoryKeys(keys.publishedKeys());
        ResidencyViewModel viewModel = new ResidencyViewModel(client, executor, new I18n(I18n.GERMAN),
                new KeyPinStore(dir.resolve("trust/demo.json")), CLOCK);
        viewModel.load();
        Path pdf = dir.resolve("bericht.pdf");
        List<String> errors = new ArrayList<>();

        viewModel.exportPdf(pdf, () -> { }, errors::add);
        executor.runDelayed();

        assertThat(errors).isEmpty();
        assertThat(viewModel.exportingPdfProperty().get()).isFalse();
        assertThat(viewModel.pdfProgressProperty().get()).isEqualTo(1.0);
        String text = text(pdf);
        JwkSet published = keys.publishedKeys();
        assertThat(text).contains("Schlüssel-ID " + keys.currentKid(), published.find(keys.currentKid()).orElseThrow().fingerprint(),
                "Prüfergebnis Signatur geprüft");
    }

    @Test
    void cancellingAHeldPdfExportWritesNothing() throws IOException {
        SigningKeyStore keys = SigningKeyStore.inMemory(CLOCK);
        DirectTaskExecutor executor = new DirectTaskExecutor();
        FakeFactoryClient client = new FakeFactoryClient();
        client.onResidencyReport((from, to) -> keys.sign(SampleReports.tree(report))).factoryKeys(keys.publishedKeys());
        ResidencyViewModel viewModel = new ResidencyViewModel(client, executor, new I18n(I18n.ENGLISH),
                new KeyPinStore(dir.resolve("trust/demo.json")), CLOCK);
        viewModel.load();
        Path pdf = dir.resolve("report.pdf");
        List<String> outcomes = new ArrayList<>();
        executor.holdWork();

        viewModel.exportPdf(pdf, () -> outcomes.add("done"), outcomes::add);
        assertThat(viewModel.exportingPdfProperty().get()).isTrue();
        viewModel.cancelPdfExport();
        executor.runHeldWork();

        assertThat(viewModel.exportingPdfProperty().get()).isFalse();
        assertThat(outcomes).isEmpty();
        assertThat(pdf).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no partial file either").noneMatch(file -> file.getFileName().toString().endsWith(".part"));
        }
    }

    @Test
    void whenTheLongestWordsDoNotFitTheTextColumnsGiveWayAndDatesAndSizesKeepTheirWidth() {
        List<String> headers = List.of("Name", "Project", "Created", "Size");
        List<List<String>> rows = List.of(
                List.of("Qualitätssicherungsunterlagenverzeichnisdateien", "mp-instandhaltungsplanungsprojekt",
                        "07.08.2026, 09:56", "133\u00a0GiB"));

        float[] weights = ResidencyPdf.weights(headers, rows);

        assertThat(weights[2]).as("the date keeps its longest word and padding").isEqualTo(13f);
        assertThat(weights[3]).as("a size with a no-break space is one word").isEqualTo(9f);
        assertThat(weights[0]).isLessThan(47f + 2f);
        assertThat(weights[0] + weights[1] + weights[2] + weights[3]).isLessThanOrEqualTo(104.01f);
    }

    @Test
    void whenTheWordsFitTheSpareWidthGoesToRunningText() {
        List<String> headers = List.of("Description", "Opened");
        List<List<String>> rows = List.of(List.of("Support access without a ticket reference was found and closed", "03.02.2026"));

        float[] weights = ResidencyPdf.weights(headers, rows);

        assertThat(weights[1]).isEqualTo(12f);
        assertThat(weights[0]).isEqualTo(104f - 12f);
    }
}
