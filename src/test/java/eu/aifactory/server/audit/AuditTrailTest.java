package eu.aifactory.server.audit;

import eu.aifactory.server.support.TestDatabases;
import org.junit.jupiter.api.Nested;

/** The audit trail on H2 and on PostgreSQL. */
class AuditTrailTest {

    @Nested
    class OnH2 extends AuditTrailContract {
        OnH2() {
            super(TestDatabases.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends AuditTrailContract {
        OnPostgres() {
            super(TestDatabases.Kind.POSTGRES);
        }
    }
}
