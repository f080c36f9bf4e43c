package eu.aifactory.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock every factory, portal and fixture under test runs on: it reads {@link #START} when the test JVM first
 * uses it and ticks from there on the monotonic timer, never the wall clock. Seeded history, "this month" and
 * month-to-date budgets are therefore the same on any day the tests run, while simulated work still progresses and
 * timestamps still order. One origin for the whole JVM, so a test's "now" agrees with its factory's. A mid-month
 * weekday morning: no day or month boundary falls inside a run.
 */
public final class TestClock extends Clock {

    public static final Instant START = Instant.parse("2026-11-18T08:00:00Z");
    private static final long ORIGIN_NANOS = System.nanoTime();
    private static final ZoneId SITE = ZoneId.of("Europe/Berlin");

    private final Instant start;
    private final ZoneId zone;

    private TestClock(Instant start, ZoneId zone) {
        this.start = start;
        this.zone = zone;
    }

    public static Clock clock() {
        return new TestClock(START, ZoneOffset.UTC);
    }

    /** A clock ticking the same way from another fixed instant, for a test about a particular day (a month's start). */
    public static Clock startingAt(Instant start) {
        return new TestClock(start, ZoneOffset.UTC);
    }

    public static Instant now() {
        return clock().instant();
    }

    /** The factory's current month at its site. */
    public static YearMonth siteMonth() {
        return YearMonth.now(clock().withZone(SITE));
    }

    @Override
    public Instant instant() {
        return start.plusNanos(System.nanoTime() - ORIGIN_NANOS);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new TestClock(start, newZone);
    }
}
