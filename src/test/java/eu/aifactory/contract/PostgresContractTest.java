package eu.aifactory.contract;

import eu.aifactory.server.support.TestDatabases;

/** The contract against a real PostgreSQL, so nothing H2-only creeps into the SQL. */
class PostgresContractTest extends AbstractContractTest {

    @Override
    String freshJdbcUrl() {
        return TestDatabases.freshUrl(TestDatabases.Kind.POSTGRES);
    }
}
