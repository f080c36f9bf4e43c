package eu.aifactory.portal.energy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.report.EnergyGroupBy;
import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.energy.EnergyViewModel.State;
import eu.aifactory.portal.energy.EnergyViewModel.WorkloadEnergy;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.testing.FakeFactoryClient;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnergyViewModelTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    private record Request(Instant from, Instant to, EnergyGroupBy groupBy) {
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final FakeFactoryClient fake = EnergySamples.install(new FakeFactoryClient());
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final ConnectionMonitor monitor = new ConnectionMonitor(executor, NOW, Duration.ofMinutes(5), 3);
    private final EnergyViewModel viewModel;

    EnergyViewModelTest() {
        fake.onEnergyReport((from, to, groupBy) -> {
            requests.add(new Request(from, to, groupBy));
            return EnergySamples.report(from, to, groupBy);
        });
        viewModel = new EnergyViewModel(fake, executor, monitor, NOW, EnergySamples.ZONE);
    }

    private static Instant berlinMidnight(String date) {
        return LocalDate.parse(date).atStartOfDay(EnergySamples.ZONE).toInstant();
    }

    @Test
    void firstLoadAsksForLastQuarterPerWorkloadAndPerWeek() {
        viewModel.load();

        assertThat(viewModel.periodProperty().get()).isEqualTo(EnergyPeriod.LAST_QUARTER);
        assertThat(requests).containsExactly(
                new Request(berlinMidnight("2026-07-01"), berlinMidnight("2026-10-01"), EnergyGroupBy.WORKLOAD),
                new Request(berlinMidnight("2026-07-01"), berlinMidnight("2026-10-01"), EnergyGroupBy.WEEK));
        assertThat(viewModel.chartGroupingProperty().get()).isEqualTo(EnergyGroupBy.WEEK);
        assertThat(viewModel.stateProperty().get()).isEqualTo(State.READY);
    }

    @Test
    void switchingToThisMonthAsksFromTheFirstUpToTheEndOfTodayPerDay() {
        viewModel.load();
        requests.clear();

        viewModel.selectPeriod(EnergyPeriod.THIS_MONTH);

        assertThat(requests).containsExactly(
                new Request(Instant.parse("2026-10-31T23:00:00Z"), Instant.parse("2026-11-25T23:00:00Z"), EnergyGroupBy.WORKLOAD),
                new Request(Instant.parse("2026-10-31T23:00:00Z"), Instant.parse("2026-11-25T23:00:00Z"), EnergyGroupBy.DAY));
        assertThat(viewModel.chartPoints()).hasSize(25);
    }

    @Test
    void eachPresetResolvesToItsCalendarDays() {
        LocalDate today = LocalDate.of(2026, 11, 25);
        assertThat(EnergyPeriod.LAST_MONTH.range(today, null, null))
                .isEqualTo(new EnergyPeriod.DateRange(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1)));
        assertThat(EnergyPeriod.THIS_QUARTER.range(today, null, null))
                .isEqualTo(new EnergyPeriod.DateRange(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 26)));
        assertThat(EnergyPeriod.THIS_YEAR.range(today, null, null))
                .isEqualTo(new EnergyPeriod.DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 26)));
        assertThat(EnergyPeriod.LAST_QUARTER.range(LocalDate.of(2026, 2, 10), null, null))
                .isEqualTo(new EnergyPeriod.DateRange(LocalDate.of(2025, 10, 1), LocalDate.of(2026, 1, 1)));
    }

    @Test
    void customPeriodIncludesItsLastDay() {
        viewModel.selectCustom(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 30));

        assertThat(requests).first().isEqualTo(new Request(Instant.parse("2026-03-28T23:00:00Z"),
                Instant.parse("2026-03-30T22:00:00Z"), EnergyGroupBy.WORKLOAD));
        assertThat(viewModel.periodProperty().get()).isEqualTo(EnergyPeriod.CUSTOM);
    }

    @Test
    void kpisComeFromTheReportTotalsAndIndicators() {
        viewModel.load();
        EnergyReport report = EnergySamples.report(berlinMidnight("2026-07-01"), berlinMidnight("2026-10-01"),
                EnergyGroupBy.WORKLOAD);

        EnergyViewModel.Kpis kpis = viewModel.kpisProperty().get();
        assertThat(kpis.facilityKwh()).isEqualByComparingTo(report.totals().facilityKwh());
        assertThat(kpis.co2eKgLocation()).isEqualByComparingTo(report.totals().co2eKgLocationBased());
        assertThat(kpis.co2eKgMarket()).isEqualByComparingTo(report.totals().co2eKgMarketBased());
        assertThat(kpis.renewableShare()).isEqualByComparingTo(report.totals().renewableKwh()
                .divide(report.totals().facilityKwh(), 4, RoundingMode.HALF_UP));
        assertThat(kpis.renewableShare()).isEqualByComparingTo("0.92");
    }

    @Test
    void pueAboveItsLimitFailsAndErfAboveItsLimitPasses() {
        viewModel.load();

        EnergyViewModel.Kpis kpis = viewModel.kpisProperty().get();
        assertThat(kpis.pue().value()).isEqualByComparingTo("1.21");
        assertThat(kpis.pue().threshold().value()).isEqualByComparingTo("1.2");
        assertThat(kpis.pue().pass()).isFalse();
        assertThat(kpis.erf().pass()).isTrue();
    }

    @Test
    void tableRowsAddUpExactlyToTheKpiTotals() {
        viewModel.load();

        EnergyViewModel.Kpis kpis = viewModel.kpisProperty().get();
        assertThat(viewModel.rows()).hasSize(EnergySamples.WORKLOADS.size());
        assertThat(sum(WorkloadEnergy::facilityKwh)).isEqualByComparingTo(kpis.facilityKwh());
        assertThat(sum(WorkloadEnergy::co2eKgLocation)).isEqualByComparingTo(kpis.co2eKgLocation());
        assertThat(sum(WorkloadEnergy::co2eKgMarket)).isEqualByComparingTo(kpis.co2eKgMarket());
        BigDecimal chartTotal = viewModel.chartPoints().stream().map(EnergyViewModel.ChartPoint::facilityKwh)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(chartTotal).isEqualByComparingTo(kpis.facilityKwh());
    }

    @Test
    void tableRowsKnowTheirApplicationAndProjectFromTheWorkloadList() {
        viewModel.load();

        WorkloadEnergy legal = viewModel.rows().stream().filter(r -> r.workloadId().equals("wl-002")).findFirst().orElseThrow();
        assertThat(legal.name()).isEqualTo("Llama fine-tune legal");
        assertThat(legal.appId()).isEqualTo("llm-finetune");
        assertThat(legal.projectId()).isEqualTo("p-legal-ai");
    }

    @Test
    void aLoadOvertakenByAPeriodChangeIsNeverShown() {
        executor.holdWork();
        viewModel.load();
        viewModel.selectPeriod(EnergyPeriod.LAST_MONTH);
        assertThat(viewModel.stateProperty().get()).isEqualTo(State.LOADING);

        executor.runHeldWork();

        assertThat(requests).extracting(Request::from).containsOnly(berlinMidnight("2026-10-01"));
        assertThat(viewModel.chartPoints()).hasSize(31);
        assertThat(viewModel.rangeProperty().get().from()).isEqualTo(LocalDate.of(2026, 10, 1));
    }

    @Test
    void anUnreachableFactoryShowsTheErrorStateAndTellsTheConnectionMonitor() {
        viewModel.load();
        fake.unreachable(true);

        viewModel.selectPeriod(EnergyPeriod.THIS_YEAR);

        assertThat(viewModel.stateProperty().get()).isEqualTo(State.ERROR);
        assertThat(viewModel.errorMessageProperty().get()).isNotBlank();
        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.kpisProperty().get()).isNull();
        assertThat(monitor.state()).isEqualTo(ConnectionMonitor.State.RECONNECTING);
    }

    @Test
    void aPeriodWithoutEnergyIsEmpty() {
        fake.onEnergyReport((from, to, groupBy) -> EnergySamples.report(from, from, groupBy));

        viewModel.load();

        assertThat(viewModel.stateProperty().get()).isEqualTo(State.EMPTY);
        assertThat(viewModel.kpisProperty().get().renewableShare()).isNull();
    }

    @Test
    void openingAReceiptLoadsItAndAMissingOneIsAnError() {
        viewModel.openReceipt("wl-003");
        assertThat(viewModel.receiptProperty().get().workloadName()).isEqualTo("Crash simulation A4");

        viewModel.openReceipt("wl-unknown");
        assertThat(viewModel.receiptProperty().get()).isNull();
        assertThat(viewModel.receiptErrorProperty().get()).isNotBlank();
    }

    @Test
    void receiptStepsStateEachFactorWithItsSourceInGerman() {
        I18n i18n = new I18n(I18n.GERMAN);
        List<ReceiptSteps.Step> steps = ReceiptSteps.of(EnergySamples.receipt(EnergySamples.WORKLOADS.get(0)), i18n);

        assertThat(steps).extracting(ReceiptSteps.Step::title).contains("GPU-Energie", "= IT-Energie", "× PUE für 2026-09",
                "= Energie des Rechenzentrums", "Methodik");
        String all = steps.stream().map(ReceiptSteps.Step::text).reduce("", String::concat);
        assertThat(all).contains("PUE 1,21", "Site meter, September", "0,363", "UBA 2025", "AIB residual mix 2025",
                "aif-energy-1");
        assertThat(all).doesNotContain("!energy.");
    }

    @Test
    void downsamplingForDrawingKeepsTheTotals() {
        viewModel.selectCustom(LocalDate.of(2025, 11, 1), LocalDate.of(2026, 10, 31));
        List<EnergyViewModel.ChartPoint> many = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(new EnergyViewModel.ChartPoint("k" + i, "k" + i, null, new BigDecimal(i + ".125"), new BigDecimal("0.001")));
        }

        List<EnergyViewModel.ChartPoint> drawn = ChartDownsampler.downsample(many, ChartDownsampler.MAX_POINTS);

        assertThat(drawn.size()).isLessThanOrEqualTo(ChartDownsampler.MAX_POINTS);
        assertThat(total(drawn)).isEqualByComparingTo(total(many));
        assertThat(ChartDownsampler.downsample(viewModel.chartPoints(), 400)).isEqualTo(viewModel.chartPoints());
    }

    @Test
    void csvExportWritesTheShownTableAsUtf8AndAddsUpToTheKpis(@TempDir Path dir) throws IOException {
        viewModel.load();
        Path target = dir.resolve(viewModel.suggestedCsvName());

        viewModel.exportCsv(target);

        assertThat(target.getFileName().toString()).isEqualTo("energy-2026-07-01_2026-09-30.csv");
        assertThat(viewModel.exportingProperty().get()).isFalse();
        assertThat(viewModel.exportResultProperty().get().error()).isNull();
        assertThat(viewModel.exportResultProperty().get().file()).isEqualTo(target);
        List<List<String>> parsed = EnergyCsvTest.parse(Files.readString(target, StandardCharsets.UTF_8));
        assertThat(parsed).hasSize(EnergySamples.WORKLOADS.size() + 1);
        BigDecimal facility = parsed.stream().skip(1).map(r -> new BigDecimal(r.get(7))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(facility).isEqualByComparingTo(viewModel.kpisProperty().get().facilityKwh());
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFailedCsvExportSaysWhy(@TempDir Path dir) {
        viewModel.load();

        viewModel.exportCsv(dir.resolve("missing-folder").resolve("energy.csv"));

        assertThat(viewModel.exportResultProperty().get().error()).isNotBlank();
        assertThat(viewModel.exportingProperty().get()).isFalse();
    }

    private static BigDecimal total(List<EnergyViewModel.ChartPoint> points) {
        return points.stream().map(EnergyViewModel.ChartPoint::facilityKwh).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal sum(Function<WorkloadEnergy, BigDecimal> value) {
        return viewModel.rows().stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
