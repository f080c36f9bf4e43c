package eu.aifactory.portal.app;

import eu.aifactory.portal.kiosk.KioskConfig;
import eu.aifactory.portal.kiosk.AttractLoop;
import eu.aifactory.portal.kiosk.KioskMode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.stage.Stage;
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
 * Not a test: draws the attract scenes, the visitor's catalog and the countdown at 1920×1080 in English and German
 * into assets/screenshots.
 * Run with {@code mvn test -Dtest=KioskScreenshots -Dheadless.geometry=1920x1080-32}.
 */
@ExtendWith(ApplicationExtension.class)
class KioskScreenshots {

    private static KioskBench bench;
    private final AtomicLong millis = new AtomicLong(1_000_000);
    private final AtomicInteger left = new AtomicInteger();
    private AppContext context;
    private KioskMode kiosk;
    private Stage stage;

    @BeforeAll
    static void startFactory() {
        bench = KioskBench.start();
    }

    @AfterAll
    static void stopFactory() {
        bench.close();
    }

    @Start
    void start(Stage primary) throws Exception {
        // A stage of its own: the kiosk takes its stage over for good (full screen, close ignored), and TestFX hands
        // the primary stage on to the next test class.
        stage = new Stage();
        KioskBench.Opened opened = bench.open(stage, "kiosk", KioskConfig.LanguageMode.ALTERNATE, millis::get,
                left::incrementAndGet);
        context = opened.context();
        kiosk = opened.kiosk();
    }

    @AfterEach
    void closeContext() throws Exception {
        if (context != null) {
            context.close();
        }
        WaitForAsyncUtils.asyncFx(stage::close).get(10, TimeUnit.SECONDS);
    }

    @Test
    void drawEveryAttractSceneAndTheCountdownInBothLanguages(FxRobot robot) throws Exception {
        Path out = Path.of("assets/screenshots");
        java.nio.file.Files.createDirectories(out);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#attract-scene-factory_now").tryQuery().isPresent());
        // Unrecorded cycles until the figures show the stand's run (started as the kiosk comes up) running.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            if (!"0".equals(robot.lookup("#attract-gpus").tryQuery()
                    .map(n -> ((javafx.scene.control.Label) n).getText()).orElse("0"))) {
                return true;
            }
            for (int i = 0; i < AttractLoop.Scene.values().length; i++) {
                millis.addAndGet(AttractLoop.SCENE_MS);
                robot.interact(kiosk::poll);
            }
            return false;
        });
        for (int cycle = 0; cycle < 2; cycle++) {
            for (AttractLoop.Scene scene : AttractLoop.Scene.values()) {
                String id = "#attract-scene-" + scene.name().toLowerCase(java.util.Locale.ROOT);
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery().isPresent());
                if (scene == AttractLoop.Scene.FACTORY_NOW) {
                    // The figures are read afresh as the cycle starts: the picture shows them, not the last cycle's.
                    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !"0".equals(
                            robot.lookup("#attract-gpus").queryAs(javafx.scene.control.Label.class).getText()));
                }
                snap(robot, out.resolve("kiosk-" + shown() + "-" + (scene.ordinal() + 1) + "-"
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
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> robot.lookup(".app-tile").queryAll().size() > 4);
            WaitForAsyncUtils.waitForFxEvents();
            snap(robot, out.resolve("kiosk-" + language + "-catalog.png"));
            millis.addAndGet(KioskConfig.DEFAULT_IDLE.toMillis() + 3_000);
            robot.interact(kiosk::poll);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> robot.lookup("#kiosk-countdown").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
            snap(robot, out.resolve("kiosk-" + language + "-countdown.png"));
            robot.interact(kiosk::reset);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !kiosk.resetting());
        }
    }

    /** The language the attract loop shows now: it alternates, so this names the picture. */
    private String shown() {
        return context.i18n().isGerman() ? "de" : "en";
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
