package eu.aifactory.portal.tour;

import eu.aifactory.api.report.SignedEnergyReceipt;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.common.TaskHandle;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import eu.aifactory.portal.i18n.I18n;

/**
 * The guided tour's course, driven by what the real pages report: a step ends when its state is reached (an
 * application is open, the submit dialog is up, the workload was created, it runs, it has ended, the receipt and the
 * verdict are on screen), never after a time. Where the visitor can make the state happen, <em>Next</em> does it for
 * them (opens a suggested application, presses Submit); where only the factory can (the run starting and ending),
 * <em>Next</em> waits. <em>Skip</em> ends the tour at any step. UI thread only.
 */
public final class GuidedTourViewModel {

    /** The steps in order; each names its title and text keys. */
    public enum Step {
        PICK_APP("tour.pickApp.title", "tour.pickApp.text"),
        OPEN_SUBMIT("tour.openSubmit.title", "tour.openSubmit.text"),
        SUBMIT("tour.submit.title", "tour.submit.text"),
        STARTING("tour.starting.title", "tour.starting.text"),
        RUNNING("tour.running.title", "tour.running.text"),
        RECEIPT("tour.receipt.title", "tour.receipt.text"),
        RESIDENCY("tour.residency.title", "tour.residency.text"),
        TAKE_AWAY("tour.takeAway.title", "tour.takeAway.text");

        private final String titleKey;
        private final String textKey;

        Step(String titleKey, String textKey) {
            this.titleKey = titleKey;
            this.textKey = textKey;
        }

        public String titleKey() {
            return titleKey;
        }

        public String textKey() {
            return textKey;
        }

        /** 1 for the first step. */
        public int number() {
            return ordinal() + 1;
        }
    }

    public enum Outcome { FINISHED, SKIPPED }

    /** What the tour does on the real pages; {@link GuidedTour} implements it. */
    public interface Actions {
        /** Shows the catalog and opens a suggested application. */
        void openSuggestedApp();

        /** Presses the catalog's "Submit workload". */
        void openSubmit();

        /** Fills the open submit dialog with sensible values. */
        void prefill();

        /** Presses the dialog's Submit. */
        void submit();

        /** Shows the workload's energy receipt. */
        void showReceipt(String workloadId);

        /** Shows the residency verdict. */
        void showResidency();
    }

    private final FactoryClient client;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Actions actions;
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step");
    private final ReadOnlyBooleanWrapper nextEnabled = new ReadOnlyBooleanWrapper(this, "nextEnabled");
    private final ReadOnlyObjectWrapper<Workload> workload = new ReadOnlyObjectWrapper<>(this, "workload");
    private final ReadOnlyObjectWrapper<SignedEnergyReceipt> takeAway = new ReadOnlyObjectWrapper<>(this, "takeAway");
    private final ReadOnlyStringWrapper takeAwayError = new ReadOnlyStringWrapper(this, "takeAwayError");
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private boolean appOpen;
    private boolean receiptShown;
    private boolean verdictShown;
    private TaskHandle takeAwayCall = TaskHandle.NONE;

    public GuidedTourViewModel(FactoryClient client, TaskExecutor executor, I18n i18n, Actions actions) {
        this.client = client;
        this.executor = executor;
        this.i18n = i18n;
        this.actions = actions;
    }

