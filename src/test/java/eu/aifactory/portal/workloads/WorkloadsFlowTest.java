package eu.aifactory.portal.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.dataset.Dataset;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.api.workload.Priority;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadQuery;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.api.workload.WorkloadSubmission;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.client.FactoryClientConfig;
import eu.aifactory.client.FactoryUnreachableException;
import eu.aifactory.client.HttpFactoryClient;
import eu.aifactory.portal.catalog.CatalogPage;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.common.PageContext;
import eu.aifactory.portal.common.Session;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.testing.RequiredInputs;
import eu.aifactory.portal.workloads.submit.InputSlotViewModel;
import eu.aifactory.portal.workloads.submit.SubmitDialog;
import eu.aifactory.portal.workloads.submit.SubmitFormViewModel;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.seed.DemoUser;
import eu.aifactory.testing.PausableClock;
import eu.aifactory.testing.TestClock;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
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
 * The workloads feature headless (Monocle) against the real embedded factory, in memory, with simulated time 600
 * times faster, through the real HTTP client signed in as a demo engineer: submit from the catalog (first with a
 * wrong value), watch the run go QUEUED → RUNNING → SUCCEEDED in the table, read and filter its log, download a
 * result, and cancel a second run; and a submit whose answer was lost, retried into exactly one workload.
 */
@ExtendWith(ApplicationExtension.class)
class WorkloadsFlowTest {

    private static final String APP = "visual-quality-inspection";
    /** Held still while the test looks at a run that must not have finished yet, however slow the machine is. */
    private static final PausableClock FACTORY_TIME = new PausableClock(TestClock.clock());
    private static FactoryServer server;
    private static DemoUser engineer;

    private HttpFactoryClient client;
    private FxTaskExecutor executor;
    private WorkloadsMount mount;
    private final Map<String, Page> pages = new HashMap<>();
    private StackPane host;
    private PageContext context;
    private Path downloads;

    @BeforeAll
    static void startFactory() {
        server = FactoryServer.start(ServerConfig.inMemory(true, 600), FACTORY_TIME);
        engineer = server.demoUsers().stream().filter(u -> u.role() == Role.ENGINEER).findFirst().orElseThrow();
    }

    @AfterAll
    static void stopFactory() {
        if (server != null) {
            server.close();
        }
    }

    @Start
    void start(Stage stage) throws IOException {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        downloads = Files.createTempDirectory("workloads-flow");
        WorkloadDetailView.setDefaultSaveChooser((name, owner) -> downloads.resolve(name));
        char[] token = engineer.token().toCharArray();
        client = new HttpFactoryClient(FactoryClientConfig.builder(server.baseUri()).token(token::clone).build());
        Me me = client.me();
        executor = new FxTaskExecutor();
        Session session = new Session(server.baseUri(), client, me, true);
        ConnectionMonitor monitor = new ConnectionMonitor(executor, Clock.systemUTC(), Duration.ofMinutes(5), 3);
        host = new StackPane();
        context = new PageContext(session, new I18n(I18n.ENGLISH), executor, monitor,
                downloads.resolve("cache"), this::show, TestClock.clock());
        mount = new WorkloadsMount(new SimpleObjectProperty<>(session), () -> true);
        stage.setScene(new Scene(host, 1280, 860));
        stage.show();
        show(Page.CATALOG);
    }

    /** The shell's part: build a page on first use and put it on screen. */
    private void show(String pageId) {
        Page page = pages.computeIfAbsent(pageId, id -> Page.CATALOG.equals(id)
                ? mount.withSubmit(new CatalogPage(context), context) : mount.page(context));
        host.getChildren().setAll(page.view());
        page.onShow();
    }

    @AfterEach
    void tearDown() throws Exception {
        FACTORY_TIME.resume();
        WaitForAsyncUtils.asyncFx(() -> {
            WorkloadDetailView.setDefaultSaveChooser(null);
            pages.values().forEach(Page::dispose);
            if (mount.current() != null) {
                mount.current().close();
            }
        }).get(10, TimeUnit.SECONDS);
        executor.shutdown();
        client.close();
    }

