package eu.aifactory.server.exec.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.db.Database;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.Await;
import eu.aifactory.server.support.FactoryProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --engine slurm} in a JVM of its own, killed with SIGKILL while its jobs run: the jobs go on in Slurm,
 * end while the factory is down (one finishes, one fails, one is cancelled with scancel, one vanishes), and the
 * restarted factory gives each workload the final state Slurm gave its job.
 */
class SlurmCrashRestartTest {

    /** Runs until the test lets it end (file release), then fails if told to (file fail) or writes its result. */
    private static final String WAIT_FOR_RELEASE = "while [ ! -e release ]; do sleep 0.1; done; "
            + "if [ -e fail ]; then echo 'told to fail'; exit 3; fi; "
            + "echo 'month,eur' > output/scenarios.csv; echo released";
    /** Far above any job id this cluster hands out: Slurm has never heard of it. */
    private static final long UNKNOWN_JOB = 60_000_000L;

    @TempDir
    Path dir;

    @Test
    void aFactoryKilledWhileJobsRunGivesEveryWorkloadItsFinalStateAfterTheRestart() throws Exception {
        Optional<SlurmCluster> found = SlurmCluster.find();
        Assumptions.assumeTrue(found.isPresent(), SlurmCluster.HOW_TO_START);
        SlurmCluster cluster = found.get();
        Path dataDir = dir.resolve("data");
        Path jobs = dataDir.resolve("slurm-jobs");
        List<String> ids = new ArrayList<>();
        FactoryProcess factory = startFactory(cluster, dir, dataDir, 1);
        Api api = new Api(factory.base);
        try {
            String token = factory.demoToken("mp-anna-schmidt");
            String finishes = submit(api, token, "raw-material-price-forecast", "0.8.0");
            String fails = submit(api, token, "raw-material-price-forecast", "0.8.0");
            String cancelled = submit(api, token, "spindle-rul-prediction", "1.2.0");
            String vanishes = submit(api, token, "spindle-rul-prediction", "1.2.0");
            ids.addAll(List.of(finishes, fails, cancelled, vanishes));
            // Each workload's job as Slurm names it (123, or 123_4 for a task of an array job), from its reason.
            List<String> jobIds = new ArrayList<>();
            for (String id : ids) {
                JsonNode running = awaitStatus(api, token, id, "RUNNING");
                assertThat(running.path("statusReasonCode").asText()).isEqualTo("slurm-running");
                jobIds.add(running.path("statusReasonArgs").get(0).asText());
            }
            for (String jobId : jobIds) {
                assertThat(cluster.job(jobId).state()).as("Slurm job %s", jobId).isEqualTo("RUNNING");
            }

            factory.kill();

            Files.writeString(jobs.resolve(fails).resolve("fail"), "");
            Files.writeString(jobs.resolve(finishes).resolve("release"), "");
            Files.writeString(jobs.resolve(fails).resolve("release"), "");
            cluster.rest.cancel(jobIds.get(2));
            cluster.rest.cancel(jobIds.get(3));
            Await.until("the jobs to end in Slurm", () -> jobIds.stream().map(j -> cluster.job(j).state()).toList(),
                    s -> s.equals(List.of("COMPLETED", "FAILED", "CANCELLED", "CANCELLED")));
            // Cancelled, the fourth job's shell may or may not have written its exit record before the signal reached
            // it; the case under test is a job that left none.
            Files.deleteIfExists(jobs.resolve(vanishes).resolve(SlurmEngine.EXIT_RECORD));
            // slurmctld forgets an ended job only after MinJobAge (five minutes here): the factory's record of the
            // fourth workload is pointed at a job Slurm never had, which is what it finds once Slurm has forgotten.
            try (Database db = Database.open(ServerConfig.h2FileUrl(dataDir))) {
                int updated = db.jdbi().withHandle(h -> h.createUpdate(
                        "UPDATE slurm_jobs SET job_id = :job, array_task = NULL, job_name = NULL WHERE workload_id = :w")
                        .bind("job", UNKNOWN_JOB).bind("w", vanishes).execute());
                assertThat(updated).isEqualTo(1);
            }

            factory = startFactory(cluster, dir, dataDir, 2);
            api = new Api(factory.base);
            JsonNode done = awaitStatus(api, token, finishes, "SUCCEEDED");
            assertThat(done.path("statusReason").asText()).isEqualTo("finished; 1 result file written");
            assertThat(api.get("/v1/workloads/" + finishes + "/artifacts", token).json()).hasSize(1);

            JsonNode failed = awaitStatus(api, token, fails, "FAILED");
            assertThat(failed.path("statusReasonCode").asText()).isEqualTo("slurm-exit");
            assertThat(failed.path("statusReason").asText()).isEqualTo("Slurm job " + jobIds.get(1) + " exited with code 3");

            JsonNode cancelledInSlurm = awaitStatus(api, token, cancelled, "CANCELLED");
            assertThat(cancelledInSlurm.path("statusReasonCode").asText()).isEqualTo("slurm-cancelled");
            assertThat(cancelledInSlurm.path("statusReason").asText())
                    .isEqualTo("Slurm job " + jobIds.get(2) + " was cancelled in Slurm");

            JsonNode vanished = awaitStatus(api, token, vanishes, "FAILED");
            assertThat(vanished.path("statusReasonCode").asText()).isEqualTo("slurm-vanished");
            assertThat(vanished.path("statusReason").asText())
                    .isEqualTo("Slurm no longer knows job " + UNKNOWN_JOB + " and it left no exit record");
        } finally {
            factory.kill();
            cluster.cancelJobsUnder(jobs);
        }
    }

    private static String submit(Api api, String token, String app, String version) {
        String body = "{\"appId\":\"" + app + "\",\"appVersion\":\"" + version + "\",\"projectId\":\"mp-qs-drehteile\","
                + "\"planId\":\"rtx-pro-6000-x1\"}";
        Api.Response response = api.post("/v1/workloads", token, body, "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asText();
    }

    private static JsonNode awaitStatus(Api api, String token, String id, String status) {
        return Await.until(id + " to be " + status, () -> api.get("/v1/workloads/" + id, token).json(),
                w -> status.equals(w.path("status").asText()));
    }

    /** {@code serve --engine slurm --demo} as a child process on an H2 file in {@code dataDir}. */
    private static FactoryProcess startFactory(SlurmCluster cluster, Path dir, Path dataDir, int run) throws IOException {
        return FactoryProcess.start(FactoryProcess.TEST_JVM_OPTIONS, List.of(
                "--port", "0", "--data-dir", dataDir.toString(), "--demo", "--print-tokens",
                "--engine", "slurm", "--slurmrestd", cluster.restUrl.toString(), "--slurm-user", cluster.user,
                "--slurm-jwt-file", cluster.tokenFile.toString(), "--slurm-gres-type", "b200",
                "--slurm-app-command", "raw-material-price-forecast=" + WAIT_FOR_RELEASE,
                "--slurm-app-command", "spindle-rul-prediction=exec sleep 600"), dir, "factory-" + run);
    }
}
