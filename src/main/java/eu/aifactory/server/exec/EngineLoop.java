package eu.aifactory.server.exec;

import eu.aifactory.server.util.CoalescingWakeup;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread an engine does its passes on: one pass at a time, the next after {@code busyPassMs} while work is queued
 * or running and after {@code idlePassMs} otherwise, or sooner when woken (a burst of wake-ups gives one pass per
 * {@code minPassMs}). A pass that throws is logged and retried at the next one.
 */
public final class EngineLoop {

    private static final Logger LOG = LoggerFactory.getLogger(EngineLoop.class);

    private final String threadName;
    private final long busyPassMs;
    private final long idlePassMs;
    private final long joinMs;
    private final BooleanSupplier pass;
    private final CoalescingWakeup wakeup;
    /** Held during a pass, so work that must not overlap one (a demo restore) can run between passes. */
    private final ReentrantLock passing = new ReentrantLock();
    private Thread thread;

    /** @param pass one pass; answers whether work is queued or in flight */
    public EngineLoop(String threadName, long minPassMs, long busyPassMs, long idlePassMs, long joinMs,
                      BooleanSupplier pass) {
        this.threadName = threadName;
        this.busyPassMs = busyPassMs;
        this.idlePassMs = idlePassMs;
        this.joinMs = joinMs;
        this.pass = pass;
        this.wakeup = new CoalescingWakeup(minPassMs);
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Something changed: pass now rather than at the next scheduled pass. */
    public void wake() {
        wakeup.signal();
    }

    /** Runs {@code action} between two passes: it waits for the pass under way, and the next waits for it. */
    public void betweenPasses(Runnable action) {
        passing.lock();
        try {
            action.run();
        } finally {
            passing.unlock();
        }
    }

    /** Stops after the pass under way, waiting up to the join time for it. */
    public void close() {
        wakeup.stop();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(joinMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (!wakeup.isStopped()) {
            boolean busy = false;
            long started = System.nanoTime();
            passing.lock();
            try {
                busy = pass.getAsBoolean();
            } catch (RuntimeException e) {
                LOG.error("{}: pass failed; retrying at the next one", threadName, e);
            } finally {
                passing.unlock();
            }
            if (!wakeup.awaitNextPass(busy ? busyPassMs : idlePassMs, started)) {
                return;
            }
        }
    }
}
