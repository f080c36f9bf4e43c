package eu.aifactory.portal.tour;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.report.EnergyReceiptSummary;
import eu.aifactory.api.report.SignedEnergyReceipt;
import eu.aifactory.api.workload.Priority;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.testing.FakeFactoryClient;
import eu.aifactory.portal.tour.GuidedTourViewModel.Outcome;
import eu.aifactory.portal.tour.GuidedTourViewModel.Step;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tour's course without a screen: each step ends when the pages report its state, never after a time; Next does
 * what the visitor would (or waits for the factory); Skip ends the tour at any step.
 */
class GuidedTourViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-18T08:00:00Z");

    private final FakeFactoryClient client = new FakeFactoryClient();
    private final List<String> actions = new ArrayList<>();
    private final GuidedTourViewModel tour = new GuidedTourViewModel(client, new DirectTaskExecutor(),
            new I18n(I18n.ENGLISH), new GuidedTourViewModel.Actions() {
        @Override
        public void openSuggestedApp() {
            actions.add("openSuggestedApp");
        }

        @Override
        public void openSubmit() {
            actions.add("openSubmit");
        }

        @Override
        public void prefill() {
            actions.add("prefill");
        }

        @Override
        public void submit() {
            actions.add("submit");
        }

        @Override
        public void showReceipt(String workloadId) {
            actions.add("showReceipt " + workloadId);
        }

        @Override
        public void showResidency() {
            actions.add("showResidency");
        }
    });

    private static Workload workload(String id, WorkloadStatus status) {
        return new Workload(id, "Trade-fair demo", "visual-quality-inspection", "2.3.0", "mp-qs-drehteile", "u", "U",
                "rtx-pro-6000-x1", Priority.NORMAL, Map.of(), Map.of(), status, "reason", T0, null, null,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, List.of());
    }

    private static SignedEnergyReceipt signed(String id) {
        return new SignedEnergyReceipt(new EnergyReceiptSummary(id, "Munich", T0, T0.plusSeconds(90),
                new BigDecimal("0.412"), new BigDecimal("0.150"), "kid"), "a.b.c");
    }

    /** Drives the tour to {@code target} the way the pages would report it. */
    private void reach(Step target) {
        tour.start();
        Step[] order = Step.values();
        for (int i = 1; i <= target.ordinal(); i++) {
            switch (order[i]) {
                case OPEN_SUBMIT -> tour.appOpen(true);
                case SUBMIT -> tour.submitDialogShown();
                case STARTING -> tour.submitted(workload("wl-1", WorkloadStatus.QUEUED));
                case RUNNING -> tour.workloadChanged(workload("wl-1", WorkloadStatus.RUNNING));
                case RECEIPT -> tour.workloadChanged(workload("wl-1", WorkloadStatus.SUCCEEDED));
                case RESIDENCY -> {
                    tour.receiptShown("wl-1");
                    tour.next();
                }
                case TAKE_AWAY -> {
                    tour.verdictShown();
                    tour.next();
                }
                default -> throw new IllegalStateException(order[i].name());
            }
        }
        assertThat(tour.step()).isEqualTo(target);
    }

    @Test
    void eachStepEndsWhenItsStateIsReachedAndTheTourEndsWithTheSignedReceipt() {
        client.signedReceipt(signed("wl-1"));
        tour.start();
        assertThat(tour.step()).isEqualTo(Step.PICK_APP);
        assertThat(tour.progressText().get()).isEqualTo("Step 1 of 8");
        tour.appOpen(true);
        assertThat(tour.step()).isEqualTo(Step.OPEN_SUBMIT);
        tour.submitDialogShown();
        assertThat(tour.step()).isEqualTo(Step.SUBMIT);
        assertThat(actions).containsExactly("prefill");

        tour.submitted(workload("wl-1", WorkloadStatus.QUEUED));
        assertThat(tour.step()).isEqualTo(Step.STARTING);
        assertThat(tour.nextEnabledProperty().get()).as("only the factory can start the run").isFalse();
        tour.next();
        tour.workloadChanged(workload("wl-2", WorkloadStatus.RUNNING));
        tour.workloadChanged(workload("wl-1", WorkloadStatus.STARTING));
        assertThat(tour.step()).isEqualTo(Step.STARTING);
        tour.workloadChanged(workload("wl-1", WorkloadStatus.RUNNING));
        assertThat(tour.step()).isEqualTo(Step.RUNNING);
        tour.workloadChanged(workload("wl-1", WorkloadStatus.SUCCEEDED));
        assertThat(tour.step()).isEqualTo(Step.RECEIPT);
        assertThat(actions).endsWith("showReceipt wl-1");

        assertThat(tour.nextEnabledProperty().get()).as("the receipt is not on screen yet").isFalse();
        tour.receiptShown("wl-2");
        assertThat(tour.nextEnabledProperty().get()).isFalse();
        tour.receiptShown("wl-1");
        tour.next();
        assertThat(tour.step()).isEqualTo(Step.RESIDENCY);
        assertThat(actions).endsWith("showResidency");
        assertThat(tour.nextEnabledProperty().get()).isFalse();
        tour.verdictShown();
        tour.next();
        assertThat(tour.step()).isEqualTo(Step.TAKE_AWAY);
        assertThat(tour.takeAwayProperty().get()).isEqualTo(signed("wl-1"));
        assertThat(tour.progressText().get()).isEqualTo("Step 8 of 8");

        tour.next();
        assertThat(tour.step()).isNull();
        assertThat(tour.outcomeProperty().get()).isEqualTo(Outcome.FINISHED);
    }

    @Test
    void aRunThatEndsBeforeItIsSeenRunningGoesStraightToItsReceipt() {
        tour.start();
        tour.submitDialogShown();
        tour.submitted(workload("wl-1", WorkloadStatus.SUCCEEDED));
        assertThat(tour.step()).isEqualTo(Step.RECEIPT);
    }

    @Test
    void nextDoesWhatTheVisitorWouldOnTheFirstThreeSteps() {
        tour.start();
        tour.next();
        tour.appOpen(true);
        tour.next();
        tour.submitDialogShown();
        tour.next();
        assertThat(actions).containsExactly("openSuggestedApp", "openSubmit", "prefill", "submit");
        assertThat(tour.step()).as("Submit was pressed, the factory has not answered").isEqualTo(Step.SUBMIT);
    }

    @Test
    void aClosedSubmitDialogGoesBackToTheApplication() {
        tour.start();
        tour.appOpen(true);
        tour.submitDialogShown();
        tour.submitDialogClosed();
        assertThat(tour.step()).isEqualTo(Step.OPEN_SUBMIT);
    }

    @Test
    void everyStepCanBeSkipped() {
        client.signedReceipt(signed("wl-1"));
        for (Step step : Step.values()) {
            GuidedTourViewModelTest fresh = new GuidedTourViewModelTest();
            fresh.client.signedReceipt(signed("wl-1"));
            fresh.reach(step);
            fresh.tour.skip();
            assertThat(fresh.tour.outcomeProperty().get()).as(step.name()).isEqualTo(Outcome.SKIPPED);
            assertThat(fresh.tour.step()).isNull();
            fresh.tour.workloadChanged(workload("wl-1", WorkloadStatus.SUCCEEDED));
            assertThat(fresh.tour.step()).as("a skipped tour follows nothing").isNull();
        }
    }

    @Test
    void aReceiptTheFactoryCannotSignIsSaidAtTheLastStep() {
        reach(Step.TAKE_AWAY);
        assertThat(tour.takeAwayProperty().get()).isNull();
        assertThat(tour.takeAwayErrorProperty().get()).isEqualTo("The factory could not sign the receipt of this run.");
        assertThat(tour.nextEnabledProperty().get()).isTrue();
    }
}
