package eu.aifactory.portal.residency;

import eu.aifactory.api.report.ResidencyReport;
import eu.aifactory.portal.common.pdf.PdfReportWriter;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.residency.ResidencyViewModel.AttestationRow;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

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

    /** Where a long export reports to and learns it was called off. */
    interface Progress {
        /** Fraction done, 0 to 1. */
        void advance(double done);

        boolean cancelled();
    }

    /** Nine sections, then saving. */
    private static final int STEPS = 10;

    private ResidencyPdf() {
    }

    /**
     * Writes the PDF to {@code target}; the file appears only once complete (written beside it and moved).
     *
     * @throws CancellationException if {@code progress} said so; nothing is written then
     */
    static void write(Path target, ResidencyReport report, List<AttestationRow> attestations, Signature signature,
                      Locale locale, Progress progress) throws IOException {
        I18n i18n = new I18n(locale);
        ResidencyTables tables = new ResidencyTables(i18n, report::sites);
        Steps steps = new Steps(progress);
        String footer = i18n.get("residency.pdf.footer", report.tenant().name(), report.reportId());
        try (PdfReportWriter pdf = PdfReportWriter.forLocale(i18n.locale(), footer)) {
            pdf.info(i18n.get("residency.pdf.title") + " \u2013 " + report.tenant().name(), "AI Factory Tenant Portal",
                    report.reportId());
            pdf.title(i18n.get("residency.pdf.title"), report.tenant().name());
            Map<String, String> head = new LinkedHashMap<>();
            head.put(i18n.get("residency.pdf.tenant"), report.tenant().name());
            head.put(i18n.get("residency.pdf.period"), i18n.get("residency.pdf.periodValue",
                    Formats.date(LocalDate.ofInstant(report.period().from(), ResidencyViewModel.FACTORY_ZONE), i18n.locale()),
                    // The period's end is exclusive; people read the last day included.
                    Formats.date(LocalDate.ofInstant(report.period().to(), ResidencyViewModel.FACTORY_ZONE).minusDays(1),
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
            pdf.save(target);
            progress.advance(1.0);
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
        List<PdfReportWriter.Column> pdfColumns = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            pdfColumns.add(new PdfReportWriter.Column(headers.get(i), weight(i, headers, cells), PdfReportWriter.Align.LEFT));
        }
        pdf.table(pdfColumns, cells);
    }

    /**
     * A column's share of the page width from its text: at least its longest word (so words and dates are not
     * broken on portrait A4), more for long running text, which may wrap.
     */
    static float weight(int column, List<String> headers, List<List<String>> cells) {
        int longestWord = longestWord(headers.get(column));
        double totalLength = 0;
        for (List<String> row : cells) {
            String cell = row.get(column) == null ? "" : row.get(column);
            longestWord = Math.max(longestWord, longestWord(cell));
            totalLength += cell.length();
        }
        double averageLength = cells.isEmpty() ? 0 : totalLength / cells.size();
        return (float) Math.max(Math.max(longestWord, 4), Math.min(averageLength, 48) / 2.5);
    }

    private static int longestWord(String text) {
        int longest = 0;
        for (String word : text.split("[ \u00a0]")) {
            longest = Math.max(longest, word.length());
        }
        return longest;
    }

    /** Counts the sections written and stops between them once the export was called off. */
    private static final class Steps {
        private final Progress progress;
        private int done;

        Steps(Progress progress) {
            this.progress = progress;
        }

        void next() {
            if (progress.cancelled() || Thread.currentThread().isInterrupted()) {
                throw new CancellationException("PDF export cancelled");
            }
            done++;
            progress.advance(Math.min(1.0, (double) done / STEPS));
        }
    }
}
