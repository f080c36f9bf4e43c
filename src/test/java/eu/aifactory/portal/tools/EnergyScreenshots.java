package eu.aifactory.portal.tools;

import eu.aifactory.portal.app.AppContext;
import eu.aifactory.portal.app.DemoFactoryStarter;
import eu.aifactory.portal.app.EmbeddedFactory;
import eu.aifactory.portal.settings.EncryptedFileSecretStore;
import eu.aifactory.portal.settings.Settings;
import eu.aifactory.portal.settings.SettingsStore;
import eu.aifactory.portal.shell.Destination;
import eu.aifactory.portal.shell.PortalWindow;
import eu.aifactory.portal.theme.ThemeMode;
import eu.aifactory.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Renders the Energy page headless against the real in-memory demo factory: German, light theme, last quarter,
 * then with the receipt of the largest workload open. Run:
 * {@code mvn -Pscreenshots test-compile exec:exec -Dtour.main=eu.aifactory.portal.tools.EnergyScreenshots}.
 */
public final class EnergyScreenshots {

    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;
    private static final String DEMO_USER = "mp-anna-schmidt";

    private EnergyScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().resolve("assets/screenshots");
        Snapshots.headless();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        DemoFactoryStarter.Running factory = EmbeddedFactory.starter(ServerConfig.inMemory(true, 60)).start();
        Path dataDir = Files.createTempDirectory("portal-energy-shots");
        new SettingsStore(dataDir.resolve("settings.json")).save(Settings.defaults().withLanguage("de")
                .withTheme(ThemeMode.LIGHT).withWindow(new Settings.WindowBounds(0, 0, WIDTH, HEIGHT, false)));
        AppContext context = AppContext.builder(dataDir, () -> new DemoFactoryStarter.Running(factory.factory(), () -> { }))
                .secrets(new EncryptedFileSecretStore(dataDir.resolve("secrets.enc"), dataDir.resolve("secrets.key")))
                .osPrefersDark(() -> false)
                .build();
        try {
            PortalWindow window = onFx(() -> {
                Stage stage = new Stage();
                context.start();
                PortalWindow w = new PortalWindow(stage, context.shellServices());
                w.show();
                stage.setWidth(WIDTH);
                stage.setHeight(HEIGHT);
                return w;
            });
            waitUntil(() -> onFx(() -> lookup(window, "#demo-user-" + DEMO_USER) != null));
            onFx(() -> {
                ((Button) lookup(window, "#demo-user-" + DEMO_USER)).fire();
                return null;
            });
            waitUntil(() -> onFx(() -> lookup(window, "#header-tenant") != null));
            onFx(() -> {
                window.shell().viewModel().selectedProperty().set(Destination.ENERGY);
                return null;
            });
            waitUntil(() -> onFx(() -> table(window) != null && !table(window).getItems().isEmpty()));
            shoot(window, out.resolve("energy-de-light.png"));
            onFx(() -> {
                TableView<?> table = table(window);
                table.requestFocus();
                table.getSelectionModel().select(0);
                table.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
                return null;
            });
            waitUntil(() -> onFx(() -> lookup(window, "#energyReceiptClose") != null
                    && lookup(window, "#energyReceipt").lookupAll(".energy-receipt-step").size() > 3));
            shoot(window, out.resolve("energy-receipt-de-light.png"));
        } finally {
            context.close();
            factory.stopper().close();
            Platform.exit();
        }
    }

    private static TableView<?> table(PortalWindow window) {
        return (TableView<?>) lookup(window, "#energyTable");
    }

    private static Node lookup(PortalWindow window, String selector) {
        return window.scene().getRoot().lookup(selector);
    }

    private static void shoot(PortalWindow window, Path target) throws Exception {
        // Let background results, CSS and layout settle: a few pulses after the FX queue is empty.
        for (int i = 0; i < 4; i++) {
            onFx(() -> null);
            Thread.sleep(150);
        }
        onFx(() -> {
            Snapshots.writeScene(window.scene(), target);
            return null;
        });
    }

    private static void waitUntil(Callable<Boolean> check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!check.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the portal did not reach the expected state");
            }
            Thread.sleep(100);
        }
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
