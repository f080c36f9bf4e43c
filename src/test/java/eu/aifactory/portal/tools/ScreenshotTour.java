package eu.aifactory.portal.tools;

import static eu.aifactory.portal.tools.Snapshots.onFx;
import static eu.aifactory.portal.tools.Snapshots.waitUntil;

import eu.aifactory.portal.app.DemoFactoryStarter;
import eu.aifactory.portal.app.EmbeddedFactory;
import eu.aifactory.portal.settings.Settings;
import eu.aifactory.portal.shell.Destination;
import eu.aifactory.portal.theme.ThemeMode;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.testing.TestClock;
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
        try (ToolPortal open = ToolPortal.open(factory, language, theme, WIDTH, HEIGHT)) {
            waitUntil(() -> onFx(() -> lookup(open, "#demo-user-" + DEMO_USER) != null));
            shoot(open, "signin-" + suffix);
            onFx(() -> {
                ((Button) lookup(open, "#demo-user-" + DEMO_USER)).fire();
                return null;
            });
            waitUntil(() -> onFx(() -> lookup(open, "#header-tenant") != null));
            shoot(open, "shell-" + suffix);
            onFx(() -> {
                open.window().shell().viewModel().selectedProperty().set(Destination.SETTINGS);
                return null;
            });
            shoot(open, "settings-" + suffix);
            onFx(() -> {
                open.context().sessions().signOut();
                return null;
            });
        }
    }

    /** The connect form after a factory that does not answer. */
    private void signInError(String language, ThemeMode theme) throws Exception {
        try (ToolPortal open = ToolPortal.open(factory, language, theme, WIDTH, HEIGHT)) {
            onFx(() -> {
                ((ToggleButton) lookup(open, "#signin-mode-connect")).fire();
                ((TextField) lookup(open, "#factory-url")).setText("https://factory.bergmann.example:8443");
                ((PasswordField) lookup(open, "#factory-token")).setText("afp_0123456789");
                ((Button) lookup(open, "#connect-button")).fire();
                return null;
            });
            waitUntil(() -> onFx(() -> lookup(open, "#signin-error").isVisible()));
            shoot(open, "signin-error-" + language + "-" + theme.name().toLowerCase(Locale.ROOT) + ".png");
        }
    }

    private void shoot(ToolPortal open, String name) throws Exception {
        // Let background results, CSS and layout settle: two pulses after the FX queue is empty.
        for (int i = 0; i < 3; i++) {
            onFx(() -> null);
            Thread.sleep(120);
        }
        onFx(() -> {
            Snapshots.writeScene(open.window().scene(), out.resolve(name));
            return null;
        });
        System.out.println("wrote " + out.resolve(name));
    }

    private static Node lookup(ToolPortal open, String selector) {
        Parent root = open.window().scene().getRoot();
        return root.lookup(selector);
    }
}
