package eu.aifactory.server.usage;

import eu.aifactory.server.support.TestDatabases;
import org.junit.jupiter.api.Nested;

/** Usage, budgets, quotas and administration on H2 and on PostgreSQL. */
class UsageBudgetTest {

    @Nested
    class OnH2 extends UsageBudgetContract {
        OnH2() {
            super(TestDatabases.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends UsageBudgetContract {
        OnPostgres() {
            super(TestDatabases.Kind.POSTGRES);
        }
    }
}
