package eu.aifactory.server.residency;

import eu.aifactory.server.support.TestDatabases;
import org.junit.jupiter.api.Nested;

/** The residency API on H2 and on PostgreSQL: the residency SQL must behave the same on both. */
class ResidencyApiTest {

    @Nested
    class OnH2 extends ResidencyApiContract {
        OnH2() {
            super(TestDatabases.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends ResidencyApiContract {
        OnPostgres() {
            super(TestDatabases.Kind.POSTGRES);
        }
    }
}
