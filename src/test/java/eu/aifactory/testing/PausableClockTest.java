package eu.aifactory.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PausableClockTest {

    private final AtomicReference<Instant> real = new AtomicReference<>(Instant.parse("2026-11-18T08:00:00Z"));
    private final Clock base = new Clock() {
        @Override
        public Instant instant() {
            return real.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    private void pass(int seconds) {
        real.updateAndGet(i -> i.plus(Duration.ofSeconds(seconds)));
    }

    @Test
    void standsStillWhilePausedAndTicksOnFromThereAfterResume() {
        PausableClock clock = new PausableClock(base);
        pass(5);
        assertThat(clock.instant()).isEqualTo("2026-11-18T08:00:05Z");
        clock.pause();
        pass(60);
        assertThat(clock.instant()).isEqualTo("2026-11-18T08:00:05Z");
        clock.resume();
        assertThat(clock.instant()).isEqualTo("2026-11-18T08:00:05Z");
        pass(2);
        assertThat(clock.instant()).isEqualTo("2026-11-18T08:00:07Z");
    }

    @Test
    void aZonedViewSharesThePause() {
        PausableClock clock = new PausableClock(base);
        Clock berlin = clock.withZone(java.time.ZoneId.of("Europe/Berlin"));
        clock.pause();
        pass(30);
        assertThat(berlin.instant()).isEqualTo("2026-11-18T08:00:00Z");
    }

    @Test
    void fastForwardRunsThatManyTimesFasterFromWhereItStoodAndResumeSlowsItDownAgain() {
        PausableClock clock = new PausableClock(base);
        pass(5);
        clock.fastForward(10);
        assertThat(clock.instant()).isEqualTo("2026-11-18T08:00:05Z");
        pass(3);
        assertThat(clock.instant()).isEqualTo("2026-11-18T08:00:35Z");
        clock.pause();
        pass(30);
        assertThat(clock.instant()).isEqualTo("2026-11-18T08:00:35Z");
        clock.fastForward(4);
        pass(1);
        assertThat(clock.instant()).isEqualTo("2026-11-18T08:00:39Z");
        clock.resume();
        pass(2);
        assertThat(clock.instant()).isEqualTo("2026-11-18T08:00:41Z");
    }

    @Test
    void aRateBelowOneIsNotAFastForward() {
        PausableClock clock = new PausableClock(base);
        assertThatThrownBy(() -> clock.fastForward(0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
