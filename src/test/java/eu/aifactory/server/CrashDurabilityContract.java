package eu.aifactory.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.server.cli.ServeCommand;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.FactoryProcess;
import eu.aifactory.server.support.TestDatabases;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs the factory as its own process, fires a few hundred concurrent submits at it, kills it with SIGKILL once a
 * share of them is acknowledged, restarts it on the same database and checks the promise of a 2xx: every acknowledged
 * workload is there under the id it was given, and a retry with the same Idempotency-Key never creates a second one.
 */
abstract class CrashDurabilityContract {

    private static final int SUBMITS_PER_ROUND = 200;
    private static final int CLIENTS = 16;
    /** Kill points: the share of a round's submits acknowledged when the factory is killed. */
    private static final int[] KILL_AT_PERCENT = {30, 50, 70};
    private static final String TENANT = "crash-test";
    private static final String PROJECT = "crash-test-line-1";

    private final TestDatabases.Kind kind;

    @TempDir
    Path dir;

    CrashDurabilityContract(TestDatabases.Kind kind) {
        this.kind = kind;
    }

    @Test
    void noAcknowledgedSubmitIsLostAndNoRetryCreatesASecondWorkloadAfterAKill() throws Exception {
        // H2 runs on the URL an operator gets without --db; PostgreSQL on a database of the embedded server.
        String db = kind == TestDatabases.Kind.H2 ? null : TestDatabases.freshUrl(TestDatabases.Kind.POSTGRES);
        Path dataDir = dir.resolve("data");
        String token = prepareTenant(dataDir, db);
        List<Submit> submitted = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        FactoryProcess factory = startFactory(dir, dataDir, db, 0);
        try {
            for (int round = 1; round <= KILL_AT_PERCENT.length; round++) {
                int killAt = SUBMITS_PER_ROUND * KILL_AT_PERCENT[round - 1] / 100;
                List<Submit> submits = new ArrayList<>();
                for (int i = 0; i < SUBMITS_PER_ROUND; i++) {
                    submits.add(new Submit("crash round " + round + " #" + i));
                }
                long fired = System.nanoTime();
                int acknowledged = fireAndKill(clients, factory, token, submits, killAt);
                submitted.addAll(submits);
                long killed = System.nanoTime();
                factory = startFactory(dir, dataDir, db, round);
                long restarted = System.nanoTime();
                System.out.printf("%s crash round %d: killed at the %d. of %d submits acknowledged (%d acknowledged "
                                + "in all) after %d ms, restarted in %d ms%n", kind, round, killAt, SUBMITS_PER_ROUND,
                        acknowledged, (killed - fired) / 1_000_000, (restarted - killed) / 1_000_000);
                checkAfterRestart(clients, new Api(factory.base), token, submitted, submits);
                System.out.printf("  checked in %d ms%n", (System.nanoTime() - restarted) / 1_000_000);
            }
        } finally {
            factory.kill();
            clients.shutdownNow();
        }
    }

    /** A tenant without budgets (nothing but durability can refuse a submit) and a tenant admin's token. */
    private static String prepareTenant(Path dataDir, String db) {
        List<String> parent = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        if (db != null) {
            parent.addAll(List.of("--db", db));
        }
        serve(parent, "create-tenant", "--name", "Crash Test GmbH", "--id", TENANT);
        serve(parent, "create-user", "--tenant", TENANT, "--name", "Ada Admin", "--email", "ada@crash.example",
                "--role", "tenant-admin", "--project", "line-1", "--id", "crash-admin");
        return serve(parent, "create-token", "--user", "crash-admin").strip();
    }

