package eu.aifactory.server.guard;

/**
 * A token bucket on the factory's clock: holds up to {@code burst} permits, refills {@code rate} a second. Time
 * comes from the caller, so a test drives it with a clock it sets.
 */
final class TokenBucket {

    private final double rate;
    private final double burst;
    private double permits;
    private long lastMillis;

    TokenBucket(double rate, int burst, long nowMillis) {
        this.rate = rate;
        this.burst = burst;
        this.permits = burst;
        this.lastMillis = nowMillis;
    }

    /** Takes a permit: 0 when there was one, else the milliseconds until there is one (and none is taken). */
    synchronized long take(long nowMillis) {
        refill(nowMillis);
        if (permits >= 1) {
            permits -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - permits) * 1000 / rate);
    }

    /** Whether the bucket is full again: an idle caller, whose bucket can be forgotten. */
    synchronized boolean full(long nowMillis) {
        refill(nowMillis);
        return permits >= burst;
    }

    private void refill(long nowMillis) {
        if (nowMillis > lastMillis) {
            permits = Math.min(burst, permits + (nowMillis - lastMillis) * rate / 1000);
            lastMillis = nowMillis;
        }
    }
}
