package eu.aifactory.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.aifactory.server.ServerConfig;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A later start skips Flyway only while the migration files and Flyway's history are as the last migration left them. */
class SchemaCheckTest {

    @TempDir
    Path dir;

    @Test
    void aLaterOpenOfAnUnchangedDatabaseSkipsFlywayAndFindsTheSchema() {
        String url = ServerConfig.h2FileUrl(dir);
        try (Database first = Database.open(url)) {
            assertThat(first.flywayRan()).isTrue();
        }
        try (Database later = Database.open(url)) {
            assertThat(later.flywayRan()).isFalse();
            long tenants = later.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM tenants").mapTo(Long.class).one());
            assertThat(tenants).isZero();
        }
    }

    @Test
    void aHistoryChangedByAnotherBuildIsStillRefusedAsIncompatible() throws Exception {
        String url = ServerConfig.h2FileUrl(dir);
        Database.open(url).close();
        execute(url, "UPDATE \"flyway_schema_history\" SET \"checksum\" = 1 WHERE \"version\" = '1'");

        assertThatThrownBy(() -> Database.open(url)).isInstanceOf(IncompatibleSchemaException.class);
    }

    @Test
    void aDatabaseWithoutTheRecordRunsFlywayAndIsRecordedAgain() throws Exception {
        String url = ServerConfig.h2FileUrl(dir);
        Database.open(url).close();
        execute(url, "DELETE FROM factory_schema_check");

        try (Database again = Database.open(url)) {
            assertThat(again.flywayRan()).isTrue();
        }
        try (Database later = Database.open(url)) {
            assertThat(later.flywayRan()).isFalse();
        }
    }

    @Test
    void theMigrationsDigestIsTheSameFromAFolderOrAJarAndChangesWithAnyFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("classes/db/migration"));
        Files.writeString(folder.resolve("V1__a.sql"), "CREATE TABLE a (id INT);");
        Files.writeString(folder.resolve("V2__b.sql"), "CREATE TABLE b (id INT);");
        Optional<String> fromFolder = digest(dir.resolve("classes"));
        Path jar = dir.resolve("classes.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("db/migration/"));
            for (String name : new String[] {"V1__a.sql", "V2__b.sql"}) {
                out.putNextEntry(new JarEntry("db/migration/" + name));
                out.write(Files.readAllBytes(folder.resolve(name)));
            }
        }

        assertThat(fromFolder).isPresent();
        assertThat(digest(jar)).isEqualTo(fromFolder);
        Files.writeString(folder.resolve("V2__b.sql"), "CREATE TABLE b (id BIGINT);");
        Optional<String> changed = digest(dir.resolve("classes"));
        Files.writeString(folder.resolve("V2__b.sql"), "CREATE TABLE b (id INT);");
        Files.writeString(folder.resolve("V3__c.sql"), "CREATE TABLE c (id INT);");
        Optional<String> added = digest(dir.resolve("classes"));
        assertThat(changed).isPresent().isNotEqualTo(fromFolder);
        assertThat(added).isPresent().isNotEqualTo(fromFolder).isNotEqualTo(changed);
    }

    @Test
    void withoutMigrationsOnTheClassPathThereIsNoDigest() throws Exception {
        assertThat(digest(Files.createDirectories(dir.resolve("empty")))).isEmpty();
    }

    private static Optional<String> digest(Path classPathEntry) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classPathEntry.toUri().toURL()}, null)) {
            return SchemaCheck.migrations(loader);
        }
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
