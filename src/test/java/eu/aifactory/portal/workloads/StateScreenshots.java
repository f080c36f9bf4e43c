package eu.aifactory.portal.workloads;

import atlantafx.base.theme.PrimerLight;
import eu.aifactory.api.dataset.Dataset;
import eu.aifactory.client.trust.KeyPinStore;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.energy.EnergyView;
import eu.aifactory.portal.energy.EnergyViewModel;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.residency.ResidencyView;
import eu.aifactory.portal.residency.ResidencyViewModel;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.testing.FakeFactoryClient;
import eu.aifactory.portal.tools.Snapshots;
import eu.aifactory.portal.workloads.submit.SubmitDialog;
import eu.aifactory.portal.workloads.submit.SubmitFormViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Renders the honest states in German to PNGs: Residency and Energy while loading and with the factory out of
 * reach, and the submit form's errors (an emptied required number, a CSV for an image input, a pattern). Headless;
 * not a test.
 *
 * <pre>
 * mvn -o -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=eu.aifactory.portal.workloads.StateScreenshots -Dexec.args=assets/screenshots
 * </pre>
 */
public final class StateScreenshots {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    private StateScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : ".");
        Snapshots.headless();
        Locale.setDefault(Locale.GERMANY);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        Platform.setImplicitExit(false);
        started.get(1, TimeUnit.MINUTES);
        try {
            fx(() -> {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                return null;
            });
            I18n i18n = new I18n(I18n.GERMAN);
            residency(i18n, target);
            energy(i18n, target);
            submit(i18n, target);
        } finally {
            Platform.exit();
        }
    }

    private static void residency(I18n i18n, Path target) throws Exception {
        FakeFactoryClient fake = new FakeFactoryClient().requireBackgroundThread(false);
        DirectTaskExecutor executor = new DirectTaskExecutor();
        Path trust = Files.createTempDirectory("state-shots");
        ResidencyViewModel viewModel = new ResidencyViewModel(fake, executor, i18n,
                KeyPinStore.forFactory(trust, "demo", NOW), NOW);
        Stage stage = show(() -> new ResidencyView(viewModel, i18n));
        fx(() -> {
            executor.holdWork();
            viewModel.loadIfNeeded();
            return null;
        });
        write(stage, target.resolve("state-residency-loading-de.png"));
        fx(() -> {
            fake.unreachable(true);
            executor.runHeldWork();
            return null;
        });
        write(stage, target.resolve("state-residency-offline-de.png"));
        fx(() -> {
            stage.close();
            return null;
        });
    }

    private static void energy(I18n i18n, Path target) throws Exception {
        FakeFactoryClient fake = new FakeFactoryClient().requireBackgroundThread(false);
        DirectTaskExecutor executor = new DirectTaskExecutor();
        ConnectionMonitor monitor = new ConnectionMonitor(executor, NOW, Duration.ofMinutes(5), 3);
        EnergyViewModel viewModel = new EnergyViewModel(fake, executor, monitor, NOW, ZoneId.of("Europe/Berlin"));
        Stage stage = show(() -> new EnergyView(viewModel, i18n));
        fx(() -> {
            executor.holdWork();
            viewModel.load();
            return null;
        });
        write(stage, target.resolve("state-energy-loading-de.png"));
        fx(() -> {
            fake.unreachable(true);
            executor.runHeldWork();
            return null;
        });
        write(stage, target.resolve("state-energy-offline-de.png"));
        fx(() -> {
            stage.close();
            return null;
        });
    }

    private static void submit(I18n i18n, Path target) throws Exception {
        ScriptedClient client = new ScriptedClient();
        client.fake.plans(Samples.plans()).onEstimate(request -> Samples.estimate("12.40")).requireBackgroundThread(false);
        DirectTaskExecutor executor = new DirectTaskExecutor();
        Stage owner = show(() -> new javafx.scene.layout.StackPane());
        SubmitDialog dialog = fx(() -> {
            SubmitFormViewModel form = new SubmitFormViewModel(client, executor, i18n, FakeFactoryClient.demoMe(),
                    Samples.app(), Samples.version());
            SubmitDialog d = new SubmitDialog(form, i18n, owner, window -> null);
            d.show();
            form.field("imageSize").textProperty().set("");
            form.field("lineId").textProperty().set("Linie 3");
            form.inputSlot("images").selectedProperty().set(new Dataset("ds-pumps", "p-inspection", "pumpen.csv",
                    "text/csv", 12_400, "0".repeat(64), "muc-1", "München", Samples.T0));
            form.submit();
            return d;
        });
        write(dialog.getDialogPane().getScene(), target.resolve("state-submit-errors-de.png"));
        fx(() -> {
            dialog.close();
            owner.close();
            return null;
        });
    }

    private static Stage show(Callable<Parent> root) throws Exception {
        return fx(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(root.call(), 1360, 860));
            stage.show();
            return stage;
        });
    }

    private static void write(Stage stage, Path file) throws Exception {
        write(stage.getScene(), file);
    }

    private static void write(Scene scene, Path file) throws Exception {
        var image = fx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return scene.snapshot(null);
        });
        Snapshots.write(image, file);
    }

    private static <T> T fx(Callable<T> body) throws Exception {
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
}
