package eu.aifactory.contract;

import eu.aifactory.server.support.TestDatabases;

/** The contract against the embedded default database, H2. */
class H2ContractTest extends AbstractContractTest {

    @Override
    String freshJdbcUrl() {
        return TestDatabases.freshUrl(TestDatabases.Kind.H2);
    }
}
