package eu.aifactory.portal.energy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.FileExport;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.testing.FakeFactoryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Energy page's exports: the PDF's content in both languages, progress, and cancellation without leftovers. */
class EnergyExportTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    private final FakeFactoryClient fake = EnergySamples.install(new FakeFactoryClient());
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final ConnectionMonitor monitor = new ConnectionMonitor(executor, NOW, Duration.ofMinutes(5), 3);
    private final EnergyViewModel viewModel = new EnergyViewModel(fake, executor, monitor, NOW, EnergySamples.ZONE);

    @Test
    void germanPdfShowsTheFiguresAsTheScreenFormatsThemWithPageNumbers(@TempDir Path dir) throws IOException {
        viewModel.load();
        Path target = dir.resolve(viewModel.suggestedPdfName());

        viewModel.exportPdf(target, Locale.GERMANY, chart());

        assertThat(viewModel.exportResultProperty().get().ok()).isTrue();
        assertThat(target.getFileName().toString()).isEqualTo("energy-2026-07-01_2026-09-30.pdf");
        String text = text(target);
        var kpis = viewModel.kpisProperty().get();
        String facility = Formats.kwh(kpis.facilityKwh(), Locale.GERMANY);
        // German grouping and decimal marks, e.g. "113.527,6 kWh".
        assertThat(facility).matches("\\d{1,3}(\\.\\d{3})+,\\d\u00a0kWh");
        assertThat(normalise(text)).contains(normalise(facility),
                normalise(Formats.kgCo2e(kpis.co2eKgLocation(), Locale.GERMANY)),
                "Energie- und Emissionsbericht", "Zeitraum", "01.07.2026 \u2013 30.09.2026", "Mandant",
                "PUE des Standorts", "EnEfG-Grenzwert", "Verwendete Faktoren", "Quelle", "Summe",
                "1,21", "\u2264 1,20", "14,0 %", "\u2265 10,0 %");
        // Fixed server phrases are worded from the report's codes in German.
        assertThat(normalise(text).replaceAll("\\s+", " ")).contains("Umfang alle Projekte des Mandanten",
                "gewichtet mit der IT-Energie dieses Berichts je Monat (Rechenzentrumsenergie / IT-Energie)")
                .doesNotContain("all projects of the tenant", "weighted by");
        var first = viewModel.rows().get(0);
        // Long names wrap inside their cell; the figures stay whole.
        assertThat(normalise(text)).contains(first.name().split(" ")[0], Formats.number(first.facilityKwh(), 1, Locale.GERMANY),
                normalise(Formats.eur(first.costEur(), Locale.GERMANY)));
        for (var factor : viewModel.reportProperty().get().factors()) {
            assertThat(normalise(text)).contains(factor.key(), normalise(factor.unit()));
        }
        try (PDDocument doc = Loader.loadPDF(target.toFile())) {
            int pages = doc.getNumberOfPages();
            assertThat(text).contains("Seite 1 von " + pages, "Seite " + pages + " von " + pages);
        }
    }

    @Test
    void englishPdfSpeaksEnglishAndNamesTheTotal(@TempDir Path dir) throws IOException {
        viewModel.load();
        Path target = dir.resolve("report.pdf");

        viewModel.exportPdf(target, Locale.UK, null);

        String text = normalise(text(target));
        assertThat(text).contains("Energy and emissions report", "Page 1 of", "Total",
                normalise(Formats.kwh(viewModel.kpisProperty().get().facilityKwh(), Locale.UK)));
        assertThat(text).doesNotContain("Seite");
        // The failing PUE (1.21) and its limit at the same precision, as on the page.
        assertThat(text).contains("1.21", "\u2264 1.20", "14.0 %", "\u2265 10.0 %");
        assertThat(text.replaceAll("\\s+", " ")).contains("Scope all projects of the tenant",
                "weighted by this report's IT energy per month (facility energy / IT energy)");
    }

    @Test
    void theWorkloadTableCutsNoHeaderWordNorIdentifierAcrossLinesInEitherLanguage(@TempDir Path dir) throws IOException {
        viewModel.load();
        for (Locale locale : List.of(Locale.GERMANY, Locale.UK)) {
            Path target = dir.resolve("words-" + locale.getLanguage() + ".pdf");

            viewModel.exportPdf(target, locale, null);

            java.util.Set<String> words = new java.util.HashSet<>(List.of(normalise(text(target)).split("\\s+")));
            I18n i18n = new I18n(locale);
            List<String> expected = new java.util.ArrayList<>();
            for (String key : List.of("workload", "application", "project", "itKwh", "facilityKwh", "co2Location",
                    "co2Market", "gpuHours", "cost")) {
                expected.addAll(List.of(normalise(i18n.get("energy.col." + key)).split(" ")));
            }
            for (var row : viewModel.rows()) {
                expected.addAll(List.of(normalise(row.appName(locale)).split(" ")));
                expected.addAll(List.of(normalise(row.projectLabel()).split(" ")));
            }
            assertThat(words).as(locale.toString()).containsAll(expected);
        }
    }

    @Test
    void progressReachesTheUiThreadAndEndsAtOne(@TempDir Path dir) {
        viewModel.load();
        executor.holdWork();
        viewModel.exportCsv(dir.resolve("e.csv"));

        assertThat(viewModel.exportingProperty().get()).isTrue();
        assertThat(viewModel.exportProgressProperty().get()).isZero();
        executor.runHeldWork();

        assertThat(viewModel.exportingProperty().get()).isFalse();
        assertThat(viewModel.exportProgressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void cancellingWhileThePdfIsWrittenLeavesNoFileAndSaysSo(@TempDir Path dir) throws IOException {
        viewModel.load();
        Path target = dir.resolve("report.pdf");
        // The user presses Cancel while the background thread is inside the writer: the next progress report throws.
        FileExport export = new FileExport(executor);
        export.start(target, (out, progress) -> {
            out.write(new byte[4096]);
            export.cancel();
            progress.report(0.5);
            out.write(new byte[4096]);
        });

        assertThat(export.resultProperty().get().cancelled()).isTrue();
        assertThat(export.runningProperty().get()).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void cancellingTheViewModelsExportKeepsTheOldFileUntouched(@TempDir Path dir) throws IOException {
        viewModel.load();
        Path target = dir.resolve("report.pdf");
        Files.writeString(target, "old");
        executor.holdWork();
        viewModel.exportPdf(target, Locale.GERMANY, null);

        viewModel.cancelExport();
        executor.runHeldWork();

        assertThat(viewModel.exportResultProperty().get().cancelled()).isTrue();
        assertThat(Files.readString(target)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFailingWriterLeavesNoPartialFile(@TempDir Path dir) throws IOException {
        FileExport export = new FileExport(executor);
        export.start(dir.resolve("x.csv"), (out, progress) -> {
            out.write(new byte[100]);
            throw new IOException("disk full");
        });

        assertThat(export.resultProperty().get().error()).isEqualTo("disk full");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    private static EnergyPdf.Pixels chart() {
        int[] argb = new int[200 * 100];
        Arrays.fill(argb, 0xff3366cc);
        return new EnergyPdf.Pixels(200, 100, argb);
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Text extraction gives plain spaces where the screen has no-break spaces. */
    private static String normalise(String s) {
        return s.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
