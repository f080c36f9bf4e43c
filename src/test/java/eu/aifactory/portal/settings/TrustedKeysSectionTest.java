package eu.aifactory.portal.settings;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import eu.aifactory.client.trust.KeyPinStore;
import eu.aifactory.client.update.UpdateCheck;
import okhttp3.OkHttpClient;
import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.common.Session;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.FakeFactoryClient;
import eu.aifactory.portal.theme.ThemeManager;
import eu.aifactory.server.signing.SigningKeyStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Settings page's section on the pinned signing keys, headless: fingerprint shown and copyable, forget asks first. */
@ExtendWith(ApplicationExtension.class)
class TrustedKeysSectionTest {

    private static final Instant SEEN = Instant.parse("2026-03-02T09:00:00Z");

    private final SigningKeyStore keys = SigningKeyStore.inMemory(Clock.fixed(SEEN, ZoneOffset.UTC));
    private final AtomicBoolean answer = new AtomicBoolean();
    private final AtomicInteger asked = new AtomicInteger();
    private FxTaskExecutor executor;
    private Path dir;
    private SettingsPage page;

    @Start
    void start(Stage stage) throws IOException {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        dir = Files.createTempDirectory("trusted-keys-section");
        KeyPinStore pins = KeyPinStore.forFactory(dir.resolve("trust"), "demo", Clock.fixed(SEEN, ZoneOffset.UTC));
        pins.decide(keys.publishedKeys());
        executor = new FxTaskExecutor();
        I18n i18n = new I18n(I18n.ENGLISH);
        SettingsService settings = new SettingsService(new SettingsStore(dir.resolve("settings.json")), Settings.defaults(), executor);
        ThemeManager theme = new ThemeManager(executor, () -> false, sheet -> { });
        Session session = new Session(URI.create("http://127.0.0.1:1"), new FakeFactoryClient(), FakeFactoryClient.demoMe(), true);
        page = new SettingsPage(new SettingsViewModel(settings, i18n, theme, session, () -> SecretStore.Kind.ENCRYPTED_FILE, () -> { }),
                new TrustedKeysViewModel(pins, executor, i18n), new UpdatesViewModel(settings, executor,
                        new UpdateCheck(new OkHttpClient()), session, pins::pinned, "0.1.0"), i18n);
        page.setConfirmForget(() -> {
            asked.incrementAndGet();
            return answer.get();
        });
        stage.setScene(new Scene((Parent) page.view(), 1100, 900));
        stage.show();
        page.onShow();
    }

    @AfterEach
    void tearDown() {
        executor.shutdown();
    }

    private static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void showsTheKeyIdTheGroupedFingerprintAndWhenItWasFirstSeenAndCopiesTheFingerprint(FxRobot robot) throws TimeoutException {
        await(() -> robot.lookup("#pinned-fingerprint-0").tryQuery().isPresent());

        assertThat(robot.lookup("#pinned-kid-0").queryAs(Label.class).getText()).isEqualTo("Key id " + keys.currentKid());
        assertThat(robot.lookup("#pinned-fingerprint-0").queryAs(Label.class).getText())
                .isEqualTo(keys.currentKey().fingerprint()).matches("([0-9A-F]{4} ){15}[0-9A-F]{4}");
        assertThat(robot.lookup("#pinned-first-seen-0").queryAs(Label.class).getText()).startsWith("First seen ");

        robot.clickOn("#copy-fingerprint-0");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()))
                .succeedsWithin(5, TimeUnit.SECONDS).isEqualTo(keys.currentKey().fingerprint());
    }

    @Test
    void forgetAsksFirstAndKeepsThePinWhenTheUserSaysNo(FxRobot robot) throws TimeoutException {
        await(() -> robot.lookup("#pinned-fingerprint-0").tryQuery().isPresent());
        answer.set(false);

        robot.clickOn("#forget-pinned-keys");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(asked).hasValue(1);
        assertThat(robot.lookup("#pinned-fingerprint-0").tryQuery()).isPresent();
        assertThat(dir.resolve("trust/demo.json")).exists();
    }

    @Test
    void forgetConfirmedRemovesThePinAndSaysTheNextReportPinsAgain(FxRobot robot) throws TimeoutException {
        await(() -> robot.lookup("#pinned-fingerprint-0").tryQuery().isPresent());
        answer.set(true);

        robot.clickOn("#forget-pinned-keys");
        await(() -> robot.lookup("#settings-no-pinned-key").tryQuery().map(Node::isVisible).orElse(false));

        assertThat(dir.resolve("trust/demo.json")).doesNotExist();
        assertThat(robot.lookup("#settings-keys-status").queryAs(Label.class).getText())
                .startsWith("Pinned key forgotten. The next residency report pins");
        assertThat(robot.lookup("#forget-pinned-keys").queryAs(Button.class).isDisabled()).isTrue();
    }
}
