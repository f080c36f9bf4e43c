package eu.aifactory.portal.energy;

import eu.aifactory.portal.common.FileExport;
import eu.aifactory.portal.energy.EnergyViewModel.WorkloadEnergy;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * The per-workload table as CSV for spreadsheets and scripts: RFC 4180 (comma, CRLF, quotes doubled), snake_case
 * headers with units, numbers with a dot and every decimal the factory sent, so the rows add up as in the report.
 */
final class EnergyCsv {

    static final List<String> HEADER = List.of("period_from", "period_to", "workload_id", "workload_name",
            "application_id", "project_id", "it_kwh", "facility_kwh", "co2e_kg_location_based", "co2e_kg_market_based",
            "gpu_hours", "cost_eur");

    private EnergyCsv() {
    }

    static void write(EnergyPeriod.DateRange range, List<WorkloadEnergy> rows, Writer out) throws IOException {
        write(range, rows, out, fraction -> { });
    }

    /** Writes the rows, reporting progress every 100 rows; the progress throws when the export was cancelled. */
    static void write(EnergyPeriod.DateRange range, List<WorkloadEnergy> rows, Writer out, FileExport.Progress progress)
            throws IOException {
        line(out, HEADER);
        String from = range.from().toString();
        String to = range.to().minusDays(1).toString();
        int n = 0;
        for (WorkloadEnergy row : rows) {
            if (n++ % 100 == 0) {
                progress.report((double) n / rows.size());
            }
            line(out, List.of(from, to, row.workloadId(), row.name(), row.appId(), row.projectId(), plain(row.itKwh()),
                    plain(row.facilityKwh()), plain(row.co2eKgLocation()), plain(row.co2eKgMarket()),
                    plain(row.gpuHours()), plain(row.costEur())));
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
