package eu.aifactory.server.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * A copy of every table of an H2 factory database, kept in a schema of its own in the same database, and the way
 * back to it: a trade-fair kiosk puts the demo factory back to its seeded state after each visitor. Restoring
 * rewrites only the tables that differ from the copy, children before parents and parents before children, in one
 * transaction, so a reader sees either the visitor's data or the seeded data and never a mix.
 */
public final class DemoSnapshot {

    static final String SCHEMA = "DEMO_SNAPSHOT";
    private static final Set<String> NOT_COPIED = Set.of("flyway_schema_history", "factory_schema_check");

    private final Jdbi jdbi;
    /** The tables in an order where every table comes after the tables it references. */
    private final List<String> parentsFirst;
    /** Each table's primary key columns; tables without one are absent. */
    private final Map<String, List<String>> primaryKeys;
    /** Each table's columns in order. */
    private final Map<String, List<String>> columns;
    /**
     * H2's modification counter of each table when it last matched the copy: a table whose counter has not moved is
     * not looked at. Empty for a copy found from an earlier start, so its first restore looks at every table.
     */
    private Map<String, Long> matchedAt = Map.of();

    private DemoSnapshot(Jdbi jdbi, List<String> parentsFirst, Map<String, List<String>> primaryKeys,
                         Map<String, List<String>> columns) {
        this.jdbi = jdbi;
        this.parentsFirst = List.copyOf(parentsFirst);
        this.primaryKeys = Map.copyOf(primaryKeys);
        this.columns = Map.copyOf(columns);
    }

    private static DemoSnapshot of(Jdbi jdbi, Connection connection, List<String> tables) throws SQLException {
        try (Statement s = connection.createStatement()) {
            return new DemoSnapshot(jdbi, tables, primaryKeys(connection), columns(s, "PUBLIC"));
        }
    }

    /**
     * The copy an earlier start left in the database, if its tables and columns are still those of the schema;
     * otherwise a new copy taken now (see {@link #take}).
     */
    public static DemoSnapshot takeOrReuse(Jdbi jdbi) {
        boolean reusable = inConnection(jdbi, "Cannot read the demo snapshot", connection -> {
            try (Statement s = connection.createStatement()) {
                return columns(s, "PUBLIC").equals(columns(s, SCHEMA));
            }
        });
        if (!reusable) {
            return take(jdbi);
        }
        return inConnection(jdbi, "Cannot read the demo snapshot",
                connection -> of(jdbi, connection, parentsFirst(connection)));
    }

