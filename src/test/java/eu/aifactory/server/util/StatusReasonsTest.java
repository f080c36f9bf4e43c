package eu.aifactory.server.util;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.LocalizedText;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.server.exec.SimulationScript;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatusReasonsTest {

    private static final ResourcePlan PLAN = new ResourcePlan("dgx-b200-x8", LocalizedText.of("DGX B200", "DGX B200"),
            "NVIDIA B200", "b200", 8, 140, 1000, 3000, new BigDecimal("58.00"));

    @Test
    void theExecutorsStartAndRunReasonsCarryGpuCountModelAndSite() {
        assertThat(StatusReasons.of(SimulationScript.startingReason(PLAN)))
                .hasValue(new StatusReasons.Coded("starting", List.of("8", "NVIDIA B200")));
        assertThat(StatusReasons.of(SimulationScript.runningReason(PLAN)))
                .hasValue(new StatusReasons.Coded("running", List.of("8", "NVIDIA B200", SimulationScript.SITE)));
    }

    @Test
    void everyPlannedFailureHasACode() {
        Set<String> reasons = new HashSet<>();
        for (int i = 0; i < 400; i++) {
            SimulationScript.plannedFailure("wl-" + i, "#fail", 3_600_000).ifPresent(f -> reasons.add(f.reason()));
        }
        assertThat(reasons).hasSize(4);
        assertThat(reasons).allSatisfy(reason -> assertThat(StatusReasons.code(reason)).as(reason).startsWith("failed-"));
        assertThat(StatusReasons.of("12 files of the input dataset could not be read (corrupt or truncated); fix or "
                + "remove them and submit again")).hasValue(new StatusReasons.Coded("failed-input", List.of("12")));
    }

    @Test
    void queueAndCancelReasonsCarryTheirValues() {
        assertThat(StatusReasons.of("waiting for the scheduler")).hasValue(new StatusReasons.Coded("queued", List.of()));
        assertThat(StatusReasons.of("waiting for 8 free B200 GPUs (position 2 in queue)"))
                .hasValue(new StatusReasons.Coded("waiting-gpus", List.of("8", "B200", "2")));
        assertThat(StatusReasons.of("waiting for 1 free RTX PRO 6000 GPU (position 1 in queue)"))
                .hasValue(new StatusReasons.Coded("waiting-gpus", List.of("1", "RTX PRO 6000", "1")));
        assertThat(StatusReasons.of("finished; 1 result file written"))
                .hasValue(new StatusReasons.Coded("finished", List.of("1")));
        assertThat(StatusReasons.of("stopping at the request of Erika Engineer"))
                .hasValue(new StatusReasons.Coded("stopping", List.of("Erika Engineer")));
        assertThat(StatusReasons.of("cancelled on request after 14 min of run time; charges stopped at the cancel"))
                .hasValue(new StatusReasons.Coded("cancelled-running", List.of("14")));
        assertThat(StatusReasons.of(StatusReasons.quotaReached(8, 8)))
                .hasValue(new StatusReasons.Coded("quota-reached", List.of("8", "8")));
        assertThat(StatusReasons.code("cancelled on request before it started; nothing was charged"))
                .isEqualTo("cancelled-queued");
    }

    @Test
    void aTextNoPatternKnowsHasNoCode() {
        assertThat(StatusReasons.of("the operator moved it to another hall")).isEmpty();
        assertThat(StatusReasons.of(null)).isEmpty();
        assertThat(StatusReasons.args("something else")).isNull();
    }
}
