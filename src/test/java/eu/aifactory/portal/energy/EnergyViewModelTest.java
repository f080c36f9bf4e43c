package eu.aifactory.portal.energy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.LocalizedText;
import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.api.report.EnergyGroupBy;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.api.report.EnergySeries;
import eu.aifactory.api.report.EnergyStackBy;
import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;
import eu.aifactory.client.ApiException;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.LoadState;
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
    private final List<EnergyStackBy> stackings = new CopyOnWriteArrayList<>();
    private final FakeFactoryClient fake = EnergySamples.install(new FakeFactoryClient());
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final ConnectionMonitor monitor = new ConnectionMonitor(executor, NOW, Duration.ofMinutes(5), 3);
    private final EnergyViewModel viewModel;

    EnergyViewModelTest() {
        fake.onEnergyReport((from, to, groupBy) -> {
            requests.add(new Request(from, to, groupBy));
            return EnergySamples.report(from, to, groupBy);
        });
        fake.onStackedEnergyReport((from, to, groupBy, stackBy) -> {
            requests.add(new Request(from, to, groupBy));
            stackings.add(stackBy);
            return EnergySamples.report(from, to, groupBy, stackBy);
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
        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.READY);
    }

    @Test
    void switchingToThisMonthAsksFromTheFirstUpToTheEndOfTodayPerDay() {
        viewModel.load();
        requests.clear();

        viewModel.selectPeriod(EnergyPeriod.THIS_MONTH);

        assertThat(requests).containsExactly(
                new Request(Instant.parse("2026-10-31T23:00:00Z"), Instant.parse("2026-11-25T23:00:00Z"), EnergyGroupBy.WORKLOAD),
                new Request(Instant.parse("2026-10-31T23:00:00Z"), Instant.parse("2026-11-25T23:00:00Z"), EnergyGroupBy.DAY));
        assertThat(viewModel.chartStackProperty().get().buckets()).isEqualTo(25);
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
        BigDecimal chartTotal = viewModel.chartStackProperty().get().total();
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
    void applicationsAndProjectsAreShownByNameInTheUsersLanguageAndUnknownOnesByTheirId() {
        fake.apps(List.of(new AppDetail(FakeFactoryClient.app("llm-finetune", "LLM domain fine-tuning",
                "LLM-Feinabstimmung", "language", "Isar", "b200", "4.00", 1), LocalizedText.of("x", "x"), List.of())));
        fake.me(new Me(fake.me().user(), fake.me().tenant(), fake.me().roles(),
                List.of(new Me.Project("p-legal-ai", "Rechtsabteilung KI"))));

        viewModel.load();

        WorkloadEnergy legal = viewModel.rows().stream().filter(r -> r.workloadId().equals("wl-002")).findFirst().orElseThrow();
        assertThat(legal.appName(I18n.GERMAN)).isEqualTo("LLM-Feinabstimmung");
        assertThat(legal.appName(I18n.ENGLISH)).isEqualTo("LLM domain fine-tuning");
        assertThat(legal.projectLabel()).isEqualTo("Rechtsabteilung KI");
        assertThat(viewModel.appName("llm-finetune", I18n.GERMAN)).isEqualTo("LLM-Feinabstimmung");
        assertThat(viewModel.projectName("p-legal-ai")).isEqualTo("Rechtsabteilung KI");
        WorkloadEnergy other = viewModel.rows().stream().filter(r -> !r.appId().equals("llm-finetune")).findFirst().orElseThrow();
        assertThat(other.appName(I18n.GERMAN)).isEqualTo(other.appId());
    }

    @Test
    void theChartNamesApplicationLayersByTheirCatalogNameInTheUsersLanguage() {
        fake.apps(List.of(new AppDetail(FakeFactoryClient.app("llm-finetune", "LLM domain fine-tuning",
                "LLM-Feinabstimmung", "language", "Isar", "b200", "4.00", 1), LocalizedText.of("x", "x"), List.of())));

        viewModel.load();

        ChartStack stack = viewModel.chartStackProperty().get();
        ChartStack.Layer legal = stack.layers().stream().filter(l -> l.key().equals("llm-finetune")).findFirst()
                .orElseThrow();
        assertThat(legal.label(I18n.GERMAN)).isEqualTo("LLM-Feinabstimmung");
        assertThat(legal.label(I18n.ENGLISH)).isEqualTo("LLM domain fine-tuning");
        ChartStack.Layer merged = ChartDownsampler.downsample(stack, 2).layers().stream()
                .filter(l -> l.key().equals("llm-finetune")).findFirst().orElseThrow();
        assertThat(merged.label(I18n.GERMAN)).isEqualTo("LLM-Feinabstimmung");
    }

    @Test
    void theReceiptNamesTheResourcePlanNotItsId() {
        fake.plans(List.of(new ResourcePlan("b200-x8", LocalizedText.of("Eight B200 GPUs", "Acht B200-GPUs"), "NVIDIA B200",
                "b200", 8, 140, 1000, 1500, new BigDecimal("52.00"))));
        I18n german = new I18n(I18n.GERMAN);

        viewModel.openReceipt("wl-002");

        String all = ReceiptSteps.of(viewModel.receiptProperty().get(), id -> viewModel.planName(id, german.locale()),
                german).stream().map(ReceiptSteps.Step::text).reduce("", String::concat);
        assertThat(all).contains("dem Tarif Acht B200-GPUs zugeteilt").doesNotContain("b200-x8");
        assertThat(viewModel.planName("unknown-plan", I18n.GERMAN)).isEqualTo("unknown-plan");
    }

    @Test
    void aLoadOvertakenByAPeriodChangeIsNeverShown() {
        executor.holdWork();
        viewModel.load();
        viewModel.selectPeriod(EnergyPeriod.LAST_MONTH);
        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.LOADING);

        executor.runHeldWork();

        assertThat(requests).extracting(Request::from).containsOnly(berlinMidnight("2026-10-01"));
        assertThat(viewModel.chartStackProperty().get().buckets()).isEqualTo(31);
        assertThat(viewModel.rangeProperty().get().from()).isEqualTo(LocalDate.of(2026, 10, 1));
    }

    @Test
    void anUnreachableFactoryShowsTheOfflineStateAndTellsTheConnectionMonitor() {
        viewModel.load();
        fake.unreachable(true);

        viewModel.selectPeriod(EnergyPeriod.THIS_YEAR);

        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.OFFLINE);
        assertThat(viewModel.errorMessageProperty().get()).isNotBlank();
        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.kpisProperty().get()).isNull();
        assertThat(monitor.state()).isEqualTo(ConnectionMonitor.State.RECONNECTING);
    }

    @Test
    void aRefusalIsAnErrorNotOffline() {
        fake.failWith(() -> new ApiException(new Problem(ProblemType.VALIDATION.uri(), "Invalid request", 400,
                "to must be after from", null, List.of())));

        viewModel.load();

        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.ERROR);
        assertThat(viewModel.errorMessageProperty().get()).contains("to must be after from");
    }

    @Test
    void aPeriodWithoutEnergyIsLoadingUntilTheAnswerAndEmptyOnlyAfterIt() {
        fake.onEnergyReport((from, to, groupBy) -> EnergySamples.report(from, from, groupBy));
        executor.holdWork();

        viewModel.load();
        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.LOADING);
        assertThat(viewModel.rows()).isEmpty();
        executor.runHeldWork();

        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.EMPTY);
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
        List<ReceiptSteps.Step> steps = ReceiptSteps.of(EnergySamples.receipt(EnergySamples.WORKLOADS.get(0)), id -> id, i18n);

        assertThat(steps).extracting(ReceiptSteps.Step::title).contains("GPU-Energie", "= IT-Energie", "× PUE für 2026-09",
                "= Energie des Rechenzentrums", "Methodik");
        String all = steps.stream().map(ReceiptSteps.Step::text).reduce("", String::concat);
        assertThat(all).contains("PUE 1,21", "Site meter, September", "0,363", "UBA 2025", "AIB residual mix 2025",
                "aif-energy-1");
        assertThat(all).doesNotContain("!energy.");
    }

    @Test
    void aYearOfHourlyBucketsIsDrawnInWiderBucketsWhoseLayersKeepTheirTotals() {
        ChartStack hourly = EnergyChartData.hourlyYear(6);

        ChartStack drawn = ChartDownsampler.downsample(hourly, ChartDownsampler.MAX_POINTS);

        assertThat(hourly.buckets()).isEqualTo(8760);
        assertThat(drawn.buckets()).isLessThanOrEqualTo(ChartDownsampler.MAX_POINTS).isGreaterThan(300);
        assertThat(drawn.total()).isEqualByComparingTo(hourly.total());
        for (int l = 0; l < hourly.layers().size(); l++) {
            assertThat(drawn.layers().get(l).total()).isEqualByComparingTo(hourly.layers().get(l).total());
        }
        assertThat(drawn.labels().get(0)).isEqualTo("2026-01-01 00:00 \u2013 2026-01-01 21:00");
        assertThat(ChartDownsampler.downsample(drawn, ChartDownsampler.MAX_POINTS)).isSameAs(drawn);
    }

    @Test
    void theChartIsStackedByApplicationFirstAndEveryPeriodsLayersAddUpToItsFacilityEnergy() {
        viewModel.load();

        assertThat(viewModel.stackingProperty().get()).isEqualTo(EnergyViewModel.Stacking.APPLICATION);
        assertThat(stackings).containsExactly(EnergyStackBy.APPLICATION);
        ChartStack stack = viewModel.chartStackProperty().get();
        assertThat(stack.layers()).extracting(ChartStack.Layer::key).hasSize(6).contains("llm-finetune", "time-series");
        EnergyReport weekly = EnergySamples.report(berlinMidnight("2026-07-01"), berlinMidnight("2026-10-01"),
                EnergyGroupBy.WEEK);
        for (int i = 0; i < stack.buckets(); i++) {
            assertThat(stack.bucketTotal(i)).isEqualByComparingTo(weekly.groups().get(i).facilityKwh());
        }
        assertThat(stack.total()).isEqualByComparingTo(viewModel.kpisProperty().get().facilityKwh());
    }

    @Test
    void switchingTheStackingLoadsTheChartByProjectOrBySource() {
        viewModel.load();
        requests.clear();

        viewModel.selectStacking(EnergyViewModel.Stacking.PROJECT);

        assertThat(stackings).containsExactly(EnergyStackBy.APPLICATION, EnergyStackBy.PROJECT);
        assertThat(viewModel.chartStackProperty().get().layers()).extracting(ChartStack.Layer::key)
                .containsExactlyInAnyOrder("p-inspection", "p-legal-ai", "p-simulation", "p-research");

        viewModel.selectStacking(EnergyViewModel.Stacking.SOURCE);

        assertThat(stackings).hasSize(2);
        ChartStack bySource = viewModel.chartStackProperty().get();
        assertThat(bySource.layers()).extracting(ChartStack.Layer::key)
                .containsExactly(StackedEnergyChart.RENEWABLE, StackedEnergyChart.GRID);
        assertThat(bySource.total()).isEqualByComparingTo(viewModel.kpisProperty().get().facilityKwh());
    }

    @Test
    void moreSeriesThanColoursAreGatheredIntoOtherWithoutLosingEnergy() {
        fake.onStackedEnergyReport((from, to, groupBy, stackBy) -> {
            EnergyReport real = EnergySamples.report(from, to, groupBy, stackBy);
            List<EnergySeries> split = new java.util.ArrayList<>();
            // Each real series in two halves: twelve series, more than the palette has.
            for (EnergySeries s : real.series()) {
                List<BigDecimal> half = s.values().stream().map(v -> v.divide(BigDecimal.valueOf(2))).toList();
                List<BigDecimal> rest = new java.util.ArrayList<>();
                for (int i = 0; i < half.size(); i++) {
                    rest.add(s.values().get(i).subtract(half.get(i)));
                }
                split.add(new EnergySeries(s.key() + "-a", s.label(), half.stream().reduce(BigDecimal.ZERO, BigDecimal::add), half));
                split.add(new EnergySeries(s.key() + "-b", s.label(), rest.stream().reduce(BigDecimal.ZERO, BigDecimal::add), rest));
            }
            return new EnergyReport(real.tenantId(), real.tenantName(), real.from(), real.to(), groupBy, real.timeZone(),
                    real.site(), real.scope(), real.groups(), real.totals(), real.indicators(), real.factors(),
                    real.methodologyVersion(), real.roundingRule(), real.methodology(), real.generatedAt(), stackBy, split);
        });

        viewModel.load();

        ChartStack stack = viewModel.chartStackProperty().get();
        assertThat(stack.layers()).hasSize(StackedEnergyChart.MAX_LAYERS);
        assertThat(stack.layers().get(StackedEnergyChart.MAX_LAYERS - 1).key()).isEqualTo(StackedEnergyChart.OTHER);
        assertThat(stack.total()).isEqualByComparingTo(viewModel.kpisProperty().get().facilityKwh());
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

    private BigDecimal sum(Function<WorkloadEnergy, BigDecimal> value) {
        return viewModel.rows().stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
