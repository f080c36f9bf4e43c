package eu.aifactory.server.exec.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.server.util.StatusReasons;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Slurm engine's parts that need no Slurm: state mapping, reasons, log tailing, the reference app, the version check. */
class SlurmPartsTest {

    private static SlurmRest.Job job(String state, String reason, int exitStatus) {
        return new SlurmRest.Job(42, "wl-1", state, reason, exitStatus, 100, 160, "localhost", 30, 0, null, "");
    }

    @Test
    void slurmsPendingReasonsBecomeCodedReasons() {
        assertThat(StatusReasons.of(SlurmStates.pendingReason("42", "Resources")))
                .hasValue(new StatusReasons.Coded("slurm-resources", List.of("42")));
        assertThat(StatusReasons.of(SlurmStates.pendingReason("42", "Priority")))
                .hasValue(new StatusReasons.Coded("slurm-priority", List.of("42")));
        assertThat(StatusReasons.of(SlurmStates.pendingReason("42", "QOSMaxGRESPerUser")))
                .hasValue(new StatusReasons.Coded("slurm-limit", List.of("42", "QOSMaxGRESPerUser")));
        assertThat(StatusReasons.of(SlurmStates.pendingReason("42", "ReqNodeNotAvail")))
                .hasValue(new StatusReasons.Coded("slurm-nodes", List.of("42", "ReqNodeNotAvail")));
        assertThat(StatusReasons.of(SlurmStates.pendingReason("42", "None")))
                .hasValue(new StatusReasons.Coded("slurm-pending", List.of("42")));
        assertThat(StatusReasons.of(SlurmStates.pendingReason("42", "Dependency")))
                .hasValue(new StatusReasons.Coded("slurm-waiting", List.of("42", "Dependency")));
        assertThat(StatusReasons.of(SlurmStates.runningReason("42", "localhost")))
                .hasValue(new StatusReasons.Coded("slurm-running", List.of("42", "localhost")));
        assertThat(StatusReasons.code(SlurmStates.startingReason("42", "localhost"))).isEqualTo("slurm-starting");
        assertThat(StatusReasons.code(SlurmStates.vanished("42"))).isEqualTo("slurm-vanished");
        assertThat(StatusReasons.of(SlurmStates.refused("Requested node configuration is not available")))
                .hasValue(new StatusReasons.Coded("slurm-refused", List.of("Requested node configuration is not available")));
    }

    @Test
    void aTaskOfAnArrayJobIsNamedAsSqueueNamesItInEveryReason() {
        assertThat(StatusReasons.of(SlurmStates.runningReason("31045_7", "localhost")))
                .hasValue(new StatusReasons.Coded("slurm-running", List.of("31045_7", "localhost")));
        assertThat(StatusReasons.of(SlurmStates.pendingReason("31045_7", "Resources")))
                .hasValue(new StatusReasons.Coded("slurm-resources", List.of("31045_7")));
        SlurmRest.Job task = new SlurmRest.Job(31052, "aif-array-x", "FAILED", "NonZeroExitCode", 3 << 8, 100, 160,
                "localhost", 30, 31045, 7, "");
        assertThat(StatusReasons.of(SlurmStates.ended("31045_7", task).reason()))
                .hasValue(new StatusReasons.Coded("slurm-exit", List.of("31045_7", "3")));
        assertThat(StatusReasons.of(SlurmStates.vanished("31045_7")))
                .hasValue(new StatusReasons.Coded("slurm-vanished", List.of("31045_7")));
    }

    @Test
    void aSignalToAJobWhoseCancelWasAskedForIsThatCancel() {
        assertThat(SlurmStates.fromExitRecord("31045_7", 143, true).status()).isEqualTo(WorkloadStatus.CANCELLED);
        // It failed on its own before the cancel reached it: that stays a failure.
        SlurmStates.Ending failed = SlurmStates.fromExitRecord("31045_7", 3, true);
        assertThat(failed.status()).isEqualTo(WorkloadStatus.FAILED);
        assertThat(StatusReasons.of(failed.reason())).hasValue(new StatusReasons.Coded("slurm-exit", List.of("31045_7", "3")));
        assertThat(SlurmStates.fromExitRecord("31045_7", 0, true).status()).isEqualTo(WorkloadStatus.SUCCEEDED);
    }

