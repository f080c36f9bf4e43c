package eu.aifactory.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connection pool, the migrated schema and the JDBI handle factory of one factory database. */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** The most submits committed together: enough for every request thread at once, small enough to lock briefly. */
    private static final int GROUP_COMMIT_MAX = 64;
    private static final int H2_QUERY_CACHE = 64;
    private static final int H2_IDENTITY_CACHE = 1024;

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean h2InMemory;
    private final String product;
    private final GroupCommit groupCommit;
    private final boolean flywayRan;

    private Database(HikariDataSource dataSource, boolean h2InMemory, boolean flywayRan) {
        this.dataSource = dataSource;
        this.flywayRan = flywayRan;
        this.jdbi = Jdbi.create(dataSource);
        // Optional filters bind their values whether or not the SQL built for a request uses them.
        this.jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        this.h2InMemory = h2InMemory;
        this.product = jdbi.withHandle(h -> {
            try {
                return h.getConnection().getMetaData().getDatabaseProductName();
            } catch (SQLException e) {
                return "unknown";
            }
        });
        this.groupCommit = new GroupCommit(jdbi, GROUP_COMMIT_MAX, "factory-group-commit");
    }

    /**
     * Opens the pool and brings the schema to the newest migration. A persistent H2 database runs with WRITE_DELAY=0
     * and PostgreSQL with synchronous_commit on, so a committed write survives a crash of the factory; a URL that
     * asks otherwise is refused (see {@link Durability}).
     */
    public static Database open(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(withQueryCache(Durability.connectUrl(jdbcUrl)));
        config.setPoolName("factory-db");
        config.setMaximumPoolSize(16);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(10_000);
        Durability.configure(config, jdbcUrl);
        HikariDataSource dataSource;
        long begun = System.nanoTime();
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw Durability.explain(e, jdbcUrl);
        }
        try {
            Durability.check(dataSource, jdbcUrl);
            long opened = System.nanoTime();
            Optional<String> migrations = SchemaCheck.migrations(Database.class.getClassLoader());
            boolean unchanged = migrations.isPresent() && SchemaCheck.unchanged(dataSource, migrations.get());
            if (!unchanged) {
                Flyway.configure()
                        .dataSource(dataSource)
                        .locations("classpath:" + SchemaCheck.LOCATION)
                        .load()
                        .migrate();
                migrations.ifPresent(digest -> SchemaCheck.record(dataSource, digest));
                widenH2IdentityCaches(dataSource);
            }
            long migrated = System.nanoTime();
            Database database = new Database(dataSource, jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:"),
                    !unchanged);
            LOG.info("Database ready ({}; opened in {} ms, schema {} in {} ms)", database.product,
                    (opened - begun) / 1_000_000, unchanged ? "unchanged since the last migration, checked"
                            : "migrated and validated by Flyway", (migrated - opened) / 1_000_000);
            return database;
        } catch (FlywayValidateException e) {
            dataSource.close();
            throw new IncompatibleSchemaException("The database at " + jdbcUrl.replaceAll("(?i)password=[^;&]*", "password=***")
                    + " was created by a different build of the factory: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * H2 writes an identity column's next value to its schema, in a commit of its own (a chunk written to the file
     * with WRITE_DELAY=0), each time the column's cached values (32 by default) run out: in the Slurm submit benchmark
     * those commits for events and status history were an eighth of the group-commit thread's time. A cache of
     * {@value #H2_IDENTITY_CACHE} makes them rare; after a crash H2 goes on above the cache, so no id is used twice,
     * and the event pump steps over the one gap as over any rolled-back id. PostgreSQL caches identities per session,
     * which would commit event ids out of order: its columns stay as they are (see decision 0025). Run after
     * migrations only (a new database or a new migration), so an unchanged schema opens without the query.
     */
    static void widenH2IdentityCaches(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            if (!connection.getMetaData().getDatabaseProductName().equals("H2")) {
                return;
            }
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                    + "WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND IS_IDENTITY = 'YES' AND IDENTITY_CACHE < "
                    + H2_IDENTITY_CACHE)) {
                while (rs.next()) {
                    columns.add("ALTER TABLE \"" + rs.getString(1) + "\" ALTER COLUMN \"" + rs.getString(2)
                            + "\" SET CACHE " + H2_IDENTITY_CACHE);
                }
            }
            for (String alter : columns) {
                statement.execute(alter);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot widen the identity caches of the H2 database", e);
        }
    }

    /** Transactions for services and engines; stores get the handle of the one they run in. */
    public Transactions transactions() {
        return new Transactions(jdbi);
    }

    /**
     * H2 parses again every statement its session has not kept; it keeps 8 by default, fewer than one submit runs
     * (about a dozen), so each submit would parse most of them. An operator's own QUERY_CACHE_SIZE stays.
     */
    static String withQueryCache(String jdbcUrl) {
        boolean h2 = jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:");
        return h2 && !jdbcUrl.toUpperCase(Locale.ROOT).contains(";QUERY_CACHE_SIZE=")
                ? jdbcUrl + ";QUERY_CACHE_SIZE=" + H2_QUERY_CACHE : jdbcUrl;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Commits short write transactions of concurrent requests together (see {@link GroupCommit}). */
    public GroupCommit groupCommit() {
        return groupCommit;
    }

    /** False when this open found the schema as the last migration left it (see {@link SchemaCheck}) and skipped Flyway. */
    public boolean flywayRan() {
        return flywayRan;
    }

    public String product() {
        return product;
    }

    /** True when the database answers a trivial query. */
    public boolean isUp() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (dataSource.isClosed()) {
            return;
        }
        groupCommit.close();
        if (h2InMemory) {
            // DB_CLOSE_DELAY=-1 keeps an in-memory database until shutdown; free it with the server.
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                LOG.debug("In-memory database shutdown: {}", e.getMessage());
            }
        }
        dataSource.close();
    }

    /** True when {@code e} (or a cause) is a unique-key violation, SQLSTATE 23505 on both H2 and PostgreSQL. */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
