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
import eu.aifactory.portal.kiosk.KioskConfig;
import eu.aifactory.portal.kiosk.KioskMode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import eu.aifactory.portal.kiosk.AttractLoop;
import eu.aifactory.portal.testing.FxReads;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.SwipeEvent;
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
 * The kiosk headless against the real reference factory (in-memory, demo data, a snapshot of its seeded state): full
 * screen that Escape and the close button cannot leave, the operator chord that needs the right PIN, the idle
 * countdown a touch cancels, and the reset that closes dialogs, removes the visitor's workloads from the factory and
 * shows the attract screen. The kiosk's ticker is moved by hand: no test waits for real idle time.
 */
@ExtendWith(ApplicationExtension.class)
class KioskModeTest {

    static final String PIN = KioskBench.PIN;
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
        KioskBench.Opened opened = bench.open(stage, "kiosk", KioskConfig.LanguageMode.ENGLISH, millis::get,
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
    void theKioskIsFullScreenAndNeitherEscapeNorTheCloseButtonLeaveIt(FxRobot robot) throws TimeoutException {
        waitFor(robot, "#attract-scene-factory_now");
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(stage.getFullScreenExitHint()).isEmpty();

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.isFullScreen()).isTrue();
        assertThat(stage.isShowing()).isTrue();
        assertThat(left).hasValue(0);
    }

    @Test
    void theChordWithoutThePinOrWithAWrongPinDoesNotLeave(FxRobot robot) throws TimeoutException {
        waitFor(robot, "#attract-scene-factory_now");
        chord(robot);
        assertThat(visible(robot, "#kiosk-operator")).isTrue();
        robot.clickOn("#kiosk-pin-cancel");
        assertThat(visible(robot, "#kiosk-operator")).isFalse();

        chord(robot);
        robot.clickOn("#kiosk-pin-field").write("1111");
        robot.clickOn("#kiosk-pin-ok");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !text(robot, "#kiosk-pin-message").isEmpty());
        assertThat(text(robot, "#kiosk-pin-message")).isEqualTo("Wrong PIN.");
        assertThat(visible(robot, "#kiosk-menu")).isFalse();
        assertThat(left).hasValue(0);

