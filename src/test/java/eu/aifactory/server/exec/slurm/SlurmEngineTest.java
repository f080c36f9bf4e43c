package eu.aifactory.server.exec.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.Await;
import eu.aifactory.server.support.TestFactory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slurm engine against the real single-node Slurm of {@code installer/slurm/slurm-up}: workloads submitted
 * through the factory's API become Slurm jobs, run the reference app, and their stdout, results, cancels, failures,
 * queueing and a factory restart show through the API.
 */
class SlurmEngineTest {

    /** Apps whose jobs run a test command instead of the reference program. */
    private static final Map<String, String> COMMANDS = Map.of(
            "spindle-rul-prediction", "echo waiting for a cancel; exec sleep 600",
            "raw-material-price-forecast", "echo 'reading prices'; echo 'no prices for this material' >&2; exit 7",
            "llm-domain-fine-tuning", "echo training; exec sleep 600");
    private static final String BOUNDARY = "----slurm-test";

    @TempDir
    static Path jobRoot;

    private static SlurmCluster cluster;
    private static TestFactory factory;
    private static String engineer;

    @BeforeAll
    static void startFactoryOnSlurm() {
        Optional<SlurmCluster> found = SlurmCluster.find();
        Assumptions.assumeTrue(found.isPresent(), SlurmCluster.HOW_TO_START);
        cluster = found.get();
        factory = TestFactory.start(ServerConfig.inMemory(true, 1)
                .withSlurm(cluster.settings(cluster.restUrl, jobRoot, COMMANDS)), 15_000);
        engineer = factory.token("acme-eng");
    }

    @AfterEach
    void cancelWhatATestLeftRunning() {
        if (factory != null) {
            cancelLeftovers(factory);
        }
    }

    @AfterAll
    static void stop() {
        if (factory != null) {
            factory.close();
        }
    }

    @Test
    void aWorkloadRunsAsASlurmJobWithItsStdoutAsLogsAndItsResultFilesAsArtifacts() throws Exception {
        String dataset = upload(factory, "parts.png", png(3));
        String id = submit(factory, "visual-quality-inspection", "2.3.0", "b200-x1",
                ",\"inputs\":{\"images\":\"" + dataset + "\"},\"parameters\":{\"confidenceThreshold\":0.5}");

        JsonNode done = awaitStatus(factory, id, "SUCCEEDED");
        assertThat(done.path("statusReason").asText()).isEqualTo("finished; 2 result files written");
        String jobId = jobId(factory, id);
        SlurmRest.Job job = cluster.job(jobId);
        assertThat(job.name()).isEqualTo(id);
        assertThat(job.state()).isEqualTo("COMPLETED");

        JsonNode logs = factory.api.get("/v1/workloads/" + id + "/logs", engineer).json();
        List<String> lines = texts(logs.path("lines"));
        assertThat(lines).anyMatch(l -> l.startsWith("Slurm job " + jobId + " started on localhost"));
        assertThat(lines).contains("progress 100%: images/parts.png: image, 3 items, measure 0.0300");
        assertThat(logs.path("complete").asBoolean()).isTrue();

        JsonNode artifacts = factory.api.get("/v1/workloads/" + id + "/artifacts", engineer).json();
        assertThat(artifacts).hasSize(2);
        for (JsonNode artifact : artifacts) {
            Api.Response content = factory.api.get("/v1/artifacts/" + artifact.path("id").asText() + "/content", engineer);
            assertThat(content.status()).isEqualTo(200);
            byte[] onDisk = Files.readAllBytes(jobRoot.resolve(id).resolve("output").resolve(artifact.path("name").asText()));
            assertThat(content.bytes()).isEqualTo(onDisk);
            assertThat(artifact.path("sha256").asText()).isEqualTo(sha256(onDisk));
            assertThat(artifact.path("sizeBytes").asLong()).isEqualTo(onDisk.length);
            assertThat(artifact.path("mediaType").asText()).isEqualTo("text/csv");
        }
        String verdicts = Files.readString(jobRoot.resolve(id).resolve("output").resolve("verdicts.csv"));
        assertThat(verdicts).contains("images/parts.png,image,3,");
        List<String> provenance = factory.jdbi.withHandle(h -> h.createQuery(
                "SELECT DISTINCT provenance FROM power_samples WHERE workload_id = :w").bind("w", id).mapTo(String.class).list());
        assertThat(provenance).containsExactly(SlurmEngine.PROVENANCE);
    }

