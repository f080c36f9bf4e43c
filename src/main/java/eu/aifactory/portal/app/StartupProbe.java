package eu.aifactory.portal.app;

import eu.aifactory.portal.common.Session;
import java.lang.management.ManagementFactory;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the start-up milestones the benchmark ({@code StartupBenchmark}) and a curious user read, each in
 * milliseconds since this JVM started: the first frame, the first frame with a clickable demo user on the sign-in
 * page (on a later start, one remembered from the last), the first frame whose demo users come from the running
 * factory (a click signs in at once), and the first frame showing a signed-in shell.
 */
final class StartupProbe {

    static final String FIRST_FRAME = "startup: first frame";
    static final String SIGN_IN_READY = "startup: sign-in ready";
    static final String DEMO_READY = "startup: demo factory ready";
    static final String SHELL_READY = "startup: shell ready";

    private static final Logger LOG = LoggerFactory.getLogger("eu.aifactory.portal.startup");

    private StartupProbe() {
    }

    /** Call right after the window is shown; {@code afterFirstFrame} runs on the UI thread once it is drawn. */
    static void watch(Scene scene, ObservableValue<Session> session, Runnable afterFirstFrame) {
        onNextPulse(scene, () -> {
            log(FIRST_FRAME);
            afterFirstFrame.run();
        });
        if (session.getValue() != null) {
            onNextPulse(scene, () -> log(SHELL_READY));
            return;
        }
        Runnable[] signIn = new Runnable[1];
        boolean[] listed = new boolean[1];
        signIn[0] = () -> {
            Node card = scene.lookup(".demo-card");
            if (card == null || card.isDisabled()) {
                return;
            }
            if (!listed[0]) {
                listed[0] = true;
                log(SIGN_IN_READY);
            }
            Node starting = scene.lookup("#demo-starting");
            if (starting != null && !starting.isVisible()) {
                scene.removePostLayoutPulseListener(signIn[0]);
                log(DEMO_READY);
            }
        };
        scene.addPostLayoutPulseListener(signIn[0]);
        session.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Session> observable, Session old, Session now) {
                if (now != null) {
                    observable.removeListener(this);
                    scene.removePostLayoutPulseListener(signIn[0]);
                    onNextPulse(scene, () -> log(SHELL_READY));
                }
            }
        });
    }

    private static void log(String milestone) {
        LOG.info("{} after {} ms", milestone, ManagementFactory.getRuntimeMXBean().getUptime());
    }

    /** The pulse after the change has been laid out and rendered. */
    private static void onNextPulse(Scene scene, Runnable action) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
