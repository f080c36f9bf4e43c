package eu.aifactory.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "equal jitter": retry {@code n} (0-based) waits between half and all of
 * {@code min(cap, base × 2^n)}, so many clients that lost the factory at once do not return in lockstep.
 */
final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final DoubleSupplier random;

    Backoff(Duration base, Duration cap) {
        this(base, cap, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random values in [0, 1) */
    Backoff(Duration base, Duration cap, DoubleSupplier random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    Duration delay(int retry) {
        long capMillis = cap.toMillis();
        // Shifting by at most 20 keeps any sane base far from overflow; the cap is reached long before.
        long ceiling = Math.min(capMillis, base.toMillis() << Math.min(Math.max(retry, 0), 20));
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
    }

    Duration cap() {
        return cap;
    }
}
