package eu.aifactory.portal.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadEvent;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.portal.i18n.I18n;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Status reasons from the factory's codes, in English and German, and the factory's text for unknown codes. */
class WorkloadReasonTest {

    private final I18n english = new I18n(I18n.ENGLISH);
    private final I18n german = new I18n(I18n.GERMAN);

    @Test
    void aWaitingReasonIsSaidInTheUsersLanguageWithSingularAndPlural() {
        List<String> eight = List.of("8", "B200", "2");
        assertThat(WorkloadFormats.reason("waiting-gpus", eight, "waiting for 8 free B200 GPUs (position 2 in queue)",
                english)).isEqualTo("waiting for 8 free B200 GPUs (position 2 in queue)");
        assertThat(WorkloadFormats.reason("waiting-gpus", eight, "ignored", german))
                .isEqualTo("wartet auf 8 freie B200-GPUs (Platz 2 in der Warteschlange)");
        assertThat(WorkloadFormats.reason("waiting-gpus", List.of("1", "RTX PRO 6000", "1"), "ignored", german))
                .isEqualTo("wartet auf 1 freie RTX PRO 6000-GPU (Platz 1 in der Warteschlange)");
    }

    @Test
    void everySlurmReasonHasAGermanText() {
        for (String code : List.of("slurm-pending", "slurm-resources", "slurm-priority", "slurm-limit", "slurm-nodes",
                "slurm-waiting", "slurm-starting", "slurm-running", "slurm-exit", "slurm-signal", "slurm-timeout",
                "slurm-node-fail", "slurm-oom", "slurm-cancelled", "slurm-ended", "slurm-vanished", "slurm-refused")) {
            String text = WorkloadFormats.reason(code, List.of("42", "7"), "ENGLISH", german);
            assertThat(text).as(code).isNotEqualTo("ENGLISH").doesNotContain("!").contains("42");
        }
        assertThat(WorkloadFormats.reason("slurm-exit", List.of("42", "7"), "", german))
                .isEqualTo("Slurm-Job 42 endete mit Exit-Code 7");
    }

    @Test
    void aSlurmJobIdIsShownAsSlurmPrintsItWithoutDigitGrouping() {
        for (String code : List.of("slurm-pending", "slurm-resources", "slurm-priority", "slurm-limit", "slurm-nodes",
                "slurm-waiting", "slurm-starting", "slurm-running", "slurm-exit", "slurm-signal", "slurm-timeout",
                "slurm-node-fail", "slurm-oom", "slurm-cancelled", "slurm-ended", "slurm-vanished")) {
            assertThat(WorkloadFormats.reason(code, List.of("31045", "7"), "", german)).as(code).contains("31045");
        }
        assertThat(WorkloadFormats.reason("slurm-running", List.of("31045", "node-1"), "", new I18n(I18n.ENGLISH)))
                .isEqualTo("running as Slurm job 31045 on node-1");
    }

    @Test
    void aTaskOfASlurmArrayJobIsShownAsSqueueShowsIt() {
        assertThat(WorkloadFormats.reason("slurm-running", List.of("31045_7", "node-1"), "", new I18n(I18n.ENGLISH)))
                .isEqualTo("running as Slurm job 31045_7 on node-1");
        assertThat(WorkloadFormats.reason("slurm-exit", List.of("31045_7", "3"), "", german))
                .isEqualTo("Slurm-Job 31045_7 endete mit Exit-Code 3");
    }

    @Test
    void everyCodeTheFactoryDocumentsHasAGermanText() {
        for (String code : List.of("queued", "starting", "running", "finished", "stopping", "cancelled-running",
                "cancelled-queued", "failed-ecc", "failed-oom", "failed-input", "failed-network", "failed-plan-withdrawn",
                "failed", "quota-reached")) {
            String text = WorkloadFormats.reason(code, List.of("3", "NVIDIA B200", "Munich (Tucherpark), DE"), "ENGLISH", german);
            assertThat(text).as(code).isNotEqualTo("ENGLISH").doesNotContain("!");
        }
        assertThat(WorkloadFormats.reason("quota-reached", List.of("8", "8"), "", german))
                .isEqualTo("Projektkontingent erreicht (8 von 8 GPUs belegt)");
        assertThat(WorkloadFormats.reason("finished", List.of("1"), "", german)).isEqualTo("fertig; 1 Ergebnisdatei geschrieben");
        assertThat(WorkloadFormats.reason("failed-ecc", List.of("3", "48"), "", english)).startsWith("GPU 3 reported")
                .contains("(Xid 48)");
    }

    @Test
    void anUnknownCodeOrNoCodeFallsBackToTheFactorysText() {
        assertThat(WorkloadFormats.reason("moved-by-operator", List.of("2"), "moved to hall 2", german))
                .isEqualTo("moved to hall 2");
        assertThat(WorkloadFormats.reason(null, null, "an older factory's reason", german))
                .isEqualTo("an older factory's reason");
        assertThat(WorkloadFormats.reason(null, null, null, german)).isEmpty();
    }

    @Test
    void anEventReplacesTextCodeAndValuesTogether() {
        Workload queued = Samples.workload("wl-1", WorkloadStatus.QUEUED, "u-anna", Samples.T0)
                .withReason(WorkloadStatus.QUEUED, "waiting for the scheduler", "queued", List.of(), null, null);
        WorkloadEvent running = new WorkloadEvent(5, "wl-1", WorkloadStatus.RUNNING, "running on 1 x X in Y",
                Samples.T0.plusSeconds(60), "running", List.of("1", "X", "Y"));

        Workload applied = WorkloadsViewModel.applied(queued, running);

        assertThat(applied.statusReasonCode()).isEqualTo("running");
        assertThat(WorkloadFormats.reason(applied, german)).isEqualTo("läuft auf 1 × X in Y");
        WorkloadEvent withoutText = new WorkloadEvent(6, "wl-1", WorkloadStatus.RUNNING, null, Samples.T0.plusSeconds(90));
        assertThat(WorkloadsViewModel.applied(applied, withoutText).statusReasonCode()).isEqualTo("running");
    }
}
