package eu.aifactory.server.workload;

import eu.aifactory.server.util.CoalescingWakeup;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans committed events out to live subscribers (the SSE streams), strictly in commit order.
 *
 * <p>An event's position comes from an identity column, so a transaction that took position 7 may commit after the
 * one that took 8. The hub therefore only passes the watermark over contiguous positions; a gap is waited for up to
 * {@link #GAP_TIMEOUT_MS} (it is then a rolled-back insert and skipped). A subscriber that registers gets the
 * current watermark: everything up to it comes from the database, everything after it from its queue. The hub
 * never writes to a network connection itself: it queues events and wakes the subscriber, whose stream writes
 * without blocking.
 */
public final class EventHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    static final long GAP_TIMEOUT_MS = 2_000;
    private static final long MIN_PUMP_MS = 20;
    private static final int BATCH = 1_000;

    private final WorkloadStore store;
    private final Clock clock;
    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
    private final CoalescingWakeup wakeup = new CoalescingWakeup(MIN_PUMP_MS);
    private final Object dispatch = new Object();
    private volatile long watermark;
    private long gapId = -1;
    private long gapSince;
    private Thread thread;
    private ScheduledExecutorService timer;

    /** One live stream: the tenant it belongs to, which events it may see, its queue and how to wake it. */
    public static final class Subscriber {
        private final String tenantId;
        private final Predicate<StoredEvent> visible;
        private final Runnable wake;
        private final BlockingQueue<StoredEvent> queue = new LinkedBlockingQueue<>(10_000);
        private volatile boolean overflowed;
        private volatile boolean closed;
        private long startWatermark;

        public Subscriber(String tenantId, Predicate<StoredEvent> visible) {
            this(tenantId, visible, () -> { });
        }

        /** {@code wake} runs on the hub's thread after new events were queued, and on the closing thread at the end. */
        public Subscriber(String tenantId, Predicate<StoredEvent> visible, Runnable wake) {
            this.tenantId = tenantId;
            this.visible = visible;
            this.wake = wake;
        }

        /** The watermark when it registered: events up to here must be read from the database. */
        public long startWatermark() {
            return startWatermark;
        }

        public boolean visible(StoredEvent event) {
            return visible.test(event);
        }

        /** Moves up to {@code max} queued events into {@code into} without waiting; returns how many. */
        public int drainTo(List<StoredEvent> into, int max) {
            return queue.drainTo(into, max);
        }

        /** True when the stream fell too far behind, was closed, or the hub stopped, and must end; the client resumes. */
        public boolean isDead() {
            return overflowed || closed;
        }

        /** Ends the subscription (the hub stopping): its stream sees {@link #isDead()} and ends. */
        public void close() {
            closed = true;
            wake.run();
        }

        void offer(StoredEvent event) {
            if (!queue.offer(event)) {
                overflowed = true;
            }
        }
    }

    public EventHub(WorkloadStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        watermark = store.maxEventId();
        store.onEvent(this::wake);
        thread = new Thread(this::loop, "factory-events");
        thread.setDaemon(true);
        thread.start();
    }

    public long watermark() {
        return watermark;
    }

    public Subscriber subscribe(Subscriber subscriber) {
        synchronized (dispatch) {
            subscriber.startWatermark = watermark;
            subscribers.add(subscriber);
        }
        return subscriber;
    }

    public void unsubscribe(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    /**
     * Runs {@code task} every {@code periodMs} on the hub's timer thread until the hub closes: the streams' keep-alives
     * and credential checks. The task must not block.
     */
    public synchronized void repeat(long periodMs, Runnable task) {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "factory-events-timer");
                t.setDaemon(true);
                return t;
            });
        }
        timer.scheduleAtFixedRate(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Periodic event stream task failed", e);
            }
        }, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    public void wake() {
        wakeup.signal();
    }

    private void loop() {
        while (!wakeup.isStopped()) {
            long started = System.nanoTime();
            try {
                pump();
            } catch (RuntimeException e) {
                LOG.error("Event pump failed; retrying", e);
            }
            // Also poll now and then: another factory instance may share a PostgreSQL database. Under a burst of
            // commits, pump at most every MIN_PUMP_MS instead of once per event.
            if (!wakeup.awaitNextPass(gapId >= 0 ? 50 : 500, started)) {
                return;
            }
        }
    }

    /** Moves the watermark over newly committed, contiguous events and hands them to subscribers. */
    void pump() {
        while (true) {
            long from = watermark;
            List<Long> ids = store.eventIdsAfter(from, BATCH);
            if (ids.isEmpty()) {
                gapId = -1;
                return;
            }
            long upTo = from;
            for (long id : ids) {
                if (id == upTo + 1) {
                    upTo = id;
                    continue;
                }
                long now = clock.millis();
                if (gapId != upTo + 1) {
                    gapId = upTo + 1;
                    gapSince = now;
                }
                if (now - gapSince < GAP_TIMEOUT_MS) {
                    break;
                }
                // Waited long enough: the missing ids belong to rolled-back transactions.
                upTo = id;
                gapId = -1;
            }
            if (upTo == from) {
                return;
            }
            List<StoredEvent> events = store.events(from, upTo);
            Set<Subscriber> woken = new LinkedHashSet<>();
            synchronized (dispatch) {
                for (StoredEvent event : events) {
                    for (Subscriber s : subscribers) {
                        if (s.tenantId.equals(event.tenantId()) && s.visible(event)) {
                            s.offer(event);
                            woken.add(s);
                        }
                    }
                }
                watermark = upTo;
            }
            // Outside the lock: a stream that wakes may read its replay from the database before it writes.
            for (Subscriber s : woken) {
                s.wake.run();
            }
            if (upTo != ids.get(ids.size() - 1)) {
                return;
            }
            gapId = -1;
        }
    }

    @Override
    public void close() {
        wakeup.stop();
        for (Subscriber s : new ArrayList<>(subscribers)) {
            s.close();
        }
        Thread t;
        synchronized (this) {
            t = thread;
            if (timer != null) {
                timer.shutdownNow();
            }
        }
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
