package eu.aifactory.portal.workloads.submit;

import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;
import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.ParameterSpec;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.workload.Estimate;
import eu.aifactory.api.workload.EstimateRequest;
import eu.aifactory.api.workload.Priority;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadSubmission;
import eu.aifactory.client.ApiException;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.client.FactoryUnreachableException;
import eu.aifactory.portal.common.RefusalText;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.common.TaskHandle;
import eu.aifactory.portal.i18n.I18n;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The submit form of one application version: generated parameter fields, project, plan and priority, a live
 * estimate and the submit itself. Used on the UI thread; factory calls go through the {@link TaskExecutor}.
 *
 * <p>Submitting is safe to repeat: the Idempotency-Key is made once per attempt and kept while the factory has not
 * answered (no connection, or a 5xx), so "Retry" sends the same key and the factory creates at most one workload.
 * Any definite answer (created, or a 4xx) ends the attempt; the next submit makes a new key.
 */
public final class SubmitFormViewModel {

    static final Duration ESTIMATE_DEBOUNCE = Duration.ofMillis(300);
    /** Fields of the form itself (not parameters) that the factory may name in its errors. */
    public static final String NAME = "name";
    public static final String PROJECT = "projectId";
    public static final String PLAN = "planId";
    public static final String PRIORITY = "priority";

    private static final Logger LOG = LoggerFactory.getLogger(SubmitFormViewModel.class);

    private final FactoryClient client;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Me me;
    private final AppDetail app;
    private final AppVersion version;
    private final Supplier<String> newKey;
    private final List<ParameterField> fields = new ArrayList<>();
    private final List<InputSlotViewModel> slots = new ArrayList<>();

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<Me.Project> project = new SimpleObjectProperty<>(this, "project");
    private final ObjectProperty<String> plan = new SimpleObjectProperty<>(this, "plan");
    private final ObjectProperty<Priority> priority = new SimpleObjectProperty<>(this, "priority", Priority.NORMAL);
    private final ObservableMap<String, ResourcePlan> plans = FXCollections.observableHashMap();
    /** Errors of the non-parameter fields, keyed by {@link #NAME}, {@link #PROJECT}, {@link #PLAN}, {@link #PRIORITY}. */
    private final ObservableMap<String, String> formErrors = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyBooleanWrapper submitting = new ReadOnlyBooleanWrapper(this, "submitting");
    private final ReadOnlyBooleanWrapper retrying = new ReadOnlyBooleanWrapper(this, "retrying");
    private final ReadOnlyObjectWrapper<Workload> submitted = new ReadOnlyObjectWrapper<>(this, "submitted");
    private final ReadOnlyObjectWrapper<Estimate> estimate = new ReadOnlyObjectWrapper<>(this, "estimate");
    private final ReadOnlyBooleanWrapper estimating = new ReadOnlyBooleanWrapper(this, "estimating");
    private final ReadOnlyStringWrapper estimateMessage = new ReadOnlyStringWrapper(this, "estimateMessage");
    private final ReadOnlyObjectWrapper<Problem> refusal = new ReadOnlyObjectWrapper<>(this, "refusal");
    private final HeadroomViewModel headroom;

    private String pendingKey;
    private TaskHandle estimateDelay = TaskHandle.NONE;
    private TaskHandle estimateCall = TaskHandle.NONE;
    private TaskHandle plansCall = TaskHandle.NONE;
    private boolean disposed;
    /** Datasets are listed once the dialog shows, not for forms only built (clone, tests). */
    private boolean started;

    public SubmitFormViewModel(FactoryClient client, TaskExecutor executor, I18n i18n, Me me, AppDetail app,
                               AppVersion version) {
        this(client, executor, i18n, me, app, version, () -> UUID.randomUUID().toString());
    }

