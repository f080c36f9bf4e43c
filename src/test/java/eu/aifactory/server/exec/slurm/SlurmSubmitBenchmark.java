package eu.aifactory.server.exec.slurm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.aifactory.api.Json;
import eu.aifactory.server.support.FactoryProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Submits per second into the real single-node Slurm of {@code installer/slurm/slurm-up}: through the factory with
 * the Slurm engine (acknowledged by the factory, then got into Slurm by its engine) against straight to slurmrestd's
 * submit endpoint. The factory runs as {@code serve --demo} in a JVM of its own, as slurmrestd runs in its own
 * process; this JVM is only the client. Both sides get the same HTTP client, connection settings, client threads,
 * duration and job shape (a batch job on one GPU that runs {@code true} in a directory of its own). A benchmark that
 * prints figures, not a test.
 *
 * <p>Run: {@code mvn -B -o -Pbench test-compile exec:java@slurm-submit-benchmark}; arguments (via
 * {@code -Dslurm.bench.args="SECONDS CLIENTS CATCH_UP WARM_UP"}) default to 60 seconds per side, 8 client threads, at
 * most 120 seconds for the factory's engine to get the acknowledged workloads into Slurm after the last submit, and 60
 * seconds of the same load on each side before its measured seconds (not counted), so the figures are the sustained
 * rate rather than the JIT compiling a cold factory: at this rate the factory's submit path is still being compiled
 * after 20 seconds. Each phase prints its acknowledged submits per 10 seconds, which shows where the rate levels off,
 * and each side where the CPU went over its measured seconds ({@link CpuSplit}). Every job the benchmark made is
 * cancelled ({@code scancel -u USER}) before it ends, so Slurm is left empty.
 */
public final class SlurmSubmitBenchmark {

    private static final String APP = "raw-material-price-forecast";
    private static final String PROJECT = "mp-qs-drehteile";
    private static final String ENGINEER = "mp-anna-schmidt";
    private static final String TENANT_ADMIN = "mp-thomas-mueller";
    /**
     * The factory's JVM options, as the README gives them for {@code serve} (decision 0029): the throughput collector.
     * {@code -Dslurm.bench.jvm="…"} replaces them ({@code ""}: the JVM's defaults, G1 on this machine).
     */
    private static final List<String> SERVE_JVM_OPTIONS = Arrays.stream(System.getProperty("slurm.bench.jvm",
            "-XX:+UseParallelGC").split(" ")).filter(option -> !option.isBlank()).toList();
    /** One mapper for all client threads: Json.mapper() builds a new one per call, CPU the two sides pay on a shared machine. */
    private static final ObjectMapper JSON = Json.mapper();

