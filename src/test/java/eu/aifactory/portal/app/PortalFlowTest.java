package eu.aifactory.portal.app;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.settings.EncryptedFileSecretStore;
import eu.aifactory.portal.settings.Settings;
import eu.aifactory.portal.settings.SettingsStore;
import eu.aifactory.portal.shell.PortalWindow;
import eu.aifactory.portal.testing.FakeDemoFactory;
import eu.aifactory.portal.testing.FakeFactoryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The portal headless (Monocle), as a user sees it: demo sign-in, the shell with tenant and user, Ctrl+2, and a
 * live language switch in Settings. The factory is a fake that fails any call made on the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class PortalFlowTest {

    private final FakeFactoryClient factory = new FakeFactoryClient().acceptToken(FakeDemoFactory.ANNA_TOKEN);
    private AppContext context;

    @Start
    void start(Stage stage) throws IOException {
        Path dataDir = Files.createTempDirectory("portal-flow");
        new SettingsStore(dataDir.resolve("settings.json")).save(Settings.defaults().withLanguage("en"));
        context = AppContext.builder(dataDir, () -> new DemoFactoryStarter.Running(FakeDemoFactory.factory(), () -> { }))
                .executor(new FxTaskExecutor())
                .secrets(new EncryptedFileSecretStore(dataDir.resolve("secrets.enc"), dataDir.resolve("secrets.key")))
                .connector(factory::connect)
                .osPrefersDark(() -> false)
                .build();
        context.start();
        new PortalWindow(stage, context.shellServices()).show();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void demoSignInShowsShellAndShortcutsAndLanguageSwitchRelabelNavigation(FxRobot robot) throws TimeoutException {
        waitFor(robot, "#demo-user-u-anna");
        robot.clickOn("#demo-user-u-anna");

        waitFor(robot, "#header-tenant");
        assertThat(text(robot, "#header-tenant")).isEqualTo("Bergmann Maschinenbau GmbH");
        assertThat(text(robot, "#header-user")).isEqualTo("Anna Schmidt");
        assertThat(text(robot, "#header-role")).isEqualTo("Engineer");
        assertThat(text(robot, "#page-title")).isEqualTo("Catalog");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#page-title")).isEqualTo("Workloads");
        assertThat(robot.lookup("#workloads-table").tryQuery()).isPresent();

        robot.clickOn("#nav-settings");
        waitFor(robot, "#language-de");
        assertThat(text(robot, "#nav-catalog")).isEqualTo("Catalog");
        robot.clickOn("#language-de");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#nav-catalog")).isEqualTo("Katalog");
        assertThat(text(robot, "#nav-settings")).isEqualTo("Einstellungen");
        assertThat(text(robot, "#page-title")).isEqualTo("Einstellungen");
        assertThat(text(robot, "#header-role")).isEqualTo("Ingenieur");
        assertThat(context.settings().get().language()).isEqualTo("de");

        assertThat(factory.calls()).contains("me");
        assertThat(factory.callsOnFxThread()).isEmpty();
    }

    private static void waitFor(FxRobot robot, String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }
}
