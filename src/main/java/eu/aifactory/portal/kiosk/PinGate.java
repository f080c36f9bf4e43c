package eu.aifactory.portal.kiosk;

import java.util.function.LongSupplier;

/**
 * Keeps a visitor from guessing the PIN: after three wrong tries the prompt refuses every try for 30 seconds, and the
 * wait doubles with each further wrong try (up to an hour). A right PIN clears the count.
 */
public final class PinGate {

    static final int FREE_TRIES = 3;
    static final long FIRST_LOCK_MS = 30_000;
    static final long LONGEST_LOCK_MS = 3_600_000;

    private final LongSupplier millis;
    private int wrong;
    private long lockedUntil;

    public PinGate(LongSupplier millis) {
        this.millis = millis;
    }

    /** Milliseconds until a try is taken again; 0 when one is taken now. */
    public synchronized long lockedForMs() {
        return Math.max(0, lockedUntil - millis.getAsLong());
    }

    public synchronized void wrong() {
        wrong++;
        if (wrong >= FREE_TRIES) {
            long lock = Math.min(LONGEST_LOCK_MS, FIRST_LOCK_MS << Math.min(20, wrong - FREE_TRIES));
            lockedUntil = millis.getAsLong() + lock;
        }
    }

    public synchronized void right() {
        wrong = 0;
        lockedUntil = 0;
    }
}
