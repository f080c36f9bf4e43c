package eu.aifactory.portal.usage;

import eu.aifactory.portal.common.CsvRecords;
import eu.aifactory.portal.common.FileExport;
import eu.aifactory.portal.energy.EnergyPeriod;
import eu.aifactory.portal.usage.UsageViewModel.ProjectMonth;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The project-by-month table as CSV for spreadsheets and scripts: RFC 4180 (comma, CRLF, quotes doubled), snake_case
 * headers with units, numbers with a dot and every decimal the factory sent, months as {@code YYYY-MM}.
 */
final class UsageCsv {

    static final List<String> HEADER = List.of("period_from", "period_to", "month", "project_id", "project_name",
            "gpu_hours", "cost_eur", "energy_kwh", "workload_count");

    private UsageCsv() {
    }

    /** Writes the rows, reporting progress after each; the progress throws when the export was cancelled. */
    static void write(EnergyPeriod.DateRange range, List<ProjectMonth> rows, Writer out, FileExport.Progress progress)
            throws IOException {
        CsvRecords.write(out, HEADER);
        String from = range.from().toString();
        String to = range.to().minusDays(1).toString();
        int n = 0;
        for (ProjectMonth row : rows) {
            progress.report((double) n++ / rows.size());
            CsvRecords.write(out, List.of(from, to, row.month().toString(), row.projectId(),
                    row.projectName() == null ? "" : row.projectName(), CsvRecords.plain(row.gpuHours()),
                    CsvRecords.plain(row.costEur()), CsvRecords.plain(row.energyKwh()),
                    Integer.toString(row.workloads())));
        }
    }
}