    @Test
    void aJobThatExitsNonZeroFailsItsWorkloadWithTheExitCode() {
        String id = submit(factory, "raw-material-price-forecast", "0.8.0", "rtx-pro-6000-x1", "");

        JsonNode failed = awaitStatus(factory, id, "FAILED");
        String jobId = jobId(factory, id);
        assertThat(failed.path("statusReason").asText()).isEqualTo("Slurm job " + jobId + " exited with code 7");
        assertThat(failed.path("statusReasonCode").asText()).isEqualTo("slurm-exit");
        assertThat(texts(failed.path("statusReasonArgs"))).containsExactly(jobId, "7");
        List<String> lines = texts(factory.api.get("/v1/workloads/" + id + "/logs", engineer).json().path("lines"));
        assertThat(lines).contains("reading prices", "stderr: no prices for this material");
        assertThat(cluster.job(jobId).state()).isEqualTo("FAILED");
    }

    @Test
    void cancellingARunningWorkloadCancelsItsSlurmJob() {
        String id = submit(factory, "spindle-rul-prediction", "1.2.0", "rtx-pro-6000-x1", "");
        awaitStatus(factory, id, "RUNNING");
        String jobId = jobId(factory, id);
        assertThat(cluster.job(jobId).state()).isEqualTo("RUNNING");

        Api.Response cancel = factory.api.post("/v1/workloads/" + id + "/cancel", engineer, null);
        assertThat(cancel.status()).isEqualTo(202);

        JsonNode cancelled = awaitStatus(factory, id, "CANCELLED");
        assertThat(cancelled.path("statusReasonCode").asText()).isEqualTo("cancelled-running");
        assertThat(cluster.job(jobId).state()).isEqualTo("CANCELLED");
    }

    @Test
    void aWorkloadWaitsInTheQueueWithSlurmsReasonWhileTheGpusAreTaken() {
        String first = submit(factory, "llm-domain-fine-tuning", "2.0.0", "dgx-b200-x1", "");
        awaitStatus(factory, first, "RUNNING");
        String second = submit(factory, "llm-domain-fine-tuning", "2.0.0", "dgx-b200-x1", "");

        JsonNode waiting = Await.until("the second job to wait for GPUs", () -> workload(factory, second),
                w -> "slurm-resources".equals(w.path("statusReasonCode").asText()));
        assertThat(waiting.path("status").asText()).isEqualTo("QUEUED");
        assertThat(waiting.path("statusReason").asText())
                .isEqualTo("Slurm job " + jobId(factory, second) + " is waiting for free GPUs");

        factory.api.post("/v1/workloads/" + first + "/cancel", engineer, null);
        factory.api.post("/v1/workloads/" + second + "/cancel", engineer, null);
        awaitStatus(factory, first, "CANCELLED");
        awaitStatus(factory, second, "CANCELLED");
    }

