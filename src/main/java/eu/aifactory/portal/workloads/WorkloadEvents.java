package eu.aifactory.portal.workloads;

import eu.aifactory.api.workload.WorkloadEvent;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.client.FactoryClient.ConnectionState;
import eu.aifactory.client.FactoryClient.EventSubscription;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.common.TaskHandle;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's one subscription to the factory's workload events, shared by the table, the detail and the
 * notifications. The client calls back on its own threads; every event and state change is handed to the UI thread
 * in order (one timer thread, then the FX queue), and listeners run there. Resuming after a drop is the client's
 * job (Last-Event-ID), so no event is lost across reconnects.
 */
public final class WorkloadEvents {

    private static final Logger LOG = LoggerFactory.getLogger(WorkloadEvents.class);
    private static final Duration RETRY_SUBSCRIBE = Duration.ofSeconds(5);

    private final FactoryClient client;
    private final TaskExecutor executor;
    private final List<Consumer<WorkloadEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ReadOnlyObjectWrapper<ConnectionState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ConnectionState.RECONNECTING);
    private volatile boolean closed;
    private boolean started;
    private EventSubscription subscription;
    private TaskHandle pending = TaskHandle.NONE;

    public WorkloadEvents(FactoryClient client, TaskExecutor executor) {
        this.client = client;
        this.executor = executor;
    }

    /** Subscribes once (later calls do nothing); the subscription itself is made off the UI thread. */
    public void start() {
        if (started || closed) {
            return;
        }
        started = true;
        subscribe();
    }

    private void subscribe() {
        pending = executor.run(() -> client.subscribe(0, this::fromClient, this::stateFromClient), opened -> {
            if (closed) {
                opened.close();
            } else {
                subscription = opened;
            }
        }, failure -> {
            LOG.info("workload events not subscribed, trying again: {}", failure.toString());
            if (!closed) {
                pending = executor.runLater(RETRY_SUBSCRIBE, this::subscribe);
            }
        });
    }

    public void addListener(Consumer<WorkloadEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<WorkloadEvent> listener) {
        listeners.remove(listener);
    }

    /** CONNECTED, RECONNECTING (also before the first connect) or CLOSED. */
    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The last event seen, for diagnostics; 0 before the first. */
    public long lastEventId() {
        EventSubscription current = subscription;
        return current == null ? 0 : current.lastEventId();
    }

    private void fromClient(WorkloadEvent event) {
        if (!closed) {
            executor.runLater(Duration.ZERO, () -> deliver(event));
        }
    }

    private void stateFromClient(ConnectionState newState) {
        if (!closed) {
            executor.runLater(Duration.ZERO, () -> {
                if (!closed) {
                    state.set(newState);
                }
            });
        }
    }

    /** Hands one event to every listener; on the UI thread. Public for tests that play the factory's part. */
    public void deliver(WorkloadEvent event) {
        if (closed) {
            return;
        }
        for (Consumer<WorkloadEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("workload event listener failed on event {}", event.id(), e);
            }
        }
    }

    /** Sets the state as the client would; on the UI thread. Public for tests. */
    public void setState(ConnectionState newState) {
        state.set(newState);
    }

    public void close() {
        closed = true;
        pending.cancel();
        listeners.clear();
        EventSubscription current = subscription;
        subscription = null;
        if (current != null) {
            // close() may wait for a callback under way: keep it off the UI thread.
            try {
                executor.run(() -> {
                    current.close();
                    return null;
                }, done -> { }, failure -> LOG.debug("closing the event subscription failed: {}", failure.toString()));
            } catch (RejectedExecutionException e) {
                // The portal is shutting down and its workers are gone.
                current.close();
            }
        }
        state.set(ConnectionState.CLOSED);
    }
}
