package eu.aifactory.portal.common.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
  * Writes a simple A4 report: title block, key/value header, KPI cards, headings, paragraphs, tables
  * that break across pages and repeat their header, PNG images, and a localised "Page n of m" footer.
  *
  * <p>Text is set in Liberation Sans, embedded as a subset from the TrueType file PDFBox itself
  * ships (SIL Open Font License), so German umlauts, €, ≤ and ≥ render in any viewer. Bold is drawn
  * as fill plus stroke of the same face, as only the regular cut ships. Should that font be missing,
  * the writer falls back to the standard 14 Helvetica (WinAnsiEncoding) and substitutes characters
  * outside it ({@link #substitute}), e.g. ≤ becomes "<=".
  *
  * <p>Use from any thread but one at a time; not for the JavaFX thread (it does file I/O).
  */
public final class PdfReportWriter implements AutoCloseable {

    /** Pass/fail state shown on a KPI card. */
    public enum Status {
        NONE,
        PASS,
        FAIL
    }

    /** Horizontal alignment of a table column. */
    public enum Align {
        LEFT,
        RIGHT
    }

    /** One KPI card: label above a large value, an optional detail line and a pass/fail mark. */
    public record Card(String label, String value, String detail, Status status) {
        public Card {
            Objects.requireNonNull(label);
            Objects.requireNonNull(value);
            detail = detail == null ? "" : detail;
            status = status == null ? Status.NONE : status;
        }
    }

    /** A table column: header text, relative width and alignment. */
    public record Column(String header, float weight, Align align) {
        public Column {
            Objects.requireNonNull(header);
            if (weight <= 0) {
                throw new IllegalArgumentException("weight must be positive");
            }
        }
    }

    static final String BUNDLED_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 48f;
    private static final float FOOTER_Y = 28f;
    private static final float BODY = 10f;
    private static final float SMALL = 8.5f;
    private static final float LEADING = 1.3f;
    private static final float CELL_PAD = 4f;
    private static final float[] INK = {0.13f, 0.15f, 0.18f};
    private static final float[] MUTED = {0.40f, 0.43f, 0.48f};
    private static final float[] RULE = {0.80f, 0.82f, 0.85f};
    private static final float[] HEADER_FILL = {0.92f, 0.94f, 0.97f};
    private static final float[] CARD_FILL = {0.96f, 0.97f, 0.98f};
    private static final float[] PASS = {0.10f, 0.50f, 0.25f};
    private static final float[] FAIL = {0.75f, 0.15f, 0.15f};

    /** Replacements for characters the fallback font cannot encode. */
    private static final Map<Character, String> SUBSTITUTES =
            Map.ofEntries(
                    Map.entry('≤', "<="),
                    Map.entry('≥', ">="),
                    Map.entry('−', "-"),
                    Map.entry('→', "->"),
                    Map.entry('×', "x"),
                    Map.entry('₂', "2"),
                    Map.entry('\u202F', " "),
                    Map.entry('\u2009', " "),
                    Map.entry('…', "..."));

    private final PDDocument document = new PDDocument();
    private final PDFont font;
    private final boolean embedded;
    private final Locale locale;
    private final String footerPattern;
    private final String footerNote;
    private final Map<Character, String> encodable = new HashMap<>();
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream stream;
    private float y;
    private boolean finished;

    /**
      * @param locale the locale of the footer's page numbers
      * @param footerPattern MessageFormat pattern with {0} = page and {1} = pages, e.g. "Page {0} of {1}"
      * @param footerNote text at the left of every footer (may be empty)
      */
    public PdfReportWriter(Locale locale, String footerPattern, String footerNote) {
        this(locale, footerPattern, footerNote, BUNDLED_FONT);
    }

    PdfReportWriter(Locale locale, String footerPattern, String footerNote, String fontResource) {
        this.locale = Objects.requireNonNull(locale);
        this.footerPattern = Objects.requireNonNull(footerPattern);
        this.footerNote = footerNote == null ? "" : footerNote;
        PDFont loaded = loadFont(document, fontResource);
        this.embedded = loaded != null;
        this.font = embedded ? loaded : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        newPage();
    }

    /** A writer whose footer reads "Page n of m" or, for German, "Seite n von m". */
    public static PdfReportWriter forLocale(Locale locale, String footerNote) {
        String pattern = "de".equals(locale.getLanguage()) ? "Seite {0} von {1}" : "Page {0} of {1}";
        return new PdfReportWriter(locale, pattern, footerNote);
    }

    /** True when the TrueType font is embedded, false when the standard 14 fallback is in use. */
    public boolean embedsFont() {
        return embedded;
    }

    /** Sets the PDF's document information (title, author/creator, subject). */
    public PdfReportWriter info(String title, String author, String subject) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setCreator(author);
        info.setSubject(subject);
        return this;
    }

    /** The title block: a large title and an optional subtitle below it, then a rule. */
    public PdfReportWriter title(String title, String subtitle) {
        ensureSpace(60);
        y -= 20;
        text(MARGIN, y, title, 20, INK, true);
        if (subtitle != null && !subtitle.isBlank()) {
            y -= 16;
            text(MARGIN, y, subtitle, 11, MUTED, false);
        }
        y -= 10;
        line(MARGIN, y, PAGE.getWidth() - MARGIN, y, RULE, 1f);
        y -= 14;
        return this;
    }

    /** Key/value lines (tenant, period, generated at, ...), keys in bold, values aligned. */
    public PdfReportWriter keyValues(Map<String, String> entries) {
        float keyWidth = 0;
        for (String key : entries.keySet()) {
            keyWidth = Math.max(keyWidth, width(key, BODY));
        }
        float valueX = MARGIN + keyWidth + 12;
        for (Map.Entry<String, String> e : entries.entrySet()) {
            List<String> lines = wrap(e.getValue(), BODY, contentWidth() - (valueX - MARGIN));
            ensureSpace(lines.size() * BODY * LEADING);
            y -= BODY;
            text(MARGIN, y, e.getKey(), BODY, INK, true);
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    y -= BODY * LEADING;
                }
                text(valueX, y, lines.get(i), BODY, INK, false);
            }
            y -= BODY * (LEADING - 1) + 2;
        }
        y -= 8;
        return this;
    }

    /** KPI cards, {@code perRow} to a row; a card's pass/fail mark is a coloured bar and word. */
    public PdfReportWriter cards(List<Card> cards, int perRow, String passText, String failText) {
        float gap = 8;
        float cardWidth = (contentWidth() - gap * (perRow - 1)) / perRow;
        float cardHeight = 62;
        for (int start = 0; start < cards.size(); start += perRow) {
            ensureSpace(cardHeight + gap);
            float top = y;
            for (int i = start; i < Math.min(cards.size(), start + perRow); i++) {
                Card card = cards.get(i);
                float x = MARGIN + (i - start) * (cardWidth + gap);
                rect(x, top - cardHeight, cardWidth, cardHeight, CARD_FILL, RULE);
                float labelWidth = cardWidth - 16;
                if (card.status() != Status.NONE) {
                    float[] colour = card.status() == Status.PASS ? PASS : FAIL;
                    rect(x, top - cardHeight, 3, cardHeight, colour, null);
                    String mark = card.status() == Status.PASS ? passText : failText;
                    float markWidth = width(mark, SMALL);
                    text(x + cardWidth - 6 - markWidth, top - 13, mark, SMALL, colour, true);
                    labelWidth -= markWidth + 6;
                }
                text(x + 8, top - 13, ellipsize(card.label(), SMALL, labelWidth), SMALL, MUTED, false);
                text(x + 8, top - 35, ellipsize(card.value(), 15, cardWidth - 16), 15, INK, true);
                text(x + 8, top - 52, ellipsize(card.detail(), SMALL, cardWidth - 16), SMALL, MUTED, false);
            }
            y = top - cardHeight - gap;
        }
        y -= 6;
        return this;
    }

    /** A section heading. */
    public PdfReportWriter heading(String heading) {
        ensureSpace(40);
        y -= 14;
        text(MARGIN, y, heading, 13, INK, true);
        y -= 8;
        return this;
    }

    /** A paragraph wrapped to the content width. */
    public PdfReportWriter paragraph(String paragraph) {
        return paragraph(paragraph, BODY, INK);
    }

    /** A paragraph in small muted type (notes, sources). */
    public PdfReportWriter note(String note) {
        return paragraph(note, SMALL, MUTED);
    }

    private PdfReportWriter paragraph(String paragraph, float size, float[] colour) {
        for (String line : wrap(paragraph, size, contentWidth())) {
            ensureSpace(size * LEADING);
            y -= size * LEADING;
            text(MARGIN, y, line, size, colour, false);
        }
        y -= size * 0.6f;
        return this;
    }

    /**
      * A table filling the content width; cells wrap, a row never splits, and the header repeats at
      * the top of every page the table continues on. Column widths follow the measured text (see
      * {@link #layout}); a column's weight only decides where spare width goes.
      */
    public PdfReportWriter table(List<Column> columns, List<List<String>> rows) {
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, expected " + columns.size());
            }
        }
        TableLayout layout = layout(columns, rows, contentWidth());
        float[] widths = layout.widths();
        float size = layout.size();
        List<String> headers = columns.stream().map(Column::header).toList();
        List<List<String>> headerLines = cellLines(headers, widths, size);
        float headerHeight = rowHeight(headerLines, size);
        boolean headerDrawn = false;
        for (List<String> row : rows) {
            List<List<String>> lines = cellLines(row, widths, size);
            float height = rowHeight(lines, size);
            if (!headerDrawn || y - height < bottom()) {
                if (headerDrawn || y - headerHeight - height < bottom()) {
                    newPage();
                }
                drawRow(headerLines, widths, columns, headerHeight, size, true);
                headerDrawn = true;
            }
            drawRow(lines, widths, columns, height, size, false);
        }
        if (!headerDrawn) {
            ensureSpace(headerHeight);
            drawRow(headerLines, widths, columns, headerHeight, size, true);
        }
        y -= 10;
        return this;
    }

    /** A table's column widths (points, adding up to the width it was laid out for) and its type size. */
    record TableLayout(float[] widths, float size) {
    }

    /** Type sizes a table tries, largest first, before it breaks words inside. */
    private static final float[] TABLE_SIZES = {SMALL, 7.5f, 6.5f};
    /** No column gets less than this share of the width, so a short column stays readable. */
    private static final float MIN_SHARE = 0.05f;
    /** A column's unwrapped text asks for at most this share; longer text wraps at spaces. */
    private static final float MAX_SHARE = 0.4f;

    /**
      * Sizes the columns from the text as the font measures it: every cell on one line when that fits
      * (spare width by weight); else every word whole, wrapping at spaces, at the largest type size that
      * allows it; else, from the largest size again, wrapping also after hyphens, slashes and underscores.
      * Only when even that does not fit at the smallest size are words split inside, by their length.
      */
    TableLayout layout(List<Column> columns, List<List<String>> rows, float total) {
        int n = columns.size();
        // Whole words at a smaller size read better than identifiers broken at their hyphens ("nvme-|encrypted").
        for (boolean atHyphens : new boolean[] {false, true}) {
            for (float size : TABLE_SIZES) {
                float[] natural = new float[n];
                float[] words = new float[n];
                float[] pieces = new float[n];
                measure(columns, rows, size, total, natural, words, pieces);
                float[] widths = fit(columns, total, natural, atHyphens ? pieces : words);
                if (widths != null) {
                    return new TableLayout(widths, size);
                }
            }
        }
        float size = TABLE_SIZES[TABLE_SIZES.length - 1];
        float[] natural = new float[n];
        float[] words = new float[n];
        float[] pieces = new float[n];
        measure(columns, rows, size, total, natural, words, pieces);
        float sum = sum(pieces);
        float[] widths = new float[n];
        for (int i = 0; i < n; i++) {
            widths[i] = total * pieces[i] / sum;
        }
        return new TableLayout(widths, size);
    }

    private void measure(List<Column> columns, List<List<String>> rows, float size, float total, float[] natural,
                         float[] words, float[] pieces) {
        // Headers are drawn bold (fill plus stroke), a hair wider than the regular measure.
        float pad = 2 * CELL_PAD + 1;
        for (int i = 0; i < columns.size(); i++) {
            float floor = MIN_SHARE * total;
            natural[i] = words[i] = pieces[i] = floor;
            List<String> texts = new ArrayList<>();
            texts.add(columns.get(i).header());
            for (List<String> row : rows) {
                texts.add(row.get(i) == null ? "" : row.get(i));
            }
            for (String text : texts) {
                String clean = substitute(text);
                natural[i] = Math.max(natural[i], width(clean.strip(), size) + pad);
                for (String word : clean.split(" ")) {
                    words[i] = Math.max(words[i], width(word, size) + pad);
                }
                for (String piece : breakPieces(clean)) {
                    pieces[i] = Math.max(pieces[i], width(piece.strip(), size) + pad);
                }
            }
            natural[i] = Math.max(words[i], Math.min(natural[i], MAX_SHARE * total));
        }
    }

    private static float[] fit(List<Column> columns, float total, float[] natural, float[] least) {
        int n = natural.length;
        if (sum(natural) <= total) {
            float weights = 0;
            for (Column c : columns) {
                weights += c.weight();
            }
            float spare = total - sum(natural);
            float[] widths = new float[n];
            for (int i = 0; i < n; i++) {
                widths[i] = natural[i] + spare * columns.get(i).weight() / weights;
            }
            return widths;
        }
        if (sum(least) > total) {
            return null;
        }
        // What is left goes to the columns whose text is longest beyond their least width.
        float want = 0;
        for (int i = 0; i < n; i++) {
            want += natural[i] - least[i];
        }
        float spare = total - sum(least);
        float[] widths = new float[n];
        for (int i = 0; i < n; i++) {
            widths[i] = least[i] + (want <= 0 ? spare / n : spare * (natural[i] - least[i]) / want);
        }
        return widths;
    }

    private static float sum(float[] values) {
        float s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }

    /**
      * The text cut at its break opportunities: after a space, and after a hyphen, slash or underscore
      * that follows a letter ("nvme-|encrypted", "a/|b", but never inside "2026-11-25" or "-5").
      * Each piece keeps its trailing space, so the pieces joined give the text back.
      */
    static List<String> breakPieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean breakAfter = c == ' '
                    ? i + 1 < text.length() && text.charAt(i + 1) != ' '
                    : (c == '-' || c == '/' || c == '_') && i > 0 && Character.isLetter(text.charAt(i - 1))
                            && i + 1 < text.length() && text.charAt(i + 1) != ' ';
            if (breakAfter) {
                pieces.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    /**
      * A PNG image scaled to the content width (never enlarged beyond its pixel size at 144 dpi), on a
      * new page if it does not fit on this one.
      */
    public PdfReportWriter image(byte[] png, String name) {
        try {
            PDImageXObject image = PDImageXObject.createFromByteArray(document, png, name);
            float natural = image.getWidth() * 0.5f;
            float w = Math.min(contentWidth(), natural);
            float h = w * image.getHeight() / image.getWidth();
            float maxHeight = PAGE.getHeight() - 2 * MARGIN - 20;
            if (h > maxHeight) {
                w = w * maxHeight / h;
                h = maxHeight;
            }
            ensureSpace(h + 6);
            y -= h;
            stream.drawImage(image, MARGIN, y, w, h);
            y -= 10;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Vertical space. */
    public PdfReportWriter space(float points) {
        y -= points;
        if (y < bottom()) {
            newPage();
        }
        return this;
    }

    /** Adds the footers and writes the document to the stream. */
    public void save(OutputStream out) throws IOException {
        finish();
        document.save(out);
    }

    /** Number of pages so far. */
    public int pageCount() {
        return pages.size();
    }

    @Override
    public void close() throws IOException {
        try {
            if (stream != null) {
                stream.close();
                stream = null;
            }
        } finally {
            document.close();
        }
    }

    /**
      * The text as the active font can show it: line breaks and tabs become spaces, characters outside
      * the font are replaced (≤ by "<=", ...) or, with no replacement, by "?".
      */
    String substitute(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                sb.append(' ');
                continue;
            }
            sb.append(encodable.computeIfAbsent(c, this::encodableForm));
        }
        return sb.toString();
    }

    private String encodableForm(char c) {
        if (Character.isSurrogate(c)) {
            return "?";
        }
        if (canEncode(String.valueOf(c))) {
            return String.valueOf(c);
        }
        String replacement = SUBSTITUTES.get(c);
        if (replacement != null && canEncode(replacement)) {
            return replacement;
        }
        return "?";
    }

    private boolean canEncode(String s) {
        try {
            byte[] code = font.encode(s);
            if (font instanceof PDType0Font) {
                // Identity-H: the code is the glyph id, and a missing character maps to glyph 0 (.notdef).
                return code.length == 2 && ((code[0] & 0xff) << 8 | (code[1] & 0xff)) != 0;
            }
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private static PDFont loadFont(PDDocument document, String resource) {
        try (InputStream in = PdfReportWriter.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            return PDType0Font.load(document, in, true);
        } catch (IOException e) {
            return null;
        }
    }

    private void finish() throws IOException {
        if (finished) {
            throw new IllegalStateException("the report was already saved");
        }
        finished = true;
        if (stream != null) {
            stream.close();
            stream = null;
        }
        int total = pages.size();
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream footer =
                    new PDPageContentStream(document, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                stream = footer;
                line(MARGIN, FOOTER_Y + 12, PAGE.getWidth() - MARGIN, FOOTER_Y + 12, RULE, 0.5f);
                String pageText = new MessageFormat(footerPattern, locale).format(new Object[] {i + 1, total});
                float w = width(pageText, SMALL);
                text(PAGE.getWidth() - MARGIN - w, FOOTER_Y, pageText, SMALL, MUTED, false);
                if (!footerNote.isEmpty()) {
                    text(MARGIN, FOOTER_Y, ellipsize(footerNote, SMALL, contentWidth() - w - 20), SMALL, MUTED, false);
                }
            } finally {
                stream = null;
            }
        }
    }

    private void drawRow(List<List<String>> lines, float[] widths, List<Column> columns, float height, float size,
                         boolean header) {
        float x = MARGIN;
        if (header) {
            rect(MARGIN, y - height, contentWidth(), height, HEADER_FILL, null);
        }
        for (int i = 0; i < widths.length; i++) {
            float lineY = y - CELL_PAD - size;
            for (String line : lines.get(i)) {
                float tx =
                        columns.get(i).align() == Align.RIGHT
                                ? x + widths[i] - CELL_PAD - width(line, size)
                                : x + CELL_PAD;
                text(tx, lineY, line, size, INK, header);
                lineY -= size * LEADING;
            }
            x += widths[i];
        }
        y -= height;
        line(MARGIN, y, PAGE.getWidth() - MARGIN, y, RULE, 0.5f);
    }

    private List<List<String>> cellLines(List<String> cells, float[] widths, float size) {
        List<List<String>> out = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            out.add(wrap(cells.get(i) == null ? "" : cells.get(i), size, widths[i] - 2 * CELL_PAD));
        }
        return out;
    }

    private static float rowHeight(List<List<String>> lines, float size) {
        int max = 1;
        for (List<String> l : lines) {
            max = Math.max(max, l.size());
        }
        return max * size * LEADING + 2 * CELL_PAD - (LEADING - 1) * size;
    }

    /**
      * Greedy wrap at the break opportunities of {@link #breakPieces}: spaces, and after hyphens,
      * slashes and underscores within words. A piece is split by characters only when it alone is wider
      * than the line.
      */
    List<String> wrap(String text, float size, float maxWidth) {
        String clean = substitute(text == null ? "" : text);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String piece : breakPieces(clean)) {
            String candidate = line + piece;
            if (width(candidate.stripTrailing(), size) <= maxWidth) {
                line.append(piece);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            String rest = piece;
            while (width(rest.stripTrailing(), size) > maxWidth && rest.stripTrailing().length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), size) > maxWidth) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        lines.add(line.toString().stripTrailing());
        return lines;
    }

    private String ellipsize(String text, float size, float maxWidth) {
        String clean = substitute(text);
        if (width(clean, size) <= maxWidth) {
            return clean;
        }
        String dots = substitute("…");
        int end = clean.length();
        while (end > 0 && width(clean.substring(0, end) + dots, size) > maxWidth) {
            end--;
        }
        return clean.substring(0, end) + dots;
    }

    /** The width of the text at the size, as the table layout measures it (for tests). */
    float wrapWidth(String text, float size) {
        return width(text, size);
    }

    private float width(String text, float size) {
        try {
            return font.getStringWidth(substitute(text)) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void text(float x, float baseline, String text, float size, float[] colour, boolean bold) {
        try {
            stream.beginText();
            stream.setFont(font, size);
            stream.setNonStrokingColor(colour[0], colour[1], colour[2]);
            if (bold) {
                stream.setStrokingColor(colour[0], colour[1], colour[2]);
                stream.setLineWidth(size * 0.035f);
                stream.setRenderingMode(RenderingMode.FILL_STROKE);
            } else {
                stream.setRenderingMode(RenderingMode.FILL);
            }
            stream.newLineAtOffset(x, baseline);
            stream.showText(substitute(text));
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(float x1, float y1, float x2, float y2, float[] colour, float width) {
        try {
            stream.setStrokingColor(colour[0], colour[1], colour[2]);
            stream.setLineWidth(width);
            stream.moveTo(x1, y1);
            stream.lineTo(x2, y2);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rect(float x, float yBottom, float w, float h, float[] fill, float[] border) {
        try {
            stream.addRect(x, yBottom, w, h);
            if (border == null) {
                stream.setNonStrokingColor(fill[0], fill[1], fill[2]);
                stream.fill();
            } else {
                stream.setNonStrokingColor(fill[0], fill[1], fill[2]);
                stream.setStrokingColor(border[0], border[1], border[2]);
                stream.setLineWidth(0.5f);
                stream.fillAndStroke();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ensureSpace(float needed) {
        if (y - needed < bottom()) {
            newPage();
        }
    }

    private float bottom() {
        return MARGIN + 10;
    }

    private float contentWidth() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    private void newPage() {
        try {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            pages.add(page);
            stream = new PDPageContentStream(document, page);
            y = PAGE.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
