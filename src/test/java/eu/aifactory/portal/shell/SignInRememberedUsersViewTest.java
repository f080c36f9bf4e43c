package eu.aifactory.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.tenant.Role;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A later start with the mouse: the users of the last start are on the page while the demo factory still starts, a
 * click on one says it waits for the factory and signs them in when it answers, with the factory's own token.
 */
@ExtendWith(ApplicationExtension.class)
class SignInRememberedUsersViewTest {

    private final FakeFactoryClient factory = new FakeFactoryClient().acceptToken(FakeDemoFactory.ANNA_TOKEN);
    private final CountDownLatch factoryUp = new CountDownLatch(1);
    private SessionManager sessions;

    @Start
    void start(Stage stage) throws IOException {
        FxTaskExecutor executor = new FxTaskExecutor();
        MemorySecretStore secrets = new MemorySecretStore();
        SettingsService settings = new SettingsService(
                new SettingsStore(Files.createTempDirectory("signin").resolve("settings.json")), Settings.defaults(),
                executor);
        sessions = new SessionManager(settings, secrets, executor,
                new ConnectionMonitor(executor, Clock.systemUTC(), Duration.ofMinutes(5), 3));
        DemoFactory.Launcher launcher = new DemoFactory.Launcher() {
            @Override
            public DemoFactory start() throws Exception {
                if (!factoryUp.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the demo factory start");
                }
                return FakeDemoFactory.factory();
            }

            @Override
            public List<DemoAccount> remembered() {
                return List.of(new DemoAccount("u-anna", "Anna Schmidt", "Bergmann Maschinenbau GmbH", Role.ENGINEER, null));
            }
        };
        I18n i18n = new I18n(Locale.UK);
        SignInViewModel viewModel = new SignInViewModel(executor, factory::connect, launcher, secrets, settings, sessions);
        stage.setScene(new Scene(new SignInView(viewModel, i18n, i18n.localeProperty()::set), 1100, 720));
        stage.show();
        viewModel.start();
    }

    @Test
    void aRememberedUserCanBePickedBeforeTheFactoryAnswersAndIsSignedInWhenItDoes(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#demo-user-u-anna").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#demo-starting").query().isVisible()).as("the factory is still starting").isTrue();
        assertThat(robot.lookup("#demo-user-u-anna").queryAs(Button.class).isDisabled()).isFalse();

        robot.clickOn("#demo-user-u-anna");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#signin-progress").queryAs(Labeled.class).getText())
                .isEqualTo("Signing in as Anna Schmidt as soon as the demo factory has started \u2026");
        assertThat(sessions.session()).isNull();

        factoryUp.countDown();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sessions.session() != null);
        assertThat(factory.presentedToken()).isEqualTo(FakeDemoFactory.ANNA_TOKEN);
        assertThat(factory.callsOnFxThread()).isEmpty();
    }
}
