package eu.aifactory.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.client.UntrustedCertificateException;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.settings.Settings;
import eu.aifactory.portal.settings.SettingsService;
import eu.aifactory.portal.settings.SettingsStore;
import eu.aifactory.portal.testing.FakeDemoFactory;
import eu.aifactory.portal.testing.FakeFactoryClient;
import eu.aifactory.portal.testing.MemorySecretStore;
import eu.aifactory.portal.tools.Snapshots;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sign-in page with a factory whose certificate the system does not trust: the fingerprint to compare and the
 * button to trust it; and the loud refusal, in both languages, when the pinned certificate changed.
 */
@ExtendWith(ApplicationExtension.class)
class SignInCertificateViewTest {

    private static final String FIRST = "AB:CD:" + "00:".repeat(29) + "01";
    private static final String SECOND = "EF:12:" + "00:".repeat(29) + "02";

    private final FakeFactoryClient factory = new FakeFactoryClient().acceptToken("good-token");
    private final I18n i18n = new I18n(Locale.UK);
    private SessionManager sessions;
    private Scene scene;
    /** What the factory presents and what the portal pinned, as the real client would see them. */
    private volatile String presented = FIRST;
    private volatile String pinned;

    @Start
    void start(Stage stage) throws IOException {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        FxTaskExecutor executor = new FxTaskExecutor();
        MemorySecretStore secrets = new MemorySecretStore();
        SettingsService settings = new SettingsService(
                new SettingsStore(Files.createTempDirectory("signin").resolve("settings.json")), Settings.defaults(), executor);
        sessions = new SessionManager(settings, secrets, executor,
                new ConnectionMonitor(executor, Clock.systemUTC(), Duration.ofMinutes(5), 3));
        FactoryConnector connector = new FactoryConnector() {
            @Override
            public FactoryClient connect(URI baseUrl, String token) {
                if (!presented.equals(pinned)) {
                    throw new UntrustedCertificateException("not trusted", presented, pinned, "CN=factory", null);
                }
                return factory.connect(baseUrl, token);
            }

            @Override
            public void trustCertificate(URI baseUrl, String fingerprint) {
                pinned = fingerprint;
            }
        };
        SignInViewModel viewModel = new SignInViewModel(executor, connector, FakeDemoFactory::factory, secrets, settings,
                sessions);
        SignInView view = new SignInView(viewModel, i18n, i18n.localeProperty()::set);
        scene = new Scene(view, 1100, 760);
        stage.setScene(scene);
        stage.show();
        viewModel.start();
    }

    @Test
    void anUnknownCertificateShowsItsFingerprintAndIsTrustedWithOneClick(FxRobot robot) throws Exception {
        connect(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#certificate-prompt").query().isVisible());
        assertThat(robot.lookup("#certificate-fingerprint").queryAs(TextField.class).getText()).isEqualTo(FIRST);
        assertThat(robot.lookup("#signin-error").query().isVisible()).isFalse();
        snapshot("signin-certificate-unknown.png");

        robot.clickOn("#certificate-trust");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sessions.session() != null);
        assertThat(pinned).isEqualTo(FIRST);
    }

    @Test
    void aChangedCertificateIsRefusedLoudlyInBothLanguagesWithoutATrustButton(FxRobot robot) throws Exception {
        pinned = FIRST;
        presented = SECOND;
        connect(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#signin-error").query().isVisible());
        Node error = robot.lookup("#signin-error").query();
        assertThat(((Labeled) error).getText()).startsWith("WARNING: the certificate of the factory at https://factory.example.eu")
                .contains(FIRST).contains(SECOND);
        assertThat(error.getStyleClass()).contains("signin-alarm");
        assertThat(robot.lookup("#certificate-prompt").query().isVisible()).isFalse();
        snapshot("signin-certificate-changed.png");

        robot.clickOn("#signin-language-de");
        assertThat(((Labeled) robot.lookup("#signin-error").query()).getText())
                .startsWith("WARNUNG: Das Zertifikat der Factory unter https://factory.example.eu");
        assertThat(sessions.session()).isNull();
        assertThat(pinned).isEqualTo(FIRST);
    }

    private void connect(FxRobot robot) {
        robot.clickOn("#signin-mode-connect");
        robot.clickOn("#factory-url").write("https://factory.example.eu");
        robot.clickOn("#factory-token").write("good-token");
        robot.clickOn("#connect-button");
    }

    private void snapshot(String name) throws Exception {
        Path file = Path.of("target", "screenshots", name).toAbsolutePath();
        Files.createDirectories(file.getParent());
        Snapshots.onFx(() -> Snapshots.write(scene.snapshot(null), file));
    }
}
