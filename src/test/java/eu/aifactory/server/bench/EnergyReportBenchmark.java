package eu.aifactory.server.bench;

import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.Pricing;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.energy.EnergyData;
import eu.aifactory.server.exec.SimulationScript;
import eu.aifactory.server.seed.SeedSource;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.testing.TestClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Server time of a one-year energy report over 1,000 workloads with per-minute power samples, grouped by day and by
 * application, measured over HTTP on loopback (a benchmark that prints figures, not a test).
 *
 * <p>Data: one tenant, 6 projects, 12 users; 1,000 finished runs of the bundled catalog's applications on their
 * plans, started uniformly over the last 365 days, run times log-uniform between 10 minutes and 8 hours (about 2 h
 * on average), one sample per minute from the executor's own power model: about 120,000 samples.
 *
 * <p>Run: {@code mvn -B -o -Pbench test-compile exec:java@energy-report-benchmark} (H2 in memory, the embedded
 * default's engine), or with {@code -Denergy.bench.args=h2file} (an H2 file in a temporary directory) or
 * {@code -Denergy.bench.args=postgres} (embedded PostgreSQL).
 */
public final class EnergyReportBenchmark {

    private static final int WORKLOADS = 1_000;
    private static final int WARM_UP = 30;
    private static final int RUNS = 100;
    private static final ZoneId SITE = ZoneId.of("Europe/Berlin");

    private EnergyReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String engine = args.length > 0 ? args[0] : "h2";
        Path tempDir = null;
        String url = switch (engine) {
            case "h2" -> TestDatabases.freshUrl(TestDatabases.Kind.H2);
            case "postgres" -> TestDatabases.freshUrl(TestDatabases.Kind.POSTGRES);
            case "h2file" -> {
                tempDir = Files.createTempDirectory("energy-bench");
                yield ServerConfig.h2FileUrl(tempDir);
            }
            default -> throw new IllegalArgumentException("engine must be h2, h2file or postgres, not " + engine);
        };
        SeedSource seeds = SeedSource.bundled();
        try (FactoryServer server = FactoryServer.start(new ServerConfig("127.0.0.1", 0, url, null, false, 1), seeds,
                15_000, TestClock.clock())) {
            EnergyData data = new EnergyData(url);
            String token = seed(data, seeds);
            Api api = new Api(server.baseUri());
            LocalDate today = LocalDate.now(TestClock.clock().withZone(SITE));
            Instant from = today.minusYears(1).atStartOfDay(SITE).toInstant();
            Instant to = today.plusDays(1).atStartOfDay(SITE).toInstant();
            System.out.printf(Locale.ROOT, "%nEngine %s; report period %s .. %s (%s)%n", engine, from, to, SITE);
            measure(api, token, from, to, "day");
            measure(api, token, from, to, "application");
        } finally {
            if (tempDir != null) {
                try (var files = Files.walk(tempDir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static String seed(EnergyData data, SeedSource seeds) {
        String[] projects = {"b-qs", "b-maint", "b-plan", "b-docs", "b-lab", "b-ops"};
        data.tenant("bench", projects);
        String token = data.user("bench", "bench-am", Role.ACCOUNT_MANAGER);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = "bench-eng-" + i;
            data.user("bench", id, Role.ENGINEER, projects[i % projects.length]);
            users.add(id);
        }
        Map<String, ResourcePlan> plans = seeds.plans().stream().collect(Collectors.toMap(ResourcePlan::id, Function.identity()));
        List<AppDetail> apps = seeds.catalog();
        Random random = new Random(42);
        // Anchored at the test clock's site midnight, so every run sees the same data.
        long now = LocalDate.now(TestClock.clock().withZone(SITE)).atStartOfDay(SITE).toInstant().toEpochMilli();
        long yearMs = 365L * 86_400_000L;
        List<EnergyData.Run> runs = new ArrayList<>();
        long samples = 0;
        for (int i = 0; i < WORKLOADS; i++) {
            AppDetail app = apps.get(random.nextInt(apps.size()));
            AppVersion version = app.versions().get(0);
            ResourcePlan plan = plans.get(version.planIds().get(random.nextInt(version.planIds().size())));
            String id = "wl-bench-" + i;
            long startedAt = now - yearMs + (long) (random.nextDouble() * (yearMs - 9 * 3_600_000L));
            long runMs = Math.round(Math.exp(Math.log(10) + random.nextDouble() * (Math.log(480) - Math.log(10))) * 60_000);
            int minutes = (int) (runMs / EnergyData.MINUTE);
            int[] powers = new int[minutes];
            for (int m = 0; m < minutes; m++) {
                powers[m] = SimulationScript.sample(id, m + 1, version.gpuUtilisation(), plan).powerWatts();
            }
            long partial = runMs - minutes * EnergyData.MINUTE;
            int lastPower = SimulationScript.sample(id, minutes + 1, version.gpuUtilisation(), plan).powerWatts();
            List<EnergyData.Sample> runSamples = EnergyData.samples(startedAt, powers, partial, lastPower);
            samples += runSamples.size();
            runs.add(new EnergyData.Run(id, "bench", projects[random.nextInt(projects.length)],
                    users.get(random.nextInt(users.size())), app.summary().id(), plan.id(), plan.gpuCount(), startedAt,
                    Pricing.costEur(plan, version, plan.gpuCount(), runMs), runSamples));
        }
        long t0 = System.nanoTime();
        data.insert(runs);
        // Fresh statistics, as autovacuum (PostgreSQL) would gather them soon after a bulk load.
        data.jdbi.useHandle(h -> h.execute("ANALYZE"));
        System.out.printf(Locale.ROOT, "Seeded %,d workloads with %,d power samples (%.0f min of run time on average) "
                + "in %,d ms%n", WORKLOADS, samples, samples / (double) WORKLOADS, (System.nanoTime() - t0) / 1_000_000);
        return token;
    }

    private static void measure(Api api, String token, Instant from, Instant to, String groupBy) {
        String path = "/v1/reports/energy?from=" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8)
                + "&to=" + URLEncoder.encode(to.toString(), StandardCharsets.UTF_8) + "&groupBy=" + groupBy;
        Api.Response last = null;
        for (int i = 0; i < WARM_UP; i++) {
            last = api.get(path, token);
        }
        if (last == null || last.status() != 200) {
            throw new IllegalStateException("report failed: " + last);
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            Api.Response response = api.get(path, token);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (response.status() != 200) {
                throw new IllegalStateException("report failed: " + response);
            }
            last = response;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "groupBy=%-12s %3d groups, %,7d bytes: median %6.1f ms, p95 %6.1f ms, min %6.1f ms, "
                        + "max %6.1f ms (%d runs after %d warm-up); total IT %s kWh%n",
                groupBy, last.json().path("groups").size(), last.bytes().length, ms[RUNS / 2],
                ms[(int) Math.ceil(RUNS * 0.95) - 1], ms[0], ms[RUNS - 1], RUNS, WARM_UP,
                last.json().path("totals").path("itKwh").asText());
    }
}
