package eu.aifactory.server.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Lets a later start skip Flyway, whose validation reads and checksums every migration and costs a start about a
 * second: after a migration the database keeps a digest of the migration files and one of Flyway's history. A start
 * whose files digest the same, on a database whose history still digests as recorded, has nothing to migrate and
 * nothing Flyway's validation would refuse; any other start (new or changed files, a history changed by another
 * build, a database without the record) runs Flyway as before and records afresh.
 */
final class SchemaCheck {

    static final String LOCATION = "db/migration";
    private static final String HISTORY = "SELECT \"installed_rank\", \"version\", \"script\", \"checksum\", \"success\" "
            + "FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"";

    private SchemaCheck() {
    }

    /**
     * A digest of every file under {@code db/migration} on the class path (name and bytes, in name order), or empty
     * when they cannot be listed (then Flyway always runs).
     */
    static Optional<String> migrations(ClassLoader loader) {
        TreeMap<String, byte[]> files = new TreeMap<>();
        try {
            Enumeration<URL> folders = loader.getResources(LOCATION);
            if (!folders.hasMoreElements()) {
                return Optional.empty();
            }
            while (folders.hasMoreElements()) {
                URL folder = folders.nextElement();
                if ("file".equals(folder.getProtocol())) {
                    try (Stream<Path> list = Files.list(Path.of(folder.toURI()))) {
                        for (Path file : (Iterable<Path>) list.filter(Files::isRegularFile)::iterator) {
                            files.put(file.getFileName().toString(), Files.readAllBytes(file));
                        }
                    }
                } else if ("jar".equals(folder.getProtocol())) {
                    readJar(folder, files);
                } else {
                    return Optional.empty();
                }
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        MessageDigest digest = sha256();
        files.forEach((name, bytes) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
            digest.update((byte) 0);
        });
        return Optional.of(HexFormat.of().formatHex(digest.digest()));
    }

    private static void readJar(URL folder, TreeMap<String, byte[]> files) throws IOException, URISyntaxException {
        URL jarUrl = ((JarURLConnection) folder.openConnection()).getJarFileURL();
        // A jar of our own: closing the class loader's cached one would break later class loading from it.
        try (JarFile jar = new JarFile(Path.of(jarUrl.toURI()).toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!entry.isDirectory() && name.startsWith(LOCATION + "/") && name.indexOf('/', LOCATION.length() + 1) < 0) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        files.put(name.substring(LOCATION.length() + 1), in.readAllBytes());
                    }
                }
            }
        }
    }

    /** True when the database was migrated with exactly these files and its history has not changed since. */
    static boolean unchanged(DataSource dataSource, String migrations) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String recordedFiles;
            String recordedHistory;
            try (ResultSet rs = statement.executeQuery("SELECT migrations, history FROM factory_schema_check WHERE id = 1")) {
                if (!rs.next()) {
                    return false;
                }
                recordedFiles = rs.getString(1);
                recordedHistory = rs.getString(2);
            }
            return recordedFiles.equals(migrations) && recordedHistory.equals(history(statement));
        } catch (SQLException e) {
            // No record table (a database older than V115, or an empty one): Flyway decides.
            return false;
        }
    }

    /** Records the files just migrated with and the history they left. */
    static void record(DataSource dataSource, String migrations) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                String history = history(statement);
                statement.executeUpdate("DELETE FROM factory_schema_check");
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO factory_schema_check (id, migrations, history) VALUES (1, ?, ?)")) {
                    insert.setString(1, migrations);
                    insert.setString(2, history);
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the schema check: " + e.getMessage(), e);
        }
    }

    private static String history(Statement statement) throws SQLException {
        MessageDigest digest = sha256();
        try (ResultSet rs = statement.executeQuery(HISTORY)) {
            while (rs.next()) {
                for (int column = 1; column <= 5; column++) {
                    digest.update(String.valueOf(rs.getObject(column)).getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