    private static void await(long seconds, BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private WorkloadsViewModel table() {
        return ((WorkloadsPage) pages.get(Page.WORKLOADS)).viewModel();
    }

    private Workload row(String name) {
        return table().rows().stream().filter(w -> name.equals(w.name())).findFirst().orElse(null);
    }

    @Test
    void submitFollowReadLogsDownloadAndCancel(FxRobot robot) throws Exception {
        // Submit from the catalog's detail.
        await(20, () -> robot.lookup("#catalogSearch").tryQuery().isPresent());
        robot.clickOn("#catalogSearch").write("visual quality");
        await(20, () -> robot.lookup("#tile-" + APP).tryQuery().isPresent());
        robot.clickOn("#tile-" + APP);
        await(20, () -> robot.lookup("#submitWorkload").tryQuery().map(Node::isDisabled).map(d -> !d).orElse(false));
        robot.clickOn("#submitWorkload");
        await(10, () -> robot.lookup("#submit-dialog").tryQuery().isPresent());
        SubmitDialog shown = (SubmitDialog) robot.lookup("#submit-dialog").query().getProperties().get(SubmitDialog.class);

        // A wrong value: the field says why, nothing is sent.
        robot.interact(() -> robot.lookup("#param-lineId").queryAs(TextField.class).setText("Line 3"));
        robot.clickOn("#submit-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#error-lineId").queryAs(Label.class).getText()).startsWith("Does not have the expected form");
        assertThat(robot.lookup("#submit-message").queryAs(Label.class).getText()).contains("nothing was sent");
        assertThat(shown.viewModel().submittedProperty().get()).isNull();

        // A right one.
        robot.interact(() -> {
            robot.lookup("#param-lineId").queryAs(TextField.class).setText("L03");
            robot.lookup("#submit-name").queryAs(TextField.class).setText("Flow run A");
            shown.viewModel().planProperty().set("rtx-pro-6000-x4");
        });
        await(10, () -> robot.lookup("#estimate-cost").queryAs(Label.class).getText().contains("€"));
        Map<InputSlotViewModel, Dataset> inputs = RequiredInputs.upload(shown.viewModel(), client, downloads);
        robot.interact(() -> RequiredInputs.select(inputs));
        FACTORY_TIME.pause();
        robot.clickOn("#submit-button");

        // The Workloads page opens with the new run; the table follows it to the end.
        await(30, () -> pages.containsKey(Page.WORKLOADS) && row("Flow run A") != null);
        List<WorkloadStatus> seen = new ArrayList<>();
        seen.add(row("Flow run A").status());
        table().rows().addListener((ListChangeListener<Workload>) change -> {
            Workload now = row("Flow run A");
            if (now != null && seen.get(seen.size() - 1) != now.status()) {
                seen.add(now.status());
            }
        });
        assertThat(seen.get(0).isTerminal()).isFalse();
        FACTORY_TIME.resume();
        await(90, () -> row("Flow run A").status() == WorkloadStatus.SUCCEEDED);
        // The table showed it live before the end; the factory's history has every step.
        assertThat(seen.get(seen.size() - 1)).isEqualTo(WorkloadStatus.SUCCEEDED);
        assertThat(row("Flow run A").costEur()).isPositive();

        // Its detail: the log, filtered.
        WorkloadsView view = ((WorkloadsPage) pages.get(Page.WORKLOADS)).workloadsView();
        await(20, () -> view.detail() != null && "Flow run A".equals(view.detail().viewModel().workload().name()));
        await(20, () -> view.detail().viewModel().workload().history().size() >= 4);
        assertThat(view.detail().viewModel().workload().history()).extracting(Workload.StatusChange::status)
                .containsSubsequence(WorkloadStatus.QUEUED, WorkloadStatus.RUNNING, WorkloadStatus.SUCCEEDED);
        LogViewModel log = view.detail().viewModel().log();
        await(30, () -> log.completeProperty().get());
        robot.clickOn("#tab-logs");
        int total = log.lines().size();
        assertThat(total).isGreaterThan(3);
        robot.clickOn("#log-search").write("telemetry");
        robot.clickOn("#log-only-matching");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.detail().logList().getItems()).isNotEmpty().hasSizeLessThan(total)
                .allMatch(line -> line.text().contains("telemetry"));

