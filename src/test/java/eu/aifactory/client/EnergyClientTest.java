package eu.aifactory.client;

import static eu.aifactory.client.Fixtures.json;
import static eu.aifactory.client.Fixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;
import eu.aifactory.api.report.EnergyFactor;
import eu.aifactory.api.report.EnergyGroup;
import eu.aifactory.api.report.EnergyGroupBy;
import eu.aifactory.api.report.EnergyReceipt;
import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.api.report.EnergySeries;
import eu.aifactory.api.report.EnergyStackBy;
import eu.aifactory.api.report.EnergyTotals;
import eu.aifactory.api.report.SiteIndicator;
import eu.aifactory.api.workload.WorkloadStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The energy calls of the client against a MockWebServer: paths, query encoding, exact decimals, problems. */
class EnergyClientTest extends MockFactoryTest {

    private static EnergyFactor location() {
        return new EnergyFactor("grid_co2e_location_de", new BigDecimal("363"), "g CO2e/kWh", 2024, null, null, "UBA");
    }

    @Test
    void receiptIsReadFromTheWorkloadsEnergyPathWithExactDecimals() throws Exception {
        EnergyReceipt receipt = new EnergyReceipt("wl 1/a", "Run", "app", "p", "dgx-b200-x1", 8, WorkloadStatus.SUCCEEDED,
                Instant.parse("2026-10-31T22:57:00Z"), Instant.parse("2026-10-31T23:01:30Z"), 5, "samples", 14_100,
                new BigDecimal("12938.9"), new BigDecimal("0.600"), new BigDecimal("0.497"), new BigDecimal("0.473"),
                new BigDecimal("0.970"), new BigDecimal("1.159"), new BigDecimal("1.094"), new BigDecimal("0.065"),
                new BigDecimal("0.421"), new BigDecimal("0.047"),
                List.of(new EnergyReceipt.Period("2026-10", 2, new BigDecimal("0.420"), new BigDecimal("1.20"),
                        new BigDecimal("0.504"), new BigDecimal("1.00"), new BigDecimal("0.504"), new BigDecimal("0.000"),
                        new BigDecimal("0.183"), new BigDecimal("0.000"))),
                List.of(location()), "Europe/Berlin", "afp-energy-2026.1", "rule", "method",
                "Industrial AI Cloud Munich (Tucherpark), DE");
        server.enqueue(json(200, receipt));

        EnergyReceipt read = client.energyReceipt("wl 1/a");

        assertThat(read).isEqualTo(receipt);
        assertThat(read.itKwh().scale()).isEqualTo(3);
        RecordedRequest request = next();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/v1/workloads/wl%201%2Fa/energy");
    }

    @Test
    void reportSendsThePeriodAsIsoInstantsAndTheGroupingOnTheWire() throws Exception {
        EnergyGroup day = new EnergyGroup("2026-11-01", "2026-11-01", Instant.parse("2026-10-31T23:00:00Z"),
                Instant.parse("2026-11-01T23:00:00Z"), new BigDecimal("0.550"), new BigDecimal("0.655"),
                new BigDecimal("0.590"), new BigDecimal("0.065"), new BigDecimal("0.238"), new BigDecimal("0.047"),
                new BigDecimal("0.333"), new BigDecimal("5.56"), 1);
        EnergyTotals totals = new EnergyTotals(new BigDecimal("0.550"), new BigDecimal("0.655"), new BigDecimal("0.590"),
                new BigDecimal("0.065"), new BigDecimal("0.238"), new BigDecimal("0.047"), new BigDecimal("0.333"),
                new BigDecimal("5.56"), 1);
        SiteIndicator pue = new SiteIndicator("PUE", new BigDecimal("1.190"), "ratio", "weighted",
                new SiteIndicator.Threshold("<=", new BigDecimal("1.2"), "ratio", LocalDate.of(2026, 7, 1), true, "NEW",
                        "EnEfG § 11", "annual average"), true, List.of());
        EnergyReport report = new EnergyReport("t", "Tenant", Instant.parse("2026-10-31T23:00:00Z"),
                Instant.parse("2026-11-01T23:00:00Z"), EnergyGroupBy.USER, "Europe/Berlin", "Munich", "all projects",
                List.of(day), totals, List.of(pue), List.of(location()), "afp-energy-2026.1", "rule", "method",
                Instant.parse("2026-11-25T12:00:00Z"));
        server.enqueue(json(200, report));

        EnergyReport read = client.energyReport(Instant.parse("2026-10-31T23:00:00Z"), Instant.parse("2026-11-01T23:00:00Z"),
                EnergyGroupBy.USER);

        assertThat(read).isEqualTo(report);
        okhttp3.HttpUrl url = next().getRequestUrl();
        assertThat(url.encodedPath()).isEqualTo("/v1/reports/energy");
        assertThat(url.queryParameter("from")).isEqualTo("2026-10-31T23:00:00Z");
        assertThat(url.queryParameter("to")).isEqualTo("2026-11-01T23:00:00Z");
        assertThat(url.queryParameter("groupBy")).isEqualTo("user");
    }