    @Test
    void anExitRecordAbove128IsTheSignalThatKilledTheJobsShell() {
        assertThat(SlurmStates.fromExitRecord("31045_7", 0, false).status()).isEqualTo(WorkloadStatus.SUCCEEDED);
        SlurmStates.Ending exited = SlurmStates.fromExitRecord("31045_7", 3, false);
        assertThat(exited.status()).isEqualTo(WorkloadStatus.FAILED);
        assertThat(StatusReasons.of(exited.reason())).hasValue(new StatusReasons.Coded("slurm-exit", List.of("31045_7", "3")));
        // Cancelled in Slurm: SIGTERM, which the shell writes as 128 + 15.
        SlurmStates.Ending terminated = SlurmStates.fromExitRecord("31045_7", 143, false);
        assertThat(terminated.status()).isEqualTo(WorkloadStatus.FAILED);
        assertThat(StatusReasons.of(terminated.reason()))
                .hasValue(new StatusReasons.Coded("slurm-signal", List.of("31045_7", "15")));
        assertThat(StatusReasons.of(SlurmStates.fromExitRecord("42", 137, false).reason()))
                .hasValue(new StatusReasons.Coded("slurm-signal", List.of("42", "9")));
        // No signal is numbered above 64: a script's own exit 255 stays an exit code.
        assertThat(StatusReasons.of(SlurmStates.fromExitRecord("42", 255, false).reason()))
                .hasValue(new StatusReasons.Coded("slurm-exit", List.of("42", "255")));
        assertThat(StatusReasons.of(SlurmStates.fromExitRecord("42", 128, false).reason()))
                .hasValue(new StatusReasons.Coded("slurm-exit", List.of("42", "128")));
    }

    @Test
    void aJobRecordStandsForItsJobItsTaskOrThePendingTasksItCompresses() {
        assertThat(job("RUNNING", "None", 0).refs()).containsExactly("42");
        assertThat(new SlurmRest.Job(31052, "a", "RUNNING", "None", 0, 1, 0, "localhost", 30, 31045, 7, "").refs())
                .containsExactly("31045_7");
        // The record of tasks still pending together: its job id is the array's, its task id absent.
        assertThat(new SlurmRest.Job(31045, "a", "PENDING", "Resources", 0, 0, 0, "", 30, 31045, null, "1-3,6,8-12:2%4")
                .refs()).containsExactly("31045_1", "31045_2", "31045_3", "31045_6", "31045_8", "31045_10", "31045_12");
        assertThat(SlurmRest.taskIds("0-999")).hasSize(1000).startsWith(0).endsWith(999);
    }

    @Test
    void endedJobsMapOntoFinalStatusesWithExitCodesAndSignals() {
        assertThat(SlurmStates.ended("42", job("COMPLETED", "None", 0)).status()).isEqualTo(WorkloadStatus.SUCCEEDED);
        SlurmStates.Ending exit = SlurmStates.ended("42", job("FAILED", "NonZeroExitCode", 7 << 8));
        assertThat(exit.status()).isEqualTo(WorkloadStatus.FAILED);
        assertThat(StatusReasons.of(exit.reason())).hasValue(new StatusReasons.Coded("slurm-exit", List.of("42", "7")));
        assertThat(StatusReasons.of(SlurmStates.ended("42", job("FAILED", "RaisedSignal", 9)).reason()))
                .hasValue(new StatusReasons.Coded("slurm-signal", List.of("42", "9")));
        assertThat(StatusReasons.of(SlurmStates.ended("42", job("TIMEOUT", "TimeLimit", 0)).reason()))
                .hasValue(new StatusReasons.Coded("slurm-timeout", List.of("42", "30")));
        assertThat(StatusReasons.code(SlurmStates.ended("42", job("NODE_FAIL", "None", 0)).reason())).isEqualTo("slurm-node-fail");
        assertThat(StatusReasons.code(SlurmStates.ended("42", job("OUT_OF_MEMORY", "None", 0)).reason())).isEqualTo("slurm-oom");
        SlurmStates.Ending cancelled = SlurmStates.ended("42", job("CANCELLED", "None", 0));
        assertThat(cancelled.status()).isEqualTo(WorkloadStatus.CANCELLED);
        assertThat(StatusReasons.code(cancelled.reason())).isEqualTo("slurm-cancelled");
        assertThat(StatusReasons.of(SlurmStates.ended("42", job("PREEMPTED", "None", 0)).reason()))
                .hasValue(new StatusReasons.Coded("slurm-ended", List.of("42", "PREEMPTED")));
        assertThat(SlurmStates.phase("PENDING")).isEqualTo(SlurmStates.Phase.PENDING);
        assertThat(SlurmStates.phase("CONFIGURING")).isEqualTo(SlurmStates.Phase.STARTING);
        assertThat(SlurmStates.phase("COMPLETING")).isEqualTo(SlurmStates.Phase.RUNNING);
        assertThat(SlurmStates.phase("BOOT_FAIL")).isEqualTo(SlurmStates.Phase.ENDED);
    }

    @Test
    void theLogTailHandsOutCompleteLinesAndKeepsAPartialOneForLater(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stdout.log");
        assertThat(LogTail.read(file, 0, false).lines()).isEmpty();
        Files.writeString(file, "one\ntwo\r\nthr");
        LogTail.Chunk first = LogTail.read(file, 0, false);
        assertThat(first.lines()).containsExactly("one", "two");
        assertThat(first.offset()).isEqualTo(9);
        Files.writeString(file, "one\ntwo\r\nthree\nfou");
        LogTail.Chunk second = LogTail.read(file, first.offset(), false);
        assertThat(second.lines()).containsExactly("three");
        LogTail.Chunk last = LogTail.read(file, second.offset(), true);
        assertThat(last.lines()).containsExactly("fou");
        assertThat(last.offset()).isEqualTo(Files.size(file));
    }

