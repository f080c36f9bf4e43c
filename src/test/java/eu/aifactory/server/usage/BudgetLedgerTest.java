package eu.aifactory.server.usage;

import eu.aifactory.server.support.TestDatabases;
import org.junit.jupiter.api.Nested;

/** The budget ledger against the usage and energy reports, on H2 and on PostgreSQL. */
class BudgetLedgerTest {

    @Nested
    class OnH2 extends BudgetLedgerContract {
        OnH2() {
            super(TestDatabases.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends BudgetLedgerContract {
        OnPostgres() {
            super(TestDatabases.Kind.POSTGRES);
        }
    }
}