    @Test
    void submitsAnswer503WhileSlurmrestdIsAwayAndTheFactoryCatchesUpAfter(@TempDir Path otherRoot) throws Exception {
        try (TcpRelay relay = new TcpRelay(cluster.restUrl);
             TestFactory own = TestFactory.start(ServerConfig.inMemory(true, 1)
                     .withSlurm(cluster.settings(relay.uri(), otherRoot, COMMANDS)), 15_000)) {
            String before = submit(own, "spindle-rul-prediction", "1.2.0", "rtx-pro-6000-x1", "");
            awaitStatus(own, before, "RUNNING");
            relay.stop();

            // Submits taken before the engine notices are stored and wait for Slurm; once it has, they are refused.
            List<String> taken = new ArrayList<>();
            Await.until("a submit to be refused", () -> {
                Api.Response r = post(own, "raw-material-price-forecast", "0.8.0", "rtx-pro-6000-x1", "");
                if (r.status() == 201) {
                    taken.add(r.json().path("id").asText());
                }
                return r.status();
            }, status -> status == 503);
            int stored = countWorkloads(own);
            Api.Response refused = post(own, "raw-material-price-forecast", "0.8.0", "rtx-pro-6000-x1", "");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.problemType()).isEqualTo("unavailable");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(countWorkloads(own)).isEqualTo(stored);
            Api.Response cancel = own.api.post("/v1/workloads/" + before + "/cancel", own.token("acme-eng"), null);
            assertThat(cancel.status()).isEqualTo(202);

            relay.start();
            Api.Response accepted = Await.until("a submit to be taken again",
                    () -> post(own, "raw-material-price-forecast", "0.8.0", "rtx-pro-6000-x1", ""), r -> r.status() == 201);
            taken.add(accepted.json().path("id").asText());
            for (String id : taken) {
                JsonNode failed = awaitStatus(own, id, "FAILED");
                assertThat(failed.path("statusReasonCode").asText()).isEqualTo("slurm-exit");
            }
            awaitStatus(own, before, "CANCELLED");
            assertThat(cluster.job(jobId(own, before)).state()).isEqualTo("CANCELLED");
        } finally {
            cluster.cancelJobsUnder(otherRoot);
        }
    }

    @Test
    void aRestartedFactoryGivesJobsThatEndedWhileItWasDownTheirFinalState(@TempDir Path dataDir) throws Exception {
        Path jobs = dataDir.resolve("jobs");
        ServerConfig config = new ServerConfig("127.0.0.1", 0, ServerConfig.h2FileUrl(dataDir), dataDir, true, 1)
                .withSlurm(cluster.settings(cluster.restUrl, jobs, Map.of(
                        // Runs until the test lets it finish, so the factory is down when it does.
                        "raw-material-price-forecast",
                        "while [ ! -e release ]; do sleep 0.1; done; echo 'month,eur' > output/scenarios.csv; echo released")));
        String finished;
        String cancelledInSlurm;
        String finishedJob;
        String cancelledJob;
        try (TestFactory first = TestFactory.start(config, 15_000)) {
            // Handed to Slurm in one pass: the two are tasks of one array job.
            List<String> ids = submitTogether(first, 2);
            finished = ids.get(0);
            cancelledInSlurm = ids.get(1);
            awaitStatus(first, finished, "RUNNING");
            awaitStatus(first, cancelledInSlurm, "RUNNING");
            finishedJob = jobId(first, finished);
            cancelledJob = jobId(first, cancelledInSlurm);
            assertThat(List.of(finishedJob, cancelledJob)).allMatch(ref -> ref.matches("\\d+_[01]"));
        }
        try {
            Files.writeString(jobs.resolve(finished).resolve("release"), "");
            cluster.rest.cancel(cancelledJob);
            Await.until("both jobs to end in Slurm", () -> List.of(cluster.job(finishedJob).state(),
                    cluster.job(cancelledJob).state()), s -> s.equals(List.of("COMPLETED", "CANCELLED")));

            try (TestFactory second = TestFactory.start(config, 15_000)) {
                JsonNode done = awaitStatus(second, finished, "SUCCEEDED");
                assertThat(done.path("statusReason").asText()).isEqualTo("finished; 1 result file written");
                assertThat(texts(second.api.get("/v1/workloads/" + finished + "/logs", second.token("acme-eng")).json()
                        .path("lines"))).contains("released");
                JsonNode cancelled = awaitStatus(second, cancelledInSlurm, "CANCELLED");
                assertThat(cancelled.path("statusReason").asText())
                        .isEqualTo("Slurm job " + cancelledJob + " was cancelled in Slurm");
                assertThat(cancelled.path("statusReasonCode").asText()).isEqualTo("slurm-cancelled");
            }
        } finally {
            cluster.cancelJobsUnder(jobs);
        }
    }

    @Test
    void workloadsHandedOverTogetherRunAsOneArrayJobAndEachKeepsItsOwnLogResultExitAndCancel(@TempDir Path jobs) {
        // Each task writes its workload's id to stdout, stderr and its result; one exits 3 at once, the others wait for
        // the test to release them.
        String command = "echo \"out of $AIF_WORKLOAD_ID\"; echo \"err of $AIF_WORKLOAD_ID\" >&2; "
                + "if [ -e \"../$AIF_WORKLOAD_ID.fail\" ]; then exit 3; fi; "
                + "while [ ! -e \"../$AIF_WORKLOAD_ID.release\" ]; do sleep 0.1; done; "
                + "echo \"month,$AIF_WORKLOAD_ID\" > output/scenarios.csv";
        try (TestFactory own = TestFactory.start(ServerConfig.inMemory(true, 1)
                .withSlurm(cluster.settings(cluster.restUrl, jobs, Map.of("raw-material-price-forecast", command))), 15_000)) {
            List<String> ids = submitTogether(own, 4, i -> i == 1 ? "fail" : null, jobs);
            String runs = ids.get(0);
            String fails = ids.get(1);
            String cancelled = ids.get(2);
            String alsoRuns = ids.get(3);

            JsonNode failed = awaitStatus(own, fails, "FAILED");
            for (String id : List.of(runs, cancelled, alsoRuns)) {
                awaitStatus(own, id, "RUNNING");
            }
            // One submit: the four are tasks 0 to 3 of one array job, and Slurm lists each of them.
            List<String> refs = ids.stream().map(id -> jobId(own, id)).toList();
            String array = refs.get(0).substring(0, refs.get(0).indexOf('_'));
            assertThat(refs).containsExactly(array + "_0", array + "_1", array + "_2", array + "_3");
            assertThat(refs).allMatch(ref -> cluster.job(ref) != null);
            assertThat(failed.path("statusReason").asText()).isEqualTo("Slurm job " + array + "_1 exited with code 3");
            assertThat(failed.path("statusReasonCode").asText()).isEqualTo("slurm-exit");
            assertThat(texts(failed.path("statusReasonArgs"))).containsExactly(array + "_1", "3");
            assertThat(workload(own, runs).path("statusReason").asText())
                    .isEqualTo("running as Slurm job " + array + "_0 on localhost");

            assertThat(own.api.post("/v1/workloads/" + cancelled + "/cancel", own.token("acme-eng"), null).status())
                    .isEqualTo(202);
            awaitStatus(own, cancelled, "CANCELLED");
            assertThat(cluster.job(array + "_2").state()).isEqualTo("CANCELLED");
            assertThat(cluster.job(array + "_0").state()).isEqualTo("RUNNING");
            assertThat(cluster.job(array + "_3").state()).isEqualTo("RUNNING");
            assertThat(workload(own, runs).path("status").asText()).isEqualTo("RUNNING");

            for (String id : List.of(runs, alsoRuns)) {
                write(jobs.resolve(id + ".release"));
            }
            for (String id : List.of(runs, alsoRuns)) {
                awaitStatus(own, id, "SUCCEEDED");
                List<String> lines = texts(own.api.get("/v1/workloads/" + id + "/logs", own.token("acme-eng")).json()
                        .path("lines"));
                assertThat(lines).contains("out of " + id, "stderr: err of " + id);
                assertThat(lines).noneMatch(l -> ids.stream().filter(other -> !other.equals(id)).anyMatch(l::contains));
                JsonNode artifacts = own.api.get("/v1/workloads/" + id + "/artifacts", own.token("acme-eng")).json();
                assertThat(artifacts).hasSize(1);
                Api.Response content = own.api.get("/v1/artifacts/" + artifacts.get(0).path("id").asText() + "/content",
                        own.token("acme-eng"));
                assertThat(new String(content.bytes(), StandardCharsets.UTF_8)).isEqualTo("month," + id + "\n");
            }
            List<String> failedLines = texts(own.api.get("/v1/workloads/" + fails + "/logs", own.token("acme-eng")).json()
                    .path("lines"));
            assertThat(failedLines).contains("out of " + fails, "stderr: err of " + fails);
        } finally {
            cluster.cancelJobsUnder(jobs);
        }
    }

    @Test
    void tasksOfAnArraySubmittedJustBeforeACrashAreAdoptedNotSubmittedAgain(@TempDir Path jobs) throws Exception {
        try (TestFactory own = TestFactory.start(ServerConfig.inMemory(true, 1)
                .withSlurm(cluster.settings(cluster.restUrl, jobs, Map.of("raw-material-price-forecast", "true"))), 15_000)) {
            // What a factory that crashed between the array's submit and storing its records leaves: queued workloads
            // without records, each directory naming the array and its task, and the array job in Slurm.
            String name = SlurmEngine.ARRAY_NAME + "-" + UUID.randomUUID();
            List<String> ids = new ArrayList<>();
            long[] arrayJob = new long[1];
            own.server.engine().whilePaused(() -> {
                try {
                    for (int task = 0; task < 2; task++) {
                        String id = submit(own, "raw-material-price-forecast", "0.8.0", "rtx-pro-6000-x1", "");
                        ids.add(id);
                        Files.createDirectories(jobs.resolve(id));
                        Files.writeString(jobs.resolve(id).resolve(SlurmEngine.ARRAY_TASK), name + " " + task + "\n");
                    }
                    Path arrayDir = Files.createDirectories(jobs.resolve(SlurmEngine.ARRAYS).resolve(name));
                    arrayJob[0] = cluster.rest.submit(new SlurmRest.JobRequest(name, "rtx-pro-6000", "gpu:b200:1", 10,
                            arrayDir.toString(), arrayDir.resolve("task-%a.out").toString(),
                            arrayDir.resolve("task-%a.err").toString(), Map.of("PATH", "/usr/bin:/bin"),
                            "#!/bin/bash\nsleep 1\n", "0-1"));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });

            for (String id : ids) {
                awaitStatus(own, id, "SUCCEEDED");
            }
            assertThat(ids.stream().map(id -> jobId(own, id)).toList())
                    .containsExactly(arrayJob[0] + "_0", arrayJob[0] + "_1");
            // The engine made no array of its own (it would have a directory here) and no plain job.
            try (var arrays = Files.list(jobs.resolve(SlurmEngine.ARRAYS))) {
                assertThat(arrays.map(p -> p.getFileName().toString())).containsExactly(name);
            }
            assertThat(cluster.jobs()).noneMatch(j -> ids.contains(j.name()));
        } finally {
            cluster.cancelJobsUnder(jobs);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String submit(TestFactory f, String app, String version, String plan, String extra) {
        Api.Response response = post(f, app, version, plan, extra);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asText();
    }

    private static Api.Response post(TestFactory f, String app, String version, String plan, String extra) {
        String body = "{\"appId\":\"" + app + "\",\"appVersion\":\"" + version + "\",\"projectId\":\"acme-qs\","
                + "\"planId\":\"" + plan + "\"" + extra + "}";
        return f.api.post("/v1/workloads", f.token("acme-eng"), body, "Idempotency-Key", UUID.randomUUID().toString());
    }

    /** Cancels the factory's jobs still in Slurm, so a failed test does not hold GPUs the next one needs. */
    private static void cancelLeftovers(TestFactory f) {
        List<String> open = f.jdbi.withHandle(h -> h.createQuery("SELECT job_id, array_task FROM slurm_jobs WHERE finished = FALSE")
                .map((rs, ctx) -> SlurmRest.ref(rs.getLong("job_id"), (Integer) rs.getObject("array_task", Integer.class)))
                .list());
        for (String jobId : open) {
            try {
                cluster.rest.cancel(jobId);
            } catch (SlurmRest.Unreachable e) {
                throw new AssertionError(e.getMessage(), e);
            }
        }
    }

    private static int countWorkloads(TestFactory f) {
        return f.jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM workloads").mapTo(Integer.class).one());
    }

    private static JsonNode workload(TestFactory f, String id) {
        return f.api.get("/v1/workloads/" + id, f.token("acme-eng")).json();
    }

    private static JsonNode awaitStatus(TestFactory f, String id, String status) {
        return Await.until(id + " to be " + status, () -> workload(f, id), w -> status.equals(w.path("status").asText()));
    }

    /** The workload's job as Slurm names it: {@code 123}, or {@code 123_4} for a task of an array job. */
    private static String jobId(TestFactory f, String workloadId) {
        return f.jdbi.withHandle(h -> h.createQuery("SELECT job_id, array_task FROM slurm_jobs WHERE workload_id = :w")
                .bind("w", workloadId)
                .map((rs, ctx) -> SlurmRest.ref(rs.getLong("job_id"), (Integer) rs.getObject("array_task", Integer.class)))
                .one());
    }

    /**
     * Submits {@code count} forecasts while the engine is between two passes, so its next pass hands them to Slurm
     * together; {@code marker} may name, for the i-th, a file {@code <jobRoot>/<id>.<marker>} made before that pass.
     */
    private static List<String> submitTogether(TestFactory f, int count, IntFunction<String> marker, Path jobRoot) {
        List<String> ids = new ArrayList<>();
        f.server.engine().whilePaused(() -> {
            for (int i = 0; i < count; i++) {
                String id = submit(f, "raw-material-price-forecast", "0.8.0", "rtx-pro-6000-x1", "");
                ids.add(id);
                String name = marker.apply(i);
                if (name != null) {
                    write(jobRoot.resolve(id + "." + name));
                }
            }
        });
        return ids;
    }

    private static List<String> submitTogether(TestFactory f, int count) {
        return submitTogether(f, count, i -> null, null);
    }

    private static void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.isTextual() ? n.asText() : n.path("text").asText()));
        return texts;
    }

    /** A white 100×100 image with {@code spots} black 10×10 squares apart from each other. */
    private static byte[] png(int spots) throws Exception {
        BufferedImage image = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 100, 100);
        g.setColor(Color.BLACK);
        for (int i = 0; i < spots; i++) {
            g.fillRect(10 + i * 30, 40, 10, 10);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String upload(TestFactory f, String name, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"projectId\"\r\n\r\nacme-qs\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Api.Response response = f.api.send(f.api.request("/v1/datasets", f.token("acme-eng"), "Content-Type",
                "multipart/form-data; boundary=" + BOUNDARY).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asText();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
