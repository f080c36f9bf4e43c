package eu.aifactory.portal.residency;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.client.FactoryClientConfig;
import eu.aifactory.client.HttpFactoryClient;
import eu.aifactory.client.trust.KeyPinStore;
import eu.aifactory.client.update.UpdateCheck;
import eu.aifactory.portal.settings.UpdatesViewModel;
import okhttp3.OkHttpClient;
import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.common.Session;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.settings.SecretStore;
import eu.aifactory.portal.settings.Settings;
import eu.aifactory.portal.settings.SettingsPage;
import eu.aifactory.portal.settings.SettingsService;
import eu.aifactory.portal.settings.SettingsStore;
import eu.aifactory.portal.settings.SettingsViewModel;
import eu.aifactory.portal.settings.TrustedKeysViewModel;
import eu.aifactory.portal.theme.ThemeManager;
import eu.aifactory.portal.theme.ThemeMode;
import eu.aifactory.portal.tools.Snapshots;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.seed.DemoUser;
import eu.aifactory.testing.TestClock;
import java.net.URI;
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
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders the Residency page (German, light and dark), the Settings page with the key it pinned, and the first page
 * of its PDF export against the real in-memory demo factory to PNGs for the README and trade fairs. Headless; not
 * a test. Also: {@code mvn -q -B -o -Pscreenshots test-compile exec:exec -Dtour.main=<this class>}.
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
        // The screenshots profile passes the project directory; exec:java passes the target directory.
        Path base = Path.of(args.length > 0 ? args[0] : ".");
        Path target = Files.exists(base.resolve("pom.xml")) ? base.resolve("assets/screenshots") : base;
        Snapshots.headless();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        Locale.setDefault(Locale.GERMANY);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        Platform.setImplicitExit(false);
        started.get(1, TimeUnit.MINUTES);
        try (FactoryServer server = FactoryServer.start(ServerConfig.inMemory(true, 1), TestClock.clock())) {
            DemoUser admin = server.demoUsers().stream().filter(u -> u.role() == Role.TENANT_ADMIN).findFirst().orElseThrow();
            char[] token = admin.token().toCharArray();
            HttpFactoryClient client = new HttpFactoryClient(FactoryClientConfig.builder(server.baseUri()).token(token::clone).build());
            FxTaskExecutor executor = new FxTaskExecutor();
            Path trust = Files.createTempDirectory("residency-shots");
            I18n i18n = new I18n(I18n.GERMAN);
            ResidencyViewModel viewModel = new ResidencyViewModel(client, executor, i18n,
                    KeyPinStore.forFactory(trust, "demo", Clock.systemUTC()), Clock.systemUTC());
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

            fx(() -> {
                Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
                return null;
            });
            Thread.sleep(500);
            write(stage.getScene(), target.resolve("residency-de-dark.png"));

            settings(client, executor, i18n, trust, target.resolve("settings-keys-de-dark.png"));

            Path pdf = Files.createTempFile("residency", ".pdf");
            CompletableFuture<Void> written = new CompletableFuture<>();
            fx(() -> {
                viewModel.exportPdf(pdf, () -> written.complete(null),
                        message -> written.completeExceptionally(new IllegalStateException(message)));
                return null;
            });
            written.get(2, TimeUnit.MINUTES);
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png",
                        target.resolve("residency-pdf-de.png").toFile());
            }
            Files.delete(pdf);
            executor.shutdown();
            client.close();
        } finally {
            Platform.exit();
        }
    }

    /** The Settings page (dark) with the key the Residency page just pinned. */
    private static void settings(HttpFactoryClient client, FxTaskExecutor executor, I18n i18n, Path trust, Path file)
            throws Exception {
        Me me = client.me();
        Path dir = Files.createTempDirectory("settings-shots");
        SettingsPage page = fx(() -> {
            SettingsService settings = new SettingsService(new SettingsStore(dir.resolve("settings.json")),
                    Settings.defaults(), executor);
            ThemeManager theme = new ThemeManager(executor, () -> true, sheet -> { });
            theme.modeProperty().set(ThemeMode.DARK);
            Session session = new Session(URI.create("http://127.0.0.1:8080"), client, me, true);
            return new SettingsPage(new SettingsViewModel(settings, i18n, theme, session,
                    () -> SecretStore.Kind.ENCRYPTED_FILE, () -> { }),
                    new TrustedKeysViewModel(KeyPinStore.forFactory(trust, "demo", Clock.systemUTC()), executor, i18n),
                    new UpdatesViewModel(settings, executor, new UpdateCheck(new OkHttpClient()), session,
                            KeyPinStore.forFactory(trust, "demo", Clock.systemUTC())::pinned, "0.1.0"), i18n);
        });
        Stage stage = fx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene((Parent) page.view(), 1100, 860));
            s.show();
            page.onShow();
            return s;
        });
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (fx(() -> page.trustedKeys().keys().isEmpty())) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("no pinned key to show");
            }
            Thread.sleep(100);
        }
        Thread.sleep(300);
        write(stage.getScene(), file);
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
