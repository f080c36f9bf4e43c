package eu.aifactory.portal.app;

import eu.aifactory.portal.common.Session;
import java.lang.management.ManagementFactory;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the start-up milestones the benchmark ({@code StartupBenchmark}) and a curious user read: the first frame
 * and the first frame showing a signed-in shell, each in milliseconds since the JVM started.
 */
final class StartupProbe {

    static final String FIRST_FRAME = "startup: first frame";
    static final String SHELL_READY = "startup: shell ready";

    private static final Logger LOG = LoggerFactory.getLogger("eu.aifactory.portal.startup");

    private StartupProbe() {
    }

    /** Call right after the window is shown. */
    static void watch(Scene scene, ObservableValue<Session> session) {
        onNextPulse(scene, FIRST_FRAME);
        if (session.getValue() != null) {
            onNextPulse(scene, SHELL_READY);
            return;
        }
        session.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Session> observable, Session old, Session now) {
                if (now != null) {
                    observable.removeListener(this);
                    onNextPulse(scene, SHELL_READY);
                }
            }
        });
    }

    /** The pulse after the change has been laid out and rendered. */
    private static void onNextPulse(Scene scene, String milestone) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            LOG.info("{} after {} ms", milestone, ManagementFactory.getRuntimeMXBean().getUptime());
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
