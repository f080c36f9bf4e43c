package eu.aifactory.portal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.ParameterSpec;
import eu.aifactory.api.workload.Priority;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadSubmission;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.kiosk.KioskConfig;
import eu.aifactory.portal.kiosk.AttractLoop;
import eu.aifactory.portal.kiosk.KioskMode;
import eu.aifactory.portal.settings.EncryptedFileSecretStore;
import eu.aifactory.portal.shell.DemoAccount;
import eu.aifactory.portal.shell.DemoFactory;
import eu.aifactory.portal.shell.PortalWindow;
import eu.aifactory.portal.testing.FlowPortal;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.seed.SeedSource;
import eu.aifactory.testing.TestClock;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: draws the attract scenes and the countdown at 1920×1080 in English and German into assets/screenshots.
 * Run with {@code mvn test -Dtest=KioskScreenshots -Dheadless.geometry=1920x1080-32}.
 * The kiosk headless against the real reference factory (in-memory, demo data, a snapshot of its seeded state): full
 * screen that Escape and the close button cannot leave, the operator chord that needs the right PIN, the idle
 * countdown a touch cancels, and the reset that closes dialogs, removes the visitor's workloads from the factory and
 * shows the attract screen. The kiosk's ticker is moved by hand: no test waits for real idle time.
 */
@ExtendWith(ApplicationExtension.class)
class KioskScreenshots {

    static final String PIN = "2468";
    private static FactoryServer server;
    private static DemoFactoryStarter.Running factory;
    private static Map<String, Long> seeded;
    private final AtomicLong millis = new AtomicLong(1_000_000);
    private final AtomicInteger left = new AtomicInteger();
    private AppContext context;
    private KioskMode kiosk;
    private Stage stage;

    @BeforeAll
    static void startFactory() {
        server = FactoryServer.start(ServerConfig.inMemory(true, 60), SeedSource.bundled(), 15_000, TestClock.clock());
        server.snapshotDemo();
        seeded = server.demoRowCounts();
        factory = new DemoFactoryStarter.Running(new DemoFactory(server.baseUri(), server.demoUsers().stream()
                .map(u -> new DemoAccount(u.userId(), u.userName(), u.tenantName(), u.role(), u.token())).toList()),
                () -> { }, server::restoreDemo);
    }

    @AfterAll
    static void stopFactory() {
        server.close();
    }

    @Start
    void start(Stage kioskStage) throws Exception {
        stage = kioskStage;
        Path dataDir = FlowPortal.dataDir("kiosk", "en");
        KioskConfig config = KioskConfig.load(dataDir);
        config.setPin(PIN.toCharArray());
        config.setLanguageMode(KioskConfig.LanguageMode.ALTERNATE);
        context = AppContext.builder(dataDir, () -> factory)
                .executor(new FxTaskExecutor())
                .secrets(new EncryptedFileSecretStore(dataDir.resolve("secrets.enc"), dataDir.resolve("secrets.key")))
                .osPrefersDark(() -> false)
                .clock(TestClock.clock())
                .kiosk(true)
                .build();
        context.theme().start();
        PortalWindow window = new PortalWindow(stage, context.shellServices());
        window.show();
        kiosk = new KioskMode(context.kioskServices(left::incrementAndGet, millis::get));
        kiosk.install(stage, window);
        context.startEmbeddedFactoryIfNeeded();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void drawEveryAttractSceneAndTheCountdownInBothLanguages(FxRobot robot) throws Exception {
        Path out = Path.of("assets/screenshots");
        java.nio.file.Files.createDirectories(out);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#attract-scene-factory_now").tryQuery().isPresent());
        for (String language : new String[] {"de", "en"}) {
            for (AttractLoop.Scene scene : AttractLoop.Scene.values()) {
                String id = "#attract-scene-" + scene.name().toLowerCase(java.util.Locale.ROOT);
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery().isPresent());
                snap(robot, out.resolve("kiosk-" + language + "-" + (scene.ordinal() + 1) + "-"
                        + scene.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".png"));
                millis.addAndGet(AttractLoop.SCENE_MS);
                robot.interact(kiosk::poll);
            }
        }
        for (String language : new String[] {"en", "de"}) {
            robot.interact(() -> context.i18n().localeProperty().set(language.equals("de")
                    ? java.util.Locale.GERMANY : java.util.Locale.UK));
            robot.interact(kiosk::startVisitor);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#header-tenant").tryQuery().isPresent());
            // The header appears in the middle of the callback that then starts the idle timer: let it finish.
            WaitForAsyncUtils.waitForFxEvents();
            millis.addAndGet(KioskConfig.DEFAULT_IDLE.toMillis() + 3_000);
            robot.interact(kiosk::poll);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> robot.lookup("#kiosk-countdown").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
            snap(robot, out.resolve("kiosk-" + language + "-countdown.png"));
            robot.interact(kiosk::reset);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !kiosk.resetting());
        }
    }

    private void snap(FxRobot robot, Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> shot[0] = stage.getScene().snapshot(null));
        java.awt.image.BufferedImage buffered = javafx.embed.swing.SwingFXUtils.fromFXImage(shot[0], null);
        javax.imageio.ImageIO.write(buffered, "png", file.toFile());
        System.out.println("screenshot " + file + " " + (int) shot[0].getWidth() + "x" + (int) shot[0].getHeight());
    }
}