    @Test
    void stackedReportSendsStackByAndReadsItsSeries() throws Exception {
        EnergySeries series = new EnergySeries("p-1", "Project one", new BigDecimal("1.500"),
                List.of(new BigDecimal("1.000"), new BigDecimal("0.500")));
        server.enqueue(json(200, new EnergyReport("t", "T", Instant.EPOCH, Instant.EPOCH.plusSeconds(172_800),
                EnergyGroupBy.DAY, "Europe/Berlin", "s", "all", List.of(), null, List.of(), List.of(), "v", "r", "m",
                Instant.EPOCH, EnergyStackBy.PROJECT, List.of(series))));

        EnergyReport read = client.energyReport(Instant.EPOCH, Instant.EPOCH.plusSeconds(172_800), EnergyGroupBy.DAY,
                EnergyStackBy.PROJECT);

        assertThat(read.stackBy()).isEqualTo(EnergyStackBy.PROJECT);
        assertThat(read.series()).containsExactly(series);
        okhttp3.HttpUrl url = next().getRequestUrl();
        assertThat(url.queryParameter("groupBy")).isEqualTo("day");
        assertThat(url.queryParameter("stackBy")).isEqualTo("project");
    }

    @Test
    void aReportWithoutSeriesReadsAsEmptySeries() throws Exception {
        server.enqueue(json(200, new EnergyReport("t", "T", Instant.EPOCH, Instant.EPOCH.plusSeconds(60),
                EnergyGroupBy.DAY, "Europe/Berlin", "s", "all", List.of(), null, List.of(), List.of(), "v", "r", "m",
                Instant.EPOCH)));

        EnergyReport read = client.energyReport(Instant.EPOCH, Instant.EPOCH.plusSeconds(60), EnergyGroupBy.DAY);

        assertThat(read.stackBy()).isNull();
        assertThat(read.series()).isEmpty();
    }

    @Test
    void reportWithoutGroupingLeavesTheDefaultToTheFactory() throws Exception {
        server.enqueue(json(200, new EnergyReport("t", "T", Instant.EPOCH, Instant.EPOCH.plusSeconds(60),
                EnergyGroupBy.MONTH, "Europe/Berlin", "s", "all", List.of(), null, List.of(), List.of(), "v", "r", "m",
                Instant.EPOCH)));

        assertThat(client.energyReport(Instant.EPOCH, Instant.EPOCH.plusSeconds(60), null).groupBy())
                .isEqualTo(EnergyGroupBy.MONTH);
        assertThat(next().getRequestUrl().queryParameter("groupBy")).isNull();
    }

    @Test
    void aBadPeriodArrivesAsAValidationProblemNamingTheField() {
        server.enqueue(problem(ProblemType.VALIDATION, "to: must be after from",
                List.of(new Problem.FieldError("to", "must be after from"))));

        ApiException e = catchThrowableOfType(ApiException.class,
                () -> client.energyReport(Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"),
                        EnergyGroupBy.DAY));

        assertThat(e.problem().errors()).extracting(Problem.FieldError::field).containsExactly("to");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