    private static String serve(List<String> parent, String... subcommand) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new ServeCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(parent);
        args.addAll(List.of(subcommand));
        assertThat(command.execute(args.toArray(String[]::new))).as("serve %s: %s", subcommand[0], err).isZero();
        String[] lines = out.toString().strip().split("\n");
        return lines[lines.length - 1];
    }

    /** Sends every submit from {@link #CLIENTS} threads; the thread that sees the {@code killAt}-th 2xx kills the factory. */
    private static int fireAndKill(ExecutorService clients, FactoryProcess factory, String token, List<Submit> submits,
                                   int killAt) throws Exception {
        Api api = new Api(factory.base);
        AtomicInteger acknowledged = new AtomicInteger();
        List<Future<?>> sent = new ArrayList<>();
        for (Submit submit : submits) {
            sent.add(clients.submit(() -> {
                try {
                    Api.Response response = submit.send(api, token);
                    if (response.status() / 100 == 2) {
                        submit.acknowledgedId = response.json().path("id").asText();
                        if (acknowledged.incrementAndGet() == killAt) {
                            factory.kill();
                        }
                    }
                } catch (UncheckedIOException e) {
                    // No answer: the factory died with the request in flight or before it was sent.
                }
            }));
        }
        for (Future<?> future : sent) {
            future.get();
        }
        assertThat(acknowledged.get()).as("acknowledged submits").isGreaterThanOrEqualTo(killAt);
        return acknowledged.get();
    }

    /**
     * Retries this round's submits as a client would (same key and body, answered or not), then checks every submit of
     * every round so far against the workloads the factory lists.
     */
    private static void checkAfterRestart(ExecutorService clients, Api api, String token, List<Submit> submits,
                                          List<Submit> round) throws Exception {
        Map<Submit, Api.Response> retries = new ConcurrentHashMap<>();
        List<Future<?>> sent = new ArrayList<>();
        for (Submit submit : round) {
            sent.add(clients.submit(() -> retries.put(submit, submit.send(api, token))));
        }
        for (Future<?> future : sent) {
            future.get();
        }
        List<String> answeredDifferently = new ArrayList<>();
        for (Submit submit : round) {
            Api.Response retry = retries.get(submit);
            String id = retry.status() / 100 == 2 ? retry.json().path("id").asText() : null;
            if (submit.acknowledgedId != null ? retry.status() != 200 || !submit.acknowledgedId.equals(id)
                    : retry.status() != 200 && retry.status() != 201) {
                answeredDifferently.add(submit.name + " (first answer " + submit.acknowledgedId + "): " + retry);
            }
            submit.retriedId = id;
        }
        Map<String, List<String>> idsByName = idsByName(api, token);
        Set<String> ids = idsByName.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        List<String> lost = submits.stream().map(s -> s.acknowledgedId).filter(id -> id != null && !ids.contains(id))
                .toList();
        List<String> notExactlyOnce = new ArrayList<>();
        for (Submit submit : submits) {
            List<String> named = idsByName.getOrDefault(submit.name, List.of());
            String expected = submit.acknowledgedId != null ? submit.acknowledgedId : submit.retriedId;
            if (named.size() != 1 || !named.get(0).equals(expected)) {
                notExactlyOnce.add(submit.name + " -> " + named);
            }
        }
        System.out.printf("  %d workloads listed, %d acknowledged ones lost, %d of %d unanswered submits had been "
                        + "committed (their retry answered 200)%n", ids.size(), lost.size(),
                round.stream().filter(s -> s.acknowledgedId == null && retries.get(s).status() == 200).count(),
                round.stream().filter(s -> s.acknowledgedId == null).count());

        assertThat(lost).as("acknowledged workloads missing after the restart").isEmpty();
        assertThat(answeredDifferently).as("retries with the same Idempotency-Key").isEmpty();
        assertThat(notExactlyOnce).as("workloads per submit (exactly one each)").isEmpty();
        assertThat(ids).as("workloads of the tenant").hasSize(submits.size());
        // From here on the client holds an answer for every submit of the round.
        round.forEach(s -> s.acknowledgedId = s.retriedId);
    }

    private static Map<String, List<String>> idsByName(Api api, String token) {
        Map<String, List<String>> ids = new HashMap<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/v1/workloads?limit=500" + (cursor == null ? "" : "&cursor=" + cursor), token).json();
            page.path("items").forEach(w -> ids.computeIfAbsent(w.path("name").asText(), n -> new ArrayList<>())
                    .add(w.path("id").asText()));
            cursor = page.path("nextCursor").isMissingNode() || page.path("nextCursor").isNull() ? null
                    : page.path("nextCursor").asText();
        } while (cursor != null);
        return ids;
    }

    /** One client request: a unique key and name, the same body on every send. */
    private static final class Submit {
        final String key = UUID.randomUUID().toString();
        final String name;
        final String body;
        volatile String acknowledgedId;
        volatile String retriedId;

        Submit(String name) {
            this.name = name;
            this.body = "{\"appId\":\"raw-material-price-forecast\",\"appVersion\":\"0.8.0\",\"projectId\":\"" + PROJECT
                    + "\",\"planId\":\"rtx-pro-6000-x1\",\"name\":\"" + name + "\"}";
        }

        Api.Response send(Api api, String token) {
            return api.post("/v1/workloads", token, body, "Idempotency-Key", key);
        }
    }

    /** {@code serve} in a JVM of its own (run {@code run}), so that killing it is a real crash of the factory. */
    private static FactoryProcess startFactory(Path dir, Path dataDir, String db, int run) throws IOException {
        List<String> serve = new ArrayList<>(List.of(
                // Simulated work barely moves: the submits are all the factory writes.
                "--port", "0", "--data-dir", dataDir.toString(), "--time-scale", "0.01"));
        if (db != null) {
            serve.addAll(List.of("--db", db));
        }
        return FactoryProcess.start(FactoryProcess.TEST_JVM_OPTIONS, serve, dir, "factory-" + run);
    }
}
