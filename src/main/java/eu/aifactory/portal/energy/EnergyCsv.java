package eu.aifactory.portal.energy;

import eu.aifactory.portal.common.CsvRecords;
import eu.aifactory.portal.common.FileExport;
import eu.aifactory.portal.energy.EnergyViewModel.WorkloadEnergy;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The per-workload table as CSV for spreadsheets and scripts: RFC 4180 (comma, CRLF, quotes doubled), snake_case
 * headers with units, numbers with a dot and every decimal the factory sent, so the rows add up as in the report.
 */
final class EnergyCsv {

    static final List<String> HEADER = List.of("period_from", "period_to", "workload_id", "workload_name",
            "application_id", "project_id", "it_kwh", "facility_kwh", "co2e_kg_location_based", "co2e_kg_market_based",
            "gpu_hours", "cost_eur", "measured_kwh", "modelled_kwh");

    private EnergyCsv() {
    }

    static void write(EnergyPeriod.DateRange range, List<WorkloadEnergy> rows, Writer out) throws IOException {
        write(range, rows, out, fraction -> { });
    }

    /** Writes the rows, reporting progress every 100 rows; the progress throws when the export was cancelled. */
    static void write(EnergyPeriod.DateRange range, List<WorkloadEnergy> rows, Writer out, FileExport.Progress progress)
            throws IOException {
        CsvRecords.write(out, HEADER);
        String from = range.from().toString();
        String to = range.to().minusDays(1).toString();
        int n = 0;
        for (WorkloadEnergy row : rows) {
            if (n++ % 100 == 0) {
                progress.report((double) n / rows.size());
            }
            CsvRecords.write(out, List.of(from, to, row.workloadId(), row.name(), row.appId(), row.projectId(), CsvRecords.plain(row.itKwh()),
                    CsvRecords.plain(row.facilityKwh()), CsvRecords.plain(row.co2eKgLocation()), CsvRecords.plain(row.co2eKgMarket()),
                    CsvRecords.plain(row.gpuHours()), CsvRecords.plain(row.costEur()), CsvRecords.plain(row.measuredKwh()),
                    CsvRecords.plain(row.modelledKwh())));
        }
    }
}
