package eu.aifactory.server.workload;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.server.support.TestDatabases;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Event ids per tenant: V50 numbers a database's existing events 1..n per tenant in their old order, and new events
 * continue each tenant's own sequence, on H2 and PostgreSQL.
 */
class EventSequenceTest {

    abstract static class Contract {

        private final TestDatabases.Kind kind;

        Contract(TestDatabases.Kind kind) {
            this.kind = kind;
        }

        @Test
        void theMigrationNumbersExistingEventsPerTenantAndNewOnesContinue() {
            String url = TestDatabases.freshUrl(kind);
            Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("40").load().migrate();
            Jdbi jdbi = Jdbi.create(url);
            jdbi.useHandle(h -> {
                for (String tenant : List.of("a", "b", "quiet")) {
                    h.execute("INSERT INTO tenants (id, name, created_at) VALUES (?, ?, 1)", tenant, "Tenant " + tenant);
                }
                // Interleaved, as tenants' events are in one global sequence before the migration.
                for (String tenant : List.of("a", "b", "a", "a", "b")) {
                    h.execute("INSERT INTO events (tenant_id, project_id, workload_id, status, reason, at) "
                            + "VALUES (?, 'p', 'w', 'QUEUED', 'r', 1)", tenant);
                }
            });

            Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();

            List<String> numbered = jdbi.withHandle(h -> h.createQuery("SELECT tenant_id, seq FROM events ORDER BY id")
                    .map((rs, ctx) -> rs.getString(1) + rs.getLong(2)).list());
            assertThat(numbered).containsExactly("a1", "b1", "a2", "a3", "b2");
            Map<String, Long> counters = jdbi.withHandle(h -> h.createQuery("SELECT tenant_id, last_seq FROM event_sequences")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            assertThat(counters).containsExactlyInAnyOrderEntriesOf(Map.of("a", 3L, "b", 2L, "quiet", 0L));

            jdbi.useTransaction(h -> {
                assertThat(WorkloadStore.nextEventSeqs(h, "b", 1)).isEqualTo(3);
                assertThat(WorkloadStore.nextEventSeqs(h, "quiet", 1)).isEqualTo(1);
                // A tenant without a counter row (created by hand) starts its own.
                assertThat(WorkloadStore.nextEventSeqs(h, "new", 2)).isEqualTo(1);
                assertThat(WorkloadStore.nextEventSeqs(h, "new", 1)).isEqualTo(3);
                assertThat(WorkloadStore.nextEventSeqs(h, "a", 1)).isEqualTo(4);
            });
            // A rolled-back transaction gives its numbers back: the sequence stays dense.
            try {
                jdbi.useTransaction(h -> {
                    assertThat(WorkloadStore.nextEventSeqs(h, "a", 5)).isEqualTo(5);
                    throw new IllegalStateException("roll back");
                });
            } catch (IllegalStateException expected) {
                // The rollback is the point.
            }
            jdbi.useTransaction(h -> assertThat(WorkloadStore.nextEventSeqs(h, "a", 1)).isEqualTo(5));
        }
    }

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(TestDatabases.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(TestDatabases.Kind.POSTGRES);
        }
    }
}
