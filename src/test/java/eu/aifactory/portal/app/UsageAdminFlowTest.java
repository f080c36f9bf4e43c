package eu.aifactory.portal.app;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.dataset.Dataset;
import eu.aifactory.api.usage.BudgetStatus;
import eu.aifactory.api.usage.BudgetUpdate;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadQuery;
import eu.aifactory.client.FactoryClientConfig;
import eu.aifactory.client.HttpFactoryClient;
import eu.aifactory.portal.admin.AdminPage;
import eu.aifactory.portal.common.LoadState;
import eu.aifactory.portal.shell.DemoAccount;
import eu.aifactory.portal.shell.PortalWindow;
import eu.aifactory.portal.testing.FlowPortal;
import eu.aifactory.portal.testing.RequiredInputs;
import eu.aifactory.portal.usage.UsagePage;
import eu.aifactory.portal.usage.UsageViewModel;
import eu.aifactory.portal.workloads.submit.InputSlotViewModel;
import eu.aifactory.portal.workloads.submit.SubmitDialog;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.testing.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Usage, budgets and administration headless (Monocle) against the real embedded factory with its demo tenant
 * Müller Präzisionsteile: the account manager Sabine Köhler sees the Usage page with figures and exports it as CSV,
 * has no Admin entry and no submit button; the engineer Jürgen Weiß is blocked over the budget of "Angebotskalkulation"
 * until the tenant admin Thomas Müller raises it on the Admin page, and then his submit goes through.
 */
@ExtendWith(ApplicationExtension.class)
class UsageAdminFlowTest {

    private static final String MANAGER = "mp-sabine-koehler";
    private static final String ENGINEER = "mp-juergen-weiss";
    private static final String ADMIN = "mp-thomas-mueller";
    private static final String TIGHT_PROJECT = "mp-angebote";
    private static final String APP = "visual-quality-inspection";
    private static DemoFactoryStarter.Running factory;
    private AppContext context;
    private PortalWindow window;
    private Path dataDir;

    @BeforeAll
    static void startFactory() throws Exception {
        factory = EmbeddedFactory.starter(ServerConfig.inMemory(true, 60), TestClock.clock()).start();
    }

    @AfterAll
    static void stopFactory() throws Exception {
        factory.stopper().close();
    }

    @Start
    void start(Stage stage) throws IOException {
        dataDir = FlowPortal.dataDir("usage-admin-flow", "en");
        context = FlowPortal.builder(dataDir, factory).build();
        context.start();
        window = new PortalWindow(stage, context.shellServices());
        window.show();
    }

