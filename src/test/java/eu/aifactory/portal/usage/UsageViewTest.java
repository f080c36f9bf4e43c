package eu.aifactory.portal.usage;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import eu.aifactory.api.usage.BudgetLevel;
import eu.aifactory.client.FactoryUnreachableException;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.common.LoadState;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.FakeFactoryClient;
import eu.aifactory.portal.usage.UsageViewModel.ProjectMonth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Usage page on its own, headless, with the real background executor and the fake factory. */
@ExtendWith(ApplicationExtension.class)
class UsageViewTest {

    private final FakeFactoryClient fake = new FakeFactoryClient();
    private final AtomicBoolean down = new AtomicBoolean();
    private FxTaskExecutor executor;
    private UsageViewModel viewModel;
    private UsageView view;
    private I18n i18n;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        fake.onUsage((from, to, groupBy, projectId) -> {
            if (down.get()) {
                throw new FactoryUnreachableException("refused", null);
            }
            return UsageViewModelTest.report(from, to, groupBy, projectId);
        });
        fake.budget(UsageViewModelTest.budget("p-line", "Linie Süd", "1000.00", "850.00", "40.00", "89.0",
                BudgetLevel.WARN_80, "1190.00"));
        executor = new FxTaskExecutor();
        i18n = new I18n(I18n.ENGLISH);
        ConnectionMonitor monitor = new ConnectionMonitor(executor, UsageViewModelTest.NOW, Duration.ofMinutes(5), 3);
        viewModel = new UsageViewModel(fake, executor, monitor, UsageViewModelTest.NOW, UsageViewModelTest.ZONE);
        view = new UsageView(viewModel, i18n);
        stage.setScene(new Scene(view, 1300, 900));
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

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void figuresTableBudgetsAndBurnDownAreShownAndFollowTheLanguage(FxRobot robot) throws TimeoutException {
        await(() -> viewModel.stateProperty().get() == LoadState.READY && !viewModel.burnLoadingProperty().get());

        assertThat(text(robot, "#usageCostValue")).isEqualTo("€560.25");
        assertThat(robot.lookup("#usageTable").queryAs(TableView.class).getItems()).hasSize(3);
        assertThat(robot.lookup("#usageBudget-p-line").tryQuery()).isPresent();
        LineChart<?, ?> burn = robot.lookup("#usageBurnDown").queryAs(LineChart.class);
        assertThat(burn.getData()).as("spent, forecast and the 50/80/100 % lines").hasSize(5);
        assertThat(text(robot, "#usageBurnCaption")).contains("Linie Süd", "€850.00 spent", "€1,190.00");
        NumberAxis amountAxis = (NumberAxis) robot.lookup("#usageMonthChart").queryAs(StackedBarChart.class).getYAxis();
        NumberAxis burnAxis = (NumberAxis) burn.getYAxis();
        assertThat(amountAxis.getTickLabelFormatter().toString(4000)).isEqualTo("4,000");

        robot.interact(() -> i18n.localeProperty().set(I18n.GERMAN));
        assertThat(text(robot, "#usageCostValue")).isEqualTo("560,25\u00a0€");
        assertThat(amountAxis.getTickLabelFormatter().toString(4000)).as("month chart axis in German").isEqualTo("4.000");
        assertThat(burnAxis.getTickLabelFormatter().toString(1500)).as("burn-down axis in German").isEqualTo("1.500");
        assertThat(burnAxis.getTickLabelFormatter().toString(1237.5)).isEqualTo("1.237,5");
        assertThat(robot.lookup("#usagePeriod").queryAs(ComboBox.class).getButtonCell().getText()).isEqualTo("Dieses Quartal");
    }

    @Test
    void tableRowsSortByCostWhenItsHeaderIsClicked(FxRobot robot) throws TimeoutException {
        await(() -> viewModel.stateProperty().get() == LoadState.READY);
        @SuppressWarnings("unchecked")
        TableView<ProjectMonth> table = robot.lookup("#usageTable").queryAs(TableView.class);
        robot.clickOn(robot.lookup("#usageTable .column-header").nth(3).queryAs(Node.class));
        await(() -> !table.getSortOrder().isEmpty());
        assertThat(table.getItems()).extracting(ProjectMonth::costEur).isSortedAccordingTo(java.math.BigDecimal::compareTo);
    }

    @Test
    void anUnreachableFactoryOffersRetryWhichLoadsAgain(FxRobot robot) throws Exception {
        await(() -> viewModel.stateProperty().get() == LoadState.READY);
        down.set(true);
        robot.interact(viewModel::load);
        await(() -> viewModel.stateProperty().get() == LoadState.OFFLINE);
        assertThat(text(robot, "#usageStatus")).startsWith("The factory cannot be reached");
        assertThat(robot.lookup("#usageRetry").queryAs(Button.class).isVisible()).isTrue();
        assertThat(robot.lookup("#usageExportCsv").queryAs(Button.class).isDisabled()).isTrue();

        down.set(false);
        robot.clickOn("#usageRetry");
        await(() -> viewModel.stateProperty().get() == LoadState.READY);
        assertThat(robot.lookup("#usageRetry").queryAs(Button.class).isVisible()).isFalse();
    }

    @Test
    void exportAsksTheInjectedChooserAndSaysWhereItWrote(FxRobot robot) throws Exception {
        await(() -> viewModel.stateProperty().get() == LoadState.READY);
        Path dir = Files.createTempDirectory("usage-view");
        robot.interact(() -> view.setSaveChooser((owner, name, title) -> dir.resolve(name)));
        robot.clickOn("#usageExportCsv");
        await(() -> viewModel.exportResultProperty().get() != null);
        assertThat(dir.resolve("usage-2026-10-01_2026-11-03.csv")).exists();
        assertThat(text(robot, "#usageStatus")).isEqualTo("Exported 3 rows to usage-2026-10-01_2026-11-03.csv.");
    }
}
