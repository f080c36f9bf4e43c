package eu.aifactory.portal.tools;

import static eu.aifactory.portal.tools.Snapshots.onFx;
import static eu.aifactory.portal.tools.Snapshots.waitUntil;

import eu.aifactory.portal.app.AppContext;
import eu.aifactory.portal.app.DemoFactoryStarter;
import eu.aifactory.portal.settings.EncryptedFileSecretStore;
import eu.aifactory.portal.settings.Settings;
import eu.aifactory.portal.settings.SettingsStore;
import eu.aifactory.portal.shell.PortalWindow;
import eu.aifactory.portal.theme.ThemeMode;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.stage.Stage;

/**
 * A portal window of its own (fresh data directory, settings and secrets) connected to the screenshot tools' demo
 * factory, as a user sees it after starting the portal: on the sign-in page, in the given language, theme and size.
 */
record ToolPortal(PortalWindow window, AppContext context) implements AutoCloseable {

    static ToolPortal open(DemoFactoryStarter.Running factory, String language, ThemeMode theme, double width,
                           double height) throws Exception {
        Path dataDir = Files.createTempDirectory("portal-tool");
        new SettingsStore(dataDir.resolve("settings.json")).save(Settings.defaults().withLanguage(language)
                .withTheme(theme).withWindow(new Settings.WindowBounds(0, 0, width, height, false)));
        AppContext context = AppContext.builder(dataDir, () -> new DemoFactoryStarter.Running(factory.factory(), () -> { }))
                .secrets(new EncryptedFileSecretStore(dataDir.resolve("secrets.enc"), dataDir.resolve("secrets.key")))
                .osPrefersDark(() -> theme == ThemeMode.DARK)
                .build();
        try {
            PortalWindow window = onFx(() -> {
                Stage stage = new Stage();
                context.start();
                PortalWindow w = new PortalWindow(stage, context.shellServices());
                w.show();
                stage.setWidth(width);
                stage.setHeight(height);
                return w;
            });
            return new ToolPortal(window, context);
        } catch (Exception | Error e) {
            context.close();
            throw e;
        }
    }

    /** Picks the demo user on the sign-in page and waits until the signed-in header shows. */
    void signIn(String userId) throws Exception {
        waitUntil(() -> onFx(() -> window.scene().getRoot().lookup("#demo-user-" + userId) != null));
        onFx(() -> ((Button) window.scene().getRoot().lookup("#demo-user-" + userId)).fire());
        waitUntil(() -> onFx(() -> window.scene().getRoot().lookup("#header-tenant") != null));
    }

    @Override
    public void close() throws Exception {
        try {
            onFx(() -> ((Stage) window.scene().getWindow()).close());
        } finally {
            context.close();
        }
    }
}
