package eu.aifactory.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever URL it is given, the factory's database commits durably or refuses to open. */
class DatabaseDurabilityTest {

    /** H2 lists the stored setting (once set) and the delay in force. */
    private static final String WRITE_DELAY =
            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'";

    @TempDir
    Path dir;

    @Test
    void theDefaultH2FileRunsWithoutWriteDelay() {
        try (Database database = Database.open(ServerConfig.h2FileUrl(dir))) {
            assertThat(values(database, WRITE_DELAY)).isNotEmpty().containsOnly("0");
        }
    }

    @Test
    void anOperatorsH2UrlWithoutWriteDelayGetsNoneOnEveryConnection() {
        try (Database database = Database.open("jdbc:h2:file:" + dir.resolve("operator") + ";MODE=Regular")) {
            // More handles than the pool keeps idle, so some connections are opened after the first.
            List<Handle> handles = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    handles.add(database.jdbi().open());
                }
                for (Handle h : handles) {
                    assertThat(h.createQuery(WRITE_DELAY).mapTo(String.class).list()).isNotEmpty().containsOnly("0");
                }
            } finally {
                handles.forEach(Handle::close);
            }
        }
    }

    @Test
    void anH2UrlAskingForAWriteDelayIsRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> Database.open("jdbc:h2:file:" + dir.resolve("delayed") + ";write_delay = 500"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WRITE_DELAY=500")
                .hasMessageContaining("Remove WRITE_DELAY from the URL");
        assertThat(Files.exists(dir.resolve("delayed.mv.db"))).isFalse();
        try (Database database = Database.open("jdbc:h2:file:" + dir.resolve("explicit") + ";WRITE_DELAY=0")) {
            assertThat(database.isUp()).isTrue();
        }
    }

    @Test
    void anH2UserWithoutAdminRightsIsRefusedWithTheReason() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("shared");
        try (Connection owner = DriverManager.getConnection(url, "sa", "");
             Statement statement = owner.createStatement()) {
            statement.execute("CREATE USER clerk PASSWORD 'clerk'");
            assertThatThrownBy(() -> Database.open(url + ";USER=clerk;PASSWORD=clerk"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("admin rights");
            // Told to ignore the failed setting, H2 keeps the delay of the database the owner opened: still refused.
            assertThatThrownBy(() -> Database.open(url + ";USER=clerk;PASSWORD=clerk;IGNORE_UNKNOWN_SETTINGS=TRUE"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("WRITE_DELAY=500");
        }
    }

    @Test
    void postgresCommitsSynchronouslyEvenWhenTheUrlTurnsItOff() {
        String url = TestDatabases.freshUrl(TestDatabases.Kind.POSTGRES) + "&options=-c%20synchronous_commit%3Doff";
        try (Database database = Database.open(url)) {
            List<Handle> handles = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    handles.add(database.jdbi().open());
                }
                for (Handle h : handles) {
                    assertThat(h.createQuery("SHOW synchronous_commit").mapTo(String.class).one()).isEqualTo("on");
                }
            } finally {
                handles.forEach(Handle::close);
            }
        }
    }

    @Test
    void postgresKeepsAStrongerCommitLevel() {
        String url = TestDatabases.freshUrl(TestDatabases.Kind.POSTGRES) + "&options=-c%20synchronous_commit%3Dremote_apply";
        try (Database database = Database.open(url)) {
            assertThat(values(database, "SHOW synchronous_commit")).containsExactly("remote_apply");
        }
    }

    @Test
    void anH2DatabaseCachesItsEventAndHistoryIdsWithoutReusingOneAfterAReopen() {
        String url = ServerConfig.h2FileUrl(dir);
        long before;
        try (Database database = Database.open(url)) {
            assertThat(values(database, "SELECT TABLE_NAME || '.' || COLUMN_NAME || ' ' || IDENTITY_CACHE "
                    + "FROM INFORMATION_SCHEMA.COLUMNS WHERE IS_IDENTITY = 'YES' AND TABLE_NAME IN ('EVENTS', "
                    + "'STATUS_HISTORY') ORDER BY TABLE_NAME"))
                    .containsExactly("EVENTS.ID 1024", "STATUS_HISTORY.ID 1024");
            before = insertEvent(database);
        }
        try (Database database = Database.open(url)) {
            assertThat(insertEvent(database)).isGreaterThan(before);
        }
    }

    @Test
    void postgresKeepsOneIdentityValuePerFetchSoEventIdsCommitInOrder() {
        try (Database database = Database.open(TestDatabases.freshUrl(TestDatabases.Kind.POSTGRES))) {
            assertThat(values(database, "SELECT sequencename || ' ' || cache_size FROM pg_sequences "
                    + "WHERE sequencename LIKE 'events_id%' OR sequencename LIKE 'status_history_id%' ORDER BY 1"))
                    .containsExactly("events_id_seq 1", "status_history_id_seq 1");
        }
    }

    private static long insertEvent(Database database) {
        return database.jdbi().withHandle(h -> h.createUpdate("INSERT INTO events (tenant_id, seq, project_id, "
                        + "workload_id, status, reason, at) VALUES ('t', (SELECT COALESCE(MAX(seq), 0) + 1 FROM events), "
                        + "'p', 'wl-x', 'QUEUED', 'r', 0)")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private static List<String> values(Database database, String sql) {
        return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }
}
