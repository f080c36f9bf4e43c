package eu.aifactory.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.aifactory.api.workload.WorkloadEvent;
import eu.aifactory.client.FactoryClient.ConnectionState;
import eu.aifactory.client.FactoryClientConfig.Sleeper;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription to {@code GET /v1/events}. A small daemon thread connects, waits for the stream to end, then
 * reconnects after a backoff with {@code Last-Event-ID} set to the last event delivered, until {@link #close()}.
 * Events and {@code CONNECTED} are delivered on OkHttp's reader thread, {@code RECONNECTING} on the subscription's
 * thread, {@code CLOSED} on the thread that closes. No callback runs after {@link #close()} has returned.
 */
final class EventStream implements FactoryClient.EventSubscription {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

    private final OkHttpClient client;
    private final HttpUrl url;
    private final ObjectMapper mapper;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Consumer<WorkloadEvent> events;
    private final Consumer<ConnectionState> state;
    private final Runnable onClosed;
    private final AtomicLong lastEventId;
    /** Guards delivery against close(), so nothing is delivered after close() returns. */
    private final Object deliveryLock = new Object();
    private final Thread thread;
    private volatile boolean closed;
    private volatile EventSource current;

    EventStream(OkHttpClient client, HttpUrl url, ObjectMapper mapper, Backoff backoff, Sleeper sleeper,
                long lastEventId, Consumer<WorkloadEvent> events, Consumer<ConnectionState> state, Runnable onClosed) {
        this.client = client;
        this.url = url;
        this.mapper = mapper;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.events = events;
        this.state = state == null ? s -> { } : state;
        this.onClosed = onClosed;
        this.lastEventId = new AtomicLong(Math.max(0, lastEventId));
        this.thread = new Thread(this::run, "factory-events");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public long lastEventId() {
        return lastEventId.get();
    }

    @Override
    public void close() {
        synchronized (deliveryLock) {
            if (closed) {
                return;
            }
            closed = true;
            notify(ConnectionState.CLOSED);
        }
        EventSource source = current;
        if (source != null) {
            source.cancel();
        }
        thread.interrupt();
        onClosed.run();
    }

    private void run() {
        EventSource.Factory factory = EventSources.createFactory(client);
        int failures = 0;
        while (!closed) {
            Connection connection = new Connection();
            Request.Builder request = new Request.Builder().url(url).header("Accept", "text/event-stream");
            long resumeFrom = lastEventId.get();
            if (resumeFrom > 0) {
                request.header("Last-Event-ID", Long.toString(resumeFrom));
            }
            current = factory.newEventSource(request.build(), connection);
            if (closed) {
                current.cancel();
                return;
            }
            try {
                connection.ended.await();
            } catch (InterruptedException e) {
                return;
            }
            if (closed) {
                return;
            }
            if (connection.fatalStatus != 0) {
                LOG.warn("Event stream refused with HTTP {}; not reconnecting", connection.fatalStatus);
                close();
                return;
            }
            failures = connection.delivered ? 0 : failures + 1;
            Duration wait = backoff.delay(Math.max(0, failures - 1));
            LOG.debug("Event stream ended; reconnecting from event {} in {} ms", lastEventId.get(), wait.toMillis());
            synchronized (deliveryLock) {
                if (closed) {
                    return;
                }
                notify(ConnectionState.RECONNECTING);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void notify(ConnectionState newState) {
        try {
            state.accept(newState);
        } catch (RuntimeException e) {
            LOG.warn("Connection state listener failed", e);
        }
    }

    /** Listener of one connection attempt. */
    private final class Connection extends EventSourceListener {
        final CountDownLatch ended = new CountDownLatch(1);
        volatile boolean delivered;
        volatile int fatalStatus;

        @Override
        public void onOpen(EventSource source, Response response) {
            synchronized (deliveryLock) {
                if (!closed) {
                    EventStream.this.notify(ConnectionState.CONNECTED);
                }
            }
        }

        @Override
        public void onEvent(EventSource source, String id, String type, String data) {
            if (type != null && !"workload".equals(type) && !"message".equals(type)) {
                return;
            }
            WorkloadEvent event;
            try {
                event = mapper.readValue(data, WorkloadEvent.class);
            } catch (JsonProcessingException e) {
                LOG.warn("Skipping an unreadable event (id {}): {}", id, e.getOriginalMessage());
                return;
            }
            long eventId = parseId(id, event.id());
            synchronized (deliveryLock) {
                // A resumed stream starts after Last-Event-ID; this guards against a factory that repeats itself.
                if (closed || eventId <= lastEventId.get()) {
                    return;
                }
                lastEventId.set(eventId);
                delivered = true;
                try {
                    events.accept(event);
                } catch (RuntimeException e) {
                    LOG.warn("Event listener failed on event {}", eventId, e);
                }
            }
        }

        @Override
        public void onClosed(EventSource source) {
            ended.countDown();
        }

        @Override
        public void onFailure(EventSource source, Throwable t, Response response) {
            if (response != null && !response.isSuccessful()) {
                int code = response.code();
                // A wrong token or a missing endpoint will not heal by reconnecting.
                if (code == 401 || code == 403 || code == 404) {
                    fatalStatus = code;
                }
                LOG.debug("Event stream answered HTTP {}", code);
            } else if (t != null && !closed) {
                LOG.debug("Event stream failed: {}", t.toString());
            }
            ended.countDown();
        }

        private long parseId(String id, long fallback) {
            if (id == null || id.isBlank()) {
                return fallback;
            }
            try {
                return Long.parseLong(id.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
    }
}
