package eu.aifactory.server.seed;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.Json;
import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.dataset.DatasetService;
import eu.aifactory.server.dataset.DatasetStore;
import eu.aifactory.server.support.Api;
import eu.aifactory.testing.TestClock;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The bundled demo seed: what {@code serve --demo} and the portal's first start get. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSeederTest {

    private String url;
    private FactoryServer server;
    private Jdbi jdbi;
    private long startMillis;

    @BeforeAll
    void start() {
        ServerConfig config = ServerConfig.inMemory(true, 1);
        url = config.jdbcUrl();
        long t0 = System.nanoTime();
        server = FactoryServer.start(config, TestClock.clock());
        startMillis = (System.nanoTime() - t0) / 1_000_000;
        jdbi = Jdbi.create(url);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void everyDemoProjectHasSampleDataForEveryRequiredInputAndARestartAddsNone() throws Exception {
        Api api = new Api(server.baseUri());
        List<AppDetail> apps = SeedSource.bundled().catalog();
        List<DemoUser> admins = server.demoUsers().stream().filter(u -> u.role() == Role.TENANT_ADMIN).toList();
        assertThat(admins).hasSizeGreaterThanOrEqualTo(3);
        int projects = 0;
        for (DemoUser admin : admins) {
            for (var project : api.get("/v1/me", admin.token()).json().path("projects")) {
                projects++;
                Set<String> types = new java.util.HashSet<>();
                api.get("/v1/datasets?projectId=" + project.path("id").asText(), admin.token()).json().path("items")
                        .forEach(d -> types.add(d.path("mediaType").asText()));
                for (AppDetail app : apps) {
                    for (var slot : app.latest().inputs()) {
                        if (slot.required()) {
                            assertThat(slot.mediaTypes().isEmpty() || slot.mediaTypes().stream().anyMatch(types::contains))
                                    .as(project.path("id").asText() + " has data for " + app.summary().id() + "/" + slot.name())
                                    .isTrue();
                        }
                    }
                }
            }
        }
        int samples = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM datasets WHERE name IN (:zip, :csv)")
                .bind("zip", DemoDatasets.ZIP_NAME).bind("csv", DemoDatasets.CSV_NAME).mapTo(Integer.class).one());
        assertThat(samples).isEqualTo(2 * projects);
        int datasets = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM datasets").mapTo(Integer.class).one());
        // What the next start of the factory does on this database.
        new DemoDatasets(new DatasetService(new DatasetStore(jdbi), null, Files.createTempDirectory("demo-datasets"),
                TestClock.clock())).seed(SeedSource.bundled().tenants());
        int afterRestart = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM datasets").mapTo(Integer.class).one());
        assertThat(afterRestart).as("a second start stores no more samples").isEqualTo(datasets);
    }

    @Test
    void seedsThreeTenantsWithEveryRoleAndWorkingTokens() {
        System.out.println("Factory start with bundled demo seed: " + startMillis + " ms");
        List<DemoUser> users = server.demoUsers();
        Set<String> tenants = users.stream().map(DemoUser::tenantId).collect(Collectors.toSet());
        assertThat(tenants).hasSizeGreaterThanOrEqualTo(3);
        for (String tenant : tenants) {
            assertThat(users.stream().filter(u -> u.tenantId().equals(tenant)).map(DemoUser::role).collect(Collectors.toSet()))
                    .as(tenant).hasSize(3);
        }
        Api api = new Api(server.baseUri());
        for (DemoUser user : users) {
            Api.Response me = api.get("/v1/me", user.token());
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().path("user").path("id").asText()).isEqualTo(user.userId());
        }
        assertThat(users.get(0).toString()).doesNotContain(users.get(0).token());
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        List<String> stored = jdbi.withHandle(h -> h.createQuery("SELECT token_hash || ' ' || token_prefix FROM api_tokens")
                .mapTo(String.class).list());
        for (DemoUser user : server.demoUsers()) {
            assertThat(stored).noneMatch(s -> s.contains(user.token()));
        }
    }

    @Test
    void catalogHasThirtyAppsInSixCategories() {
        int apps = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM apps").mapTo(Integer.class).one());
        int categories = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT category) FROM apps").mapTo(Integer.class).one());
        assertThat(apps).isGreaterThanOrEqualTo(30);
        assertThat(categories).isGreaterThanOrEqualTo(6);
    }

    @Test
    void historySpansNinetyDaysWithFailuresAndCancellationsExplained() {
        Map<String, Integer> byStatus = jdbi.withHandle(h -> h.createQuery("SELECT status, COUNT(*) AS n FROM workloads GROUP BY status")
                .reduceRows(new java.util.HashMap<>(), (map, row) -> {
                    map.put(row.getColumn("status", String.class), row.getColumn("n", Integer.class));
                    return map;
                }));
        System.out.println("Seeded workloads by status: " + byStatus);
        assertThat(byStatus.getOrDefault("SUCCEEDED", 0)).isGreaterThan(300);
        assertThat(byStatus.getOrDefault("FAILED", 0)).isPositive();
        assertThat(byStatus.getOrDefault("CANCELLED", 0)).isPositive();
        long now = TestClock.now().toEpochMilli();
        long oldest = jdbi.withHandle(h -> h.createQuery("SELECT MIN(created_at) FROM workloads").mapTo(Long.class).one());
        long newest = jdbi.withHandle(h -> h.createQuery("SELECT MAX(ended_at) FROM workloads").mapTo(Long.class).one());
        assertThat(now - oldest).isBetween(80L * 86_400_000, 91L * 86_400_000);
        assertThat(newest).isLessThan(now);
        int unexplained = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM workloads WHERE status IN ('FAILED', 'CANCELLED') "
                + "AND (status_reason IS NULL OR status_reason = '')").mapTo(Integer.class).one());
        assertThat(unexplained).isZero();
        int succeededWithoutResult = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM workloads w WHERE w.status = 'SUCCEEDED' "
                + "AND NOT EXISTS (SELECT 1 FROM artifacts a WHERE a.workload_id = w.id)").mapTo(Integer.class).one());
        assertThat(succeededWithoutResult).isZero();
    }

    @Test
    void historicalRunsAreNamedInGermanLikeTheDemoTenantsWouldName() {
        List<String> names = jdbi.withHandle(h -> h.createQuery("SELECT name FROM workloads").mapTo(String.class).list());

        assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(name).doesNotContainPattern(
                "– (week \\d+|run \\d+|line \\d|night shift|early shift|pilot lot|customer audit|re-run|baseline|plant )"));
        assertThat(names).anySatisfy(name -> assertThat(name).matches(".* – (KW \\d+|Lauf \\d+)"));
        List<Map<String, Object>> runs = jdbi.withHandle(h -> h.createQuery(
                "SELECT w.name, a.detail_json FROM workloads w JOIN apps a ON a.id = w.app_id").mapToMap().list());
        assertThat(runs).isNotEmpty().allSatisfy(run -> {
            AppDetail app = Json.mapper().readValue((String) run.get("detail_json"), AppDetail.class);
            assertThat((String) run.get("name")).startsWith(app.summary().name().de() + " – ");
        });
    }

    @Test
    void powerSamplesArePerMinuteAndAddUpToTheWorkloadsEnergy() {
        List<Map<String, Object>> rows = jdbi.withHandle(h -> h.createQuery(
                        "SELECT w.id, w.progress_ms, w.energy_mj, w.energy_wh, COUNT(s.ts) AS samples, MAX(s.total_energy_mj) AS counter, "
                                + "MIN(s.power_usage_w) AS min_w, MAX(s.power_usage_w) AS max_w "
                                + "FROM workloads w JOIN power_samples s ON s.workload_id = w.id GROUP BY w.id, w.progress_ms, "
                                + "w.energy_mj, w.energy_wh")
                .mapToMap().list());
        int workloads = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM workloads").mapTo(Integer.class).one());
        assertThat(rows).hasSize(workloads);
        for (Map<String, Object> row : rows) {
            long progress = ((Number) row.get("progress_ms")).longValue();
            long expectedSamples = (progress + 59_999) / 60_000;
            assertThat(((Number) row.get("samples")).longValue()).as("%s", row.get("id")).isEqualTo(expectedSamples);
            assertThat(((Number) row.get("counter")).longValue()).isEqualTo(((Number) row.get("energy_mj")).longValue());
            assertThat(((Number) row.get("energy_wh")).longValue()).isEqualTo(((Number) row.get("energy_mj")).longValue() / 3_600_000);
            assertThat(((Number) row.get("min_w")).intValue()).isPositive();
        }
    }

    @Test
    void seedIsDeterministicAcrossInstallations() {
        ServerConfig other = ServerConfig.inMemory(true, 1);
        try (FactoryServer second = FactoryServer.start(other, TestClock.clock())) {
            Jdbi otherJdbi = Jdbi.create(other.jdbcUrl());
            String query = "SELECT id || ' ' || app_id || ' ' || plan_id || ' ' || status FROM workloads ORDER BY id";
            List<String> first = jdbi.withHandle(h -> h.createQuery(query).mapTo(String.class).list());
            List<String> again = otherJdbi.withHandle(h -> h.createQuery(query).mapTo(String.class).list());
            assertThat(again).isEqualTo(first);
            // Tokens differ per installation: they derive from each installation's own secret.
            assertThat(second.demoUsers().get(0).token()).isNotEqualTo(server.demoUsers().get(0).token());
        }
    }
}
