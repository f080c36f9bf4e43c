package eu.aifactory.portal.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.workload.WorkloadEvent;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class WorkloadNotifierTest {

    private final ScriptedClient client = new ScriptedClient();
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final List<WorkloadNotifier.Notice> shown = new ArrayList<>();
    private final AtomicBoolean enabled = new AtomicBoolean(true);
    private final WorkloadNotifier notifier = new WorkloadNotifier(client, executor, client.fake.me(), enabled::get,
            shown::add);

    private static WorkloadEvent event(String workloadId, WorkloadStatus status) {
        return new WorkloadEvent(1, workloadId, status, "because", Samples.T0);
    }

    @Test
    void tellsTheSubmitterWhenTheirWorkloadStartsSucceedsOrFails() {
        notifier.remember(Samples.workload("wl-mine", WorkloadStatus.QUEUED, "u-anna", Samples.T0));

        notifier.onEvent(event("wl-mine", WorkloadStatus.STARTING));
        notifier.onEvent(event("wl-mine", WorkloadStatus.RUNNING));
        notifier.onEvent(event("wl-mine", WorkloadStatus.SUCCEEDED));
        notifier.onEvent(event("wl-mine", WorkloadStatus.FAILED));

        assertThat(shown).extracting(WorkloadNotifier.Notice::status)
                .containsExactly(WorkloadStatus.RUNNING, WorkloadStatus.SUCCEEDED, WorkloadStatus.FAILED);
        assertThat(shown.get(0).name()).isEqualTo("Run wl-mine");
        assertThat(client.fake.callCount("getWorkload")).isZero();
    }

    @Test
    void staysQuietAboutOtherPeoplesWorkloads() {
        notifier.remember(Samples.workload("wl-ben", WorkloadStatus.QUEUED, "u-ben", Samples.T0));

        notifier.onEvent(event("wl-ben", WorkloadStatus.SUCCEEDED));

        assertThat(shown).isEmpty();
    }

    @Test
    void asksTheFactoryWhoseAnUnknownWorkloadIs() {
        client.fake.workloads(List.of(Samples.workload("wl-x", WorkloadStatus.RUNNING, "u-anna", Samples.T0)));

        notifier.onEvent(event("wl-x", WorkloadStatus.RUNNING));
        notifier.onEvent(event("wl-x", WorkloadStatus.SUCCEEDED));

        assertThat(shown).hasSize(2);
        assertThat(client.fake.callCount("getWorkload")).isEqualTo(1);
    }

    @Test
    void staysQuietWhenSwitchedOffInSettings() {
        notifier.remember(Samples.workload("wl-mine", WorkloadStatus.QUEUED, "u-anna", Samples.T0));
        enabled.set(false);

        notifier.onEvent(event("wl-mine", WorkloadStatus.FAILED));

        assertThat(shown).isEmpty();
    }
}
