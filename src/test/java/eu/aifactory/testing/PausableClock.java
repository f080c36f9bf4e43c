package eu.aifactory.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock a test can hold still or hurry: while paused it reads the instant it was paused at, after {@link #resume()}
 * it ticks on from there at its base's pace, and after {@link #fastForward(double)} it runs that many times faster. A
 * simulated factory on it makes no progress while paused, so a test can look at a run before it finishes however
 * slowly the machine answers; fast-forwarded, its runs reach their end sooner without the factory's pace (and so
 * what a run does per simulated minute) being any different. It never jumps: every reading follows the last.
 */
public final class PausableClock extends Clock {

    private final Clock base;
    private final State state;

    private PausableClock(Clock base, State state) {
        this.base = base;
        this.state = state;
    }

    public PausableClock(Clock base) {
        this(base, new State(base.instant()));
    }

    public void pause() {
        runAt(0);
    }

    public void resume() {
        runAt(1);
    }

    /** From now on {@code rate} seconds pass on this clock for each second of its base (from this instant on). */
    public void fastForward(double rate) {
        if (!(rate >= 1)) {
            throw new IllegalArgumentException("a fast-forward rate is at least 1: " + rate);
        }
        runAt(rate);
    }

    private void runAt(double rate) {
        synchronized (state) {
            Instant baseNow = base.instant();
            state.from = at(baseNow);
            state.baseFrom = baseNow;
            state.rate = rate;
        }
    }

    @Override
    public Instant instant() {
        synchronized (state) {
            return at(base.instant());
        }
    }

    private Instant at(Instant baseNow) {
        long baseNanos = Duration.between(state.baseFrom, baseNow).toNanos();
        return state.from.plusNanos(Math.round(baseNanos * state.rate));
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new PausableClock(base.withZone(zone), state);
    }

    /** Shared by the zoned views: this clock read {@code from} when its base read {@code baseFrom}. */
    private static final class State {
        private Instant from;
        private Instant baseFrom;
        private double rate = 1;

        State(Instant start) {
            this.from = start;
            this.baseFrom = start;
        }
    }
}
