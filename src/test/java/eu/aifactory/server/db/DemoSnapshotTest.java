package eu.aifactory.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.aifactory.api.tenant.Role;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.client.ApiException;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.client.FactoryClientConfig;
import eu.aifactory.client.HttpFactoryClient;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.seed.DemoUser;
import eu.aifactory.server.seed.SeedSource;
import eu.aifactory.server.support.Await;
import eu.aifactory.server.support.DemoSubmissions;
import eu.aifactory.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kiosk's way back to the seeded demo: a visitor's workloads, and the progress the engine made meanwhile, are
 * gone after a restore, the tables have their seeded row counts, and the running engine takes new work afterwards.
 * The snapshot survives a restart of the factory on the same file database.
 */
class DemoSnapshotTest {

    private static Path dataDir;
    private static FactoryServer server;
    private static FactoryClient client;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("demo-snapshot");
        server = FactoryServer.start(ServerConfig.embedded(dataDir), SeedSource.bundled(), 15_000, TestClock.clock());
        server.snapshotDemo();
        DemoUser engineer = server.demoUsers().stream().filter(u -> u.role() == Role.ENGINEER).findFirst().orElseThrow();
        client = new HttpFactoryClient(FactoryClientConfig.builder(server.baseUri())
                .token(engineer.token()::toCharArray).build());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void aRestoreRemovesTheVisitorsWorkloadsAndLeavesTheSeededRowCounts() {
        Map<String, Long> seeded = server.demoRowCounts();
        Workload visitors = client.submit(DemoSubmissions.inspection(client, "visitor's inspection"),
                UUID.randomUUID().toString());
        Await.until("the visitor's run to start", () -> client.getWorkload(visitors.id()).status().name(),
                status -> !status.equals("QUEUED"));
        assertThat(server.demoRowCounts()).isNotEqualTo(seeded);

        long begin = System.nanoTime();
        int changed = server.restoreDemo();
        System.out.printf("demo restore: %d tables put back in %d ms%n", changed, (System.nanoTime() - begin) / 1_000_000);

        assertThat(changed).isPositive();
        assertThat(server.demoRowCounts()).isEqualTo(seeded);
        assertThatThrownBy(() -> client.getWorkload(visitors.id())).isInstanceOf(ApiException.class);
        Workload next = client.submit(DemoSubmissions.inspection(client, "next visitor"), UUID.randomUUID().toString());
        Await.until("the engine to take the next visitor's run", () -> client.getWorkload(next.id()).status().name(),
                status -> !status.equals("QUEUED"));
        begin = System.nanoTime();
        server.restoreDemo();
        System.out.printf("demo restore (second, warm): %d ms%n", (System.nanoTime() - begin) / 1_000_000);
        assertThat(server.demoRowCounts()).isEqualTo(seeded);
    }

    @Test
    void aRestartedFactoryKeepsItsSnapshot() {
        Map<String, Long> seeded = server.demoRowCounts();
        client.submit(DemoSubmissions.inspection(client, "left behind when the kiosk was switched off"),
                UUID.randomUUID().toString());
        server.close();
        server = FactoryServer.start(ServerConfig.embedded(dataDir), SeedSource.bundled(), 15_000, TestClock.clock());
        server.snapshotDemo();
        client.close();
        DemoUser engineer = server.demoUsers().stream().filter(u -> u.role() == Role.ENGINEER).findFirst().orElseThrow();
        client = new HttpFactoryClient(FactoryClientConfig.builder(server.baseUri())
                .token(engineer.token()::toCharArray).build());

        server.restoreDemo();

        assertThat(server.demoRowCounts()).isEqualTo(seeded);
    }
}
