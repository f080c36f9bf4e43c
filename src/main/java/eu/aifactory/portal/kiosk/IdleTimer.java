package eu.aifactory.portal.kiosk;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When a visitor has walked away: after the idle time without a touch, a key or a mouse movement a countdown begins,
 * and when it runs out the stand resets. Any activity during the countdown cancels it. Pure logic on an injected
 * millisecond ticker: the kiosk polls it a few times a second, tests move the ticker by hand.
 */
public final class IdleTimer {

    /** What the stand should show now. */
    public enum Phase { WATCHING, COUNTDOWN, EXPIRED, STOPPED }

    public static final Duration COUNTDOWN = Duration.ofSeconds(10);

    private final LongSupplier millis;
    private Duration idle;
    private long lastActivity;
    private Phase phase = Phase.STOPPED;

    public IdleTimer(LongSupplier millis, Duration idle) {
        this.millis = millis;
        this.idle = idle;
    }

    /** Starts watching a visitor session, from now. */
    public void start() {
        lastActivity = millis.getAsLong();
        phase = Phase.WATCHING;
    }

    /** No visitor session to watch (the attract loop runs). */
    public void stop() {
        phase = Phase.STOPPED;
    }

    public void setIdle(Duration idle) {
        this.idle = idle;
    }

    public Duration idle() {
        return idle;
    }

    /** A touch, key or mouse event: the visitor is still there; a countdown under way is cancelled. */
    public void activity() {
        lastActivity = millis.getAsLong();
        if (phase == Phase.COUNTDOWN) {
            phase = Phase.WATCHING;
        }
    }

    /** Looks at the ticker and answers the phase; EXPIRED is answered once, then the timer stops. */
    public Phase poll() {
        if (phase == Phase.STOPPED || phase == Phase.EXPIRED) {
            return phase;
        }
        long quiet = millis.getAsLong() - lastActivity;
        if (quiet >= idle.toMillis() + COUNTDOWN.toMillis()) {
            phase = Phase.STOPPED;
            return Phase.EXPIRED;
        }
        phase = quiet >= idle.toMillis() ? Phase.COUNTDOWN : Phase.WATCHING;
        return phase;
    }

    /** Whole seconds left of the countdown (10 … 1), as the overlay shows them. */
    public long secondsLeft() {
        long left = idle.toMillis() + COUNTDOWN.toMillis() - (millis.getAsLong() - lastActivity);
        return Math.max(1, (left + 999) / 1000);
    }
}
