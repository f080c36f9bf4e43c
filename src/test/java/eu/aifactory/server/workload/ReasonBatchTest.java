package eu.aifactory.server.workload;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The engine's reasons for many pending workloads are written as one batch: only workloads still in the status they
 * were read in change, each gets one event, numbered on from the tenant's sequence without gaps, on H2 and PostgreSQL.
 */
class ReasonBatchTest {

    /** No resource plan offers it, so the factory's own engine leaves these workloads alone. */
    private static final String GPU_CLASS = "reason-batch-test";

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {

        private final TestDatabases.Kind kind;
        private TestFactory factory;
        private WorkloadStore store;

        Contract(TestDatabases.Kind kind) {
            this.kind = kind;
        }

        @BeforeAll
        void start() {
            factory = TestFactory.start(kind, 1);
            store = new WorkloadStore(factory.jdbi);
        }

        @AfterAll
        void stop() {
            factory.close();
        }

        @Test
        void onlyWorkloadsStillInTheirStatusChangeAndEachGetsTheNextEventNumber() {
            String tenant = factory.jdbi.withHandle(h -> h.createQuery("SELECT tenant_id FROM users WHERE id = 'acme-admin'")
                    .mapTo(String.class).one());
            String template = factory.jdbi.withHandle(h -> h.createQuery("SELECT id FROM workloads WHERE tenant_id = :t "
                    + "ORDER BY id LIMIT 1").bind("t", tenant).mapTo(String.class).one());
            WorkloadRow t = store.find(tenant, template).orElseThrow();
            WorkloadRow first = queued(t, "wl-rb-1");
            WorkloadRow started = queued(t, "wl-rb-2");
            WorkloadRow second = queued(t, "wl-rb-3");
            factory.jdbi.useHandle(h -> List.of(first, started, second).forEach(w -> store.insert(h, w)));
            // Started by someone else after the engine read it as queued: its reason is no longer the engine's to write.
            factory.jdbi.useHandle(h -> h.execute("UPDATE workloads SET status = 'RUNNING' WHERE id = 'wl-rb-2'"));
            long lastSeq = factory.jdbi.withHandle(h -> h.createQuery("SELECT last_seq FROM event_sequences "
                    + "WHERE tenant_id = :t").bind("t", tenant).mapTo(Long.class).one());
            AtomicInteger heard = new AtomicInteger();
            store.onEvent(heard::incrementAndGet);

            factory.jdbi.useTransaction(h -> store.updateReasons(h, List.of(
                    new WorkloadStore.ReasonChange(second, "Slurm job 7_1 is waiting for free GPUs"),
                    new WorkloadStore.ReasonChange(started, "Slurm job 7_2 is waiting for free GPUs"),
                    new WorkloadStore.ReasonChange(first, "Slurm job 7_0 is waiting for free GPUs")), 5_000));

            List<String> reasons = factory.jdbi.withHandle(h -> h.createQuery("SELECT id || ' ' || status_reason "
                    + "FROM workloads WHERE id LIKE 'wl-rb-%' ORDER BY id").mapTo(String.class).list());
            assertThat(reasons).containsExactly("wl-rb-1 Slurm job 7_0 is waiting for free GPUs", "wl-rb-2 waiting",
                    "wl-rb-3 Slurm job 7_1 is waiting for free GPUs");
            List<String> events = factory.jdbi.withHandle(h -> h.createQuery("SELECT workload_id || ' ' || status || ' ' "
                    + "|| (seq - :last) FROM events WHERE tenant_id = :t AND seq > :last ORDER BY seq")
                    .bind("t", tenant).bind("last", lastSeq).mapTo(String.class).list());
            assertThat(events).containsExactly("wl-rb-1 QUEUED 1", "wl-rb-3 QUEUED 2");
            assertThat(heard).hasValue(1);
        }

        private static WorkloadRow queued(WorkloadRow t, String id) {
            return new WorkloadRow(id, t.tenantId(), t.projectId(), t.submittedBy(), null, id, t.appId(), t.appVersion(),
                    t.planId(), GPU_CLASS, t.gpuCount(), t.priority(), t.parameters(), t.inputs(), WorkloadStatus.QUEUED,
                    "waiting", 1, null, null, t.expectedRuntimeS(), 0, null, null, BigDecimal.ZERO, 0, 0, 0, 0);
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
