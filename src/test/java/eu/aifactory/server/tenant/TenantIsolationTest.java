package eu.aifactory.server.tenant;

import eu.aifactory.server.support.TestDatabases;
import org.junit.jupiter.api.Nested;

/** Tenant isolation on H2 and on PostgreSQL: the same SQL must behave the same on both. */
class TenantIsolationTest {

    @Nested
    class OnH2 extends TenantIsolationContract {
        OnH2() {
            super(TestDatabases.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends TenantIsolationContract {
        OnPostgres() {
            super(TestDatabases.Kind.POSTGRES);
        }
    }
}
