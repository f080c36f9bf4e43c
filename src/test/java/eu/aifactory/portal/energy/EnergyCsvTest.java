package eu.aifactory.portal.energy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.portal.energy.EnergyViewModel.WorkloadEnergy;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyCsvTest {

    private static final EnergyPeriod.DateRange Q3 =
            new EnergyPeriod.DateRange(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 10, 1));

    @Test
    void writesOneMachineReadableRowPerWorkloadThatParsesBack() throws IOException {
        List<WorkloadEnergy> rows = List.of(
                new WorkloadEnergy("wl-1", "Schweißnaht-Prüfung, Linie \"7\"", "visual-inspection", "p-qs",
                        new BigDecimal("1234.500"), new BigDecimal("1493.745"), new BigDecimal("542.229"),
                        new BigDecimal("0.000"), new BigDecimal("12.345"), new BigDecimal("38.27"), null, null,
                        new BigDecimal("1000.250")),
                new WorkloadEnergy("wl-2", "Forecast", "time-series", "p-sim", new BigDecimal("0.001"),
                        new BigDecimal("0.001"), new BigDecimal("0.000"), new BigDecimal("0.000"),
                        new BigDecimal("0.001"), new BigDecimal("0.01"), null, null));
        StringWriter out = new StringWriter();

        EnergyCsv.write(Q3, rows, out);

        List<List<String>> parsed = parse(out.toString());
        assertThat(parsed.get(0)).isEqualTo(EnergyCsv.HEADER);
        assertThat(parsed).hasSize(3);
        assertThat(parsed.get(1)).containsExactly("2026-07-01", "2026-09-30", "wl-1", "Schweißnaht-Prüfung, Linie \"7\"",
                "visual-inspection", "p-qs", "1234.500", "1493.745", "542.229", "0.000", "12.345", "38.27", "1000.250",
                "234.250");
        // A factory that does not say what was measured leaves both cells empty rather than guessing.
        assertThat(parsed.get(2).subList(12, 14)).containsExactly("", "");
        BigDecimal facility = parsed.stream().skip(1).map(r -> new BigDecimal(r.get(7))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(facility).isEqualByComparingTo("1493.746");
        assertThat(out.toString()).contains("\r\n");
    }

    /** A minimal RFC 4180 reader: quoted cells may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(String csv) {
        List<List<String>> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                cells.add(cell.toString());
                cell.setLength(0);
                lines.add(cells);
                cells = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return lines;
    }
}
