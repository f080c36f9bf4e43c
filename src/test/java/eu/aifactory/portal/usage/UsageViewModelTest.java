package eu.aifactory.portal.usage;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.Problem;
import eu.aifactory.api.usage.BudgetLevel;
import eu.aifactory.api.usage.BudgetStatus;
import eu.aifactory.api.usage.UsageGroup;
import eu.aifactory.api.usage.UsageGroupBy;
import eu.aifactory.api.usage.UsageReport;
import eu.aifactory.api.usage.UsageTotals;
import eu.aifactory.client.ApiException;
import eu.aifactory.client.FactoryUnreachableException;
import eu.aifactory.portal.common.CsvRecords;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.energy.EnergyPeriod;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.testing.FakeFactoryClient;
import eu.aifactory.portal.usage.UsageViewModel.ProjectMonth;
import eu.aifactory.portal.common.LoadState;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageViewModelTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** 3 November 2026, site time: this quarter is October and November so far, the month has 3 days behind it. */
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-03T12:00:00Z"), ZONE);

    private record Request(Instant from, Instant to, UsageGroupBy groupBy, String projectId) {
        Request(Instant from, Instant to, UsageGroupBy groupBy) {
            this(from, to, groupBy, null);
        }
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final FakeFactoryClient fake = new FakeFactoryClient();
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final ConnectionMonitor monitor = new ConnectionMonitor(executor, NOW, Duration.ofMinutes(5), 3);
    private final UsageViewModel viewModel = new UsageViewModel(fake, executor, monitor, NOW, ZONE);

    UsageViewModelTest() {
        fake.onUsage((from, to, groupBy, projectId) -> {
            requests.add(new Request(from, to, groupBy, projectId));
            return report(from, to, groupBy, projectId);
        });
        fake.budget(budget("p-line", "Linie Süd", "1000.00", "850.00", "40.00", "89.0", BudgetLevel.WARN_80, "1190.00"));
        fake.budget(budget("p-lab", "Labor", "500.00", "100.00", "0.00", "20.0", BudgetLevel.OK, "500.00"));
        fake.budget(budget("p-free", "Freies Projekt", null, "10.00", "0.00", null, BudgetLevel.OK, "25.00"));
    }

    static Instant midnight(String date) {
        return LocalDate.parse(date).atStartOfDay(ZONE).toInstant();
    }

    static BudgetStatus budget(String id, String name, String budget, String spent, String committed,
                                       String percent, BudgetLevel level, String forecast) {
        return new BudgetStatus(id, name, "2026-11", budget == null ? null : new BigDecimal(budget), null,
                new BigDecimal(spent), new BigDecimal(committed), BigDecimal.ZERO,
                percent == null ? null : new BigDecimal(percent), level, new BigDecimal(forecast), false);
    }

    private static UsageGroup group(String key, String label, String gpuHours, String cost, int count) {
        return new UsageGroup(key, label, null, null, new BigDecimal(gpuHours), new BigDecimal(cost), new BigDecimal("1.5"),
                count, Map.of("SUCCEEDED", count));
    }

    /** October: both projects; November: only the line; November by day: 10 EUR for the line on day 2 and 3.5 on day 3. */
    static UsageReport report(Instant from, Instant to, UsageGroupBy groupBy, String projectId) {
        List<UsageGroup> groups = new ArrayList<>();
        if (groupBy == UsageGroupBy.APPLICATION) {
            for (int i = 1; i <= 7; i++) {
                groups.add(group("app-" + i, "App " + i, "1", Integer.toString(i * 10), 1));
            }
        } else if (groupBy == UsageGroupBy.USER) {
            groups.add(group("u-1", "Anna Schmidt", "2", "30.00", 2));
            groups.add(group("u-2", "Jonas Weber", "5", "70.00", 3));
        } else if (groupBy == UsageGroupBy.DAY) {
            boolean line = "p-line".equals(projectId);
            for (LocalDate day = LocalDate.ofInstant(from, ZONE); day.atStartOfDay(ZONE).toInstant().isBefore(to);
                 day = day.plusDays(1)) {
                String cost = !line ? "0.00" : day.getDayOfMonth() == 2 ? "10.00" : day.getDayOfMonth() == 3 ? "3.50" : "0.00";
                groups.add(new UsageGroup(day.toString(), day.toString(), day.atStartOfDay(ZONE).toInstant(),
                        day.plusDays(1).atStartOfDay(ZONE).toInstant(), BigDecimal.ONE, new BigDecimal(cost),
                        BigDecimal.ONE, 0, Map.of()));
            }
        } else if (from.equals(midnight("2026-10-01")) && to.equals(midnight("2026-11-01"))) {
            groups.add(group("p-line", "Linie Süd", "12.5", "400.25", 4));
            groups.add(group("p-lab", "Labor", "2", "64.00", 1));
        } else if (from.equals(midnight("2026-11-01"))) {
            groups.add(group("p-line", "Linie Süd", "3", "96.00", 2));
        } else {
            groups.add(group("p-line", "Linie Süd", "15.5", "496.25", 6));
            groups.add(group("p-lab", "Labor", "2", "64.00", 1));
        }
        BigDecimal gpu = groups.stream().map(UsageGroup::gpuHours).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal cost = groups.stream().map(UsageGroup::costEur).reduce(BigDecimal.ZERO, BigDecimal::add);
        int count = groups.stream().mapToInt(UsageGroup::workloadCount).sum();
        return new UsageReport("t1", "Müller", from, to, groupBy, "Europe/Berlin", "tenant", groups,
                new UsageTotals(gpu, cost, BigDecimal.TEN, count, Map.of()), List.of(), Instant.parse("2026-11-03T12:00:00Z"));
    }

    @Test
    void thisQuarterIsShownAsProjectByMonthWithThePeriodTotals() {
        viewModel.load();

        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.READY);
        assertThat(viewModel.periodProperty().get()).isEqualTo(EnergyPeriod.THIS_QUARTER);
        assertThat(requests).contains(
                new Request(midnight("2026-10-01"), midnight("2026-11-04"), UsageGroupBy.PROJECT),
                new Request(midnight("2026-10-01"), midnight("2026-11-01"), UsageGroupBy.PROJECT),
                new Request(midnight("2026-11-01"), midnight("2026-11-04"), UsageGroupBy.PROJECT));
        assertThat(viewModel.rows()).extracting(ProjectMonth::month, ProjectMonth::projectName, ProjectMonth::costEur)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 10), "Labor", new BigDecimal("64.00")),
                        org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 10), "Linie Süd", new BigDecimal("400.25")),
                        org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 11), "Linie Süd", new BigDecimal("96.00")));
        assertThat(viewModel.totalsProperty().get().costEur()).isEqualByComparingTo("560.25");
        assertThat(viewModel.totalsProperty().get().workloadCount()).isEqualTo(7);
    }

    @Test
    void topApplicationsAndUsersAreTheMostCostlyFive() {
        viewModel.load();

        assertThat(viewModel.topApplications()).extracting(UsageGroup::key)
                .containsExactly("app-7", "app-6", "app-5", "app-4", "app-3");
        assertThat(viewModel.topUsers()).extracting(UsageGroup::label).containsExactly("Jonas Weber", "Anna Schmidt");
    }

    @Test
    void budgetsComeMostUsedFirstAndTheFirstOnesBurnDownIsCumulativePerDay() {
        viewModel.load();

        assertThat(viewModel.budgets()).extracting(BudgetStatus::projectId).containsExactly("p-line", "p-lab", "p-free");
        UsageViewModel.BurnDown burn = viewModel.burnDownProperty().get();
        assertThat(burn.status().projectId()).isEqualTo("p-line");
        assertThat(burn.month()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(burn.daysInMonth()).isEqualTo(30);
        assertThat(burn.cumulativeEur()).containsExactly(new BigDecimal("0.00"), new BigDecimal("10.00"),
                new BigDecimal("13.50"));
        assertThat(burn.status().forecastEur()).as("the forecast as the factory gives it").isEqualByComparingTo("1190.00");
        assertThat(burn.line(80)).isEqualByComparingTo("800");
        assertThat(burn.line(100)).isEqualByComparingTo("1000");
    }

    @Test
    void theBurnDownIsOneDayGroupedReportOfTheChosenProject() {
        viewModel.load();

        assertThat(requests).filteredOn(r -> r.groupBy() == UsageGroupBy.DAY || r.projectId() != null)
                .containsExactly(new Request(midnight("2026-11-01"), midnight("2026-11-04"), UsageGroupBy.DAY, "p-line"));
        assertThat(requests).as("no report of a single day any more")
                .noneMatch(r -> Duration.between(r.from(), r.to()).toDays() <= 1);
    }

    @Test
    void choosingAnotherProjectAsksItsDailyFiguresOnceAndComingBackAsksNothing() {
        viewModel.load();
        int calls = requests.size();

        viewModel.selectBudget("p-free");

        assertThat(requests).hasSize(calls + 1);
        assertThat(requests.get(calls)).isEqualTo(
                new Request(midnight("2026-11-01"), midnight("2026-11-04"), UsageGroupBy.DAY, "p-free"));
        assertThat(viewModel.burnDownProperty().get().status().projectId()).isEqualTo("p-free");
        assertThat(viewModel.burnDownProperty().get().line(50)).as("no budget, no lines").isNull();
        assertThat(viewModel.burnDownProperty().get().cumulativeEur()).hasSize(3).allMatch(v -> v.signum() == 0);

        viewModel.selectBudget("p-line");

        assertThat(requests).hasSize(calls + 1);
        assertThat(viewModel.burnDownProperty().get().cumulativeEur()).last().isEqualTo(new BigDecimal("13.50"));
    }

    @Test
    void anUnreachableFactoryShowsTheOfflineStateAndAnAnswerWithAProblemTheErrorState() {
        fake.onUsage((from, to, groupBy, projectId) -> {
            throw new FactoryUnreachableException("refused", null);
        });
        viewModel.load();
        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.OFFLINE);
        assertThat(viewModel.rows()).isEmpty();

        fake.onUsage((from, to, groupBy, projectId) -> {
            throw new ApiException(new Problem("https://aifactory.eu/problems/forbidden", "Forbidden", 403,
                    "engineers do not see the tenant's usage", "/v1/usage", List.of()));
        });
        viewModel.load();
        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.ERROR);
        assertThat(viewModel.errorMessageProperty().get()).contains("engineers do not see");
    }

    @Test
    void aPeriodWithoutWorkloadsIsEmpty() {
        fake.onUsage((from, to, groupBy, projectId) -> new UsageReport("t1", "Müller", from, to, groupBy, "Europe/Berlin", "tenant",
                List.of(), new UsageTotals(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, Map.of()), List.of(), from));
        viewModel.selectPeriod(EnergyPeriod.LAST_MONTH);
        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.EMPTY);
        assertThat(viewModel.suggestedCsvName()).isEqualTo("usage-2026-10-01_2026-10-31.csv");
    }

    @Test
    void csvExportWritesUtf8WithPlainDecimalsAndMachineReadableColumns(@TempDir Path dir) throws IOException {
        viewModel.load();
        Path target = dir.resolve("usage.csv");

        viewModel.exportCsv(target);

        assertThat(viewModel.exportResultProperty().get().error()).isNull();
        assertThat(viewModel.exportResultProperty().get().rows()).isEqualTo(3);
        List<String> lines = Files.readAllLines(target, StandardCharsets.UTF_8);
        assertThat(lines).containsExactly(
                "period_from,period_to,month,project_id,project_name,gpu_hours,cost_eur,energy_kwh,workload_count",
                "2026-10-01,2026-11-03,2026-10,p-lab,Labor,2,64.00,1.5,1",
                "2026-10-01,2026-11-03,2026-10,p-line,Linie Süd,12.5,400.25,1.5,4",
                "2026-10-01,2026-11-03,2026-11,p-line,Linie Süd,3,96.00,1.5,2");
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).contains("\r\n");
        assertThat(dir.resolve("usage.csv.part")).doesNotExist();
    }

    @Test
    void csvQuotesCellsWithCommasAndQuotes() {
        assertThat(CsvRecords.quote("Linie \"Süd\", Halle 2")).isEqualTo("\"Linie \"\"Süd\"\", Halle 2\"");
        assertThat(CsvRecords.quote("plain")).isEqualTo("plain");
    }
}
