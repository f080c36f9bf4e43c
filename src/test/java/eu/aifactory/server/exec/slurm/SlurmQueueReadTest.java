package eu.aifactory.server.exec.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import eu.aifactory.server.workload.WorkloadRow;
import eu.aifactory.server.workload.WorkloadStore;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the Slurm engine reads of the queue on each pass: the queued workloads still to hand over, never the head of
 * those already waiting in Slurm (which can be longer than a pass reads), and the rows of the ones it follows by id.
 */
class SlurmQueueReadTest {

    /** No resource plan offers it, so the factory's own engine leaves these workloads queued. */
    private static final String GPU_CLASS = "queue-read-test";

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {

        private final TestDatabases.Kind kind;
        private TestFactory factory;
        private WorkloadStore store;
        private SlurmJobStore jobs;

        Contract(TestDatabases.Kind kind) {
            this.kind = kind;
        }

        @BeforeAll
        void start() {
            factory = TestFactory.start(kind, 1);
            store = new WorkloadStore(factory.jdbi);
            jobs = new SlurmJobStore(factory.jdbi);
        }

        @AfterAll
        void stop() {
            factory.close();
        }

        @Test
        void aPassReadsTheQueuedWorkloadsWithoutAJobAndTheOthersById() {
            String tenant = factory.jdbi.withHandle(h -> h.createQuery("SELECT tenant_id FROM users WHERE id = 'acme-admin'")
                    .mapTo(String.class).one());
            String template = factory.jdbi.withHandle(h -> h.createQuery("SELECT id FROM workloads WHERE tenant_id = :t "
                    + "ORDER BY id LIMIT 1").bind("t", tenant).mapTo(String.class).one());
            WorkloadRow t = store.find(tenant, template).orElseThrow();
            List<WorkloadRow> queued = List.of(queued(t, "wl-qr-waiting", 1), queued(t, "wl-qr-new", 2),
                    queued(t, "wl-qr-again", 3));
            factory.jdbi.useHandle(h -> {
                queued.forEach(w -> store.insert(h, w));
                jobs.insert(h, "wl-qr-waiting", 41, "/jobs/wl-qr-waiting", 1);
                jobs.insert(h, "wl-qr-again", 42, "/jobs/wl-qr-again", 1);
                jobs.finish(h, "wl-qr-again");
            });

            assertThat(jobs.queuedWithoutJob(GPU_CLASS, 10)).containsExactly("wl-qr-new", "wl-qr-again");
            assertThat(jobs.queuedWithoutJob(GPU_CLASS, 1)).containsExactly("wl-qr-new");
            List<WorkloadRow> rows = store.byIds(List.of("wl-qr-again", "wl-qr-gone", "wl-qr-waiting"));
            assertThat(rows).extracting(WorkloadRow::id).containsExactly("wl-qr-again", "wl-qr-waiting");
            assertThat(rows).allSatisfy(w -> {
                assertThat(w.status()).isEqualTo(WorkloadStatus.QUEUED);
                assertThat(w.tenantId()).isEqualTo(tenant);
                assertThat(w.gpuClass()).isEqualTo(GPU_CLASS);
            });
        }

        @Test
        void aHandOverReadsItsTenantsWholeRowsByIdAndStoresAnArraysRecordsInOneBatch() {
            String tenant = factory.jdbi.withHandle(h -> h.createQuery("SELECT tenant_id FROM users WHERE id = 'acme-admin'")
                    .mapTo(String.class).one());
            String template = factory.jdbi.withHandle(h -> h.createQuery("SELECT id FROM workloads WHERE tenant_id = :t "
                    + "AND parameters_json <> '{}' ORDER BY id LIMIT 1").bind("t", tenant).mapTo(String.class).one());
            String otherTenants = factory.jdbi.withHandle(h -> h.createQuery("SELECT id FROM workloads WHERE tenant_id <> :t "
                    + "ORDER BY id LIMIT 1").bind("t", tenant).mapTo(String.class).one());
            WorkloadRow t = store.find(tenant, template).orElseThrow();
            factory.jdbi.useHandle(h -> {
                store.insert(h, queued(t, "wl-ho-a", 1));
                store.insert(h, queued(t, "wl-ho-b", 2));
            });

            // Another tenant's workload and one that does not exist are left out; the rows are whole (parameters too).
            var rows = store.find(tenant, List.of("wl-ho-b", otherTenants, "wl-ho-gone", "wl-ho-a"));
            assertThat(rows).containsOnlyKeys("wl-ho-a", "wl-ho-b");
            assertThat(rows.get("wl-ho-a").parameters()).isEqualTo(t.parameters()).isNotEmpty();
            assertThat(rows.get("wl-ho-b").submittedByName()).isEqualTo(t.submittedByName());

            List<SlurmJobStore.JobRecord> records = List.of(
                    new SlurmJobStore.JobRecord("wl-ho-a", 77, 0, "aif-array-ho", "/jobs/wl-ho-a", 0, 0, false, 5),
                    new SlurmJobStore.JobRecord("wl-ho-b", 77, 1, "aif-array-ho", "/jobs/wl-ho-b", 0, 0, false, 5));
            factory.jdbi.useTransaction(h -> jobs.insert(h, records));
            assertThat(jobs.unfinished()).filteredOn(r -> r.workloadId().startsWith("wl-ho-"))
                    .containsExactlyInAnyOrderElementsOf(records);
        }

        private static WorkloadRow queued(WorkloadRow t, String id, long createdAt) {
            return new WorkloadRow(id, t.tenantId(), t.projectId(), t.submittedBy(), null, id, t.appId(), t.appVersion(),
                    t.planId(), GPU_CLASS, t.gpuCount(), t.priority(), t.parameters(), t.inputs(), WorkloadStatus.QUEUED,
                    "waiting", createdAt, null, null, t.expectedRuntimeS(), 0, null, null, BigDecimal.ZERO, 0, 0, 0, 0);
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