    @AfterEach
    void closeContext() throws Exception {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void anAccountManagerReadsUsageExportsItAndNeitherAdministersNorSubmits(FxRobot robot) throws Exception {
        signIn(robot, MANAGER);
        assertThat(text(robot, "#header-role")).isEqualTo("Account manager");
        assertThat(robot.lookup("#nav-usage").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-admin").tryQuery()).as("no Admin entry").isEmpty();

        // Catalog: the detail has no "Submit workload".
        await(30, () -> robot.lookup("#catalogSearch").tryQuery().isPresent());
        robot.clickOn("#catalogSearch").write("visual quality");
        await(30, () -> robot.lookup("#tile-" + APP).tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#tile-" + APP);
        await(20, () -> robot.lookup("#submitWorkloadWrapper").tryQuery().isPresent()
                && !text(robot, "#detailName").isEmpty());
        assertThat(robot.lookup("#submitWorkloadWrapper").query().isVisible()).isFalse();

        // Usage is the fifth entry: Ctrl+5.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        await(60, () -> usagePage().usageView().viewModel().stateProperty().get() != LoadState.LOADING);
        assertThat(text(robot, "#page-title")).isEqualTo("Usage");
        UsageViewModel usage = usagePage().usageView().viewModel();
        assertThat(usage.stateProperty().get()).as(usage.errorMessageProperty().get()).isEqualTo(LoadState.READY);
        assertThat(usage.totalsProperty().get().costEur()).isPositive();
        assertThat(text(robot, "#usageCostValue")).startsWith("€");
        assertThat(robot.lookup("#usageTable").queryAs(TableView.class).getItems()).isNotEmpty();
        assertThat(usage.budgets()).extracting(BudgetStatus::projectId)
                .containsExactlyInAnyOrder("mp-qs-drehteile", "mp-instandhaltung", TIGHT_PROJECT);
        assertThat(usage.budgets()).as("most used first").extracting(BudgetStatus::percent)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(usage.burnDownProperty().get().status().projectId()).isEqualTo(usage.budgets().get(0).projectId());

        // CSV export through the injected chooser, written in the background.
        Path target = dataDir.resolve("usage.csv");
        robot.interact(() -> usagePage().usageView().setSaveChooser((owner, name, title) -> target));
        robot.clickOn("#usageExportCsv");
        await(20, () -> usage.exportResultProperty().get() != null);
        assertThat(usage.exportResultProperty().get().error()).isNull();
        List<String> lines = Files.readAllLines(target, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(
                "period_from,period_to,month,project_id,project_name,gpu_hours,cost_eur,energy_kwh,workload_count");
        assertThat(lines).hasSize(usage.rows().size() + 1);
        assertThat(String.join("\n", lines)).contains("Qualitätssicherung Drehteile");

        // Workloads: read only, no cancel / re-run / clone in the detail.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        await(30, () -> robot.lookup("#workloads-table").queryAs(TableView.class).getItems().size() > 0);
        robot.interact(() -> robot.lookup("#workloads-table").queryAs(TableView.class).getSelectionModel().select(0));
        robot.doubleClickOn(robot.lookup("#workloads-table .table-row-cell").nth(0).queryAs(Node.class));
        await(20, () -> robot.lookup("#detail-cancel").tryQuery().isPresent());
        assertThat(robot.lookup("#detail-cancel").query().isVisible()).isFalse();
        assertThat(robot.lookup("#detail-clone").query().isVisible()).isFalse();
    }

    @Test
    void anEngineersSubmitBlockedOverBudgetGoesThroughOnceTheTenantAdminRaisesIt(FxRobot robot) throws Exception {
        // Start from an exhausted budget: the tenant admin's token sets it to what is already used.
        YearMonth month = TestClock.siteMonth();
        try (HttpFactoryClient admin = clientOf(ADMIN)) {
            BudgetStatus now = admin.budgets(month).stream().filter(b -> b.projectId().equals(TIGHT_PROJECT))
                    .findFirst().orElseThrow();
            admin.putBudget(TIGHT_PROJECT, month, new BudgetUpdate(now.spentEur().add(now.committedEur()), null));
        }

        signIn(robot, ENGINEER);
        SubmitDialog blocked = openSubmit(robot);
        await(20, () -> blocked.viewModel().headroom().blockedProperty().get());
        assertThat(robot.lookup("#submit-button").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(text(robot, "#headroom-notice")).contains("Submitting is blocked", "Thomas Müller");
        robot.clickOn("#submit-cancel");
        signOut(robot);

        // The tenant admin raises the month's budget on the Admin page (the sixth entry: Ctrl+6).
        signIn(robot, ADMIN);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        await(20, () -> text(robot, "#page-title").equals("Admin"));
        robot.clickOn("#adminTabBudgets");
        TableView<BudgetStatus> budgets = robot.lookup("#adminBudgets").queryAs(TableView.class);
        await(20, () -> budgets.getItems().stream().anyMatch(b -> b.projectId().equals(TIGHT_PROJECT)));
        robot.interact(() -> budgets.getSelectionModel().select(budgets.getItems().stream()
                .filter(b -> b.projectId().equals(TIGHT_PROJECT)).findFirst().orElseThrow()));
        robot.clickOn("#adminBudgetAmount").write("250000");
        robot.clickOn("#adminSetBudget");
        await(20, () -> text(robot, "#adminInfo").startsWith("Budget of Angebotskalkulation"));
        assertThat(adminPage().adminView().viewModel().budgets().stream()
                .filter(b -> b.projectId().equals(TIGHT_PROJECT)).findFirst().orElseThrow().budgetEur())
                .isEqualByComparingTo("250000");
        signOut(robot);

        // The engineer's submit now goes through.
        signIn(robot, ENGINEER);
        SubmitDialog open = openSubmit(robot);
        await(20, () -> open.viewModel().headroom().headroomProperty().get() != null
                && open.viewModel().estimateProperty().get() != null);
        assertThat(open.viewModel().headroom().blockedProperty().get()).isFalse();
        Map<InputSlotViewModel, Dataset> inputs;
        try (HttpFactoryClient engineer = clientOf(ENGINEER)) {
            inputs = RequiredInputs.upload(open.viewModel(), engineer, Files.createTempDirectory("usage-admin-flow"));
        }
        robot.interact(() -> {
            RequiredInputs.select(inputs);
            robot.lookup("#submit-name").queryAs(TextField.class).setText("After the raise");
        });
        robot.clickOn("#submit-button");
        await(30, () -> open.viewModel().submittedProperty().get() != null);
        try (HttpFactoryClient engineer = clientOf(ENGINEER)) {
            List<Workload> mine = engineer.listWorkloads(new WorkloadQuery(null, null, null, null, null, null, null, null,
                    50, null)).items();
            assertThat(mine).anyMatch(w -> w.name().equals("After the raise") && w.projectId().equals(TIGHT_PROJECT));
        }
    }

    private SubmitDialog openSubmit(FxRobot robot) throws TimeoutException {
        await(30, () -> robot.lookup("#catalogSearch").tryQuery().isPresent());
        robot.clickOn("#catalogSearch").write("visual quality");
        await(30, () -> robot.lookup("#tile-" + APP).tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#tile-" + APP);
        await(20, () -> robot.lookup("#submitWorkload").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        robot.clickOn("#submitWorkload");
        await(10, () -> robot.lookup("#submit-dialog").tryQuery().isPresent());
        SubmitDialog dialog = (SubmitDialog) robot.lookup("#submit-dialog").query().getProperties().get(SubmitDialog.class);
        robot.interact(() -> {
            dialog.viewModel().projectProperty().set(dialog.viewModel().projects().stream()
                    .filter(p -> p.id().equals(TIGHT_PROJECT)).findFirst().orElseThrow());
            robot.lookup("#param-lineId").queryAs(TextField.class).setText("L03");
        });
        return dialog;
    }

    private HttpFactoryClient clientOf(String userId) {
        DemoAccount account = factory.factory().accounts().stream().filter(a -> a.userId().equals(userId)).findFirst()
                .orElseThrow();
        char[] token = account.token().toCharArray();
        return new HttpFactoryClient(FactoryClientConfig.builder(factory.factory().baseUrl()).token(token::clone).build());
    }

    private UsagePage usagePage() {
        return (UsagePage) window.shell().currentPage();
    }

    private AdminPage adminPage() {
        return (AdminPage) window.shell().currentPage();
    }

    private void signIn(FxRobot robot, String userId) throws TimeoutException {
        await(30, () -> robot.lookup("#demo-user-" + userId).tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#demo-user-" + userId);
        await(30, () -> robot.lookup("#header-tenant").tryQuery().isPresent());
    }

    private void signOut(FxRobot robot) throws TimeoutException {
        robot.interact(() -> context.sessions().signOut());
        await(20, () -> robot.lookup("#header-tenant").tryQuery().isEmpty());
    }

    private static void await(long seconds, BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse("");
    }
}
