package eu.aifactory.portal.app;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedFactoryTest {

    @TempDir
    Path dataDir;

    @Test
    void aDemoDatabaseFromAnotherBuildIsMovedAsideAndTheDemoStartsAfresh() throws Exception {
        EmbeddedFactory.inDataDir(dataDir).start().stopper().close();
        String url = ServerConfig.h2FileUrl(dataDir.resolve("factory"));
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE \"flyway_schema_history\" SET \"checksum\" = 1 WHERE \"version\" = '1'");
        }

        DemoFactoryStarter.Running running = EmbeddedFactory.inDataDir(dataDir).start();
        try {
            assertThat(running.factory().accounts()).isNotEmpty();
        } finally {
            running.stopper().close();
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .contains("factory").anyMatch(name -> name.startsWith("factory-outdated-"));
        }
    }
}
