package eu.aifactory.portal.residency;

import eu.aifactory.api.report.ResidencyReport;
import eu.aifactory.portal.common.FileExport;
import eu.aifactory.portal.common.SiteTime;
import eu.aifactory.portal.common.pdf.PdfReportWriter;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.residency.ResidencyViewModel.AttestationRow;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The residency report as a PDF in the user's language: title, tenant and period, the verdict in plain words, the
 * signature (key id, fingerprint, verification result), the sites and the report's tables with the same columns as
 * the screen (attestations running out within 60 days marked), page numbers. The PDF is a readable copy for people;
 * the signature covers the JSON export, which is what the {@code verify} command checks. No JavaFX: written off the
 * UI thread from a snapshot of the page.
 */
final class ResidencyPdf {

    /** How the portal judged the report's signature when it was exported. */
    record Signature(String kid, String fingerprint, String result, Instant signedAt) {
    }

    /** Nine sections, then saving. */
    private static final int STEPS = 10;

    private ResidencyPdf() {
    }

    /**
     * Writes the PDF to {@code out}, reporting progress section by section; {@link FileExport} runs it in the
     * background and moves the file into place only when complete.
     *
     * @throws FileExport.Cancelled from {@code progress} once the export was cancelled
     */
    static void write(OutputStream out, ResidencyReport report, List<AttestationRow> attestations, Signature signature,
                      Map<String, String> projectNames, Locale locale, FileExport.Progress progress) throws IOException {
        I18n i18n = new I18n(locale);
        ResidencyTables tables = new ResidencyTables(i18n, report::sites, id -> projectNames.getOrDefault(id, id),
                english -> report.text(english, i18n.locale()));
        Steps steps = new Steps(progress);
        String footer = i18n.get("residency.pdf.footer", report.tenant().name(), report.reportId());
        try (PdfReportWriter pdf = PdfReportWriter.forLocale(i18n.locale(), footer)) {
            pdf.info(i18n.get("residency.pdf.title") + " \u2013 " + report.tenant().name(), "AI Factory Tenant Portal",
                    report.reportId());
            pdf.title(i18n.get("residency.pdf.title"), report.tenant().name());
            Map<String, String> head = new LinkedHashMap<>();
            head.put(i18n.get("residency.pdf.tenant"), report.tenant().name());
            head.put(i18n.get("residency.pdf.period"), i18n.get("residency.pdf.periodValue",
                    Formats.date(LocalDate.ofInstant(report.period().from(), SiteTime.ZONE), i18n.locale()),
                    // The period's end is exclusive; people read the last day included.
                    Formats.date(LocalDate.ofInstant(report.period().to(), SiteTime.ZONE).minusDays(1),
                            i18n.locale())));
            head.put(i18n.get("residency.pdf.reportId"), report.reportId());
            head.put(i18n.get("residency.pdf.generated"), tables.dateTime(report.generatedAt()));
            head.put(i18n.get("residency.pdf.methodology"), report.methodologyVersion());
            pdf.keyValues(head);

            pdf.heading(i18n.get("residency.pdf.verdict"));
            pdf.paragraph(ResidencyViewModel.verdictSentence(report, i18n));
            steps.next();

            pdf.heading(i18n.get("residency.pdf.signature"));
            Map<String, String> sig = new LinkedHashMap<>();
            sig.put(i18n.get("residency.pdf.result"), signature.result());
            sig.put(i18n.get("residency.pdf.kid"), ResidencyTables.orDash(signature.kid()));
            sig.put(i18n.get("residency.pdf.fingerprint"), ResidencyTables.orDash(signature.fingerprint()));
            sig.put(i18n.get("residency.pdf.signedAt"), tables.dateTime(signature.signedAt()));
            pdf.keyValues(sig);
            pdf.note(i18n.get("residency.pdf.verifyHint"));
            steps.next();

            table(pdf, i18n, i18n.get("residency.pdf.sites"), tables.sites(), report.sites());
            steps.next();
            table(pdf, i18n, i18n.get("residency.tab.inventory"), tables.inventory(), report.inventory());
            steps.next();
            table(pdf, i18n, i18n.get("residency.tab.processing"), tables.processing(), report.processing());
            steps.next();
            table(pdf, i18n, i18n.get("residency.tab.transfers"), tables.transfers(), report.transfers());
            steps.next();
            table(pdf, i18n, i18n.get("residency.tab.access"), tables.operatorAccess(), report.operatorAccess());
            steps.next();
            table(pdf, i18n, i18n.get("residency.tab.attestations"), tables.attestations(), attestations);
            if (attestations.stream().anyMatch(AttestationRow::expiringSoon)) {
                pdf.note(i18n.get("residency.pdf.expiringNote", ResidencyViewModel.EXPIRY_WARNING_DAYS));
            }
            steps.next();
            table(pdf, i18n, i18n.get("residency.tab.findings"), tables.findings(), report.findings());
            steps.next();
            if (report.disclosures() != null) {
                pdf.heading(i18n.get("residency.tab.disclosures"));
                Map<String, String> disclosed = new LinkedHashMap<>();
                ResidencyDisclosures.lines(report, i18n).forEach(line -> disclosed.put(line[0], line[1]));
                pdf.keyValues(disclosed);
                pdf.paragraph(i18n.get("residency.disclosures.subprocessors"));
                ResidencyDisclosures.subprocessors(report, i18n).forEach(text -> pdf.paragraph("\u2022 " + text));
            }
            pdf.save(out);
        }
    }

