package eu.aifactory.server.operator;

import eu.aifactory.server.support.TestDatabases;
import org.junit.jupiter.api.Nested;

/** Operator access approval on H2 and on PostgreSQL: the row locks and the state queries must behave the same. */
class AccessApprovalTest {

    @Nested
    class OnH2 extends AccessApprovalContract {
        OnH2() {
            super(TestDatabases.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends AccessApprovalContract {
        OnPostgres() {
            super(TestDatabases.Kind.POSTGRES);
        }
    }
}
