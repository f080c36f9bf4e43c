package eu.aifactory.server.util;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The wake-up of a background loop (the executor's ticks, the event pump): a pass runs when signalled or after a
 * timeout, but never sooner than {@code minIntervalMs} after the previous pass began, so a burst of signals (many
 * submits, many commits) costs one pass instead of one per signal.
 */
public final class CoalescingWakeup {

    private final long minIntervalMs;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signalled = lock.newCondition();
    private boolean pending;
    private volatile boolean stopped;

    public CoalescingWakeup(long minIntervalMs) {
        this.minIntervalMs = minIntervalMs;
    }

    public void signal() {
        lock.lock();
        try {
            pending = true;
            signalled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void stop() {
        stopped = true;
        signal();
    }

    public boolean isStopped() {
        return stopped;
    }

    /**
     * Waits for the next pass: until signalled or {@code timeoutMs}, then until {@code minIntervalMs} have passed
     * since {@code passStartedNanos}. Returns false when the thread was interrupted (the loop should end).
     */
    public boolean awaitNextPass(long timeoutMs, long passStartedNanos) {
        lock.lock();
        try {
            if (!pending && !stopped) {
                signalled.await(timeoutMs, TimeUnit.MILLISECONDS);
            }
            pending = false;
            long elapsedMs = (System.nanoTime() - passStartedNanos) / 1_000_000;
            if (elapsedMs < minIntervalMs && !stopped) {
                signalled.await(minIntervalMs - elapsedMs, TimeUnit.MILLISECONDS);
                pending = false;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }
}