    @Test
    void theJobScriptQuotesItsCommandAndLeavesAnExitRecord() {
        assertThat(JobScript.quote("it's")).isEqualTo("'it'\"'\"'s'");
        assertThat(JobScript.safeName("../etc/passwd")).isEqualTo("_.._etc_passwd");
        assertThat(JobScript.mediaType("verdicts.CSV")).isEqualTo("text/csv");
        assertThat(JobScript.mediaType("model.safetensors")).isEqualTo("application/octet-stream");
    }

    @Test
    void theReferenceAppCountsDarkBlobsAndFitsATrend(@TempDir Path dir) throws Exception {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 40, 20);
        g.setColor(Color.BLACK);
        g.fillRect(2, 2, 5, 5);
        g.fillRect(20, 10, 3, 3);
        g.fillRect(30, 2, 1, 1);
        g.dispose();
        assertThat(RunApp.blobs(image, 0.5)).isEqualTo(3);

        double[] fit = RunApp.fit(RunApp.series("month,eur\n2026-01,10\n2026-02,12\n2026-03,14\n"));
        assertThat(fit[0]).isEqualTo(10.0);
        assertThat(fit[1]).isEqualTo(2.0);
        assertThat(RunApp.number("{\"confidenceThreshold\":0.7,\"lineId\":\"L01\"}", "confidenceThreshold", 0.5))
                .isEqualTo(0.7);
        assertThat(RunApp.number("{}", "horizon", 12)).isEqualTo(12);

        Path csv = dir.resolve("inputs").resolve("prices").resolve("steel.csv");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, "month,eur\n1,100\n2,110\n3,120\n", StandardCharsets.UTF_8);
        RunApp.Finding finding = RunApp.analyse(dir.resolve("inputs"), csv, 0.5, 2);
        assertThat(finding.slot()).isEqualTo("prices");
        assertThat(finding.type()).isEqualTo("series");
        assertThat(finding.forecast()).isEqualTo(140.0);
    }

    @Test
    void aSlurmrestdWithoutTheFactorysRestVersionIsRefusedWithAClearMessage() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/openapi/v3", exchange -> {
            byte[] body = "{\"paths\":{\"/slurm/v0.0.40/ping\":{},\"/slurm/v0.0.40/jobs\":{},\"/openapi/v3\":{}}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            SlurmRest rest = new SlurmRest(url, "root", SlurmSettings.Token.fromEnvironment("PATH"));
            assertThat(rest.offeredVersions()).containsExactly("v0.0.40");
            SlurmSettings settings = new SlurmSettings(url, "root", SlurmSettings.Token.fromEnvironment("PATH"),
                    Path.of("/nonexistent"), null);
            assertThatThrownBy(() -> SlurmEngine.connect(settings, null, null, null, null, null, null, null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("slurmrestd at " + url + " offers REST API v0.0.40, but this factory speaks v0.0.38; "
                            + "start slurmrestd with -s openapi/v0.0.38");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aJobListingThatSlurmAnsweredWithAnErrorIsNoListing() throws Exception {
        // slurmrestd's answer while slurmctld is too busy to list its jobs: no jobs, and an error.
        String[] answer = {"500", "{\"errors\":[{\"error\":\"Socket timed out on send/recv operation\",\"error_number\":5004}],"
                + "\"jobs\":[]}"};
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/slurm/v0.0.38/jobs", exchange -> {
            byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            SlurmRest rest = new SlurmRest(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "root",
                    SlurmSettings.Token.fromEnvironment("PATH"));
            assertThatThrownBy(() -> rest.jobs(0)).isInstanceOf(SlurmRest.Unreachable.class)
                    .hasMessageContaining("Socket timed out on send/recv operation");
            answer[0] = "200";
            assertThatThrownBy(() -> rest.jobs(0)).isInstanceOf(SlurmRest.Unreachable.class);
            answer[0] = "503";
            answer[1] = "{}";
            assertThatThrownBy(() -> rest.jobs(0)).isInstanceOf(SlurmRest.Unreachable.class).hasMessageContaining("HTTP 503");
            answer[0] = "200";
            answer[1] = "{\"errors\":[],\"jobs\":[{\"job_id\":42,\"name\":\"wl-1\",\"job_state\":\"RUNNING\"}]}";
            assertThat(rest.jobs(0)).hasValueSatisfying(jobs -> assertThat(jobs).extracting(SlurmRest.Job::id).containsExactly(42L));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theTokenSourceNeverShowsTheToken(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jwt");
        Files.writeString(file, "SLURM_JWT=secret-token-value\n");
        SlurmSettings.Token token = SlurmSettings.Token.fromFile(file);
        assertThat(token.get()).isEqualTo("secret-token-value");
        SlurmSettings settings = new SlurmSettings(URI.create("http://127.0.0.1:6820"), "root", token, dir, "b200");
        assertThat(settings.toString()).doesNotContain("secret-token-value").contains("JWT from file " + file);
    }
}
