package eu.aifactory.server.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark harness (not a test) against a running factory, so the same figures can be taken of a factory with and
 * without abuse limits: how many requests with made-up tokens it answers per second (and how many of those it
 * actually checked, 401, rather than refused unread, 429), and the rate and latency of a normal authenticated
 * request ({@code GET /v1/me}).
 *
 * <p>Start a factory ({@code tenant-portal serve --demo --port 18080 --print...}), then
 * {@code mvn -B -ntp -Pbench test-compile exec:java@abuse-benchmark -Dabuse.bench.args="url=http://127.0.0.1:18080
 * token=afp_... seconds=10 threads=4"}; {@code phase=bad} or {@code phase=good} runs one half only.
 */
public final class AbuseLimitsBenchmark {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AbuseLimitsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            options.put(kv[0], kv.length == 2 ? kv[1] : "");
        }
        URI base = URI.create(options.getOrDefault("url", "http://127.0.0.1:18080"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "4"));
        String phase = options.getOrDefault("phase", "both");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        if (!phase.equals("good")) {
            run("made-up tokens", client, base, null, seconds, threads);
        }
        if (!phase.equals("bad")) {
            String token = options.get("token");
            if (token == null) {
                throw new IllegalArgumentException("token=<a valid API token> is needed for the normal requests");
            }
            run("GET /v1/me, valid token", client, base, token, seconds, threads);
        }
    }

    private static void run(String label, HttpClient client, URI base, String token, int seconds, int threads)
            throws Exception {
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        List<long[]> latencies = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                long[] samples = new long[4_000_000];
                int n = 0;
                while (System.nanoTime() < end) {
                    String bearer = token != null ? token : madeUp();
                    HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/me"))
                            .header("Authorization", "Bearer " + bearer).timeout(Duration.ofSeconds(30)).GET().build();
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (n < samples.length) {
                        samples[n++] = System.nanoTime() - t0;
                    }
                    statuses.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
                }
                return Arrays.copyOf(samples, n);
            }));
        }
        for (Future<long[]> f : futures) {
            latencies.add(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        long total = all.length;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-26s %,8.0f answers/s over %.1f s (%d threads)",
                label, total / elapsed, elapsed, threads));
        new TreeMap<>(statuses).forEach((status, count) -> line.append(String.format(Locale.ROOT, "  %d: %,.0f/s",
                status, count.get() / elapsed)));
        if (total > 0) {
            line.append(String.format(Locale.ROOT, "  p50 %.2f ms  p99 %.2f ms", all[(int) (total * 0.5)] / 1e6,
                    all[(int) Math.min(total - 1, total * 0.99)] / 1e6));
        }
        System.out.println(line);
    }

    /** A token in the factory's format that no factory issued. */
    private static String madeUp() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "afp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
