package eu.aifactory.server.energy;

import eu.aifactory.server.support.TestDatabases;
import org.junit.jupiter.api.Nested;

/** Provenance, rule versions, site evidence and carbon per unit on H2 and on PostgreSQL. */
class AuditableEnergyTest {

    @Nested
    class OnH2 extends AuditableEnergyContract {
        OnH2() {
            super(TestDatabases.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends AuditableEnergyContract {
        OnPostgres() {
            super(TestDatabases.Kind.POSTGRES);
        }
    }
}
