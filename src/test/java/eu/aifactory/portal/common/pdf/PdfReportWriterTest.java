package eu.aifactory.portal.common.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.portal.common.FileExport;
import eu.aifactory.portal.common.pdf.PdfReportWriter.Align;
import eu.aifactory.portal.common.pdf.PdfReportWriter.Card;
import eu.aifactory.portal.common.pdf.PdfReportWriter.Column;
import eu.aifactory.portal.common.pdf.PdfReportWriter.Status;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfReportWriterTest {

    private static final List<Column> COLUMNS = List.of(
            new Column("Workload", 3, Align.LEFT),
            new Column("IT-Energie (kWh)", 1.5f, Align.RIGHT),
            new Column("CO₂e (kg)", 1.5f, Align.RIGHT));

    @Test
    void germanReportKeepsUmlautsEuroAndComparisonSignsWithAnEmbeddedFont() throws IOException {
        byte[] pdf;
        try (PdfReportWriter writer = PdfReportWriter.forLocale(Locale.GERMANY, "AI Factory München")) {
            assertThat(writer.embedsFont()).isTrue();
            writer.title("Energiebericht", "Größenordnung und Kosten");
            writer.keyValues(header());
            writer.cards(List.of(
                    new Card("PUE", "1,18", "Grenzwert ≤ 1,2", Status.PASS),
                    new Card("ERF", "8,0 %", "Grenzwert ≥ 10 %", Status.FAIL),
                    new Card("Kosten", "1.234,50 €", null, null)), 3, "erfüllt", "verfehlt");
            writer.paragraph("Prüfstand für Schweißnähte: Übergrößen, Öfen und Maße.");
            pdf = bytes(writer);
        }

        String text = extract(pdf);
        assertThat(text).contains("Energiebericht", "Größenordnung", "München", "1.234,50 €", "≤ 1,2", "≥ 10 %",
                "Prüfstand für Schweißnähte: Übergrößen, Öfen und Maße.", "erfüllt", "verfehlt", "Mandant",
                "Seite 1 von 1");
    }

    @Test
    void longTableBreaksAcrossPagesRepeatsItsHeaderAndNumbersEveryPage() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            rows.add(List.of("Workload " + i, i + ",5", i + ",25"));
        }
        byte[] pdf;
        int pages;
        try (PdfReportWriter writer = PdfReportWriter.forLocale(Locale.GERMANY, "")) {
            writer.title("Tabelle", null).table(COLUMNS, rows);
            pages = writer.pageCount();
            pdf = bytes(writer);
        }

        assertThat(pages).isGreaterThanOrEqualTo(3);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(pages);
            for (int p = 1; p <= pages; p++) {
                String pageText = pageText(doc, p);
                assertThat(pageText).contains("IT-Energie (kWh)", "Seite " + p + " von " + pages);
            }
            String all = new PDFTextStripper().getText(doc);
            assertThat(all).contains("Workload 1 ", "Workload 150 ", "150,5");
        }
    }

    @Test
    void wrapBreaksAtSpacesThenAfterHyphensAndSplitsOnlyAWordWiderThanTheLine() throws IOException {
        try (PdfReportWriter writer = PdfReportWriter.forLocale(Locale.GERMANY, "")) {
            float size = 8.5f;
            float encrypted = writer.wrapWidth("nvme-encrypted", size);
            assertThat(writer.wrap("nvme-encrypted Standort", size, encrypted + 1))
                    .containsExactly("nvme-encrypted", "Standort");
            assertThat(writer.wrap("mp-instandhaltung", size, writer.wrapWidth("instandhaltung", size) + 1))
                    .containsExactly("mp-", "instandhaltung");
            assertThat(writer.wrap("model_weights/v2", size, writer.wrapWidth("model_weights/", size) + 1))
                    .containsExactly("model_weights/", "v2");
            // A date is not a hyphenated word: it stays whole on a line wide enough for it.
            assertThat(writer.wrap("am 2026-11-25", size, writer.wrapWidth("2026-11-25", size) + 1))
                    .containsExactly("am", "2026-11-25");
            // Only a word that is wider than the line on its own is cut inside.
            List<String> cut = writer.wrap("Datensatz", size, writer.wrapWidth("Daten", size) + 1);
            assertThat(cut).hasSizeGreaterThan(1);
            assertThat(String.join("", cut)).isEqualTo("Datensatz");
        }
    }

    @Test
    void aTableGivesEveryColumnRoomForItsWidestWordSoNoHeaderOrCellWordIsCut() throws IOException {
        List<Column> columns = new ArrayList<>();
        for (String header : List.of("Name", "Art", "Projekt", "Standort", "Speicherklasse", "Kopien", "Größe",
                "Erstellt", "Aufbewahrt bis")) {
            columns.add(new Column(header, 1, Align.LEFT));
        }
        List<List<String>> rows = List.of(
                List.of("Prüfbilder Gehäuse 2025", "Datensatz", "p-quality", "München (DE)", "nvme-encrypted",
                        "Nürnberg (DE)", "820 GiB", "20.11.2025, 08:00", "31.12.2028"),
                List.of("Defekterkennung v3", "Artefakt", "mp-instandhaltung", "München (DE)", "ssd-encrypted", "",
                        "12 GiB", "14.01.2026, 16:30", "14.01.2027"));
        try (PdfReportWriter writer = PdfReportWriter.forLocale(Locale.GERMANY, "")) {
            PdfReportWriter.TableLayout layout = writer.layout(columns, rows, 499);

            float sum = 0;
            for (int i = 0; i < columns.size(); i++) {
                sum += layout.widths()[i];
                float line = layout.widths()[i] - 8;
                List<String> texts = new ArrayList<>();
                texts.add(columns.get(i).header());
                int column = i;
                rows.forEach(row -> texts.add(row.get(column)));
                for (String text : texts) {
                    // Whole words, or a word's parts at a hyphen ("mp-" "instandhaltung"), never less.
                    List<String> words = new ArrayList<>(List.of(text.split(" ")));
                    PdfReportWriter.breakPieces(text).forEach(piece -> words.add(piece.strip()));
                    for (String wrapped : writer.wrap(text, layout.size(), line)) {
                        assertThat(words).as("column %d, text %s", i, text).containsAll(List.of(wrapped.split(" ")));
                    }
                }
            }
            assertThat(sum).isCloseTo(499f, org.assertj.core.data.Offset.offset(0.5f));
        }
    }

    @Test
    void aTableTooWideForTheLargeTypeIsSetSmallerInsteadOfCuttingWords() throws IOException {
        List<Column> columns = new ArrayList<>();
        List<String> row = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            columns.add(new Column("Speicherklasse", 1, Align.LEFT));
            row.add("Kundenwunsch");
        }
        try (PdfReportWriter writer = PdfReportWriter.forLocale(Locale.GERMANY, "")) {
            PdfReportWriter.TableLayout layout = writer.layout(columns, List.of(row), 499);

            assertThat(layout.size()).isLessThan(8.5f);
            for (float w : layout.widths()) {
                assertThat(writer.wrap("Speicherklasse", layout.size(), w - 8)).containsExactly("Speicherklasse");
            }
        }
    }

    @Test
    void englishFooterReadsPageNOfM() throws IOException {
        byte[] pdf;
        try (PdfReportWriter writer = PdfReportWriter.forLocale(Locale.UK, "note")) {
            writer.title("Energy report", "Q3").paragraph("x");
            pdf = bytes(writer);
        }
        assertThat(extract(pdf)).contains("Page 1 of 1", "note");
    }

    @Test
    void embedsAPngImage() throws IOException {
        BufferedImage image = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        byte[] pdf;
        try (PdfReportWriter writer = PdfReportWriter.forLocale(Locale.UK, "")) {
            writer.title("Chart", null).image(png.toByteArray(), "chart");
            pdf = bytes(writer);
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            List<PDImageXObject> images = new ArrayList<>();
            for (var name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject img) {
                    images.add(img);
                }
            }
            assertThat(images).singleElement().satisfies(img -> assertThat(img.getWidth()).isEqualTo(400));
        }
    }

    @Test
    void cellsWrapInsteadOfOverflowing() throws IOException {
        String longName = "Sehr langer Workload-Name, der nicht in eine Zelle passt und umbrochen werden muss";
        byte[] pdf;
        try (PdfReportWriter writer = PdfReportWriter.forLocale(Locale.GERMANY, "")) {
            writer.table(COLUMNS, List.of(List.of(longName, "1", "2")));
            pdf = bytes(writer);
        }
        String text = extract(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("Sehr langer", "umbrochen werden muss");
    }

    @Test
    void withoutTheTrueTypeFontFallsBackToWinAnsiAndSubstitutesWhatItCannotShow() throws IOException {
        byte[] pdf;
        try (PdfReportWriter writer =
                new PdfReportWriter(Locale.GERMANY, "Seite {0} von {1}", "", "/no/such/font.ttf")) {
            assertThat(writer.embedsFont()).isFalse();
            assertThat(writer.substitute("PUE ≤ 1,2")).isEqualTo("PUE <= 1,2");
            assertThat(writer.substitute("CO₂e")).isEqualTo("CO2e");
            writer.paragraph("Größe ≥ 10 % für 12 €");
            pdf = bytes(writer);
        }
        assertThat(extract(pdf)).contains("Größe >= 10 % für 12 €", "Seite 1 von 1");
    }

    @Test
    void savingToAPathLeavesNoTemporaryFileBehind(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("report.pdf");
        try (PdfReportWriter writer = PdfReportWriter.forLocale(Locale.UK, "")) {
            writer.title("Saved", null);
            new FileExport(new DirectTaskExecutor()).start(target, (out, progress) -> writer.save(out));
        }
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
        assertThat(extract(Files.readAllBytes(target))).contains("Saved");
    }

    private static Map<String, String> header() {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("Mandant", "Müller Präzisionsteile GmbH");
        header.put("Zeitraum", "01.07.2026 – 30.09.2026");
        header.put("Erstellt", "25.11.2026 14:00");
        return header;
    }

    private static byte[] bytes(PdfReportWriter writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.save(out);
        return out.toByteArray();
    }

    private static String extract(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static String pageText(PDDocument doc, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(doc);
    }
}
