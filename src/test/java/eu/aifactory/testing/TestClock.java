package eu.aifactory.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The clock every factory, portal and fixture under test runs on: it read {@link #START} when the test JVM started
 * and ticks in real time from there, so seeded history, "this month" and month-to-date budgets are the same on any day
 * the tests run, while simulated work still progresses and timestamps still order. One offset for the whole JVM, so a
 * test's "now" agrees with its factory's. A mid-month weekday morning: no day or month boundary falls inside a run.
 */
public final class TestClock {

    public static final Instant START = Instant.parse("2026-11-18T08:00:00Z");
    private static final Duration OFFSET = Duration.between(Instant.now(), START);
    private static final ZoneId SITE = ZoneId.of("Europe/Berlin");

    private TestClock() {
    }

    public static Clock clock() {
        return Clock.offset(Clock.systemUTC(), OFFSET);
    }

    public static Instant now() {
        return clock().instant();
    }

    /** The factory's current month at its site. */
    public static YearMonth siteMonth() {
        return YearMonth.now(clock().withZone(SITE));
    }
}
