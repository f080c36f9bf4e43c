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
        long jobId = jobId(factory, id);
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
        long jobId = jobId(factory, id);
        assertThat(failed.path("statusReason").asText()).isEqualTo("Slurm job " + jobId + " exited with code 7");
        assertThat(failed.path("statusReasonCode").asText()).isEqualTo("slurm-exit");
        assertThat(texts(failed.path("statusReasonArgs"))).containsExactly(Long.toString(jobId), "7");
        List<String> lines = texts(factory.api.get("/v1/workloads/" + id + "/logs", engineer).json().path("lines"));
        assertThat(lines).contains("reading prices", "stderr: no prices for this material");
        assertThat(cluster.job(jobId).state()).isEqualTo("FAILED");
    }

    @Test
    void cancellingARunningWorkloadCancelsItsSlurmJob() {
        String id = submit(factory, "spindle-rul-prediction", "1.2.0", "rtx-pro-6000-x1", "");
        awaitStatus(factory, id, "RUNNING");
        long jobId = jobId(factory, id);
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
            Files.list(otherRoot).forEach(dir -> cancelJobNamed(dir.getFileName().toString()));
        }
    }

    @Test
    void aRestartedFactoryGivesJobsThatEndedWhileItWasDownTheirFinalState(@TempDir Path dataDir) throws Exception {
        Path jobs = dataDir.resolve("jobs");
        ServerConfig config = new ServerConfig("127.0.0.1", 0, ServerConfig.h2FileUrl(dataDir), dataDir, true, 1)
                .withSlurm(cluster.settings(cluster.restUrl, jobs, Map.of(
                        // Runs until the test lets it finish, so the factory is down when it does.
                        "raw-material-price-forecast",
                        "while [ ! -e release ]; do sleep 0.1; done; echo 'month,eur' > output/scenarios.csv; echo released",
                        "spindle-rul-prediction", "exec sleep 600")));
        String finished;
        String cancelledInSlurm;
        long finishedJob;
        long cancelledJob;
        try (TestFactory first = TestFactory.start(config, 15_000)) {
            finished = submit(first, "raw-material-price-forecast", "0.8.0", "rtx-pro-6000-x1", "");
            cancelledInSlurm = submit(first, "spindle-rul-prediction", "1.2.0", "rtx-pro-6000-x1", "");
            awaitStatus(first, finished, "RUNNING");
            awaitStatus(first, cancelledInSlurm, "RUNNING");
            finishedJob = jobId(first, finished);
            cancelledJob = jobId(first, cancelledInSlurm);
        }
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
        } finally {
            if (Files.isDirectory(jobs)) {
                Files.list(jobs).forEach(dir -> cancelJobNamed(dir.getFileName().toString()));
            }
        }
    }

    /** Cancels the job of a workload (named after it) if Slurm still runs it. */
    private static void cancelJobNamed(String workloadId) {
        try {
            for (SlurmRest.Job job : cluster.rest.jobs(0).orElseThrow()) {
                if (job.name().equals(workloadId) && SlurmStates.phase(job.state()) != SlurmStates.Phase.ENDED) {
                    cluster.rest.cancel(job.id());
                }
            }
        } catch (SlurmRest.Unreachable e) {
            throw new AssertionError(e.getMessage(), e);
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
        List<Long> open = f.jdbi.withHandle(h -> h.createQuery("SELECT job_id FROM slurm_jobs WHERE finished = FALSE")
                .mapTo(Long.class).list());
        for (long jobId : open) {
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

    private static long jobId(TestFactory f, String workloadId) {
        return f.jdbi.withHandle(h -> h.createQuery("SELECT job_id FROM slurm_jobs WHERE workload_id = :w")
                .bind("w", workloadId).mapTo(Long.class).one());
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
