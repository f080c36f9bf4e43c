package eu.aifactory.server.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Fresh databases for tests: an in-memory H2, or a new database on one embedded PostgreSQL shared by the JVM. */
public final class TestDatabases {

    public enum Kind { H2, POSTGRES }

    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    public static String freshUrl(Kind kind) {
        return switch (kind) {
            case H2 -> "jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            case POSTGRES -> freshPostgres();
        };
    }

    /**
     * A database on a separate embedded PostgreSQL that syncs every commit to disk (the library's default turns fsync
     * off to be quick in tests), for durability figures in benchmarks.
     */
    public static synchronized String durablePostgresUrl() {
        try {
            EmbeddedPostgres durable = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    durable.close();
                } catch (IOException e) {
                    // The JVM is going away; the temporary cluster directory is removed by the library.
                }
            }));
            return durable.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    private static synchronized String freshPostgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        // The JVM is going away; the temporary cluster directory is removed by the library.
                    }
                }));
            }
            String name = "factory_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return postgres.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
    }
}
