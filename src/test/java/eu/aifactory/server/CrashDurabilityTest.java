package eu.aifactory.server;

import eu.aifactory.server.support.TestDatabases;
import org.junit.jupiter.api.Nested;

/** {@code kill -9} of a factory process loses no acknowledged submit, on an H2 file and on PostgreSQL. */
class CrashDurabilityTest {

    @Nested
    class OnH2 extends CrashDurabilityContract {
        OnH2() {
            super(TestDatabases.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends CrashDurabilityContract {
        OnPostgres() {
            super(TestDatabases.Kind.POSTGRES);
        }
    }
}
