package eu.aifactory.portal.energy;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import eu.aifactory.api.report.EnergyGroupBy;
import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.energy.EnergyViewModel.WorkloadEnergy;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.FakeFactoryClient;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Energy page on its own, headless, with the real background executor and the fake factory ledger. */
@ExtendWith(ApplicationExtension.class)
class EnergyViewTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    private final List<EnergyGroupBy> asked = new CopyOnWriteArrayList<>();
    private final List<Instant> askedFrom = new CopyOnWriteArrayList<>();
    private FxTaskExecutor executor;
    private EnergyViewModel viewModel;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        FakeFactoryClient fake = EnergySamples.install(new FakeFactoryClient());
        fake.onEnergyReport((from, to, groupBy) -> {
            asked.add(groupBy);
            askedFrom.add(from);
            return EnergySamples.report(from, to, groupBy);
        });
        fake.onStackedEnergyReport((from, to, groupBy, stackBy) -> {
            asked.add(groupBy);
            askedFrom.add(from);
            return EnergySamples.report(from, to, groupBy, stackBy);
        });
        executor = new FxTaskExecutor();
        I18n i18n = new I18n(I18n.GERMAN);
        ConnectionMonitor monitor = new ConnectionMonitor(executor, NOW, Duration.ofMinutes(5), 3);
        viewModel = new EnergyViewModel(fake, executor, monitor, NOW, EnergySamples.ZONE);
        stage.setScene(new Scene(new EnergyView(viewModel, i18n), 1200, 760));
        stage.show();
        viewModel.load();
    }

    @AfterEach
    void tearDown() {
        executor.shutdown();
    }

    private static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TableView<WorkloadEnergy> table(FxRobot robot) {
        return robot.lookup("#energyTable").queryAs(TableView.class);
    }

    private static BigDecimal facilitySum(TableView<WorkloadEnergy> table) {
        return table.getItems().stream().map(WorkloadEnergy::facilityKwh).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void showsLastQuarterWithGermanFiguresAndAFailedPueBadge(FxRobot robot) throws TimeoutException {
        await(() -> table(robot).getItems().size() == EnergySamples.WORKLOADS.size());

        EnergyReport quarter = EnergySamples.report(LocalDate.of(2026, 7, 1).atStartOfDay(EnergySamples.ZONE).toInstant(),
                LocalDate.of(2026, 10, 1).atStartOfDay(EnergySamples.ZONE).toInstant(), EnergyGroupBy.WORKLOAD);
        assertThat(facilitySum(table(robot))).isEqualByComparingTo(quarter.totals().facilityKwh());
        assertThat(robot.lookup("#kpiFacilityKwhValue").queryAs(Label.class).getText()).endsWith("kWh").contains(".");
        Label pueBadge = robot.lookup("#kpiPueBadge").queryAs(Label.class);
        assertThat(pueBadge.getText()).isEqualTo("nicht erfüllt");
        assertThat(pueBadge.getStyleClass()).contains("fail");
        // Value and limit at the same precision, so "1,21" visibly misses "≤ 1,20".
        assertThat(robot.lookup("#kpiPueValue").queryAs(Label.class).getText()).isEqualTo("1,21");
        assertThat(robot.lookup("#kpiPueLimit").queryAs(Label.class).getText()).isEqualTo("EnEfG-Grenzwert \u2264 1,20");
        assertThat(robot.lookup("#kpiErfValue").queryAs(Label.class).getText()).isEqualTo("14,0\u00a0%");
        assertThat(robot.lookup("#kpiErfLimit").queryAs(Label.class).getText()).isEqualTo("EnEfG-Grenzwert \u2265 10,0\u00a0%");
        assertThat(robot.lookup("#kpiErfBadge").queryAs(Label.class).getStyleClass()).contains("pass");
        assertThat(robot.lookup("#energyChart").tryQuery()).isPresent();
    }

    @Test
    void theStackingToggleRedrawsTheChartByProjectAndHoverNamesEveryLayersEnergy(FxRobot robot)
            throws TimeoutException {
        await(() -> table(robot).getItems().size() == EnergySamples.WORKLOADS.size());
        @SuppressWarnings("unchecked")
        XYChart<Number, Number> chart = robot.lookup("#energyChart").queryAs(XYChart.class);
        assertThat(chart.getData()).extracting(XYChart.Series::getName).contains("llm-finetune");

        robot.clickOn("#energyStack-project");

        await(() -> chart.getData().stream().anyMatch(s -> "p-legal-ai".equals(s.getName())));
        assertThat(robot.lookup("#energyStack-project").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(chart.getData()).hasSize(4);
        // What is drawn adds up to the KPI card's report total, exactly in the model and to the double on screen.
        EnergyReport quarter = EnergySamples.report(LocalDate.of(2026, 7, 1).atStartOfDay(EnergySamples.ZONE).toInstant(),
                LocalDate.of(2026, 10, 1).atStartOfDay(EnergySamples.ZONE).toInstant(), EnergyGroupBy.WORKLOAD);
        StackedEnergyChart stacked = (StackedEnergyChart) chart.getParent().getParent();
        assertThat(stacked.drawn().total()).isEqualByComparingTo(quarter.totals().facilityKwh());
        double drawnSum = chart.getData().stream().flatMap(series -> series.getData().stream())
                .mapToDouble(d -> d.getYValue().doubleValue()).sum();
        assertThat(drawnSum).isCloseTo(quarter.totals().facilityKwh().doubleValue(), org.assertj.core.data.Offset.offset(1e-6));
        robot.moveTo(chart.lookup(".chart-plot-background"));
        Label hover = robot.lookup("#energyChartHover").queryAs(Label.class);
        await(hover::isVisible);
        assertThat(hover.getText()).contains("p-legal-ai: ", "kWh", "Energie des Rechenzentrums: ");
    }

    @Test
    void changingThePeriodReloadsTheTable(FxRobot robot) throws TimeoutException {
        await(() -> table(robot).getItems().size() == EnergySamples.WORKLOADS.size());
        BigDecimal quarterSum = facilitySum(table(robot));

        robot.clickOn("#energyPeriod");
        robot.clickOn("Letzter Monat");

        Instant october = LocalDate.of(2026, 10, 1).atStartOfDay(EnergySamples.ZONE).toInstant();
        await(() -> askedFrom.contains(october) && facilitySum(table(robot)).compareTo(quarterSum) != 0);
        EnergyReport month = EnergySamples.report(october,
                LocalDate.of(2026, 11, 1).atStartOfDay(EnergySamples.ZONE).toInstant(), EnergyGroupBy.WORKLOAD);
        assertThat(facilitySum(table(robot))).isEqualByComparingTo(month.totals().facilityKwh());
        assertThat(asked).contains(EnergyGroupBy.DAY);
    }

    @Test
    void doubleClickingAWorkloadOpensItsReceiptWithEveryStep(FxRobot robot) throws TimeoutException {
        await(() -> table(robot).getItems().size() == EnergySamples.WORKLOADS.size());

        robot.doubleClickOn("Crash simulation A4");

        await(() -> robot.lookup("#energyReceipt").queryAs(Node.class).isVisible()
                && robot.lookup("4. × PUE für 2026-09").tryQuery().isPresent());
        assertThat(robot.lookup("Energienachweis: Crash simulation A4").tryQuery()).isPresent();
        assertThat(robot.lookup("3. = IT-Energie").tryQuery()).isPresent();

        robot.clickOn("#energyReceiptClose");
        await(() -> viewModel.receiptProperty().get() == null);
    }

    @Test
    void enterOnASelectedWorkloadOpensItsReceipt(FxRobot robot) throws TimeoutException {
        await(() -> table(robot).getItems().size() == EnergySamples.WORKLOADS.size());

        WorkloadEnergy last = table(robot).getItems().stream().filter(w -> w.workloadId().equals("wl-006")).findFirst()
                .orElseThrow();
        robot.interact(() -> table(robot).scrollTo(last));
        robot.clickOn("Demand forecast");
        robot.type(KeyCode.ENTER);

        await(() -> viewModel.receiptProperty().get() != null);
        assertThat(viewModel.receiptProperty().get().workloadId()).isEqualTo("wl-006");
    }
}
