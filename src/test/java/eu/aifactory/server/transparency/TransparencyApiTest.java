package eu.aifactory.server.transparency;

import eu.aifactory.server.support.TestDatabases;
import org.junit.jupiter.api.Nested;

/** The transparency log on H2 and on PostgreSQL: the head lock and the catch-up SQL must behave the same on both. */
class TransparencyApiTest {

    @Nested
    class OnH2 extends TransparencyApiContract {
        OnH2() {
            super(TestDatabases.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends TransparencyApiContract {
        OnPostgres() {
            super(TestDatabases.Kind.POSTGRES);
        }
    }
}