    /** @param newKey makes Idempotency-Keys; tests pass a counter to see which key each attempt used */
    public SubmitFormViewModel(FactoryClient client, TaskExecutor executor, I18n i18n, Me me, AppDetail app,
                               AppVersion version, Supplier<String> newKey) {
        this.client = client;
        this.executor = executor;
        this.i18n = i18n;
        this.me = me;
        this.app = app;
        this.version = version;
        this.newKey = newKey;
        for (ParameterSpec spec : version.parameters()) {
            ParameterField field = new ParameterField(spec, i18n);
            fields.add(field);
            field.textProperty().addListener((obs, old, now) -> scheduleEstimate());
            field.checkedProperty().addListener((obs, old, now) -> scheduleEstimate());
            field.choiceProperty().addListener((obs, old, now) -> scheduleEstimate());
        }
        for (var slot : version.inputs()) {
            slots.add(new InputSlotViewModel(slot, client, executor, i18n));
        }
        project.set(me.projects().isEmpty() ? null : me.projects().get(0));
        plan.set(version.planIds().isEmpty() ? null : version.planIds().get(0));
        name.addListener((obs, old, now) -> formErrors.remove(NAME));
        project.addListener((obs, old, now) -> {
            formErrors.remove(PROJECT);
            if (started) {
                loadDatasets();
            }
        });
        plan.addListener((obs, old, now) -> {
            formErrors.remove(PLAN);
            scheduleEstimate();
        });
        priority.addListener((obs, old, now) -> {
            formErrors.remove(PRIORITY);
            scheduleEstimate();
        });
        headroom = new HeadroomViewModel(client, executor, i18n, project, plan, estimate.getReadOnlyProperty(), plans,
                refusal.getReadOnlyProperty());
    }

    /** The budget and quota check of the chosen project and plan. */
    public HeadroomViewModel headroom() {
        return headroom;
    }

    /** The last problem the factory refused a submit with (a budget-exceeded one carries the figures). */
    public ReadOnlyObjectProperty<Problem> refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    /** Loads plan names for the plan choice and asks for the first estimate. */
    public void start() {
        plansCall = executor.run(client::listResourcePlans, loaded -> loaded.forEach(p -> plans.put(p.id(), p)),
                failure -> LOG.debug("resource plans not loaded: {}", failure.toString()));
        started = true;
        loadDatasets();
        scheduleEstimate();
        headroom.refresh();
    }

    private void loadDatasets() {
        String projectId = project.get() == null ? null : project.get().id();
        slots.forEach(slot -> slot.load(projectId));
    }

    /** Fills the form from an earlier workload of the same application ("Clone to form"). */
    public void prefill(Workload previous) {
        name.set(previous.name() == null ? "" : i18n.get("workloads.submit.cloneName", previous.name()));
        me.projects().stream().filter(p -> p.id().equals(previous.projectId())).findFirst().ifPresent(project::set);
        if (version.planIds().contains(previous.planId())) {
            plan.set(previous.planId());
        }
        if (previous.priority() != null) {
            priority.set(previous.priority());
        }
        for (ParameterField field : fields) {
            if (previous.parameters().containsKey(field.name())) {
                field.prefill(previous.parameters().get(field.name()));
            } else {
                field.reset();
            }
        }
        for (InputSlotViewModel slot : slots) {
            slot.prefill(previous.inputs().get(slot.name()));
        }
        scheduleEstimate();
    }

    /** The form's values now, under {@code presetName}. */
    public SubmitPreset preset(String presetName) {
        WorkloadSubmission now = submission();
        return new SubmitPreset(presetName, now.projectId(), now.planId(), now.priority(), now.parameters(), now.inputs());
    }

    /**
     * Fills the form from a preset. Values the version does not know (a parameter or plan removed since) are left
     * out; parameters the preset lacks go back to their defaults. The run's name stays as the user typed it.
     */
    public void applyPreset(SubmitPreset preset) {
        me.projects().stream().filter(p -> p.id().equals(preset.projectId())).findFirst().ifPresent(project::set);
        if (version.planIds().contains(preset.planId())) {
            plan.set(preset.planId());
        }
        if (preset.priority() != null) {
            priority.set(preset.priority());
        }
        for (ParameterField field : fields) {
            if (preset.parameters().containsKey(field.name())) {
                field.prefill(preset.parameters().get(field.name()));
            } else {
                field.reset();
            }
        }
        for (InputSlotViewModel slot : slots) {
            slot.prefill(preset.inputs().get(slot.name()));
        }
        scheduleEstimate();
    }

    public AppDetail app() {
        return app;
    }

    public AppVersion version() {
        return version;
    }

    public List<ParameterField> fields() {
        return List.copyOf(fields);
    }

