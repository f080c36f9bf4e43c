package eu.aifactory.server.workload;

import eu.aifactory.api.ProblemType;
import eu.aifactory.api.audit.AuditAction;
import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.workload.Priority;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.api.workload.WorkloadSubmission;
import eu.aifactory.server.audit.AuditService;
import eu.aifactory.server.audit.AuditService.Target;
import eu.aifactory.server.catalog.CatalogService;
import eu.aifactory.server.catalog.ParameterValidator;
import eu.aifactory.server.db.Transactions;
import eu.aifactory.server.energy.model.EnergyFactors;
import eu.aifactory.server.energy.model.PowerModel;
import eu.aifactory.server.exec.Engine;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.http.Text;
import eu.aifactory.server.tenant.Principal;
import eu.aifactory.server.tenant.TenantService;
import eu.aifactory.server.util.Hashing;
import eu.aifactory.server.util.Ids;
import eu.aifactory.server.util.StatusReasons;
import eu.aifactory.server.http.FieldError;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Submitting and cancelling workloads: roles, validation, idempotency. */
public final class WorkloadService {

    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final int MAX_NAME = 200;

    private final CatalogService catalog;
    private final TenantService tenants;
    private final WorkloadStore workloads;
    private final Transactions transactions;
    private final Engine executor;
    private final EnergyFactors factors;
    private final Clock clock;
    private final SubmitGuard guard;

    /**
     * Runs in the transaction that inserts a new workload, after the insert: may refuse it (a
     * {@link ProblemException}, which rolls the insert back) or book it, e.g. the budget check, which must see the
     * project's spending and the insert as one step.
     */
    public interface SubmitGuard {
        void admit(Handle h, Principal principal, WorkloadRow row, Resolved resolved);
    }

    /** @param guard checks each new workload before it is stored (budgets), or null for none */
    private final AuditService audit;

    public WorkloadService(CatalogService catalog, TenantService tenants, WorkloadStore workloads,
                           Transactions transactions, Engine executor, EnergyFactors factors, Clock clock,
                           SubmitGuard guard, AuditService audit) {
        this.audit = audit;
        this.catalog = catalog;
        this.tenants = tenants;
        this.workloads = workloads;
        this.transactions = transactions;
        this.executor = executor;
        this.factors = factors;
        this.clock = clock;
        this.guard = guard;
    }

    /** The result of a submit: the workload and whether it was created now (201) or replayed (200). */
    public record Submitted(Workload workload, boolean created) {
    }

    /** What a submission or estimate resolves to once its references are checked. */
    public record Resolved(AppDetail app, AppVersion version, ResourcePlan plan) {
    }

