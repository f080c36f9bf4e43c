package eu.aifactory.server.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/**
 * A plain JDBC batch for bulk loads of many small rows (power samples, log lines), where binding through JDBI's
 * argument factories costs more than the insert itself. Flushes every {@value #CHUNK} rows.
 */
public final class RawBatch implements AutoCloseable {

    private static final int CHUNK = 5_000;

    private final PreparedStatement statement;
    private int pending;
    private int column;

    public RawBatch(Handle handle, String sql) {
        try {
            Connection connection = handle.getConnection();
            this.statement = connection.prepareStatement(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare " + sql, e);
        }
    }

    public RawBatch set(String value) {
        try {
            statement.setString(++column, value);
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public RawBatch set(long value) {
        try {
            statement.setLong(++column, value);
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public RawBatch set(int value) {
        try {
            statement.setInt(++column, value);
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends the current row. */
    public void add() {
        try {
            statement.addBatch();
            column = 0;
            if (++pending >= CHUNK) {
                flush();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void flush() {
        if (pending == 0) {
            return;
        }
        try {
            statement.executeBatch();
            pending = 0;
        } catch (SQLException e) {
            throw new IllegalStateException("batch insert failed", e);
        }
    }

    /** Flushes what is left and releases the statement. */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            try {
                statement.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
