package eu.aifactory.server.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StartPhasesTest {

    @Test
    void eachPhaseLastsFromThePreviousMarkAndTheTotalCoversThemAll() {
        AtomicLong nanos = new AtomicLong(5_000_000_000L);
        StartPhases phases = new StartPhases(nanos::get);
        nanos.addAndGet(1_200_000_000L);
        phases.mark("database");
        nanos.addAndGet(30_000_000L);
        phases.mark("catalog");
        nanos.addAndGet(400_000_000L);
        phases.mark("http");

        assertThat(phases).hasToString("database 1200 ms, catalog 30 ms, http 400 ms");
        assertThat(phases.totalMillis()).isEqualTo(1630);
    }
}
