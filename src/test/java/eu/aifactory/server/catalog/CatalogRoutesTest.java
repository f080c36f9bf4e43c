package eu.aifactory.server.catalog;

import eu.aifactory.server.support.TestDatabases;
import org.junit.jupiter.api.Nested;

/** The catalog routes on H2 and on PostgreSQL: the same SQL must behave the same on both. */
class CatalogRoutesTest {

    @Nested
    class OnH2 extends CatalogRoutesContract {
        OnH2() {
            super(TestDatabases.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends CatalogRoutesContract {
        OnPostgres() {
            super(TestDatabases.Kind.POSTGRES);
        }
    }
}