        // A result, downloaded.
        robot.clickOn("#tab-artifacts");
        await(20, () -> !view.detail().viewModel().artifacts().isEmpty());
        ArtifactDownload first = view.detail().viewModel().artifacts().get(0);
        robot.clickOn("#artifact-download-" + first.artifact().slot());
        await(30, () -> first.stateProperty().get() == ArtifactDownload.State.DONE);
        Path file = downloads.resolve(first.artifact().name());
        assertThat(file).exists();
        assertThat(Files.size(file)).isEqualTo(first.artifact().sizeBytes());

        // A second run, cancelled from its detail before it can finish.
        FACTORY_TIME.pause();
        Workload second = client.submit(new WorkloadSubmission("Flow run B", APP, row("Flow run A").appVersion(), me().projects().get(0).id(),
                "rtx-pro-6000-x1", Priority.NORMAL, Map.of("lineId", "L04"), Map.of()), "flow-run-b");
        await(20, () -> row("Flow run B") != null);
        robot.interact(() -> view.open(row("Flow run B")));
        await(20, () -> view.detail().viewModel().workload().id().equals(second.id())
                && !robot.lookup("#detail-cancel").queryAs(Button.class).isDisabled());
        robot.clickOn("#detail-cancel");
        await(10, () -> robot.lookup("#confirm-yes").tryQuery().isPresent());
        robot.clickOn("#confirm-yes");
        await(30, () -> row("Flow run B").status() == WorkloadStatus.CANCELLED);
        await(10, () -> robot.lookup("#detail-cancel").queryAs(Button.class).isDisabled());
        assertThat(client.getWorkload(second.id()).status()).isEqualTo(WorkloadStatus.CANCELLED);
    }

    private Me me() {
        return context.session().me();
    }

    @Test
    void anAnswerLostAfterTheFactoryCreatedTheWorkloadIsRetriedIntoExactlyOneWorkload() throws IOException {
        AtomicInteger submits = new AtomicInteger();
        // The first submit reaches the factory, but its answer is lost on the way back.
        FactoryClient flaky = (FactoryClient) Proxy.newProxyInstance(FactoryClient.class.getClassLoader(),
                new Class<?>[] {FactoryClient.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(client, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("submit") && submits.getAndIncrement() == 0) {
                        throw new FactoryUnreachableException("connection reset after the request was sent", null);
                    }
                    return result;
                });
        AppDetail app = client.getApp(APP);
        DirectTaskExecutor direct = new DirectTaskExecutor();
        SubmitFormViewModel form = new SubmitFormViewModel(flaky, direct, new I18n(I18n.ENGLISH), me(), app, app.latest());
        form.field("lineId").textProperty().set("L09");
        form.nameProperty().set("Lost answer " + System.nanoTime());
        RequiredInputs.select(RequiredInputs.upload(form, client, downloads));

        form.submit();
        assertThat(form.retryingProperty().get()).isTrue();
        assertThat(form.submittedProperty().get()).isNull();
        form.submit();

        assertThat(submits).hasValue(2);
        Workload created = form.submittedProperty().get();
        assertThat(created).isNotNull();
        List<Workload> named = client.listWorkloads(WorkloadQuery.all().withLimit(200)).items().stream()
                .filter(w -> w.name().equals(form.nameProperty().get())).toList();
        assertThat(named).extracting(Workload::id).containsExactly(created.id());
    }
}
