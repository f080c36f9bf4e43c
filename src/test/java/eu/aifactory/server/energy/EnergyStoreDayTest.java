package eu.aifactory.server.energy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class EnergyStoreDayTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static long ms(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void aPeriodWithoutDaylightSavingChangeUsesOneOffset() {
        assertThat(EnergyStore.dayExpression(BERLIN, ms("2026-11-01T00:00:00Z"), ms("2026-12-01T00:00:00Z")))
                .isEqualTo("(s.ts + 3600000) / 86400000");
    }

    @Test
    void theOffsetSwitchesAtEachChangeWithinThePeriod() {
        assertThat(EnergyStore.dayExpression(BERLIN, ms("2026-01-01T00:00:00Z"), ms("2027-01-01T00:00:00Z")))
                .isEqualTo("(s.ts + CASE WHEN s.ts < " + ms("2026-03-29T01:00:00Z") + " THEN 3600000 WHEN s.ts < "
                        + ms("2026-10-25T01:00:00Z") + " THEN 7200000 ELSE 3600000 END) / 86400000");
    }

    @Test
    void aChangeAtThePeriodsEndIsNotNeeded() {
        assertThat(EnergyStore.dayExpression(BERLIN, ms("2026-10-01T00:00:00Z"), ms("2026-10-25T01:00:00Z")))
                .isEqualTo("(s.ts + 7200000) / 86400000");
    }
}
