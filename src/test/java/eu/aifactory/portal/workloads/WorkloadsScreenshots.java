package eu.aifactory.portal.workloads;

import atlantafx.base.theme.PrimerLight;
import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.api.workload.Priority;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.api.workload.WorkloadSubmission;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.client.FactoryClientConfig;
import eu.aifactory.client.HttpFactoryClient;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.common.PageContext;
import eu.aifactory.portal.common.Session;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.tools.Snapshots;
import eu.aifactory.portal.workloads.submit.PresetStore;
import eu.aifactory.portal.workloads.submit.PresetsViewModel;
import eu.aifactory.portal.workloads.submit.SubmitDialog;
import eu.aifactory.portal.workloads.submit.SubmitFormViewModel;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.seed.DemoUser;
import eu.aifactory.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Renders the workloads feature against the real embedded factory (demo data, fast simulated time) to PNGs for the
 * README: the submit dialog with a validation error, the table, the detail with its log and a desktop notification.
 * Headless; not a test.
 *
 * <pre>
 * mvn -o -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=eu.aifactory.portal.workloads.WorkloadsScreenshots -Dexec.args=assets/screenshots
 * </pre>
 */
public final class WorkloadsScreenshots {

    private static final String APP = "visual-quality-inspection";

    private WorkloadsScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Snapshots.headless();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        Locale.setDefault(Locale.UK);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        Platform.setImplicitExit(false);
        started.get(1, TimeUnit.MINUTES);
        try (FactoryServer server = FactoryServer.start(ServerConfig.inMemory(true, 600), TestClock.clock())) {
            shoot(server, target, I18n.ENGLISH, "en");
            shoot(server, target, I18n.GERMAN, "de");
        } finally {
            Platform.exit();
        }
    }

    private static void shoot(FactoryServer server, Path target, Locale locale, String tag) throws Exception {
        DemoUser engineer = server.demoUsers().stream().filter(u -> u.role() == Role.ENGINEER).findFirst().orElseThrow();
        char[] token = engineer.token().toCharArray();
        HttpFactoryClient client = new HttpFactoryClient(FactoryClientConfig.builder(server.baseUri()).token(token::clone).build());
        FxTaskExecutor executor = new FxTaskExecutor();
        Me me = client.me();
        Session session = new Session(server.baseUri(), client, me, true);
        I18n i18n = new I18n(locale);
        Path cache = Files.createTempDirectory("workloads-shots");
        WorkloadDetailView.setDefaultSaveChooser((name, owner) -> cache.resolve(name));

        // A couple of fresh runs of this user: one finished with a log, one waiting or running.
        AppDetail app = client.getApp(APP);
        Workload finished = client.submit(new WorkloadSubmission("Line 3 – night shift", APP, app.latest().version(),
                me.projects().get(0).id(), "rtx-pro-6000-x4", Priority.NORMAL, Map.of("lineId", "L03"), Map.of()),
                "shots-" + tag + "-1");
        client.submit(new WorkloadSubmission("Line 5 – weld seams", APP, app.latest().version(), me.projects().get(0).id(),
                "rtx-pro-6000-x1", Priority.HIGH, Map.of("lineId", "L05"), Map.of()), "shots-" + tag + "-2");
        waitFor(() -> client.getWorkload(finished.id()).status().isTerminal(), 120);

        Stage stage = fx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(), 1440, 900));
            s.show();
            return s;
        });
        StackPane host = (StackPane) stage.getScene().getRoot();
        Page[] page = new Page[1];
        PageContext[] context = new PageContext[1];
        WorkloadsMount mount = new WorkloadsMount(new SimpleObjectProperty<>(session), () -> false);
        fx(() -> {
            ConnectionMonitor monitor = new ConnectionMonitor(executor, Clock.systemUTC(), Duration.ofMinutes(5), 3);
            context[0] = new PageContext(session, i18n, executor, monitor, cache, id -> { },
                    TestClock.clock());
            page[0] = mount.page(context[0]);
            host.getChildren().setAll(page[0].view());
            page[0].onShow();
            return null;
        });
        WorkloadsPage workloads = (WorkloadsPage) page[0];
        waitFor(() -> fx(() -> workloads.viewModel().rows().size() > 20), 60);

        // The table, nothing selected.
        write(stage.getScene(), target.resolve("workloads-table-" + tag + ".png"));

        // A desktop notification, as the user's run ends.
        fx(() -> {
            NotificationPopup.show(new WorkloadNotifier.Notice(finished.id(), finished.name(), WorkloadStatus.SUCCEEDED,
                    client.getWorkload(finished.id()).statusReason()), i18n, id -> { });
            return null;
        });
        Thread.sleep(1500);
        Scene popup = fx(() -> Window.getWindows().stream().filter(w -> w instanceof PopupWindow && w.isShowing())
                .map(Window::getScene).findFirst().orElseThrow());
        write(popup, target.resolve("workloads-notification-" + tag + ".png"));

        // The detail of the finished run with its log, a search on.
        fx(() -> {
            workloads.open(client.getWorkload(finished.id()));
            return null;
        });
        waitFor(() -> fx(() -> workloads.workloadsView().detail() != null
                && workloads.workloadsView().detail().viewModel().log().completeProperty().get()), 60);
        fx(() -> {
            WorkloadDetailView detail = workloads.workloadsView().detail();
            detail.selectTab("tab-logs");
            detail.viewModel().log().searchProperty().set("telemetry");
            return null;
        });
        Thread.sleep(500);
        write(stage.getScene(), target.resolve("workloads-detail-logs-" + tag + ".png"));

        // The submit dialog with a wrong line id and an out-of-range threshold.
        SubmitDialog dialog = fx(() -> mount.current().openSubmit(app, app.latest(), null, stage));
        waitFor(() -> fx(() -> dialog.viewModel().estimateProperty().get() != null), 30);
        fx(() -> {
            ((TextField) dialog.control("lineId")).setText("Line 3");
            ((javafx.scene.control.Button) dialog.getDialogPane().lookup("#submit-button")).fire();
            return null;
        });
        Thread.sleep(500);
        write(dialog.getDialogPane().getScene(), target.resolve("workloads-submit-error-" + tag + ".png"));
        fx(() -> {
            dialog.close();
            return null;
        });
        shootInputs(client, me, app, executor, i18n, stage, cache, target, tag);
        fx(() -> {
            page[0].dispose();
            mount.current().close();
            stage.close();
            return null;
        });
        executor.shutdown();
        client.close();
    }

    /**
     * The input slot of the submit dialog: once with an uploaded dataset chosen and a preset applied, once with an
     * upload under way (a client whose upload stops at 45 % until the dialog closes).
     */
    private static void shootInputs(HttpFactoryClient client, Me me, AppDetail app, FxTaskExecutor executor, I18n i18n,
                                    Stage stage, Path dir, Path target, String tag) throws Exception {
        Path images = dir.resolve("line3-camera-images-2026-11.zip");
        try (var out = new java.io.RandomAccessFile(images.toFile(), "rw")) {
            out.setLength(48_300_000);
        }
        client.uploadDataset(me.projects().get(0).id(), images, null);
        Path next = dir.resolve("line3-camera-images-2026-12.zip");
        try (var out = new java.io.RandomAccessFile(next.toFile(), "rw")) {
            out.setLength(61_750_000);
        }
        FactoryClient slow = slowUploads(client);
        SubmitFormViewModel form = new SubmitFormViewModel(slow, executor, i18n, me, app, app.latest());
        PresetsViewModel presets = new PresetsViewModel(form, new PresetStore(null, "demo", me.user().id()), executor, i18n);
        SubmitDialog dialog = fx(() -> {
            SubmitDialog d = new SubmitDialog(form, i18n, stage, window -> next);
            d.enablePresets(presets, window -> null);
            d.show();
            return d;
        });
        waitFor(() -> fx(() -> !form.inputSlot("images").datasets().isEmpty() && form.estimateProperty().get() != null), 30);
        fx(() -> {
            form.field("lineId").textProperty().set("L03");
            form.inputSlot("images").selectedProperty().set(form.inputSlot("images").datasets().get(0));
            presets.saveAs(i18n.isGerman() ? "Linie 3 – Nachtschicht" : "Line 3 – night shift");
            ((javafx.scene.control.ScrollPane) dialog.getDialogPane().lookup(".submit-scroll")).setVvalue(1.0);
            return null;
        });
        waitFor(() -> fx(() -> presets.selectedProperty().get() != null), 10);
        Thread.sleep(500);
        write(dialog.getDialogPane().getScene(), target.resolve("workloads-submit-dataset-" + tag + ".png"));
        fx(() -> {
            ((javafx.scene.control.Button) dialog.getDialogPane().lookup("#upload-images")).fire();
            return null;
        });
        waitFor(() -> fx(() -> form.inputSlot("images").progressProperty().get() > 0.4), 10);
        fx(() -> {
            ((javafx.scene.control.ScrollPane) dialog.getDialogPane().lookup(".submit-scroll")).setVvalue(1.0);
            return null;
        });
        Thread.sleep(500);
        write(dialog.getDialogPane().getScene(), target.resolve("workloads-submit-upload-" + tag + ".png"));
        fx(() -> {
            dialog.close();
            return null;
        });
    }

    /** The client, except that an upload reports 45 % and then waits until it is cancelled. */
    private static FactoryClient slowUploads(FactoryClient client) {
        return (FactoryClient) java.lang.reflect.Proxy.newProxyInstance(FactoryClient.class.getClassLoader(),
                new Class<?>[] {FactoryClient.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("uploadDataset")) {
                        try {
                            return method.invoke(client, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                    long size = Files.size((Path) args[1]);
                    ((java.util.function.LongConsumer) args[2]).accept(size * 45 / 100);
                    try {
                        new java.util.concurrent.CountDownLatch(1).await(5, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new java.util.concurrent.CancellationException("upload stopped");
                });
    }

    private static <T> T fx(Callable<T> body) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return body.call();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(body.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(1, TimeUnit.MINUTES);
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check, int seconds) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!check.ok()) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("timed out waiting");
            }
            Thread.sleep(100);
        }
    }

    private static void write(Scene scene, Path file) throws Exception {
        var image = fx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return scene.snapshot(null);
        });
        Snapshots.write(image, file);
    }
}
