package eu.aifactory.portal.tour;

import eu.aifactory.api.report.EnergyReceiptSummary;
import eu.aifactory.api.report.SignedEnergyReceipt;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The take-away receipt as one A6 page to print at the stand: title, the signed figures in the visitor's language,
 * and the QR code with a line on how to check it.
 */
final class ReceiptPdf {

    /** A6 portrait, 105 × 148 mm. */
    static final PDRectangle A6 = PDRectangle.A6;
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 22f;
    private static final float TITLE = 15f;
    private static final float BODY = 8.5f;
    private static final float SMALL = 6.5f;
    private static final float QR_SIDE = 150f;
    private static final float LABEL_SHARE = 0.36f;
    /** Image pixels per module: enough that a viewer's scaling to any resolution never drops a row of modules. */
    private static final int PIXELS_PER_MODULE = 8;
    private static final int BLACK = java.awt.Color.BLACK.getRGB();
    private static final int WHITE = java.awt.Color.WHITE.getRGB();

    private ReceiptPdf() {
    }

    /** The PDF's bytes. */
    static byte[] write(SignedEnergyReceipt signed, String workloadName, I18n i18n) throws IOException {
        Locale locale = i18n.locale();
        EnergyReceiptSummary s = signed.summary();
        try (PDDocument document = new PDDocument(); InputStream fontFile = ReceiptPdf.class.getResourceAsStream(FONT)) {
            if (fontFile == null) {
                throw new IOException("the font " + FONT + " is missing from PDFBox");
            }
            PDFont font = PDType0Font.load(document, fontFile, true);
            PDPage page = new PDPage(A6);
            document.addPage(page);
            document.getDocumentInformation().setTitle(i18n.get("tour.pdf.title"));
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                float width = A6.getWidth() - 2 * MARGIN;
                float y = A6.getHeight() - MARGIN - TITLE;
                y = line(out, font, TITLE, MARGIN, y, i18n.get("tour.pdf.title"), 1.5f);
                y = line(out, font, BODY, MARGIN, y, s.site(), 1.8f);
                List<String[]> rows = List.of(
                        new String[] {i18n.get("tour.pdf.workload"), workloadName == null ? s.workloadId()
                                : workloadName + " (" + s.workloadId() + ")"},
                        new String[] {i18n.get("tour.pdf.run"), Formats.dateTime(s.from(), locale) + " – "
                                + Formats.dateTime(s.to(), locale)},
                        new String[] {i18n.get("tour.pdf.energy"), Formats.kwh3(s.facilityKwh(), locale)},
                        new String[] {i18n.get("tour.pdf.co2e"), Formats.kg3(s.co2eKg(), locale)},
                        new String[] {i18n.get("tour.pdf.key"), s.kid()});
                for (String[] row : rows) {
                    float labelY = y;
                    for (String piece : wrap(font, BODY, row[0], width * LABEL_SHARE - 6)) {
                        labelY = line(out, font, BODY, MARGIN, labelY, piece, 1.35f);
                    }
                    float valueY = y;
                    for (String piece : wrap(font, BODY, row[1], width * (1 - LABEL_SHARE))) {
                        valueY = line(out, font, BODY, MARGIN + width * LABEL_SHARE, valueY, piece, 1.35f);
                    }
                    y = Math.min(labelY, valueY);
                }
                float qrTop = y - 6;
                drawQr(document, out, QrCode.of(signed.qrText()), MARGIN + (width - QR_SIDE) / 2, qrTop - QR_SIDE, QR_SIDE);
                y = qrTop - QR_SIDE - SMALL - 6;
                for (String piece : wrap(font, SMALL, i18n.get("tour.pdf.scan"), width)) {
                    y = line(out, font, SMALL, MARGIN, y, piece, 1.3f);
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
    }

    private static float line(PDPageContentStream out, PDFont font, float size, float x, float y, String text,
                              float leading) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(printable(text));
        out.endText();
        return y - size * leading;
    }

    /**
     * The QR code as a 1-bit image, drawn without smoothing: squares drawn one by one leave hairline seams in a
     * rasterised page, and a one-pixel-per-module image scaled up unevenly, both of which a phone can stumble over.
     */
    private static void drawQr(PDDocument document, PDPageContentStream out, QrCode qr, float x, float y, float side)
            throws IOException {
        int pixels = qr.size() * PIXELS_PER_MODULE;
        BufferedImage modules = new BufferedImage(pixels, pixels, BufferedImage.TYPE_BYTE_BINARY);
        for (int row = 0; row < pixels; row++) {
            for (int column = 0; column < pixels; column++) {
                modules.setRGB(column, row, qr.dark(column / PIXELS_PER_MODULE, row / PIXELS_PER_MODULE) ? BLACK : WHITE);
            }
        }
        PDImageXObject image = LosslessFactory.createFromImage(document, modules);
        image.setInterpolate(false);
        out.drawImage(image, x, y, side, side);
    }

    /** Breaks {@code text} at spaces (or anywhere, for a long key id) into lines no wider than {@code width}. */
    static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : printable(text).split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (width(font, size, candidate) <= width) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (!current.isEmpty()) {
                lines.add(current.toString());
                current.setLength(0);
            }
            String rest = word;
            while (width(font, size, rest) > width) {
                int fits = rest.length() - 1;
                while (fits > 1 && width(font, size, rest.substring(0, fits)) > width) {
                    fits--;
                }
                lines.add(rest.substring(0, fits));
                rest = rest.substring(fits);
            }
            current.append(rest);
        }
        if (!current.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    private static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }

    /** Spaces the font has no glyph for become plain spaces; the subscript two of CO₂ is written as a plain 2. */
    private static String printable(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ').replace('\u2009', ' ').replace("\u2082", "2");
    }
}