    /** Every copied table's columns in order, e.g. {@code WORKLOADS -> [ID, TENANT_ID, ...]}. */
    private static Map<String, List<String>> columns(Statement s, String schema) throws SQLException {
        Map<String, List<String>> columns = new HashMap<>();
        try (ResultSet rs = s.executeQuery("SELECT c.TABLE_NAME, c.COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS c "
                + "JOIN INFORMATION_SCHEMA.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME "
                + "WHERE c.TABLE_SCHEMA = '" + schema + "' AND t.TABLE_TYPE = 'BASE TABLE' "
                + "ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION")) {
            while (rs.next()) {
                if (!NOT_COPIED.contains(rs.getString(1).toLowerCase(Locale.ROOT))) {
                    columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return columns;
    }

    /**
     * Copies every table now; call it while nothing writes (before the engine starts). A copy left by an earlier
     * run is replaced.
     */
    public static DemoSnapshot take(Jdbi jdbi) {
        return inConnection(jdbi, "Cannot take a snapshot of the demo database", connection -> {
                requireH2(connection);
                List<String> tables = parentsFirst(connection);
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try (Statement s = connection.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                    s.execute("CREATE SCHEMA " + SCHEMA);
                    Map<String, List<String>> keys = primaryKeys(connection);
                    for (String table : tables) {
                        s.execute("CREATE TABLE " + SCHEMA + "." + table + " AS SELECT * FROM PUBLIC." + table);
                        if (keys.containsKey(table)) {
                            s.execute("CREATE UNIQUE INDEX " + SCHEMA + ".KEY_" + table + " ON " + SCHEMA + "." + table
                                    + " (" + String.join(", ", keys.get(table)) + ")");
                        }
                    }
                    connection.commit();
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
                DemoSnapshot taken = of(jdbi, connection, tables);
                taken.matchedAt = modifications(connection);
                return taken;
        });
    }

    /**
     * Puts every table back to the copy in one transaction and answers how many tables differed. Rows a visitor added
     * go (children first), rows changed or removed come back from the copy (parents first); a table without a primary
     * key is rewritten whole. Identity columns count on, so an id handed out to a visitor is never handed out again.
     * Rows are matched through the primary keys of the table and of its copy, so the cost follows the tables' sizes
     * in index look-ups, not in sorts.
     */
    public synchronized int restore() {
        return inConnection(jdbi, "Cannot restore the demo database", connection -> {
            Map<String, Long> modified = modifications(connection);
            boolean autoCommit = connection.getAutoCommit();
            try (Statement s = connection.createStatement()) {
                connection.setAutoCommit(false);
                Map<String, Delta> deltas = new LinkedHashMap<>();
                for (String table : parentsFirst) {
                    if (modified.get(table).equals(matchedAt.get(table))) {
                        continue;
                    }
                    Delta delta = delta(s, table);
                    if (delta.added() > 0 || delta.changedOrGone() > 0) {
                        deltas.put(table, delta);
                    }
                }
                List<String> changed = new ArrayList<>(deltas.keySet());
                for (int i = changed.size() - 1; i >= 0; i--) {
                    String table = changed.get(i);
                    if (!primaryKeys.containsKey(table)) {
                        s.executeUpdate("DELETE FROM PUBLIC." + table);
                    } else if (deltas.get(table).added() > 0) {
                        s.executeUpdate("DELETE FROM PUBLIC." + table + " p WHERE NOT EXISTS (SELECT 1 FROM " + SCHEMA
                                + "." + table + " s WHERE " + keyMatch(table) + ")");
                    }
                }
                for (String table : changed) {
                    if (!primaryKeys.containsKey(table)) {
                        s.executeUpdate("INSERT INTO PUBLIC." + table + " SELECT * FROM " + SCHEMA + "." + table);
                    } else if (deltas.get(table).changedOrGone() > 0) {
                        s.executeUpdate("MERGE INTO PUBLIC." + table + " KEY (" + String.join(", ", primaryKeys.get(table))
                                + ") SELECT s.* FROM " + SCHEMA + "." + table + " s LEFT JOIN PUBLIC." + table + " p ON "
                                + keyMatch(table) + " WHERE p." + primaryKeys.get(table).get(0) + " IS NULL OR "
                                + rowsDiffer(table));
                    }
                }
                connection.commit();
                matchedAt = modifications(connection);
                return changed.size();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    /**
     * How a table differs from its copy.
     *
     * @param added         rows whose key the copy does not have
     * @param changedOrGone rows of the copy that are missing or hold other values now
     */
    private record Delta(long added, long changedOrGone) {
    }

    /**
     * One pass over the table, looking each row's key up in the copy: rows added, and rows of the same key with other
     * values (a status update); the counts then tell how many rows of the copy are gone. A table without a primary
     * key is compared whole.
     */
    private Delta delta(Statement s, String table) throws SQLException {
        long now = count(s, "SELECT COUNT(*) FROM PUBLIC." + table);
        long then = count(s, "SELECT COUNT(*) FROM " + SCHEMA + "." + table);
        if (!primaryKeys.containsKey(table)) {
            boolean same = now == then && count(s, "SELECT COUNT(*) FROM (SELECT * FROM PUBLIC." + table
                    + " EXCEPT SELECT * FROM " + SCHEMA + "." + table + ")") == 0;
            return same ? new Delta(0, 0) : new Delta(now, then);
        }
        String first = primaryKeys.get(table).get(0);
        try (ResultSet rs = s.executeQuery("SELECT COUNT(CASE WHEN s." + first + " IS NULL THEN 1 END), "
                + "COUNT(CASE WHEN s." + first + " IS NOT NULL AND " + rowsDiffer(table) + " THEN 1 END) FROM PUBLIC."
                + table + " p LEFT JOIN " + SCHEMA + "." + table + " s ON " + keyMatch(table))) {
            rs.next();
            long added = rs.getLong(1);
            long changedRows = rs.getLong(2);
            return new Delta(added, changedRows + (then - (now - added)));
        }
    }

    private String keyMatch(String table) {
        return String.join(" AND ", primaryKeys.get(table).stream().map(c -> "s." + c + " = p." + c).toList());
    }

    private String rowsDiffer(String table) {
        List<String> cols = columns.get(table);
        return "(" + String.join(", ", cols.stream().map(c -> "s." + c).toList()) + ") IS DISTINCT FROM ("
                + String.join(", ", cols.stream().map(c -> "p." + c).toList()) + ")";
    }

    private static Map<String, Long> modifications(Connection connection) throws SQLException {
        Map<String, Long> modified = new HashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT TABLE_NAME, LAST_MODIFICATION FROM INFORMATION_SCHEMA.TABLES "
                     + "WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            while (rs.next()) {
                modified.put(rs.getString(1), rs.getLong(2));
            }
        }
        return modified;
    }

    private static long count(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The number of rows of every copied table now, for checking that a restore left the seeded size. */
    public Map<String, Long> rowCounts() {
        return inConnection(jdbi, "Cannot count the demo database's rows", connection -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (Statement s = connection.createStatement()) {
                for (String table : parentsFirst) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM PUBLIC." + table)) {
                        rs.next();
                        counts.put(table, rs.getLong(1));
                    }
                }
            }
            return counts;
        });
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static <T> T inConnection(Jdbi jdbi, String failure, Work<T> work) {
        try {
            return jdbi.withHandle(h -> work.run(h.getConnection()));
        } catch (SQLException e) {
            throw new IllegalStateException(failure + ": " + e.getMessage(), e);
        }
    }

    private static void requireH2(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if (!"H2".equalsIgnoreCase(product)) {
            throw new IllegalStateException("A demo snapshot needs the embedded H2 database, not " + product);
        }
    }

    private static Map<String, List<String>> primaryKeys(Connection connection) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT k.TABLE_NAME, k.COLUMN_NAME FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE k "
                     + "JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS c ON c.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA "
                     + "AND c.CONSTRAINT_NAME = k.CONSTRAINT_NAME WHERE c.CONSTRAINT_TYPE = 'PRIMARY KEY' "
                     + "AND k.TABLE_SCHEMA = 'PUBLIC' ORDER BY k.TABLE_NAME, k.ORDINAL_POSITION")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return columns;
    }

    /** The base tables of the public schema, each after the tables its foreign keys point to. */
    private static List<String> parentsFirst(Connection connection) throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        Map<String, Set<String>> parents = new HashMap<>();
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    if (!NOT_COPIED.contains(table.toLowerCase(Locale.ROOT))) {
                        tables.add(table);
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT fk.TABLE_NAME, pk.TABLE_NAME "
                    + "FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r "
                    + "JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS fk ON fk.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA "
                    + "AND fk.CONSTRAINT_NAME = r.CONSTRAINT_NAME "
                    + "JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS pk ON pk.CONSTRAINT_SCHEMA = r.UNIQUE_CONSTRAINT_SCHEMA "
                    + "AND pk.CONSTRAINT_NAME = r.UNIQUE_CONSTRAINT_NAME WHERE fk.TABLE_SCHEMA = 'PUBLIC'")) {
                while (rs.next()) {
                    if (!rs.getString(1).equals(rs.getString(2))) {
                        parents.computeIfAbsent(rs.getString(1), t -> new LinkedHashSet<>()).add(rs.getString(2));
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < tables.size()) {
            boolean progress = false;
            for (String table : tables) {
                if (!placed.contains(table) && placed.containsAll(parents.getOrDefault(table, Set.of()).stream()
                        .filter(tables::contains).toList())) {
                    placed.add(table);
                    ordered.add(table);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("The demo database's foreign keys form a cycle");
            }
        }
        return ordered;
    }
}
