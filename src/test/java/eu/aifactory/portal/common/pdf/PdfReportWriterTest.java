package eu.aifactory.portal.common.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.portal.common.pdf.PdfReportWriter.Align;
import eu.aifactory.portal.common.pdf.PdfReportWriter.Card;
import eu.aifactory.portal.common.pdf.PdfReportWriter.Column;
import eu.aifactory.portal.common.pdf.PdfReportWriter.Status;
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
            writer.save(target);
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
