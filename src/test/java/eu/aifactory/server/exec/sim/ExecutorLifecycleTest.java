package eu.aifactory.server.exec.sim;

import eu.aifactory.server.support.TestDatabases;
import org.junit.jupiter.api.Nested;

/** The executor's lifecycle on H2 and on PostgreSQL. */
class ExecutorLifecycleTest {

    @Nested
    class OnH2 extends ExecutorLifecycleContract {
        OnH2() {
            super(TestDatabases.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends ExecutorLifecycleContract {
        OnPostgres() {
            super(TestDatabases.Kind.POSTGRES);
        }
    }
}
