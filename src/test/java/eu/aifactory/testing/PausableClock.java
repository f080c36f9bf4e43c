package eu.aifactory.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock a test can hold still: while paused it reads the instant it was paused at, and after {@link #resume()} it
 * ticks on from there. A simulated factory on it makes no progress while paused, so a test can look at a run before
 * it finishes however slowly the machine answers.
 */
public final class PausableClock extends Clock {

    private final Clock base;
    private final State state;

    private PausableClock(Clock base, State state) {
        this.base = base;
        this.state = state;
    }

    public PausableClock(Clock base) {
        this(base, new State());
    }

    public void pause() {
        synchronized (state) {
            if (state.frozen == null) {
                state.frozen = instant();
            }
        }
    }

    public void resume() {
        synchronized (state) {
            if (state.frozen != null) {
                state.lost = Duration.between(state.frozen, base.instant());
                state.frozen = null;
            }
        }
    }

    @Override
    public Instant instant() {
        synchronized (state) {
            return state.frozen != null ? state.frozen : base.instant().minus(state.lost);
        }
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new PausableClock(base.withZone(zone), state);
    }

    private static final class State {
        private Instant frozen;
        private Duration lost = Duration.ZERO;
    }
}
