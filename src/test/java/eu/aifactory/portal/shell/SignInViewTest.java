package eu.aifactory.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.settings.Settings;
import eu.aifactory.portal.settings.SettingsService;
import eu.aifactory.portal.settings.SettingsStore;
import eu.aifactory.portal.testing.FakeDemoFactory;
import eu.aifactory.portal.testing.FakeFactoryClient;
import eu.aifactory.portal.testing.MemorySecretStore;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sign-in page with the keyboard and mouse: the connect form's field errors, the factory's refusal and the German
 * texts; after a restart, the demo user of the last session offered first but not signed in unasked.
 */
@ExtendWith(ApplicationExtension.class)
class SignInViewTest {

    private final FakeFactoryClient factory = new FakeFactoryClient().acceptToken("good-token");
    private final I18n i18n = new I18n(Locale.UK);
    private SessionManager sessions;

    @Start
    void start(Stage stage) throws IOException {
        FxTaskExecutor executor = new FxTaskExecutor();
        MemorySecretStore secrets = new MemorySecretStore();
        SettingsService settings = new SettingsService(
                new SettingsStore(Files.createTempDirectory("signin").resolve("settings.json")),
                Settings.defaults().withFactory(null, "u-jonas"), executor);
        sessions = new SessionManager(settings, secrets, executor,
                new ConnectionMonitor(executor, Clock.systemUTC(), Duration.ofMinutes(5), 3));
        SignInViewModel viewModel = new SignInViewModel(executor, factory::connect, FakeDemoFactory::factory, secrets,
                settings, sessions);
        SignInView view = new SignInView(viewModel, i18n, i18n.localeProperty()::set);
        stage.setScene(new Scene(view, 1100, 720));
        stage.show();
        viewModel.start();
    }

    @Test
    void aRejectedTokenIsExplainedNextToTheFormAndTheRightOneSignsIn(FxRobot robot) throws TimeoutException {
        robot.clickOn("#signin-mode-connect");
        robot.clickOn("#connect-button");
        assertThat(text(robot, "#factory-url-error")).isEqualTo("Please enter the address of your factory.");
        assertThat(text(robot, "#factory-token-error")).isEqualTo("Please enter your API token.");

        robot.clickOn("#factory-url").write("https://factory.example.eu");
        robot.clickOn("#factory-token").write("bad-token");
        robot.clickOn("#connect-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#signin-error").query().isVisible());
        assertThat(text(robot, "#signin-error")).startsWith("The factory rejected the token.");

        robot.clickOn("#signin-language-de");
        assertThat(text(robot, "#signin-error")).startsWith("Die Factory hat das Token abgelehnt.");

        robot.doubleClickOn("#factory-token").eraseText(9).write("good-token");
        robot.clickOn("#connect-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sessions.session() != null);
        assertThat(factory.callsOnFxThread()).isEmpty();
    }

    @Test
    void afterARestartTheLastDemoUserIsOfferedFirstAndEnterContinuesAsThem(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#demo-user-u-jonas").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Button last = robot.lookup("#demo-user-u-jonas").queryAs(Button.class);
        assertThat(sessions.session()).as("nobody is signed in unasked").isNull();
        assertThat(last.isDefaultButton()).isTrue();
        assertThat(robot.lookup("#demo-user-u-anna").queryAs(Button.class).isDefaultButton()).isFalse();
        assertThat(text(robot, "#demo-user-last")).isEqualTo("Signed in last time");

        factory.acceptToken("demo-token-jonas");
        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sessions.session() != null);
        assertThat(factory.presentedToken()).isEqualTo("demo-token-jonas");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }
}
