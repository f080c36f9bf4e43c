package eu.aifactory.server.workload;

import eu.aifactory.server.support.TestDatabases;
import org.junit.jupiter.api.Nested;

/** The workload routes on H2 and on PostgreSQL: the same SQL must behave the same on both. */
class WorkloadRoutesTest {

    @Nested
    class OnH2 extends WorkloadRoutesContract {
        OnH2() {
            super(TestDatabases.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends WorkloadRoutesContract {
        OnPostgres() {
            super(TestDatabases.Kind.POSTGRES);
        }
    }
}
