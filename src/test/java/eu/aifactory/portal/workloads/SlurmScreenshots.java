package eu.aifactory.portal.workloads;

import static eu.aifactory.portal.tools.Snapshots.onFx;
import static eu.aifactory.portal.tools.Snapshots.waitUntil;
import static eu.aifactory.portal.tools.Snapshots.writeNow;

import atlantafx.base.theme.PrimerLight;
import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.api.workload.Priority;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.api.workload.WorkloadSubmission;
import eu.aifactory.client.FactoryClientConfig;
import eu.aifactory.client.HttpFactoryClient;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.common.PageContext;
import eu.aifactory.portal.common.Session;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.tools.Snapshots;
import eu.aifactory.portal.workloads.submit.SubmitDialog;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.exec.slurm.SlurmCluster;
import eu.aifactory.server.seed.DemoUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The portal against a factory whose engine is the real single-node Slurm of {@code installer/slurm/slurm-up}, to PNGs
 * for the README: the submit dialog, the log of a finished Slurm job (English and German), its result files, and a
 * run cancelled while Slurm ran it. Headless; not a test. Refuses, saying how to start Slurm, when Slurm is absent.
 *
 * <pre>
 * mvn -o -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=eu.aifactory.portal.workloads.SlurmScreenshots -Dexec.args=assets/screenshots
 * </pre>
 */
public final class SlurmScreenshots {

    private static final String APP = "visual-quality-inspection";
    /** Runs until cancelled, so the cancel reaches a running Slurm job. */
    private static final String LONG_APP = "spindle-rul-prediction";

    private SlurmScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        SlurmCluster cluster = SlurmCluster.find().orElseThrow(() -> new IllegalStateException(SlurmCluster.HOW_TO_START));
        Snapshots.headless();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        Locale.setDefault(Locale.UK);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        Platform.setImplicitExit(false);
        started.get(1, TimeUnit.MINUTES);
        Path jobs = Files.createTempDirectory("slurm-shots");
        ServerConfig config = ServerConfig.inMemory(true, 1).withSlurm(cluster.settings(cluster.restUrl, jobs,
                Map.of(LONG_APP, "echo 'reading spindle vibration'; exec sleep 600")));
        try (FactoryServer server = FactoryServer.start(config, Clock.systemUTC())) {
            shoot(server, target);
        } finally {
            Platform.exit();
        }
    }

    private static void shoot(FactoryServer server, Path target) throws Exception {
        DemoUser engineer = server.demoUsers().stream().filter(u -> u.role() == Role.ENGINEER).findFirst().orElseThrow();
        char[] token = engineer.token().toCharArray();
        HttpFactoryClient client = new HttpFactoryClient(FactoryClientConfig.builder(server.baseUri()).token(token::clone).build());
        FxTaskExecutor executor = new FxTaskExecutor();
        Me me = client.me();
        Session session = new Session(server.baseUri(), client, me, true);
        Path cache = Files.createTempDirectory("slurm-shots-cache");
        WorkloadDetailView.setDefaultSaveChooser((name, owner) -> cache.resolve(name));
        AppDetail app = client.getApp(APP);
        String project = me.projects().get(0).id();

        Stage stage = onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(), 1440, 900));
            s.show();
            return s;
        });
        Mounted en = mount(session, new I18n(I18n.ENGLISH), executor, cache, stage);

        // Submit: the dialog as the user fills it in; the run itself goes in through the same client.
        SubmitDialog dialog = onFx(() -> en.mount.current().openSubmit(app, app.latest(), null, stage));
        waitUntil(() -> onFx(() -> dialog.viewModel().estimateProperty().get() != null), Duration.ofSeconds(60));
        onFx(() -> {
            ((TextField) dialog.control("lineId")).setText("L03");
            return null;
        });
        Thread.sleep(500);
        writeNow(dialog.getDialogPane().getScene(), target.resolve("slurm-submit-en.png"));
        onFx(() -> {
            dialog.close();
            return null;
        });
        Workload finished = client.submit(new WorkloadSubmission("Line 3 – Slurm run", APP, app.latest().version(),
                project, "rtx-pro-6000-x1", Priority.NORMAL, Map.of("lineId", "L03"), Map.of()), "slurm-shots-1");
        AppDetail longApp = client.getApp(LONG_APP);
        Workload cancelled = client.submit(new WorkloadSubmission("Spindle 7 – cancelled on Slurm", LONG_APP,
                longApp.latest().version(), project, "rtx-pro-6000-x1", Priority.NORMAL, Map.of(), Map.of()),
                "slurm-shots-2");
        waitUntil(() -> client.getWorkload(finished.id()).status().isTerminal(), Duration.ofSeconds(300));
        waitUntil(() -> client.getWorkload(cancelled.id()).status() == WorkloadStatus.RUNNING, Duration.ofSeconds(300));
        client.cancel(cancelled.id());
        waitUntil(() -> client.getWorkload(cancelled.id()).status().isTerminal(), Duration.ofSeconds(120));

        // Logs and results of the finished Slurm job.
        openDetail(en, client.getWorkload(finished.id()), "tab-logs");
        writeNow(stage.getScene(), target.resolve("slurm-logs-en.png"));
        openDetail(en, client.getWorkload(finished.id()), "tab-artifacts");
        writeNow(stage.getScene(), target.resolve("slurm-result-en.png"));
        openDetail(en, client.getWorkload(cancelled.id()), "tab-overview");
        writeNow(stage.getScene(), target.resolve("slurm-cancel-en.png"));
        unmount(en);

        Mounted de = mount(session, new I18n(I18n.GERMAN), executor, cache, stage);
        openDetail(de, client.getWorkload(finished.id()), "tab-logs");
        writeNow(stage.getScene(), target.resolve("slurm-logs-de.png"));
        unmount(de);
        onFx(() -> {
            stage.close();
            return null;
        });
        executor.shutdown();
        client.close();
    }

    private record Mounted(WorkloadsMount mount, Page page) {
    }

    private static Mounted mount(Session session, I18n i18n, FxTaskExecutor executor, Path cache, Stage stage)
            throws Exception {
        StackPane host = (StackPane) stage.getScene().getRoot();
        WorkloadsMount mount = new WorkloadsMount(new SimpleObjectProperty<>(session), () -> false);
        Page page = onFx(() -> {
            ConnectionMonitor monitor = new ConnectionMonitor(executor, Clock.systemUTC(), Duration.ofMinutes(5), 3);
            PageContext context = new PageContext(session, i18n, executor, monitor, cache, id -> { }, Clock.systemUTC());
            Page p = mount.page(context);
            host.getChildren().setAll(p.view());
            p.onShow();
            return p;
        });
        WorkloadsPage workloads = (WorkloadsPage) page;
        waitUntil(() -> onFx(() -> !workloads.viewModel().rows().isEmpty()), Duration.ofSeconds(60));
        return new Mounted(mount, page);
    }

    private static void unmount(Mounted mounted) throws Exception {
        onFx(() -> {
            mounted.page.dispose();
            mounted.mount.current().close();
            return null;
        });
    }

    private static void openDetail(Mounted mounted, Workload workload, String tab) throws Exception {
        WorkloadsPage workloads = (WorkloadsPage) mounted.page;
        onFx(() -> {
            workloads.open(workload);
            return null;
        });
        waitUntil(() -> onFx(() -> workloads.workloadsView().detail() != null
                && workloads.workloadsView().detail().viewModel().log().completeProperty().get()),
                Duration.ofSeconds(60));
        onFx(() -> {
            workloads.workloadsView().detail().selectTab(tab);
            return null;
        });
        Thread.sleep(800);
    }
}
