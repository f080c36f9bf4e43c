package eu.aifactory.portal.usage;

import eu.aifactory.portal.energy.EnergyPeriod;
import eu.aifactory.portal.usage.UsageViewModel.ProjectMonth;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
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

    static void write(EnergyPeriod.DateRange range, List<ProjectMonth> rows, Writer out) throws IOException {
        line(out, HEADER);
        String from = range.from().toString();
        String to = range.to().minusDays(1).toString();
        for (ProjectMonth row : rows) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IOException("export cancelled");
            }
            line(out, List.of(from, to, row.month().toString(), row.projectId(), row.projectName() == null ? "" : row.projectName(),
                    plain(row.gpuHours()), plain(row.costEur()), plain(row.energyKwh()), Integer.toString(row.workloads())));
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String quote(String cell) {
        String value = cell == null ? "" : cell;
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
