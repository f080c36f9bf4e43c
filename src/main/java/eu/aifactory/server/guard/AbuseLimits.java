package eu.aifactory.server.guard;

import eu.aifactory.server.http.Http;
import java.time.Duration;

/**
 * How much one caller may ask of the factory before it answers {@code 429 rate-limited} (or {@code 413}).
 *
 * @param tokenRate          requests per second one API token may make, sustained
 * @param tokenBurst         requests one token may make at once after a quiet spell
 * @param addressRate        requests per second one client address may make, sustained, all its tokens together
 * @param addressBurst       requests one client address may make at once
 * @param concurrentPerToken requests of one token in progress at once (event streams have their own limit)
 * @param maxBodyBytes       the largest request body a JSON endpoint takes (dataset uploads have their own limit)
 * @param freeFailures       failed sign-ins one address may have before it is paused
 * @param maxPause           the longest pause; each failed sign-in during or after a pause doubles it, from 1 s
 * @param forgetFailures     how long after its last failed sign-in an address starts over
 */
public record AbuseLimits(double tokenRate, int tokenBurst, double addressRate, int addressBurst,
                          int concurrentPerToken, long maxBodyBytes, int freeFailures, Duration maxPause,
                          Duration forgetFailures) {

    /**
     * Far above what a person in the portal or the demo does (opening a page is a handful of requests; the portal's
     * busiest screen polls a few times a second), well below what a script guessing tokens or looping over an
     * endpoint does.
     */
    public static final AbuseLimits DEFAULTS = new AbuseLimits(200, 1_000, 500, 2_000, 32, Http.MAX_BODY_BYTES, 10,
            Duration.ofMinutes(5), Duration.ofMinutes(15));

    public AbuseLimits {
        if (!(tokenRate > 0) || !(addressRate > 0) || tokenBurst < 1 || addressBurst < 1) {
            throw new IllegalArgumentException("rates must be positive and bursts at least 1");
        }
        if (concurrentPerToken < 1) {
            throw new IllegalArgumentException("concurrentPerToken must be at least 1, was " + concurrentPerToken);
        }
        if (maxBodyBytes < 1_024 || maxBodyBytes > Http.MAX_BODY_BYTES) {
            throw new IllegalArgumentException("maxBodyBytes must be 1024.." + Http.MAX_BODY_BYTES + ", was " + maxBodyBytes);
        }
        if (freeFailures < 1 || maxPause.isNegative() || maxPause.isZero() || forgetFailures.compareTo(maxPause) < 0) {
            throw new IllegalArgumentException("freeFailures must be at least 1, maxPause positive and "
                    + "forgetFailures at least maxPause");
        }
    }

    public AbuseLimits withTokenRate(double rate, int burst) {
        return new AbuseLimits(rate, burst, addressRate, addressBurst, concurrentPerToken, maxBodyBytes, freeFailures,
                maxPause, forgetFailures);
    }

    public AbuseLimits withAddressRate(double rate, int burst) {
        return new AbuseLimits(tokenRate, tokenBurst, rate, burst, concurrentPerToken, maxBodyBytes, freeFailures,
                maxPause, forgetFailures);
    }

    public AbuseLimits withConcurrentPerToken(int concurrent) {
        return new AbuseLimits(tokenRate, tokenBurst, addressRate, addressBurst, concurrent, maxBodyBytes, freeFailures,
                maxPause, forgetFailures);
    }

    public AbuseLimits withMaxBodyBytes(long bytes) {
        return new AbuseLimits(tokenRate, tokenBurst, addressRate, addressBurst, concurrentPerToken, bytes, freeFailures,
                maxPause, forgetFailures);
    }

    public AbuseLimits withFreeFailures(int failures) {
        return new AbuseLimits(tokenRate, tokenBurst, addressRate, addressBurst, concurrentPerToken, maxBodyBytes,
                failures, maxPause, forgetFailures);
    }
}