    private static <T> void table(PdfReportWriter pdf, I18n i18n, String heading, List<ResidencyTables.Column<T>> columns,
                                  List<T> rows) {
        pdf.heading(heading + " (" + rows.size() + ")");
        if (rows.isEmpty()) {
            pdf.paragraph(i18n.get("residency.table.empty"));
            return;
        }
        List<String> headers = columns.stream().map(c -> i18n.get(c.key())).toList();
        List<List<String>> cells = rows.stream().map(row -> columns.stream().map(c -> c.text().apply(row)).toList()).toList();
        float[] weights = weights(headers, cells);
        List<PdfReportWriter.Column> pdfColumns = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            pdfColumns.add(new PdfReportWriter.Column(headers.get(i), weights[i], PdfReportWriter.Align.LEFT));
        }
        pdf.table(pdfColumns, cells);
    }

    /** About how many characters of the table type fit across the content width of portrait A4. */
    private static final float LINE_CHARACTERS = 104;
    /** A cell's padding on both sides, in characters. */
    private static final float PADDING = 2;

    /**
     * The columns' shares of the page width, measured in characters. Each column asks for its longest word (header
     * or cell) so that words are not broken across lines; what is left of the line goes to the columns with running
     * text, in proportion to how much longer their text is. When the longest words alone do not fit, the columns of
     * numbers and dates keep theirs and the text columns give way, since a broken date or size misleads and a
     * broken word does not.
     */
    static float[] weights(List<String> headers, List<List<String>> cells) {
        int count = headers.size();
        float[] least = new float[count];
        float[] more = new float[count];
        boolean[] figures = new boolean[count];
        for (int column = 0; column < count; column++) {
            int longest = Math.max(4, longestWord(headers.get(column)));
            double length = 0;
            boolean allFigures = !cells.isEmpty();
            for (List<String> row : cells) {
                String cell = row.get(column) == null ? "" : row.get(column);
                longest = Math.max(longest, longestWord(cell));
                length += cell.length();
                allFigures &= cell.chars().anyMatch(Character::isDigit);
            }
            double average = cells.isEmpty() ? 0 : length / cells.size();
            least[column] = longest + PADDING;
            more[column] = (float) Math.max(0, Math.min(average, 60) - longest);
            figures[column] = allFigures;
        }
        float leastTotal = sum(least, null, true);
        float[] weights = least.clone();
        if (leastTotal <= LINE_CHARACTERS) {
            float moreTotal = sum(more, null, true);
            for (int column = 0; column < count && moreTotal > 0; column++) {
                weights[column] += (LINE_CHARACTERS - leastTotal) * more[column] / moreTotal;
            }
            return weights;
        }
        float figureWidth = sum(least, figures, true);
        float textWidth = sum(least, figures, false);
        float squeeze = Math.max(0.3f, (LINE_CHARACTERS - figureWidth) / textWidth);
        for (int column = 0; column < count; column++) {
            if (!figures[column]) {
                weights[column] *= squeeze;
            }
        }
        return weights;
    }

    /** The sum of the values, or of those whose flag equals {@code which} when flags are given. */
    private static float sum(float[] values, boolean[] flags, boolean which) {
        float total = 0;
        for (int i = 0; i < values.length; i++) {
            if (flags == null || flags[i] == which) {
                total += values[i];
            }
        }
        return total;
    }

    private static int longestWord(String text) {
        int longest = 0;
        // Only spaces break a line; a no-break space keeps a number with its unit.
        for (String word : text.split(" ")) {
            longest = Math.max(longest, word.length());
        }
        return longest;
    }

    /** Counts the sections written; reporting one stops the export once it was cancelled. */
    private static final class Steps {
        private final FileExport.Progress progress;
        private int done;

        Steps(FileExport.Progress progress) {
            this.progress = progress;
        }

        void next() throws FileExport.Cancelled {
            done++;
            progress.report(Math.min(1.0, (double) done / STEPS));
        }
    }
}
