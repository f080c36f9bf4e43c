package eu.aifactory.server.workload;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.server.db.Database;
import eu.aifactory.server.support.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events leave the hub strictly in id order, even when ids commit out of order. */
class EventHubTest {

    private Database database;
    private WorkloadStore store;
    private MutableClock clock;
    private EventHub hub;

    static final class MutableClock extends Clock {
        long millis = 1_000_000;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.freshUrl(TestDatabases.Kind.H2));
        store = new WorkloadStore(database.jdbi());
        clock = new MutableClock();
        // Not started: the test drives pump() itself.
        hub = new EventHub(store, clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void insertEvent(long id) {
        // One tenant: its sequence numbers equal the positions, so the test reads either.
        database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO events (id, tenant_id, seq, project_id, workload_id, status, "
                        + "reason, at) VALUES (:id, 't', :id, 'p', 'w', 'QUEUED', 'r', 1)")
                .bind("id", id).execute());
    }

    private List<Long> drain(EventHub.Subscriber subscriber) {
        List<StoredEvent> events = new ArrayList<>();
        subscriber.drainTo(events, Integer.MAX_VALUE);
        return events.stream().map(e -> e.event().id()).toList();
    }

    @Test
    void aGapHoldsLaterEventsBackUntilItFillsOrTimesOut() {
        EventHub.Subscriber subscriber = hub.subscribe(new EventHub.Subscriber("t", e -> true));
        insertEvent(1);
        insertEvent(2);
        insertEvent(4);
        hub.pump();
        assertThat(drain(subscriber)).containsExactly(1L, 2L);

        insertEvent(3);
        hub.pump();
        assertThat(drain(subscriber)).containsExactly(3L, 4L);

        insertEvent(6);
        hub.pump();
        assertThat(drain(subscriber)).isEmpty();
        clock.millis += EventHub.GAP_TIMEOUT_MS + 1;
        hub.pump();
        assertThat(drain(subscriber)).containsExactly(6L);
        assertThat(hub.watermark()).isEqualTo(6);
    }

    @Test
    void subscribersHearOnlyTheirTenantAndWhatTheyMaySee() {
        EventHub.Subscriber other = hub.subscribe(new EventHub.Subscriber("other", e -> true));
        EventHub.Subscriber blind = hub.subscribe(new EventHub.Subscriber("t", e -> false));
        insertEvent(1);
        hub.pump();
        assertThat(drain(other)).isEmpty();
        assertThat(drain(blind)).isEmpty();
    }
}
