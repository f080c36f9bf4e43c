package eu.aifactory.server.energy;

import eu.aifactory.server.support.TestDatabases;
import org.junit.jupiter.api.Nested;

/** The energy routes on H2 and on PostgreSQL: the same SQL must give the same figures on both. */
class EnergyRoutesTest {

    @Nested
    class OnH2 extends EnergyRoutesContract {
        OnH2() {
            super(TestDatabases.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends EnergyRoutesContract {
        OnPostgres() {
            super(TestDatabases.Kind.POSTGRES);
        }
    }
}