        robot.clickOn("#kiosk-pin-field").write(PIN);
        robot.clickOn("#kiosk-pin-ok");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> visible(robot, "#kiosk-menu"));
        robot.clickOn("#kiosk-menu-leave");
        assertThat(left).hasValue(1);
    }

    @Test
    void afterTheIdleTimeTheStandClosesDialogsRemovesTheVisitorsWorkloadsAndShowsTheAttractScreen(FxRobot robot)
            throws Exception {
        waitFor(robot, "#attract-scene-factory_now");
        robot.clickOn("#kiosk-attract");
        waitFor(robot, "#header-tenant");
        // The header appears in the middle of the callback that then starts the idle timer: let it finish.
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#nav-settings").tryQuery()).as("no Settings, so no sign-out").isEmpty();
        FactoryClient visitorsClient = context.sessions().session().client();
        Workload visitors = visitorsClient.submit(submission(visitorsClient), UUID.randomUUID().toString());
        Stage[] opened = new Stage[1];
        robot.interact(() -> {
            opened[0] = new Stage();
            opened[0].initOwner(stage);
            opened[0].setScene(new javafx.scene.Scene(new Label("a visitor's dialog")));
            opened[0].show();
        });

        millis.addAndGet(KioskConfig.DEFAULT_IDLE.toMillis());
        robot.interact(kiosk::poll);
        assertThat(visible(robot, "#kiosk-countdown")).isTrue();
        assertThat(text(robot, "#kiosk-countdown-seconds")).isEqualTo("10");
        millis.addAndGet(10_000);
        robot.interact(kiosk::poll);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !kiosk.resetting() && visible(robot, "#kiosk-attract"));
        assertThat(opened[0].isShowing()).isFalse();
        assertThat(context.sessions().session()).isNull();
        assertThat(visible(robot, "#kiosk-countdown")).isFalse();
        assertThat(bench.server.demoRowCountsAtRestore()).isEqualTo(bench.seeded);
        assertThatThrownBy(() -> visitorsClient.getWorkload(visitors.id())).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aTouchDuringTheCountdownCancelsIt(FxRobot robot) throws TimeoutException {
        waitFor(robot, "#attract-scene-factory_now");
        robot.clickOn("#kiosk-attract");
        waitFor(robot, "#header-tenant");
        // The header appears in the middle of the callback that then starts the idle timer: let it finish.
        WaitForAsyncUtils.waitForFxEvents();

        millis.addAndGet(KioskConfig.DEFAULT_IDLE.toMillis() + 5_000);
        robot.interact(kiosk::poll);
        assertThat(visible(robot, "#kiosk-countdown")).isTrue();
        robot.clickOn("#kiosk-countdown");
        assertThat(visible(robot, "#kiosk-countdown")).isFalse();

        millis.addAndGet(6_000);
        robot.interact(kiosk::poll);
        assertThat(kiosk.visitorSession()).isTrue();
        assertThat(visible(robot, "#kiosk-countdown")).isFalse();
        assertThat(context.sessions().session()).isNotNull();
    }

    @Test
    void swipesTurnTheAttractScenesWithoutStartingAVisit(FxRobot robot) throws TimeoutException {
        waitFor(robot, "#attract-scene-factory_now");
        Node attract = robot.lookup("#kiosk-attract").query();

        robot.interact(() -> Event.fireEvent(attract, swipe(SwipeEvent.SWIPE_LEFT)));
        assertThat(kiosk.scene()).isEqualTo(AttractLoop.Scene.HIGHLIGHT);
        waitFor(robot, "#attract-scene-highlight");
        robot.interact(() -> Event.fireEvent(attract, swipe(SwipeEvent.SWIPE_LEFT)));
        assertThat(kiosk.scene()).isEqualTo(AttractLoop.Scene.LIVE_WORKLOAD);
        robot.interact(() -> Event.fireEvent(attract, swipe(SwipeEvent.SWIPE_RIGHT)));
        robot.interact(() -> Event.fireEvent(attract, swipe(SwipeEvent.SWIPE_RIGHT)));
        robot.interact(() -> Event.fireEvent(attract, swipe(SwipeEvent.SWIPE_RIGHT)));
        assertThat(kiosk.scene()).as("right of the first scene is the last").isEqualTo(AttractLoop.Scene.QUESTION);
        waitFor(robot, "#attract-scene-question");

        assertThat(kiosk.visitorSession()).isFalse();
        assertThat(visible(robot, "#kiosk-attract")).isTrue();
    }

    @Test
    void aFingerScrollsTheCatalogAndTheWorkloadsTable(FxRobot robot) throws TimeoutException {
        waitFor(robot, "#attract-scene-factory_now");
        robot.clickOn("#kiosk-attract");
        waitFor(robot, "#catalogGrid .virtual-flow");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> FxReads.onFx(() -> flow(robot, "#catalogGrid").getCellCount() > 0));
        assertThat(scrolledByFinger(robot, "#catalogGrid")).as("catalog position after a finger's scroll").isPositive();

        robot.clickOn("#nav-workloads");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> FxReads.onFx(() -> robot.lookup("#workloads-table").tryQuery()
                .map(n -> ((javafx.scene.control.TableView<?>) n).getItems().size() > 30).orElse(false)));
        assertThat(scrolledByFinger(robot, "#workloads-table")).as("table position after a finger's scroll").isPositive();
    }

    /** Fires a one-finger upward drag, as a touch screen reports it, on {@code query} and answers its scroll position. */
    private static double scrolledByFinger(FxRobot robot, String query) {
        robot.interact(() -> {
            Node target = flow(robot, query);
            Bounds bounds = target.localToScreen(target.getBoundsInLocal());
            double x = bounds.getCenterX();
            double y = bounds.getCenterY();
            Event.fireEvent(target, new ScrollEvent(ScrollEvent.SCROLL, x - bounds.getMinX(), y - bounds.getMinY(), x, y,
                    false, false, false, false, true, false, 0, -400, 0, -400, ScrollEvent.HorizontalTextScrollUnits.NONE,
                    0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 1, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return FxReads.onFx(() -> flow(robot, query).getPosition());
    }

    private static VirtualFlow<?> flow(FxRobot robot, String query) {
        return (VirtualFlow<?>) robot.lookup(query).query().lookup(".virtual-flow");
    }

    private static SwipeEvent swipe(javafx.event.EventType<SwipeEvent> direction) {
        return new SwipeEvent(direction, 960, 540, 960, 540, false, false, false, false, true, 1, null);
    }

    private static WorkloadSubmission submission(FactoryClient client) {
        AppDetail app = client.getApp("visual-quality-inspection");
        AppVersion version = app.latest();
        Map<String, Object> values = new HashMap<>();
        for (ParameterSpec spec : version.parameters()) {
            if (spec.defaultValue() != null) {
                values.put(spec.name(), spec.defaultValue());
            }
        }
        return new WorkloadSubmission("visitor's inspection", app.summary().id(), version.version(),
                client.me().projects().get(0).id(), version.planIds().get(0), Priority.NORMAL, values, Map.of());
    }

    private static void chord(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.SHIFT, KeyCode.Q)
                .release(KeyCode.Q, KeyCode.SHIFT, KeyCode.ALT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitFor(FxRobot robot, String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
    }

    private static boolean visible(FxRobot robot, String query) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    private static String text(FxRobot robot, String query) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
