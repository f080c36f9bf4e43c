package eu.aifactory.server.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition with a bounded wait; the bound is a safety net, not an assertion about speed. */
public final class Await {

    private Await() {
    }

    public static <T> T until(String what, Supplier<T> value, java.util.function.Predicate<T> done) {
        return until(what, value, done, Duration.ofSeconds(60));
    }

    /** The same with another safety net, for a process that takes long to come up on a busy machine. */
    public static <T> T until(String what, Supplier<T> value, java.util.function.Predicate<T> done, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        T last = value.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + "; last value: " + last);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
            last = value.get();
        }
        return last;
    }
}