    private SlurmSubmitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int catchUp = args.length > 2 ? Integer.parseInt(args[2]) : 120;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        SlurmCluster cluster = SlurmCluster.find().orElseThrow(() -> new IllegalStateException(SlurmCluster.HOW_TO_START));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Path root = Files.createTempDirectory("slurm-bench");
        System.out.printf(Locale.ROOT, "%nSlurm submit benchmark: %d s per side after %d s of warm-up, %d client threads, "
                + "%d cores; factory JVM options %s%n", seconds, warmUp, clients, Runtime.getRuntime().availableProcessors(),
                SERVE_JVM_OPTIONS);
        try {
            Side factory = throughFactory(cluster, client, root.resolve("factory"), seconds, clients, catchUp, warmUp);
            cancelAll(cluster);
            Side direct = straightToSlurmrestd(cluster, client, root.resolve("direct"), seconds, clients, warmUp);
            cancelAll(cluster);
            System.out.printf(Locale.ROOT, "factory:     %6.1f submits/s acknowledged (%d in %.1f s), %6.1f jobs/s into "
                            + "Slurm (%d of them in Slurm after %.1f s)%n", factory.perSecond(), factory.acknowledged,
                    factory.seconds, factory.jobsPerSecond(), factory.inSlurm, factory.jobsSeconds);
            System.out.printf(Locale.ROOT, "slurmrestd:  %6.1f submits/s acknowledged (%d in %.1f s)%n",
                    direct.perSecond(), direct.acknowledged, direct.seconds);
            System.out.printf(Locale.ROOT, "ratio factory/slurmrestd: submits %.2f, jobs into Slurm %.2f%n",
                    factory.perSecond() / direct.perSecond(), factory.jobsPerSecond() / direct.perSecond());
            System.out.println("not acknowledged (answer -> count): factory " + factory.refused + ", slurmrestd "
                    + direct.refused);
            factory.cpuEnd.print("factory", factory.cpuStart, factory.acknowledged);
            direct.cpuEnd.print("slurmrestd", direct.cpuStart, direct.acknowledged);
        } finally {
            cancelAll(cluster);
            try (var files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Side throughFactory(SlurmCluster cluster, HttpClient client, Path dataDir, int seconds, int clients,
                                       int catchUp, int warmUp) throws Exception {
        Files.createDirectories(dataDir);
        // Configured as an operator would for a high-rate integration client: the default rate limits are for people
        // and answer most of the load 429.
        List<String> serve = List.of("--port", "0", "--data-dir", dataDir.toString(), "--demo", "--print-tokens",
                "--engine", "slurm", "--slurmrestd", cluster.restUrl.toString(), "--slurm-user", cluster.user,
                "--slurm-jwt-file", cluster.tokenFile.toString(), "--slurm-gres-type", "b200",
                "--slurm-app-command", APP + "=true",
                "--rate-per-token", "100000/100000", "--rate-per-address", "100000/100000");
        try (FactoryProcess factory = FactoryProcess.start(SERVE_JVM_OPTIONS, serve, dataDir.getParent(), "factory")) {
            String token = factory.demoToken(ENGINEER);
            raiseBudget(client, factory.base, factory.demoToken(TENANT_ADMIN));
            URI submit = factory.base.resolve("/v1/workloads");
            String body = "{\"appId\":\"" + APP + "\",\"appVersion\":\"0.8.0\",\"projectId\":\"" + PROJECT + "\","
                    + "\"planId\":\"rtx-pro-6000-x1\"}";
            Supplier<HttpRequest> request = () -> HttpRequest.newBuilder(submit)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            ProcessHandle jvm = factory.process.toHandle();
            long before = lastJobId(cluster);
            if (warmUp > 0) {
                // The warm-up's workloads are all in Slurm before the measured minute, so its engine starts idle.
                Side warm = run("factory, warm-up", client, warmUp, clients, request, 201, jvm);
                intoSlurm(cluster, warm, before, catchUp);
                before = lastJobId(cluster);
            }
            Side side = run("factory, measured", client, seconds, clients, request, 201, jvm);
            intoSlurm(cluster, side, before, catchUp);
            return side;
        }
    }

    /**
     * The engine submits behind the acknowledgement: jobs/s counts, from the first submit, the acknowledged workloads
     * whose job Slurm lists, until all are there or the catch-up bound has passed.
     */
    private static void intoSlurm(SlurmCluster cluster, Side side, long before, int catchUp) throws Exception {
        long bound = System.nanoTime() + Duration.ofSeconds(catchUp).toNanos();
        int inSlurm = 0;
        while (inSlurm < side.acknowledged && System.nanoTime() < bound) {
            int now = inSlurm(cluster, side.ids, before);
            if (now > inSlurm) {
                inSlurm = now;
                side.jobsSeconds = (System.nanoTime() - side.started) / 1e9;
            }
            Thread.sleep(500);
        }
        side.inSlurm = inSlurm;
    }

    /**
     * The tenant admin sets the project's budget of this month to the most the API takes, as in the portal: the
     * demo's budget is spent after a few hundred of these workloads, and the check stays on the submit path.
     */
    private static void raiseBudget(HttpClient client, URI base, String admin) throws Exception {
        HttpResponse<String> budgets = client.send(HttpRequest.newBuilder(base.resolve("/v1/budgets"))
                .header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString());
        String month = JSON.readTree(budgets.body()).get(0).path("month").asText();
        HttpResponse<String> put = client.send(HttpRequest.newBuilder(base
                        .resolve("/v1/projects/" + PROJECT + "/budgets/" + month))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"budgetEur\": 100000000}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() != 200) {
            throw new IllegalStateException("setting the budget answered " + put.statusCode() + ": " + put.body());
        }
    }

    /**
     * The jobs Slurm lists for the factory's workloads: plain jobs named after them, and the tasks of the engine's array
     * jobs (pending ones counted from the record that stands for them) submitted after job {@code before}.
     */
    private static int inSlurm(SlurmCluster cluster, Set<String> names, long before) throws SlurmRest.Unreachable {
        return cluster.rest.jobs(0).orElseThrow().stream()
                .filter(j -> names.contains(j.name())
                        || j.name().startsWith(SlurmEngine.ARRAY_NAME + "-") && j.arrayJobId() > before)
                .mapToInt(j -> j.refs().size()).sum();
    }

    private static long lastJobId(SlurmCluster cluster) throws SlurmRest.Unreachable {
        return cluster.rest.jobs(0).orElseThrow().stream().mapToLong(SlurmRest.Job::id).max().orElse(0);
    }

    private static Side straightToSlurmrestd(SlurmCluster cluster, HttpClient client, Path jobs, int seconds,
                                             int clients, int warmUp) throws Exception {
        URI submit = cluster.restUrl.resolve("/slurm/" + SlurmRest.VERSION + "/job/submit");
        String jwt = SlurmSettings.Token.fromFile(cluster.tokenFile).get();
        Supplier<HttpRequest> request = () -> {
            // The factory's job shape: a directory per job with its output folder, stdout/stderr, environment, script.
            String name = UUID.randomUUID().toString();
            Path dir = jobs.resolve(name);
            try {
                Files.createDirectories(dir.resolve("output"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            ObjectNode body = JSON.createObjectNode();
            body.put("script", "#!/bin/bash\ncd " + JobScript.quote(dir.toString()) + " || exit 1\ntrue\ncode=$?\n"
                    + "echo \"$code\" > exit-code.part && mv exit-code.part exit-code\nexit \"$code\"\n");
            ObjectNode job = body.putObject("job");
            job.put("name", name);
            job.put("partition", "rtx-pro-6000");
            job.put("gres", "gpu:b200:1");
            job.put("time_limit", 10);
            job.put("current_working_directory", dir.toString());
            job.put("standard_output", dir.resolve(JobScript.STDOUT).toString());
            job.put("standard_error", dir.resolve(JobScript.STDERR).toString());
            ObjectNode env = job.putObject("environment");
            env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
            env.put("LANG", "C.UTF-8");
            env.put("HOME", dir.toString());
            env.put("AIF_WORKLOAD_ID", name);
            env.put("AIF_APP_ID", APP);
            env.put("AIF_APP_VERSION", "0.8.0");
            env.put("AIF_PARAMETERS", "{}");
            env.put("AIF_JOB_DIR", dir.toString());
            env.put("AIF_OUTPUTS", "scenarios:table");
            return HttpRequest.newBuilder(submit).header("X-SLURM-USER-NAME", cluster.user)
                    .header("X-SLURM-USER-TOKEN", jwt).header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        };
        if (warmUp > 0) {
            run("slurmrestd, warm-up", client, warmUp, clients, request, 200, null);
        }
        return run("slurmrestd, measured", client, seconds, clients, request, 200, null);
    }

    /**
     * {@code clients} threads send requests back to back for {@code seconds}; counts the answers with {@code ok} and
     * prints how many came in each 10 seconds of the {@code phase}; {@code factory} is the factory's JVM, whose CPU
     * is split by thread, or null.
     */
    private static Side run(String phase, HttpClient client, int seconds, int clients, Supplier<HttpRequest> request,
                            int ok, ProcessHandle factory) throws Exception {
        Side side = new Side();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients,
                r -> new Thread(r, "bench-client-" + threadNumber.incrementAndGet()));
        List<Integer> perTenSeconds = new CopyOnWriteArrayList<>();
        ScheduledExecutorService tally = Executors.newSingleThreadScheduledExecutor();
        int[] counted = {0};
        tally.scheduleAtFixedRate(() -> {
            int now = acknowledged.get();
            perTenSeconds.add(now - counted[0]);
            counted[0] = now;
        }, 10, 10, TimeUnit.SECONDS);
        side.cpuStart = CpuSplit.now(factory);
        side.started = System.nanoTime();
        long deadline = side.started + Duration.ofSeconds(seconds).toNanos();
        List<Future<?>> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    HttpResponse<String> response = client.send(request.get(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == ok && accepted(response)) {
                        acknowledged.incrementAndGet();
                        side.ids.add(JSON.readTree(response.body()).path("id").asText());
                    } else {
                        side.refused.merge(refusal(response), 1, Integer::sum);
                    }
                }
                return null;
            }));
        }
        for (Future<?> thread : threads) {
            thread.get();
        }
        side.seconds = (System.nanoTime() - side.started) / 1e9;
        side.cpuEnd = CpuSplit.now(factory);
        side.acknowledged = acknowledged.get();
        tally.shutdownNow();
        pool.shutdown();
        System.out.printf(Locale.ROOT, "%s: %d acknowledged, per 10 s: %s%n", phase, side.acknowledged, perTenSeconds);
        return side;
    }

