package eu.aifactory.portal.tools;

import static eu.aifactory.portal.tools.Snapshots.onFx;
import static eu.aifactory.portal.tools.Snapshots.waitUntil;

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
import eu.aifactory.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

/**
 * Renders the portal headless (Monocle) against a real in-memory reference factory and writes PNGs to
 * {@code assets/screenshots}: sign-in, shell and settings in English and German, light and dark, and a sign-in
 * error. Run: {@code mvn -Pscreenshots test-compile exec:exec} (see pom.xml).
 */
public final class ScreenshotTour {

    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;
    private static final String DEMO_USER = "mp-anna-schmidt";

    private final Path out;
    private final DemoFactoryStarter.Running factory;

    private ScreenshotTour(Path out, DemoFactoryStarter.Running factory) {
        this.out = out;
        this.factory = factory;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
        Snapshots.headless();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        DemoFactoryStarter.Running factory = EmbeddedFactory.starter(ServerConfig.inMemory(true, 60), TestClock.clock()).start();
        try {
            ScreenshotTour tour = new ScreenshotTour(root.resolve("assets/screenshots"), factory);
            for (ThemeMode theme : List.of(ThemeMode.LIGHT, ThemeMode.DARK)) {
                for (String language : List.of("en", "de")) {
                    tour.walk(language, theme);
                }
            }
            tour.signInError("en", ThemeMode.LIGHT);
            tour.signInError("de", ThemeMode.DARK);
        } finally {
            factory.stopper().close();
            Platform.exit();
        }
    }

    /** Sign-in, demo sign-in, the shell, Settings. */
    private void walk(String language, ThemeMode theme) throws Exception {
        String suffix = language + "-" + theme.name().toLowerCase(Locale.ROOT) + ".png";
        Open open = open(language, theme);
        try {
            waitUntil(() -> onFx(() -> lookup(open, "#demo-user-" + DEMO_USER) != null));
            shoot(open, "signin-" + suffix);
            onFx(() -> {
                ((Button) lookup(open, "#demo-user-" + DEMO_USER)).fire();
                return null;
            });
            waitUntil(() -> onFx(() -> lookup(open, "#header-tenant") != null));
            shoot(open, "shell-" + suffix);
            onFx(() -> {
                open.window.shell().viewModel().selectedProperty().set(Destination.SETTINGS);
                return null;
            });
            shoot(open, "settings-" + suffix);
            onFx(() -> {
                open.context.sessions().signOut();
                return null;
            });
        } finally {
            close(open);
        }
    }

    /** The connect form after a factory that does not answer. */
    private void signInError(String language, ThemeMode theme) throws Exception {
        Open open = open(language, theme);
        try {
            onFx(() -> {
                ((ToggleButton) lookup(open, "#signin-mode-connect")).fire();
                ((TextField) lookup(open, "#factory-url")).setText("https://factory.bergmann.example:8443");
                ((PasswordField) lookup(open, "#factory-token")).setText("afp_0123456789");
                ((Button) lookup(open, "#connect-button")).fire();
                return null;
            });
            waitUntil(() -> onFx(() -> lookup(open, "#signin-error").isVisible()));
            shoot(open, "signin-error-" + language + "-" + theme.name().toLowerCase(Locale.ROOT) + ".png");
        } finally {
            close(open);
        }
    }

    private record Open(AppContext context, Stage stage, PortalWindow window) {
    }

    private Open open(String language, ThemeMode theme) throws Exception {
        Path dataDir = Files.createTempDirectory("portal-tour");
        new SettingsStore(dataDir.resolve("settings.json")).save(Settings.defaults().withLanguage(language).withTheme(theme)
                .withWindow(new Settings.WindowBounds(0, 0, WIDTH, HEIGHT, false)));
        AppContext context = AppContext.builder(dataDir, () -> new DemoFactoryStarter.Running(factory.factory(), () -> { }))
                .secrets(new EncryptedFileSecretStore(dataDir.resolve("secrets.enc"), dataDir.resolve("secrets.key")))
                .osPrefersDark(() -> false)
                .build();
        return onFx(() -> {
            Stage stage = new Stage();
            context.start();
            PortalWindow window = new PortalWindow(stage, context.shellServices());
            window.show();
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            return new Open(context, stage, window);
        });
    }

    private static void close(Open open) throws Exception {
        onFx(() -> {
            open.stage.hide();
            return null;
        });
        open.context.close();
    }

    private void shoot(Open open, String name) throws Exception {
        // Let background results, CSS and layout settle: two pulses after the FX queue is empty.
        for (int i = 0; i < 3; i++) {
            onFx(() -> null);
            Thread.sleep(120);
        }
        onFx(() -> {
            Snapshots.writeScene(open.window.scene(), out.resolve(name));
            return null;
        });
        System.out.println("wrote " + out.resolve(name));
    }

    private static Node lookup(Open open, String selector) {
        Parent root = open.window.scene().getRoot();
        return root.lookup(selector);
    }
}
