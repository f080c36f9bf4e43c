package eu.aifactory.portal.common;

import eu.aifactory.client.FactoryClient;
import eu.aifactory.client.FactoryUnreachableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the factory answers. Polls {@code /v1/health} in the background while a session is open, and hears from
 * view models about their own calls, so the header shows online, reconnecting (the last calls failed) or offline
 * (several in a row failed), with the time of the last good contact. Only a missing answer counts as a failure:
 * an error response still proves the factory is there. All methods run on the UI thread.
 */
public final class ConnectionMonitor {

    public enum State { ONLINE, RECONNECTING, OFFLINE }

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionMonitor.class);

    private final TaskExecutor executor;
    private final Clock clock;
    private final Duration period;
    private final int failuresUntilOffline;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.ONLINE);
    private final ReadOnlyObjectWrapper<Instant> lastContact = new ReadOnlyObjectWrapper<>(this, "lastContact");

    private FactoryClient client;
    private TaskHandle polling = TaskHandle.NONE;
    private TaskHandle check = TaskHandle.NONE;
    private boolean checking;
    private int consecutiveFailures;

    /**
     * @param period               time between health checks
     * @param failuresUntilOffline failed contacts in a row after which the factory counts as offline
     */
    public ConnectionMonitor(TaskExecutor executor, Clock clock, Duration period, int failuresUntilOffline) {
        if (failuresUntilOffline < 2) {
            throw new IllegalArgumentException("failuresUntilOffline must leave room for reconnecting: " + failuresUntilOffline);
        }
        this.executor = executor;
        this.clock = clock;
        this.period = period;
        this.failuresUntilOffline = failuresUntilOffline;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** The last time the factory answered, or null before the first answer. */
    public ReadOnlyObjectProperty<Instant> lastContactProperty() {
        return lastContact.getReadOnlyProperty();
    }

    /** Starts watching the factory behind {@code factoryClient}, which has just answered (the sign-in call). */
    public void start(FactoryClient factoryClient) {
        stop();
        client = factoryClient;
        reportSuccess();
        polling = executor.repeat(period, this::checkNow);
    }

    public void stop() {
        polling.cancel();
        polling = TaskHandle.NONE;
        check.cancel();
        check = TaskHandle.NONE;
        checking = false;
        client = null;
    }

    /** Asks the factory right away (a Retry button, a manual refresh); does nothing while a check is under way. */
    public void checkNow() {
        if (client == null || checking) {
            return;
        }
        // The flag is set before run(): an executor may call back before run() returns.
        checking = true;
        check = executor.run(client::health,
                health -> {
                    checking = false;
                    reportSuccess();
                },
                failure -> {
                    checking = false;
                    report(failure);
                });
    }

    /** A call to the factory got an answer. */
    public void reportSuccess() {
        consecutiveFailures = 0;
        lastContact.set(clock.instant());
        state.set(State.ONLINE);
    }

    /** A call to the factory failed; only "no answer" moves the state towards offline. */
    public void report(Throwable failure) {
        if (!(failure instanceof FactoryUnreachableException)) {
            reportSuccess();
            return;
        }
        consecutiveFailures++;
        State next = consecutiveFailures >= failuresUntilOffline ? State.OFFLINE : State.RECONNECTING;
        if (next != state.get()) {
            LOG.info("factory connection {} after {} failed contact(s): {}", next, consecutiveFailures, failure.getMessage());
        }
        state.set(next);
    }
}
