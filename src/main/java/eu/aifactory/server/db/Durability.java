package eu.aifactory.server.db;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Makes a commit durable before the factory answers: a 2xx to a write promises the change survives a crash of the
 * factory process. Whatever URL the operator gives, the database is either set up to keep that promise or refused.
 */
final class Durability {

    private static final Pattern H2_WRITE_DELAY = Pattern.compile("(?i);\\s*WRITE_DELAY\\s*=\\s*([^;]*)");
    /** H2's error code for "Admin rights are required for this operation". */
    private static final int H2_ADMIN_RIGHTS_REQUIRED = 90040;

    private Durability() {
    }

    enum Engine { H2_MEMORY, H2_PERSISTENT, POSTGRES, OTHER }

    static Engine engine(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:mem:")) {
            return Engine.H2_MEMORY;
        }
        if (url.startsWith("jdbc:h2:")) {
            return Engine.H2_PERSISTENT;
        }
        return url.startsWith("jdbc:postgresql:") ? Engine.POSTGRES : Engine.OTHER;
    }

    /**
     * The URL to connect with. H2 defaults to WRITE_DELAY=500: its MVStore writes a commit to the file up to half a
     * second later, so a {@code kill -9} loses commits already answered. With WRITE_DELAY=0 every commit stores its
     * chunk before the commit returns; H2 applies a URL setting to each connection, so no connection runs without it.
     * A URL that asks for another delay is refused rather than quietly changed.
     */
    static String connectUrl(String jdbcUrl) {
        if (engine(jdbcUrl) != Engine.H2_PERSISTENT) {
            return jdbcUrl;
        }
        Matcher delay = H2_WRITE_DELAY.matcher(jdbcUrl);
        if (!delay.find()) {
            return jdbcUrl + ";WRITE_DELAY=0";
        }
        if (!delay.group(1).strip().equals("0")) {
            throw new IllegalArgumentException("The H2 URL sets WRITE_DELAY=" + delay.group(1).strip()
                    + ": H2 would write a commit to disk only that many milliseconds after the factory confirmed it, "
                    + "and a crash in between would lose it. Remove WRITE_DELAY from the URL; the factory runs H2 "
                    + "with WRITE_DELAY=0.");
        }
        return jdbcUrl;
    }

    /**
     * PostgreSQL answers a commit before its WAL record is flushed when {@code synchronous_commit} is off (a server,
     * database, role or URL option may set that), so a server crash then loses confirmed work. Each connection turns
     * it back on; the stronger levels (remote_write, remote_apply) and {@code local} also flush locally and stay.
     */
    static void configure(HikariConfig config, String jdbcUrl) {
        if (engine(jdbcUrl) == Engine.POSTGRES) {
            config.setConnectionInitSql("SELECT set_config('synchronous_commit', 'on', false) "
                    + "WHERE current_setting('synchronous_commit') = 'off'");
        }
    }

    /**
     * Refuses an H2 database that still runs with a write delay: a user without admin rights cannot set it, and with
     * IGNORE_UNKNOWN_SETTINGS H2 would not say so. (PostgreSQL lets every user set synchronous_commit.)
     */
    static void check(DataSource dataSource, String jdbcUrl) {
        if (engine(jdbcUrl) != Engine.H2_PERSISTENT) {
            return;
        }
        // Two rows: the stored setting and the delay in force; both must be 0.
        String delay;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                     + "WHERE SETTING_NAME = 'WRITE_DELAY' AND SETTING_VALUE <> '0'")) {
            delay = rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read H2's WRITE_DELAY: " + e.getMessage(), e);
        }
        if (delay != null) {
            throw new IllegalStateException("H2 runs with WRITE_DELAY=" + delay + ", so a crash would lose commits the "
                    + "factory already confirmed; the factory's H2 user needs admin rights to set WRITE_DELAY=0.");
        }
    }

    /** Explains why H2 refused the factory's connection, when the cause is the missing right to set WRITE_DELAY. */
    static RuntimeException explain(RuntimeException e, String jdbcUrl) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (engine(jdbcUrl) == Engine.H2_PERSISTENT && t instanceof SQLException sql
                    && sql.getErrorCode() == H2_ADMIN_RIGHTS_REQUIRED) {
                return new IllegalStateException("The factory runs H2 with WRITE_DELAY=0 so that no confirmed commit "
                        + "is lost in a crash, and setting it needs an H2 user with admin rights: " + sql.getMessage(), e);
            }
        }
        return e;
    }
}
