package eu.aifactory.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Duration base = Duration.ofMillis(200);
    private final Duration cap = Duration.ofSeconds(5);

    @Test
    void growsExponentiallyWithinHalfAndFullOfTheStep() {
        Backoff lowest = new Backoff(base, cap, () -> 0.0);
        Backoff highest = new Backoff(base, cap, () -> 0.999_999);

        assertThat(lowest.delay(0)).isEqualTo(Duration.ofMillis(100));
        assertThat(highest.delay(0)).isEqualTo(Duration.ofMillis(199));
        assertThat(lowest.delay(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(lowest.delay(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(highest.delay(3)).isEqualTo(Duration.ofMillis(1599));
    }

    @Test
    void neverExceedsTheCapEvenAfterManyRetries() {
        Backoff highest = new Backoff(base, cap, () -> 0.999_999);

        assertThat(highest.delay(5)).isLessThanOrEqualTo(cap);
        assertThat(highest.delay(1_000)).isLessThanOrEqualTo(cap).isGreaterThanOrEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void readsRetryAfterAsSecondsOrHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.UTC);
        RetryInterceptor retry = new RetryInterceptor(3, new Backoff(base, cap), d -> { }, clock);

        assertThat(retry.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(retry.retryAfter("Sat, 01 Mar 2025 08:00:04 GMT")).isEqualTo(Duration.ofSeconds(4));
        assertThat(retry.retryAfter("Sat, 01 Mar 2025 07:59:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(retry.retryAfter("soon")).isNull();
        assertThat(retry.retryAfter("-1")).isNull();
        assertThat(retry.retryAfter(null)).isNull();
    }
}
