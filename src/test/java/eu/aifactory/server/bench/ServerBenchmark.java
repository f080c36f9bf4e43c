package eu.aifactory.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.api.workload.Priority;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.guard.AbuseLimits;
import eu.aifactory.server.seed.DemoUser;
import eu.aifactory.server.seed.SeedSource;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.workload.WorkloadRow;
import eu.aifactory.server.workload.WorkloadStore;
import eu.aifactory.testing.TestClock;
import java.io.IOException;
import java.math.BigDecimal;
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
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Benchmark harness (not a test): durable submits per second over loopback with several client threads, and the
 * latency of the first page of {@code GET /v1/workloads} for a tenant with 100,000 workloads.
 *
 * <p>Run with {@code mvn -B -o -Pbench verify -DskipTests}. Arguments (via {@code -Dbench.args="..."}):
 * {@code postgres} to run against an embedded PostgreSQL instead of the default H2 file database,
 * {@code threads=N}, {@code submits=N}, {@code warmup=N} (budgeted warm-up submits, default as many as
 * {@code submits}), {@code workloads=N}, {@code sortruns=N} (measured requests per sort figure),
 * {@code sortonly} (skip the submit and the other page figures), {@code budget} (only the budgeted submit figures,
 * see {@link #budgetBenchmark}).
 *
 * <p>For every {@code sort} key in both directions it also measures the first page and a deep page (the cursor
 * after five pages of 50), as a table that pages through 100,000 workloads by any column asks for.
 *
 * <p>Only the budgeted figures: {@code mvn -B -ntp -Pbench test-compile exec:java@server-benchmark
 * -Dbench.args="budget submits=5000"} (add {@code postgres}). The submits go over one keep-alive connection per client
 * thread with a minimal HTTP/1.1 client ({@link KeepAlive}), since client and factory share the machine's cores. Each
 * submit line also splits the process's CPU per submit by thread group (HTTP server, group commit, executor, event
 * pump, client, and the JVM's own GC and JIT threads): on a machine others load too, submits/s follow their load,
 * while CPU per submit says what the factory costs (2,000 ms of CPU a second on two idle cores, divided by it, is
 * the rate those cores could carry). On PostgreSQL the database server's own CPU is not in that figure.
 */
public final class ServerBenchmark {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean postgres = Arrays.asList(args).contains("postgres");
        int threads = intArg(args, "threads", 8);
        int submits = intArg(args, "submits", 10_000);
        int warmUp = intArg(args, "warmup", submits);
        int bulk = intArg(args, "workloads", 100_000);
        int sortRuns = intArg(args, "sortruns", 100);
        boolean sortOnly = Arrays.asList(args).contains("sortonly");

        Path dir = Files.createTempDirectory("factory-bench");
        // The factory runs H2 with WRITE_DELAY=0 whatever the URL, so every figure here is of durable commits.
        String url = postgres ? TestDatabases.durablePostgresUrl() : ServerConfig.h2FileUrl(dir);
        // Limits of a high-rate integration client (serve --rate-per-token/--rate-per-address 100000/100000): the
        // defaults are for people and would answer the benchmark's load, its own budget reads included, with 429.
        ServerConfig config = new ServerConfig("127.0.0.1", 0, url, dir, true, 1).withLimits(
                AbuseLimits.DEFAULTS.withTokenRate(100_000, 100_000).withAddressRate(100_000, 100_000));
        if (Arrays.asList(args).contains("budget")) {
            try {
                budgetBenchmark(config, postgres, threads, submits, warmUp);
            } finally {
                if (!postgres) {
                    deleteQuietly(dir);
                }
            }
            return;
        }
        long t0 = System.nanoTime();
        try (FactoryServer server = FactoryServer.start(config, SeedSource.bundled(), 15_000, TestClock.clock())) {
            System.out.printf(Locale.ROOT, "%n== Factory benchmark (%s, %d cores, Java %s)%n", postgres ? "PostgreSQL (embedded)"
                    : "H2 file", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.printf(Locale.ROOT, "start with demo seed: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            URI base = server.baseUri();
            List<DemoUser> submitters = server.demoUsers().stream().filter(u -> u.role() != Role.ACCOUNT_MANAGER).toList();
            Jdbi jdbi = Jdbi.create(url);
            if (postgres) {
                System.out.println("PostgreSQL durability: fsync=" + setting(jdbi, "fsync") + ", synchronous_commit="
                        + setting(jdbi, "synchronous_commit") + " (the server process's CPU is not in the figures below)");
            } else {
                System.out.println("H2 file database with WRITE_DELAY=0: a commit is in the file before it returns (no fsync "
                        + "per commit; a crash of the machine, not of the process, can lose the last commits)");
            }

            if (!sortOnly) {
                submitBenchmark(base, submitters, jdbi, threads, Math.min(1_000, submits), "warm-up");
                submitBenchmark(base, submitters, jdbi, threads, submits, "measured");
            }

            DemoUser admin = server.demoUsers().stream()
                    .filter(u -> u.tenantId().equals("mueller-praezision") && u.role() == Role.TENANT_ADMIN).findFirst().orElseThrow();
            DemoUser engineer = server.demoUsers().stream()
                    .filter(u -> u.tenantId().equals("mueller-praezision") && u.role() == Role.ENGINEER).findFirst().orElseThrow();
            long inserted = bulkInsert(jdbi, admin, bulk);
            long tenantTotal = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM workloads WHERE tenant_id = :t")
                    .bind("t", admin.tenantId()).mapTo(Long.class).one());
            System.out.printf(Locale.ROOT, "bulk-inserted %,d workloads; tenant %s now has %,d%n", inserted, admin.tenantId(),
                    tenantTotal);

            String cursor = nextCursor(base, admin.token());
            sortBenchmark(base, admin.token(), sortRuns);
            if (sortOnly) {
                return;
            }
            for (boolean busy : new boolean[] {false, true}) {
                // While busy, a background client submits about 50 workloads per second, so no read is served from
                // a cache that a write would have invalidated (H2 reuses the result of an unchanged query).
                BackgroundSubmits background = busy ? new BackgroundSubmits(base, submitters, projectOf(jdbi, submitters)) : null;
                System.out.println(busy ? "-- while 50 submits/s run in the background" : "-- quiet factory");
                pageBenchmark(base, admin.token(), "/v1/workloads", "first page, tenant admin (all projects)");
                pageBenchmark(base, engineer.token(), "/v1/workloads", "first page, engineer (own projects)");
                pageBenchmark(base, admin.token(), "/v1/workloads?status=FAILED", "first page, status=FAILED");
                pageBenchmark(base, admin.token(), "/v1/workloads?sort=-createdAt&limit=100", "first page, oldest first, limit 100");
                pageBenchmark(base, admin.token(), "/v1/workloads?cursor=" + cursor, "second page via cursor");
                if (background != null) {
                    background.close();
                }
            }
        } finally {
            if (!postgres) {
                deleteQuietly(dir);
            }
        }
    }

    /** The demo's budgeted project the budget figures submit into. */
    private static final String BUDGETED_PROJECT = "mp-qs-drehteile";

    /**
     * Submits per second into the demo's budgeted project with its budget raised to admit them all (so every submit
     * is still checked against it), at a queue of 0, 10,000 and 100,000 queued workloads of that project, then the
     * latency of {@code GET /v1/budgets}. A warm-up of as many submits goes to another project of the tenant first. The queue is filled in batches through the store; the factory restarts
     * after each fill so that it books the new workloads into the budget ledger as it does at every start.
     */
    private static void budgetBenchmark(ServerConfig config, boolean postgres, int threads, int submits, int warmUp)
            throws Exception {
        Jdbi jdbi = Jdbi.create(config.jdbcUrl());
        FactoryServer server = FactoryServer.start(config, SeedSource.bundled(), 15_000, TestClock.clock());
        try {
            System.out.printf(Locale.ROOT, "%n== Budgeted submit benchmark (%s, %d cores, Java %s), project %s%n",
                    postgres ? "PostgreSQL (embedded, fsync on, synchronous_commit on)" : "H2 file " + config.jdbcUrl()
                            .replaceAll(".*;", ";"), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), BUDGETED_PROJECT);
            String tenant = jdbi.withHandle(h -> h.createQuery("SELECT tenant_id FROM projects WHERE id = :p")
                    .bind("p", BUDGETED_PROJECT).mapTo(String.class).one());
            DemoUser admin = server.demoUsers().stream()
                    .filter(u -> u.tenantId().equals(tenant) && u.role() == Role.TENANT_ADMIN).findFirst().orElseThrow();
            JsonNode seeded = budgetOf(server.baseUri(), admin);
            System.out.println("seeded budget: EUR " + seeded.path("budgetEur").asText() + ", spent "
                    + seeded.path("spentEur").asText() + ", committed " + seeded.path("committedEur").asText()
                    + "; raised to EUR 100,000,000 so that every submit is checked and admitted");
            // The warm-up (by default as many submits as a measured run, so the JIT has compiled the path) goes to another
            // project of the tenant, so the budgeted project's queue is still empty at depth 0; its budget is raised alike.
            String warmUpProject = jdbi.withHandle(h -> h.createQuery("SELECT id FROM projects WHERE tenant_id = :t "
                    + "AND id <> :p ORDER BY id LIMIT 1").bind("t", tenant).bind("p", BUDGETED_PROJECT)
                    .mapTo(String.class).one());
            for (String project : List.of(BUDGETED_PROJECT, warmUpProject)) {
                raiseBudget(server.baseUri(), admin, project, seeded.path("month").asText());
            }
            List<DemoUser> submitters = List.of(admin);
            Map<String, String> projectOf = Map.of(admin.userId(), BUDGETED_PROJECT);
            budgetedSubmits(server.baseUri(), submitters, Map.of(admin.userId(), warmUpProject), threads, warmUp,
                    "warm-up in " + warmUpProject);
            for (int depth : new int[] {0, 10_000, 100_000}) {
                long queued = queued(jdbi);
                if (queued < depth) {
                    fillQueue(jdbi, tenant, admin.userId(), (int) (depth - queued));
                    server.close();
                    long t0 = System.nanoTime();
                    server = FactoryServer.start(config, SeedSource.bundled(), 15_000, TestClock.clock());
                    System.out.printf(Locale.ROOT, "restart (books the filled queue into the ledger): %d ms%n",
                            (System.nanoTime() - t0) / 1_000_000);
                }
                System.out.printf(Locale.ROOT, "-- queue of %s: %,d queued workloads (load average %s)%n",
                        BUDGETED_PROJECT, queued(jdbi), loadAverage());
                budgetedSubmits(server.baseUri(), submitters, projectOf, threads, submits, "depth " + depth);
            }
            JsonNode after = budgetOf(server.baseUri(), admin);
            System.out.println("budget now: spent " + after.path("spentEur").asText() + ", committed "
                    + after.path("committedEur").asText() + ", level " + after.path("level").asText());
            pageBenchmark(server.baseUri(), admin.token(), "/v1/budgets", "at " + queued(jdbi) + " queued");
            System.out.println("load average at the end: " + loadAverage());
        } finally {
            server.close();
        }
    }

    private static void raiseBudget(URI base, DemoUser admin, String project, String month) throws Exception {
        HttpResponse<String> raised = CLIENT.send(HttpRequest.newBuilder(base.resolve("/v1/projects/" + project
                        + "/budgets/" + month))
                .header("Authorization", "Bearer " + admin.token()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"budgetEur\":100000000}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (raised.statusCode() != 200) {
            throw new IllegalStateException("raising the budget of " + project + " answered " + raised.statusCode()
                    + ": " + raised.body());
        }
    }

    private static void budgetedSubmits(URI base, List<DemoUser> users, Map<String, String> projectOf, int threads,
                                        int total, String label) throws Exception {
        String before = loadAverage();
        submitBenchmark(base, users, projectOf, threads, total, label);
        System.out.println("  load average before " + before + ", after " + loadAverage());
    }

    private static JsonNode budgetOf(URI base, DemoUser user) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(base.resolve("/v1/budgets"))
                .header("Authorization", "Bearer " + user.token()).GET().build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode status : eu.aifactory.api.Json.mapper().readTree(response.body())) {
            if (status.path("projectId").asText().equals(BUDGETED_PROJECT)) {
                return status;
            }
        }
        throw new IllegalStateException(BUDGETED_PROJECT + " has no budget status: " + response.body());
    }

    private static long queued(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM workloads WHERE project_id = :p AND status = 'QUEUED'")
                .bind("p", BUDGETED_PROJECT).mapTo(Long.class).one());
    }

    /** Adds {@code count} queued workloads to the budgeted project, in batches of 5,000 per transaction. */
    private static void fillQueue(Jdbi jdbi, String tenant, String userId, int count) {
        // The factory's month, so the queue's commitments count against the budget the submits are checked with.
        long now = TestClock.now().toEpochMilli();
        long start = System.nanoTime();
        String prefix = "wl-q" + Long.toString(now, 36);
        int done = 0;
        while (done < count) {
            int chunk = Math.min(5_000, count - done);
            int offset = done;
            jdbi.useTransaction(h -> {
                PreparedBatch batch = WorkloadStore.insertBatch(h);
                for (int i = 0; i < chunk; i++) {
                    String id = String.format(Locale.ROOT, "%s-%08d", prefix, offset + i);
                    WorkloadStore.addTo(batch, new WorkloadRow(id, tenant, BUDGETED_PROJECT, userId, null,
                            "queued " + (offset + i), "raw-material-price-forecast", "0.8.0", "rtx-pro-6000-x1",
                            "rtx-pro-6000", 1, Priority.LOW, Map.of("horizon", 12), Map.of(), WorkloadStatus.QUEUED,
                            "waiting for the scheduler", now + offset + i, null, null, 600, 0, null, null,
                            BigDecimal.ZERO, 0, 0, 0, 0));
                }
                batch.execute();
            });
            done += chunk;
        }
        jdbi.useHandle(h -> h.execute("ANALYZE"));
        System.out.printf(Locale.ROOT, "queue fill: %,d rows in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Map<String, String> projectOf(Jdbi jdbi, List<DemoUser> users) {
        Map<String, String> projectOf = new java.util.HashMap<>();
        for (DemoUser user : users) {
            String project = jdbi.withHandle(h -> h.createQuery(user.role() == Role.TENANT_ADMIN
                            ? "SELECT id FROM projects WHERE tenant_id = :t ORDER BY id LIMIT 1"
                            : "SELECT project_id FROM project_members WHERE user_id = :u ORDER BY project_id LIMIT 1")
                    .bind("t", user.tenantId()).bind("u", user.userId()).mapTo(String.class).one());
            projectOf.put(user.userId(), project);
        }
        return projectOf;
    }

    private static HttpRequest submitRequest(URI base, DemoUser user, String project, int i) {
        String body = "{\"appId\":\"raw-material-price-forecast\",\"appVersion\":\"0.8.0\",\"projectId\":\""
                + project + "\",\"planId\":\"rtx-pro-6000-x1\",\"name\":\"bench " + i + "\"}";
        return HttpRequest.newBuilder(base.resolve("/v1/workloads"))
                .header("Authorization", "Bearer " + user.token())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /**
     * One keep-alive HTTP/1.1 connection that writes a prepared submit and reads the answer's status and body: the
     * client shares the server's two cores, and java.net.http spends about as much CPU per request as the server's
     * HTTP layer does, so the figures would measure the client. One connection per client thread, as before.
     */
    private static final class KeepAlive implements java.io.Closeable {
        private final URI base;
        private final java.net.Socket socket;
        private final java.io.InputStream in;
        private final java.io.OutputStream out;
        private final byte[] buffer = new byte[16_384];
        private int start;
        private int end;

        KeepAlive(URI base) throws IOException {
            this.base = base;
            socket = new java.net.Socket(base.getHost(), base.getPort());
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
            out = new java.io.BufferedOutputStream(socket.getOutputStream(), 4_096);
        }

        byte[] submitRequest(DemoUser user, String project, int i) {
            java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
            String body = "{\"appId\":\"raw-material-price-forecast\",\"appVersion\":\"0.8.0\",\"projectId\":\""
                    + project + "\",\"planId\":\"rtx-pro-6000-x1\",\"name\":\"bench " + i + "\"}";
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String head = "POST /v1/workloads HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: Bearer " + user.token() + "\r\nContent-Type: application/json\r\n"
                    + "Idempotency-Key: " + new UUID(random.nextLong(), random.nextLong()) + "\r\nContent-Length: "
                    + bytes.length + "\r\n\r\n";
            byte[] headBytes = head.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(headBytes, headBytes.length + bytes.length);
            System.arraycopy(bytes, 0, request, headBytes.length, bytes.length);
            return request;
        }

        /** Sends the request and reads the whole answer (Content-Length or chunked); returns its status. */
        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (long chunk = Long.parseLong(line().trim(), 16); chunk > 0; chunk = Long.parseLong(line().trim(), 16)) {
                    skip(chunk);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            return code;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                if (start == end) {
                    fill();
                }
                byte b = buffer[start++];
                if (b == '\n') {
                    int n = line.length();
                    return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
                }
                line.append((char) b);
            }
        }

        private void skip(long count) throws IOException {
            while (count > 0) {
                if (start == end) {
                    fill();
                }
                int n = (int) Math.min(count, end - start);
                start += n;
                count -= n;
            }
        }

        private void fill() throws IOException {
            start = 0;
            end = in.read(buffer);
            if (end <= 0) {
                end = 0;
                throw new IOException("the server closed the connection");
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                System.err.println("closing a benchmark connection: " + e.getMessage());
            }
        }
    }

    /** One client thread submitting about 50 workloads per second until closed. */
    private static final class BackgroundSubmits implements AutoCloseable {
        private final Thread thread;
        private volatile boolean stop;

        BackgroundSubmits(URI base, List<DemoUser> users, Map<String, String> projectOf) {
            thread = new Thread(() -> {
                int i = 0;
                while (!stop) {
                    DemoUser user = users.get(i % users.size());
                    try {
                        CLIENT.send(submitRequest(base, user, projectOf.get(user.userId()), 1_000_000 + i++),
                                HttpResponse.BodyHandlers.discarding());
                        Thread.sleep(20);
                    } catch (IOException e) {
                        return;
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "background-submits");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            stop = true;
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void submitBenchmark(URI base, List<DemoUser> users, Jdbi jdbi, int threads, int total, String label)
            throws Exception {
        submitBenchmark(base, users, projectOf(jdbi, users), threads, total, label);
    }

    private static void submitBenchmark(URI base, List<DemoUser> users, Map<String, String> projectOf, int threads,
                                        int total, String label) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[total];
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long cpuStart = processCpuNanos();
        Map<String, Long> threadsStart = cpuByThreadGroup();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                KeepAlive connection = new KeepAlive(base);
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < total) {
                        DemoUser user = users.get(i % users.size());
                        byte[] request = connection.submitRequest(user, projectOf.get(user.userId()), i);
                        long s = System.nanoTime();
                        try {
                            if (connection.exchange(request) != 201) {
                                failures.incrementAndGet();
                            }
                        } catch (IOException e) {
                            failures.incrementAndGet();
                            connection.close();
                            connection = new KeepAlive(base);
                        }
                        latencies[i] = System.nanoTime() - s;
                    }
                } finally {
                    connection.close();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuStart;
        Map<String, Long> threadsEnd = cpuByThreadGroup();
        pool.shutdown();
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "submits (%s): %,d with %d client threads in %.2f s = %,.0f submits/s; "
                        + "latency p50 %.1f ms, p99 %.1f ms; failures %d; CPU (client + server) %.2f ms per submit%n", label,
                total, threads, elapsed / 1e9, total / (elapsed / 1e9), latencies[total / 2] / 1e6,
                latencies[(int) (total * 0.99)] / 1e6, failures.get(), cpu / 1e6 / total);
        StringBuilder split = new StringBuilder("  CPU per submit by thread group:");
        long[] threadsCpu = {0};
        threadsEnd.forEach((group, nanos) -> {
            long used = nanos - threadsStart.getOrDefault(group, 0L);
            threadsCpu[0] += used;
            split.append(String.format(Locale.ROOT, " %s %.2f ms;", group, used / 1e6 / total));
        });
        // The JVM's own threads (garbage collector, JIT compilers) are not among the threads listed.
        split.append(String.format(Locale.ROOT, " JVM (GC, JIT) %.2f ms", (cpu - threadsCpu[0]) / 1e6 / total));
        System.out.println(split);
    }

    private static long bulkInsert(Jdbi jdbi, DemoUser owner, int count) {
        List<String> projects = jdbi.withHandle(h -> h.createQuery("SELECT id FROM projects WHERE tenant_id = :t ORDER BY id")
                .bind("t", owner.tenantId()).mapTo(String.class).list());
        List<String> users = jdbi.withHandle(h -> h.createQuery("SELECT id FROM users WHERE tenant_id = :t ORDER BY id")
                .bind("t", owner.tenantId()).mapTo(String.class).list());
        Random random = new Random(42);
        long now = TestClock.now().toEpochMilli();
        long start = System.nanoTime();
        int done = 0;
        while (done < count) {
            int chunk = Math.min(5_000, count - done);
            int offset = done;
            jdbi.useTransaction(h -> {
                PreparedBatch batch = WorkloadStore.insertBatch(h);
                for (int i = 0; i < chunk; i++) {
                    long created = now - 365L * 86_400_000 + (long) (random.nextDouble() * 365L * 86_400_000);
                    int roll = random.nextInt(100);
                    WorkloadStatus status = roll < 5 ? WorkloadStatus.FAILED : roll < 9 ? WorkloadStatus.CANCELLED
                            : WorkloadStatus.SUCCEEDED;
                    String id = String.format(Locale.ROOT, "wl-bench%012d", offset + i);
                    WorkloadStore.addTo(batch, new WorkloadRow(id, owner.tenantId(), projects.get(random.nextInt(projects.size())),
                            users.get(random.nextInt(users.size())), null, "bulk workload " + (offset + i),
                            "raw-material-price-forecast", "0.8.0", "rtx-pro-6000-x1", "rtx-pro-6000", 1, Priority.NORMAL,
                            Map.of("horizon", 12), Map.of(), status, "historical", created, created + 60_000,
                            created + 4_860_000, 4_800, 4_800_000, null, null, BigDecimal.valueOf(3.5), 700, 2_520_000_000L,
                            4_800, 20));
                }
                batch.execute();
            });
            done += chunk;
        }
        // Fresh statistics, as a running database would have after autovacuum (PostgreSQL) or by itself (H2).
        jdbi.useHandle(h -> h.execute("ANALYZE"));
        System.out.printf(Locale.ROOT, "bulk insert: %,d rows in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
        return count;
    }

    /** First page and sixth page (cursor after five pages) for every sort key, both directions. */
    private static void sortBenchmark(URI base, String token, int runs) throws Exception {
        System.out.println("-- every sort key, both directions: first page and page 6 (cursor after 5 pages of 50); the limit "
                + "alternates 50/49 so that H2 cannot answer from the result of the previous, identical query");
        for (String key : List.of("createdAt", "status", "appId", "startedAt", "costEur", "energyKwh")) {
            for (String sort : List.of(key, "-" + key)) {
                String first = "/v1/workloads?sort=" + sort;
                String cursor = null;
                for (int page = 0; page < 5; page++) {
                    cursor = nextCursor(base, token, first + (cursor == null ? "" : "&cursor=" + cursor));
                }
                pageBenchmark(base, token, first, "first page", Math.max(1, runs / 10), runs, true);
                pageBenchmark(base, token, first + "&cursor=" + cursor, "page 6", Math.max(1, runs / 10), runs, true);
            }
        }
    }

    private static void pageBenchmark(URI base, String token, String path, String label) throws Exception {
        pageBenchmark(base, token, path, label, 200, 1_000, false);
    }

    private static void pageBenchmark(URI base, String token, String path, String label, int warmUp, int n,
                                      boolean alternateLimit) throws Exception {
        HttpRequest[] requests = new HttpRequest[alternateLimit ? 2 : 1];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = HttpRequest.newBuilder(base.resolve(alternateLimit ? path + "&limit=" + (50 - i) : path))
                    .header("Authorization", "Bearer " + token).GET().build();
        }
        for (int i = 0; i < warmUp; i++) {
            CLIENT.send(requests[i % requests.length], HttpResponse.BodyHandlers.ofByteArray());
        }
        long[] latencies = new long[n];
        int bytes = 0;
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            HttpResponse<byte[]> response = CLIENT.send(requests[i % requests.length], HttpResponse.BodyHandlers.ofByteArray());
            latencies[i] = System.nanoTime() - s;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            bytes = response.body().length;
        }
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "GET %-45s %-42s n %4d  p50 %6.2f ms  p99 %6.2f ms  (%,d bytes)%n",
                path.replaceAll("cursor=[^&]*", "cursor=..."), label, n,
                latencies[n / 2] / 1e6, latencies[(int) (n * 0.99)] / 1e6, bytes);
    }

    private static String nextCursor(URI base, String token) throws Exception {
        return nextCursor(base, token, "/v1/workloads");
    }

    private static String nextCursor(URI base, String token, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .GET().build();
        String body = CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return eu.aifactory.api.Json.mapper().readTree(body).path("nextCursor").asText();
    }

    /** CPU time of live threads, grouped into the HTTP server, the factory's own threads, H2, and the rest. */
    private static Map<String, Long> cpuByThreadGroup() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> groups = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = mx.getThreadCpuTime(info.getThreadId());
            String name = info.getThreadName();
            String group = name.startsWith("JettyServerThreadPool") ? "http-server"
                    : name.startsWith("factory-executor") ? "executor"
                    : name.startsWith("factory-events") ? "event-pump"
                    : name.startsWith("factory-group-commit") ? "group-commit"
                    : name.startsWith("H2") || name.startsWith("MVStore") ? "h2-background"
                    : name.startsWith("HttpClient") || name.startsWith("pool-") ? "bench-client" : "other";
            groups.merge(group, Math.max(0, nanos), Long::sum);
        }
        return groups;
    }

    /** CPU time of this whole process: a figure that, unlike wall time, other load on the machine barely skews. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String setting(Jdbi jdbi, String name) {
        return jdbi.withHandle(h -> h.createQuery("SHOW " + name).mapTo(String.class).one());
    }

    private static int intArg(String[] args, String name, int defaultValue) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return Integer.parseInt(arg.substring(name.length() + 1));
            }
        }
        return defaultValue;
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