    /** Begins at the first step. */
    public void start() {
        enter(Step.PICK_APP);
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public Step step() {
        return step.get();
    }

    public static int stepCount() {
        return Step.values().length;
    }

    /** "Step 3 of 8". */
    public StringBinding progressText() {
        return Bindings.createStringBinding(() -> step.get() == null ? ""
                : i18n.get("tour.progress", step.get().number(), stepCount()), step, i18n.localeProperty());
    }

    /** Whether Next does something now (false while the tour waits for the factory). */
    public ReadOnlyBooleanProperty nextEnabledProperty() {
        return nextEnabled.getReadOnlyProperty();
    }

    /** The workload the visitor submitted, with its latest status. */
    public ReadOnlyObjectProperty<Workload> workloadProperty() {
        return workload.getReadOnlyProperty();
    }

    /** The signed receipt summary, once loaded at the last step. */
    public ReadOnlyObjectProperty<SignedEnergyReceipt> takeAwayProperty() {
        return takeAway.getReadOnlyProperty();
    }

    /** Why there is no take-away (the factory could not be reached, the run has no receipt). */
    public ReadOnlyStringProperty takeAwayErrorProperty() {
        return takeAwayError.getReadOnlyProperty();
    }

    /** Null while the tour runs. */
    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- what the pages report

    /** The catalog shows an application's detail with its Submit button usable (or no longer does). */
    public void appOpen(boolean open) {
        appOpen = open;
        if (step.get() == Step.PICK_APP && open) {
            enter(Step.OPEN_SUBMIT);
        }
    }

    /** The submit dialog is on screen. */
    public void submitDialogShown() {
        if (step.get() == Step.PICK_APP || step.get() == Step.OPEN_SUBMIT) {
            enter(Step.SUBMIT);
        }
    }

    /** The submit dialog closed without a workload: back to the application. */
    public void submitDialogClosed() {
        if (step.get() == Step.SUBMIT) {
            enter(appOpen ? Step.OPEN_SUBMIT : Step.PICK_APP);
        }
    }

    /** The factory created the visitor's workload. */
    public void submitted(Workload created) {
        if (step.get() == Step.SUBMIT || step.get() == Step.OPEN_SUBMIT) {
            workload.set(created);
            enter(Step.STARTING);
            follow(created);
        }
    }

    /** A newer state of a workload, from the Workloads page's table or detail; others are ignored. */
    public void workloadChanged(Workload now) {
        Workload mine = workload.get();
        if (mine == null || now == null || !mine.id().equals(now.id()) || step.get() == null) {
            return;
        }
        workload.set(now);
        follow(now);
    }

    private void follow(Workload now) {
        WorkloadStatus status = now.status();
        if (status.isTerminal() && (step.get() == Step.STARTING || step.get() == Step.RUNNING)) {
            enter(Step.RECEIPT);
        } else if (status == WorkloadStatus.RUNNING && step.get() == Step.STARTING) {
            enter(Step.RUNNING);
        }
    }

    /** The energy page shows the receipt of {@code workloadId}. */
    public void receiptShown(String workloadId) {
        if (workload.get() != null && workload.get().id().equals(workloadId)) {
            receiptShown = true;
            refreshNext();
        }
    }

    /** The residency page shows a verdict whose signature verified. */
    public void verdictShown() {
        verdictShown = true;
        refreshNext();
    }

    // ---------------------------------------------------------------- the visitor's buttons

    public void next() {
        if (!nextEnabled.get()) {
            return;
        }
        switch (step.get()) {
            case PICK_APP -> actions.openSuggestedApp();
            case OPEN_SUBMIT -> actions.openSubmit();
            case SUBMIT -> actions.submit();
            case RECEIPT -> enter(Step.RESIDENCY);
            case RESIDENCY -> enter(Step.TAKE_AWAY);
            case TAKE_AWAY -> end(Outcome.FINISHED);
            case STARTING, RUNNING -> { }
        }
    }

    public void skip() {
        if (step.get() != null) {
            end(Outcome.SKIPPED);
        }
    }

    private void enter(Step next) {
        step.set(Objects.requireNonNull(next));
        switch (next) {
            case SUBMIT -> actions.prefill();
            case RECEIPT -> {
                receiptShown = false;
                actions.showReceipt(workload.get().id());
            }
            case RESIDENCY -> {
                verdictShown = false;
                actions.showResidency();
            }
            case TAKE_AWAY -> loadTakeAway();
            default -> { }
        }
        refreshNext();
    }

    private void refreshNext() {
        Step now = step.get();
        nextEnabled.set(now != null && switch (now) {
            case PICK_APP, OPEN_SUBMIT, SUBMIT, TAKE_AWAY -> true;
            case STARTING, RUNNING -> false;
            case RECEIPT -> receiptShown;
            case RESIDENCY -> verdictShown;
        });
    }

    private void loadTakeAway() {
        takeAway.set(null);
        takeAwayError.set(null);
        String id = workload.get().id();
        takeAwayCall = executor.run(() -> client.signedEnergyReceipt(id), takeAway::set,
                failure -> takeAwayError.set(i18n.get("tour.takeAway.failed")));
    }

    private void end(Outcome how) {
        takeAwayCall.cancel();
        step.set(null);
        nextEnabled.set(false);
        outcome.set(how);
    }
}
