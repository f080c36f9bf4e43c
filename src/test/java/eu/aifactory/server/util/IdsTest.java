package eu.aifactory.server.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ordered ids sort by the time they were made for, look like every other id, and stay unique within one instant. */
class IdsTest {

    private static final long DEC_2026 = 1_796_000_000_000L;

    @Test
    void orderedIdsSortByTheirTimeAndHaveTheUsualShape() {
        String earlier = Ids.ordered("wl", DEC_2026);
        String later = Ids.ordered("wl", DEC_2026 + 1);
        String muchLater = Ids.ordered("wl", DEC_2026 + 86_400_000L * 365 * 30);

        assertThat(earlier).isLessThan(later);
        assertThat(later).isLessThan(muchLater);
        assertThat(earlier).matches("wl-[0-9a-hjkmnp-tv-z]{20}").hasSameSizeAs(Ids.next("wl"));
    }

    @Test
    void orderedIdsOfOneInstantDifferInTheirRandomPart() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            ids.add(Ids.ordered("wl", DEC_2026));
        }
        assertThat(ids).hasSize(1_000).allMatch(id -> id.startsWith(Ids.ordered("wl", DEC_2026).substring(0, 12)));
    }
}