    /** Submits; a workload sent without a name is named after its app in {@code language}, the caller's. */
    public Submitted submit(Principal principal, String idempotencyKey, WorkloadSubmission submission, Locale language) {
        if (!principal.canSubmit()) {
            throw ProblemException.forbidden("problem.forbidden.submit");
        }
        String requestHash = Hashing.sha256Hex(principal.userId() + "\n" + WorkloadStore.write(submission));
        List<FieldError> errors = new ArrayList<>();
        require(errors, "appId", submission.appId());
        require(errors, "appVersion", submission.appVersion());
        require(errors, "projectId", submission.projectId());
        require(errors, "planId", submission.planId());
        if (submission.name() != null && submission.name().length() > MAX_NAME) {
            errors.add(new FieldError("name", "field.maxLength", MAX_NAME));
        }
        Resolved resolved = resolve(submission.appId(), submission.appVersion(), submission.planId(), submission.parameters(),
                errors);
        boolean projectKnown = submission.projectId() == null || principal.isMemberOf(submission.projectId())
                || tenants.projects(principal.tenantId()).stream().map(Me.Project::id).anyMatch(submission.projectId()::equals);
        if (!projectKnown) {
            errors.add(new FieldError("projectId", "field.unknownProject"));
        }
        if (resolved != null) {
            checkInputs(principal, resolved.version(), submission.inputs(), errors);
        }
        if (!errors.isEmpty() || (!principal.seesAllProjects() && !principal.isMemberOf(submission.projectId()))) {
            // A retry of an earlier request gets that request's answer even if the catalog changed since; the key
            // is looked up here only, off the hot path (a valid request checks it in the insert's transaction).
            Optional<WorkloadStore.SubmitOutcome> earlier = workloads.replay(principal.tenantId(), idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return outcome(earlier.get());
            }
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors);
            }
            throw ProblemException.forbidden("problem.forbidden.notMember", submission.projectId());
        }
        long now = clock.millis();
        int referenceGpus = factors.value(EnergyFactors.REFERENCE_GPUS).intValue();
        String name = submission.name() == null || submission.name().isBlank()
                ? resolved.app().summary().name().in(language) + " " + NAME_TIME.format(Instant.ofEpochMilli(now))
                : submission.name().strip();
        WorkloadRow row = new WorkloadRow(Ids.ordered("wl", now), principal.tenantId(), submission.projectId(), principal.userId(),
                principal.userName(), name, resolved.app().summary().id(), resolved.version().version(), resolved.plan().id(),
                resolved.plan().gpuClass(), resolved.plan().gpuCount(),
                submission.priority() == null ? Priority.NORMAL : submission.priority(),
                ParameterValidator.withDefaults(resolved.version(), submission.parameters()), submission.inputs(),
                WorkloadStatus.QUEUED, "waiting for the scheduler", now, null, null,
                PowerModel.runtimeSeconds(resolved.version().baseRuntimeMinutes(), referenceGpus, resolved.plan().gpuCount()),
                0, null, null, BigDecimal.ZERO, 0, 0, 0, 0);
        Optional<Engine.PlannedFailure> failure;
        try {
            failure = executor.admit(new Engine.Submission(row.appId(), row.appVersion(), row.planId(), row.name(),
                    WorkloadStore.write(row.parameters()), row.expectedRuntimeS() * 1000));
        } catch (Engine.Unavailable e) {
            // A retry of a submit stored before the engine went away still gets its earlier answer.
            Optional<WorkloadStore.SubmitOutcome> earlier = workloads.replay(principal.tenantId(), idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return outcome(earlier.get());
            }
            throw ProblemException.unavailable(Text.of("problem.engineUnavailable", e.retryAfterSeconds()),
                    e.retryAfterSeconds());
        }
        if (failure.isPresent()) {
            row = row.withPlannedFailure(failure.get().atMs(), failure.get().reason());
        }
        // A retry of a stored submit fails on its key before the guard runs and is answered as before, never
        // re-checked against a budget it already uses nor audited twice.
        WorkloadRow admitted = row;
        WorkloadStore.SubmitOutcome outcome = workloads.submit(idempotencyKey, requestHash, admitted,
                admitted.statusReason(), h -> {
                    if (guard != null) {
                        guard.admit(h, principal, admitted, resolved);
                    }
                    audit.record(h, principal, AuditAction.WORKLOAD_SUBMIT,
                            Target.workload(admitted.id(), admitted.name()), "project " + admitted.projectId()
                                    + ", app " + admitted.appId() + " " + admitted.appVersion() + ", plan " + admitted.planId());
                });
        if (outcome instanceof WorkloadStore.Created) {
            executor.wake();
        }
        return outcome(outcome);
    }

    private Submitted outcome(WorkloadStore.SubmitOutcome outcome) {
        if (outcome instanceof WorkloadStore.Created created) {
            WorkloadRow w = created.workload();
            // Just written: its history is the one QUEUED entry, no need to read it back.
            return new Submitted(w.toApi(List.of(new Workload.StatusChange(w.status(), w.statusReason(),
                    Instant.ofEpochMilli(w.createdAt()), StatusReasons.code(w.statusReason()),
                    StatusReasons.args(w.statusReason())))), true);
        }
        if (outcome instanceof WorkloadStore.Replayed replayed) {
            return new Submitted(withHistory(replayed.workload()), false);
        }
        throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, "problem.idempotencyKey.reused");
    }

    /** Checks app, version, plan and parameters; adds errors and returns null when something is missing. */
    public Resolved resolve(String appId, String appVersion, String planId, Map<String, Object> parameters,
                            List<FieldError> errors) {
        AppDetail app = appId == null ? null : catalog.cachedApp(appId).orElse(null);
        if (appId != null && app == null) {
            errors.add(new FieldError("appId", "field.unknownApp"));
        }
        AppVersion version = app == null || appVersion == null ? null : app.version(appVersion);
        if (app != null && appVersion != null && version == null) {
            errors.add(new FieldError("appVersion", "field.unknownVersion",
                    String.join(", ", app.versions().stream().map(AppVersion::version).toList())));
        }
        ResourcePlan plan = planId == null ? null : catalog.plan(planId).orElse(null);
        if (planId != null && plan == null) {
            errors.add(new FieldError("planId", "field.unknownPlan"));
        }
        if (version != null && plan != null && !version.planIds().contains(plan.id())) {
            errors.add(new FieldError("planId", "field.planNotAllowed", plan.id(),
                    String.join(", ", version.planIds())));
        }
        if (version != null) {
            ParameterValidator.validate(version, parameters, errors);
        }
        return app == null || version == null || plan == null ? null : new Resolved(app, version, plan);
    }

    private void checkInputs(Principal principal, AppVersion version, Map<String, String> inputs,
                             List<FieldError> errors) {
        for (Map.Entry<String, String> input : inputs.entrySet()) {
            String field = "inputs." + input.getKey();
            if (version.inputs().stream().noneMatch(slot -> slot.name().equals(input.getKey()))) {
                errors.add(new FieldError(field, "field.unknownInput"));
            } else if (input.getValue() == null || input.getValue().isBlank()) {
                errors.add(new FieldError(field, "field.inputId"));
            } else if (!workloads.artifactsExist(principal.tenantId(), List.of(input.getValue()))
                    && !workloads.datasetExists(principal.tenantId(), input.getValue(),
                            principal.seesAllProjects() ? null : principal.projectIds())) {
                // Another tenant's id, or a dataset of a project the caller is not in, is simply unknown here.
                errors.add(new FieldError(field, "field.unknownInputId"));
            }
        }
    }

    private static void require(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "field.required"));
        }
    }

    /** The workload if the caller may see it; otherwise not found, as if it did not exist. */
    public WorkloadRow visible(Principal principal, String workloadId) {
        return workloads.find(principal.tenantId(), workloadId)
                .filter(w -> principal.sees(w.projectId()))
                .orElseThrow(() -> ProblemException.notFound("problem.notFound.workload", workloadId));
    }

    public Workload withHistory(WorkloadRow row) {
        return row.toApi(workloads.history(row.id()));
    }

    public Workload cancel(Principal principal, String workloadId) {
        for (int attempt = 0; attempt < 3; attempt++) {
            WorkloadRow row = visible(principal, workloadId);
            boolean own = row.submittedBy().equals(principal.userId());
            if (!principal.canCancelAny() && !(principal.canCancelOwn() && own)) {
                throw ProblemException.forbidden(principal.canCancelOwn()
                        ? "problem.forbidden.cancelOthers" : "problem.forbidden.cancel");
            }
            if (row.status().isTerminal()) {
                throw new ProblemException(ProblemType.CONFLICT, "problem.conflict.ended", workloadId, row.status());
            }
            if (row.status() == WorkloadStatus.CANCELLING) {
                return withHistory(row);
            }
            String reason = "stopping at the request of " + principal.userName();
            long now = clock.millis();
            boolean moved = transactions.inTransaction(h -> {
                boolean changed = workloads.transition(h, row, row.status(), WorkloadStatus.CANCELLING, reason, now, Map.of());
                if (changed) {
                    audit.record(h, principal, AuditAction.WORKLOAD_CANCEL, Target.workload(row.id(), row.name()),
                            "was " + row.status().name());
                }
                return changed;
            });
            if (moved) {
                executor.wake();
                return withHistory(visible(principal, workloadId));
            }
        }
        throw new ProblemException(ProblemType.CONFLICT, "problem.conflict.changing", workloadId);
    }
}