    public ParameterField field(String parameterName) {
        return fields.stream().filter(f -> f.name().equals(parameterName)).findFirst().orElse(null);
    }

    public List<Me.Project> projects() {
        return me.projects();
    }

    public List<String> planIds() {
        return version.planIds();
    }

    /** Resource plans by id, once loaded; empty until then. */
    public ObservableMap<String, ResourcePlan> plans() {
        return plans;
    }

    /** The input slots of the version: a dataset to pick or a file to upload for each. */
    public List<InputSlotViewModel> inputSlots() {
        return List.copyOf(slots);
    }

    public InputSlotViewModel inputSlot(String slotName) {
        return slots.stream().filter(s -> s.name().equals(slotName)).findFirst().orElse(null);
    }

    /** The dataset or artifact id chosen for each slot that has one. */
    public Map<String, String> inputs() {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (InputSlotViewModel slot : slots) {
            if (slot.value() != null) {
                inputs.put(slot.name(), slot.value());
            }
        }
        return inputs;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Me.Project> projectProperty() {
        return project;
    }

    public ObjectProperty<String> planProperty() {
        return plan;
    }

    public ObjectProperty<Priority> priorityProperty() {
        return priority;
    }

    public ObservableMap<String, String> formErrors() {
        return formErrors;
    }

    /** A message about the whole form (factory unreachable, not allowed, ...), or null. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty submittingProperty() {
        return submitting.getReadOnlyProperty();
    }

    /** True after an attempt the factory did not answer: the next submit is a retry with the same key. */
    public ReadOnlyBooleanProperty retryingProperty() {
        return retrying.getReadOnlyProperty();
    }

    /** The created workload, once the factory confirmed it. */
    public ReadOnlyObjectProperty<Workload> submittedProperty() {
        return submitted.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Estimate> estimateProperty() {
        return estimate.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty estimatingProperty() {
        return estimating.getReadOnlyProperty();
    }

    /** Why there is no estimate (invalid fields, factory unreachable), or null. */
    public ReadOnlyStringProperty estimateMessageProperty() {
        return estimateMessage.getReadOnlyProperty();
    }

    /** The key the next submit will send; null when a new attempt will make a new one. */
    String pendingKey() {
        return pendingKey;
    }

    /** Checks every field; true when the form may be sent. Shows every problem at once. */
    public boolean validate() {
        boolean valid = true;
        for (ParameterField field : fields) {
            valid &= field.validate();
        }
        formErrors.clear();
        if (project.get() == null) {
            formErrors.put(PROJECT, i18n.get("workloads.submit.error.required"));
            valid = false;
        }
        if (plan.get() == null) {
            formErrors.put(PLAN, i18n.get("workloads.submit.error.required"));
            valid = false;
        }
        for (InputSlotViewModel slot : slots) {
            valid &= slot.validate();
        }
        if (name.get() != null && name.get().length() > 200) {
            formErrors.put(NAME, i18n.get("workloads.submit.error.nameLength", 200));
            valid = false;
        }
        return valid;
    }

    /** The body the form would send now. */
    public WorkloadSubmission submission() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterField field : fields) {
            Object value = field.value();
            if (value != null) {
                values.put(field.name(), value);
            }
        }
        String trimmed = name.get() == null ? "" : name.get().strip();
        return new WorkloadSubmission(trimmed.isEmpty() ? null : trimmed, app.summary().id(), version.version(),
                project.get() == null ? null : project.get().id(), plan.get(), priority.get(), values, inputs());
    }

    /**
     * Sends the form when every field is valid; otherwise shows the problems and sends nothing. Retries after an
     * unanswered attempt reuse its Idempotency-Key.
     */
    public void submit() {
        if (submitting.get() || submitted.get() != null) {
            return;
        }
        message.set(null);
        if (!validate()) {
            message.set(i18n.get("workloads.submit.fixFields"));
            return;
        }
        if (pendingKey == null) {
            pendingKey = newKey.get();
        }
        String key = pendingKey;
        WorkloadSubmission body = submission();
        submitting.set(true);
        executor.run(() -> client.submit(body, key), created -> {
            submitting.set(false);
            pendingKey = null;
            retrying.set(false);
            cancelEstimate();
            submitted.set(created);
        }, this::submitFailed);
    }

    private void submitFailed(Throwable failure) {
        submitting.set(false);
        if (failure instanceof ApiException api && api.status() < 500) {
            // A definite "no": nothing was created under this key.
            pendingKey = null;
            retrying.set(false);
            showProblem(api);
            return;
        }
        retrying.set(true);
        if (failure instanceof FactoryUnreachableException) {
            message.set(i18n.get("workloads.submit.unreachable"));
        } else if (failure instanceof ApiException api) {
            message.set(i18n.get("workloads.submit.serverError", detail(api.problem())));
        } else {
            LOG.warn("submit failed", failure);
            message.set(i18n.get("workloads.submit.unreachable"));
        }
    }

    private void showProblem(ApiException api) {
        Problem problem = api.problem();
        refusal.set(problem);
        if (api.type() == ProblemType.IDEMPOTENCY_KEY_REUSED) {
            message.set(i18n.get("workloads.submit.keyReused"));
            return;
        }
        List<String> unplaced = new ArrayList<>();
        for (Problem.FieldError error : problem.errors()) {
            if (!place(error)) {
                unplaced.add(RefusalText.field(error, i18n));
            }
        }
        if (api.type() == ProblemType.VALIDATION && unplaced.isEmpty() && !problem.errors().isEmpty()) {
            message.set(i18n.get("workloads.submit.serverFieldErrors"));
        } else if (!unplaced.isEmpty()) {
            message.set(i18n.get("workloads.submit.serverError", String.join("; ", unplaced)));
        } else {
            message.set(i18n.get("workloads.submit.serverError", detail(problem)));
        }
    }

    /** Puts a factory field error next to its control; false when no control matches. */
    private boolean place(Problem.FieldError error) {
        String field = error.field() == null ? "" : error.field();
        if (field.startsWith("parameters.")) {
            ParameterField target = field(field.substring("parameters.".length()));
            if (target != null) {
                target.showServerError(error.message());
                return true;
            }
            return false;
        }
        if (field.startsWith("inputs.")) {
            InputSlotViewModel slot = inputSlot(field.substring("inputs.".length()));
            if (slot != null) {
                slot.showServerError(error.message());
                return true;
            }
            return false;
        }
        if (field.equals(NAME) || field.equals(PROJECT) || field.equals(PLAN) || field.equals(PRIORITY)) {
            formErrors.put(field, error.message());
            return true;
        }
        return false;
    }

    private static String detail(Problem problem) {
        return problem.detail() != null && !problem.detail().isBlank() ? problem.detail() : problem.title();
    }

    /** Asks for a new estimate once the user has stopped changing values for a moment; older requests are dropped. */
    void scheduleEstimate() {
        if (disposed || submitted.get() != null) {
            return;
        }
        estimateDelay.cancel();
        estimateCall.cancel();
        estimating.set(true);
        estimateDelay = executor.runLater(ESTIMATE_DEBOUNCE, this::estimateNow);
    }

    private void estimateNow() {
        estimateCall.cancel();
        boolean valid = fields.stream().allMatch(f -> f.check() == null) && plan.get() != null;
        if (!valid) {
            // The last estimate stays in sight; the note says it is for the last valid values.
            estimating.set(false);
            estimateMessage.set(i18n.get("workloads.estimate.invalid"));
            return;
        }
        WorkloadSubmission body = submission();
        EstimateRequest request = new EstimateRequest(body.appId(), body.appVersion(), body.planId(), body.priority(),
                body.parameters());
        estimating.set(true);
        estimateCall = executor.run(() -> client.estimate(request), result -> {
            estimating.set(false);
            estimateMessage.set(null);
            estimate.set(result);
        }, failure -> {
            estimating.set(false);
            estimate.set(null);
            estimateMessage.set(failure instanceof FactoryUnreachableException
                    ? i18n.get("workloads.estimate.unreachable") : i18n.get("workloads.estimate.failed"));
        });
    }

    private void cancelEstimate() {
        estimateDelay.cancel();
        estimateCall.cancel();
        estimating.set(false);
    }

    /** The dialog closed: no more estimates. A submit under way still completes at the factory. */
    public void dispose() {
        disposed = true;
        cancelEstimate();
        plansCall.cancel();
        slots.forEach(InputSlotViewModel::dispose);
        headroom.dispose();
    }
}
