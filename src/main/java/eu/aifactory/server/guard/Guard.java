package eu.aifactory.server.guard;

import eu.aifactory.api.ProblemType;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.http.Routes;
import eu.aifactory.server.http.Text;
import eu.aifactory.server.tenant.SignInListener;
import eu.aifactory.server.tenant.Tokens;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The factory's abuse limits, checked before any route: request body size (413), requests per client address and
 * per API token (token buckets), requests of one token in progress at once, and a pause for an address after
 * repeated failed sign-ins (all 429 {@code rate-limited} with {@code Retry-After}). A paused address is refused
 * before its token is looked up, so guessing costs the factory no database work and holds no thread; tokens that
 * signed in successfully lately still pass, so colleagues behind the same address keep working.
 */
public final class Guard implements Routes, SignInListener {

    private static final Logger LOG = LoggerFactory.getLogger(Guard.class);
    private static final String SLOT = "factory.guard.slot";
    /** Above this many tracked callers, idle ones are forgotten (at most once a second). */
    static final int MAX_TRACKED = 100_000;

    private final AbuseLimits limits;
    private final Clock clock;
    private final Map<String, TokenBucket> tokenBuckets = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> addressBuckets = new ConcurrentHashMap<>();
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Map<String, Long> signedIn = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong();

    public Guard(AbuseLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public void register(Javalin app) {
        app.before(this::admit);
        app.after(this::release);
    }

    void admit(Context ctx) {
        long now = clock.millis();
        sweep(now);
        if (ctx.req().getContentLengthLong() > limits.maxBodyBytes() && !isUpload(ctx)) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "problem.body.tooLargeLimit", limits.maxBodyBytes());
        }
        String address = ctx.ip();
        long wait = bucket(addressBuckets, address, limits.addressRate(), limits.addressBurst(), now).take(now);
        if (wait > 0) {
            throw limited("problem.rateLimited.address", wait);
        }
        String token = bearer(ctx);
        if (token == null) {
            return;
        }
        String hash = Tokens.hash(token);
        Failures failed = failures.get(address);
        long paused = failed == null ? 0 : failed.pausedFor(now);
        if (paused > 0 && !signedIn.containsKey(hash)) {
            throw limited("problem.rateLimited.signIns", paused);
        }
        wait = bucket(tokenBuckets, hash, limits.tokenRate(), limits.tokenBurst(), now).take(now);
        if (wait > 0) {
            throw limited("problem.rateLimited.token", wait);
        }
        if (isStream(ctx)) {
            return;
        }
        int running = inFlight.merge(hash, 1, Integer::sum);
        if (running > limits.concurrentPerToken()) {
            leave(hash);
            throw ProblemException.rateLimited(Text.of("problem.rateLimited.concurrent", limits.concurrentPerToken()), 1);
        }
        ctx.attribute(SLOT, hash);
    }

    void release(Context ctx) {
        String hash = ctx.attribute(SLOT);
        if (hash != null) {
            ctx.attribute(SLOT, null);
            leave(hash);
        }
    }

    private void leave(String hash) {
        inFlight.computeIfPresent(hash, (k, n) -> n <= 1 ? null : n - 1);
    }

    @Override
    public void succeeded(String tokenHash) {
        signedIn.put(tokenHash, clock.millis());
    }

    @Override
    public void failed(String clientAddress, String tokenPrefix, String reasonKey) {
        long now = clock.millis();
        long pause = failures.computeIfAbsent(clientAddress, a -> new Failures()).fail(now, limits);
        if (pause > 0) {
            LOG.warn("Sign-ins from {} paused for {} s after repeated failures", clientAddress, seconds(pause));
        }
    }

    /** Requests of this token now in progress (for tests). */
    int inFlight(String token) {
        return inFlight.getOrDefault(Tokens.hash(token), 0);
    }

    private static boolean isUpload(Context ctx) {
        return "POST".equals(ctx.method().name()) && "/v1/datasets".equals(ctx.path());
    }

    private static boolean isStream(Context ctx) {
        return "/v1/events".equals(ctx.path());
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return null;
        }
        String[] parts = header.trim().split("\\s+", 2);
        return parts.length == 2 && parts[0].toLowerCase(Locale.ROOT).equals("bearer") ? parts[1].trim() : null;
    }

    private static TokenBucket bucket(Map<String, TokenBucket> buckets, String key, double rate, int burst, long now) {
        return buckets.computeIfAbsent(key, k -> new TokenBucket(rate, burst, now));
    }

    private static ProblemException limited(String key, long waitMillis) {
        int seconds = seconds(waitMillis);
        return ProblemException.rateLimited(Text.of(key, seconds), seconds);
    }

    private static int seconds(long millis) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (millis + 999) / 1000));
    }

    /** Keeps memory bounded under many callers: forgets those with full buckets, old sign-ins and old failures. */
    private void sweep(long now) {
        int tracked = tokenBuckets.size() + addressBuckets.size() + signedIn.size() + failures.size();
        long last = lastSweep.get();
        if (tracked <= MAX_TRACKED || now - last < 1_000 || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        tokenBuckets.values().removeIf(b -> b.full(now));
        addressBuckets.values().removeIf(b -> b.full(now));
        long forget = limits.forgetFailures().toMillis();
        signedIn.values().removeIf(at -> now - at > forget);
        failures.values().removeIf(f -> f.forgotten(now, forget));
    }

    /** Failed sign-ins of one address: free ones first, then a pause that doubles with each further failure. */
    static final class Failures {

        private int count;
        private long last;
        private long pausedUntil;

        synchronized long fail(long now, AbuseLimits limits) {
            if (now - last > limits.forgetFailures().toMillis()) {
                count = 0;
            }
            count++;
            last = now;
            int over = count - limits.freeFailures();
            if (over <= 0) {
                return 0;
            }
            long pause = Math.min(limits.maxPause().toMillis(), 1_000L << Math.min(over - 1, 30));
            pausedUntil = now + pause;
            return pause;
        }

        synchronized long pausedFor(long now) {
            return Math.max(0, pausedUntil - now);
        }

        synchronized boolean forgotten(long now, long forget) {
            return now - last > forget;
        }
    }
}