    /** The status and what the body says about it: the problem type, or Slurm's first error. */
    private static String refusal(HttpResponse<String> response) {
        String why = "";
        try {
            JsonNode body = JSON.readTree(response.body());
            why = body.has("type") ? body.path("type").asText()
                    : body.path("errors").path(0).path("error").asText(body.path("errors").path(0).path("description").asText());
        } catch (Exception e) {
            why = "no JSON";
        }
        return response.statusCode() + (why.isEmpty() ? "" : " " + why);
    }

    /** slurmrestd answers 200 with errors in the body when Slurm refused the job. */
    private static boolean accepted(HttpResponse<String> response) throws Exception {
        if (!response.uri().getPath().endsWith("/job/submit")) {
            return true;
        }
        JsonNode answer = JSON.readTree(response.body());
        return answer.path("job_id").asLong() > 0 && answer.path("errors").isEmpty();
    }

    private static void cancelAll(SlurmCluster cluster) throws Exception {
        Process scancel = new ProcessBuilder("scancel", "-u", cluster.user).inheritIO().start();
        scancel.waitFor();
    }

    private static final class Side {
        final Map<String, Integer> refused = new ConcurrentHashMap<>();
        final Set<String> ids = ConcurrentHashMap.newKeySet();
        long started;
        double seconds;
        int acknowledged;
        double jobsSeconds;
        int inSlurm;
        CpuSplit cpuStart;
        CpuSplit cpuEnd;

        double perSecond() {
            return acknowledged / seconds;
        }

        double jobsPerSecond() {
            return inSlurm / jobsSeconds;
        }
    }
}
