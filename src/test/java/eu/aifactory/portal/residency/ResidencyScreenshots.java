package eu.aifactory.portal.residency;

import eu.aifactory.client.trust.KeyPinStore;
import atlantafx.base.theme.PrimerLight;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.client.FactoryClientConfig;
import eu.aifactory.client.HttpFactoryClient;
import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.tools.Snapshots;
import eu.aifactory.server.DemoUser;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * Renders the Residency page against the real in-memory demo factory to a PNG for the README and trade fairs.
 * Headless; not a test.
 *
 * <pre>
 * mvn -o -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=eu.aifactory.portal.residency.ResidencyScreenshots -Dexec.args=assets/screenshots
 * </pre>
 */
public final class ResidencyScreenshots {

    private ResidencyScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Snapshots.headless();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        Locale.setDefault(Locale.GERMANY);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        Platform.setImplicitExit(false);
        started.get(1, TimeUnit.MINUTES);
        try (FactoryServer server = FactoryServer.start(ServerConfig.inMemory(true, 1))) {
            DemoUser admin = server.demoUsers().stream().filter(u -> u.role() == Role.TENANT_ADMIN).findFirst().orElseThrow();
            char[] token = admin.token().toCharArray();
            HttpFactoryClient client = new HttpFactoryClient(FactoryClientConfig.builder(server.baseUri()).token(token::clone).build());
            FxTaskExecutor executor = new FxTaskExecutor();
            Path trust = Files.createTempDirectory("residency-shots");
            I18n i18n = new I18n(I18n.GERMAN);
            ResidencyViewModel viewModel = new ResidencyViewModel(client, executor, i18n,
                    new KeyPinStore(trust.resolve("demo.json")), Clock.systemUTC());
            Stage stage = fx(() -> {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                Stage s = new Stage();
                s.setScene(new Scene(new ResidencyView(viewModel, i18n), 1440, 900));
                s.show();
                viewModel.loadIfNeeded();
                return s;
            });
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (fx(() -> viewModel.reportProperty().get() == null && viewModel.errorProperty().get() == null)) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("timed out waiting for the report");
                }
                Thread.sleep(100);
            }
            String tab = args.length > 1 ? args[1] : "4";
            fx(() -> {
                ((TabPane) stage.getScene().lookup("#residencyTabs")).getSelectionModel().select(Integer.parseInt(tab));
                return null;
            });
            Thread.sleep(500);
            write(stage.getScene(), target.resolve("residency-de-light.png"));
            executor.shutdown();
            client.close();
        } finally {
            Platform.exit();
        }
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

    private static void write(Scene scene, Path file) throws Exception {
        var image = fx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return scene.snapshot(null);
        });
        Snapshots.write(image, file);
    }
}
