package eu.aifactory.server.support;

import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.seed.DemoUser;
import eu.aifactory.server.seed.SeedSource;
import eu.aifactory.testing.TestClock;
import org.jdbi.v3.core.Jdbi;

/** A factory on a fresh database with the small fixture seed, on the {@link TestClock}, and a client for it. */
public final class TestFactory implements AutoCloseable {

    public static final SeedSource FIXTURE = SeedSource.at("/eu/aifactory/server/fixture/");

    public final FactoryServer server;
    public final Api api;
    /** Direct access to the factory's database, for checks the API does not expose (samples, stored hashes). */
    public final Jdbi jdbi;

    private TestFactory(FactoryServer server, String jdbcUrl) {
        this.server = server;
        this.api = new Api(server.baseUri());
        this.jdbi = Jdbi.create(jdbcUrl);
    }

    public static TestFactory start(TestDatabases.Kind kind, double timeScale) {
        return start(new ServerConfig("127.0.0.1", 0, TestDatabases.freshUrl(kind), null, true, timeScale), 15_000);
    }

    public static TestFactory start(ServerConfig config, long keepAliveMs) {
        return start(config, keepAliveMs, TestClock.clock());
    }

    public static TestFactory start(ServerConfig config, long keepAliveMs, java.time.Clock clock) {
        return new TestFactory(FactoryServer.start(config, FIXTURE, keepAliveMs, clock), config.jdbcUrl());
    }

    public String token(String userId) {
        return server.demoUsers().stream().filter(u -> u.userId().equals(userId)).map(DemoUser::token).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo user " + userId));
    }

    @Override
    public void close() {
        server.close();
    }
}
