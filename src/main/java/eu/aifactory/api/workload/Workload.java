package eu.aifactory.api.workload;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run of an application version on a resource plan (SAP AI Core: execution).
 *
 * @param statusReason why it is in its status, in plain English words ("waiting for 8 free B200 GPUs")
 * @param costEur      cost so far (final once terminal)
 * @param energyKwh    IT energy so far, from the power samples
 * @param gpuHours     GPU-hours so far
 * @param history      every status change, oldest first; empty in list responses
 * @param statusReasonCode the reason as a stable code a client can put into its user's language
 *                         ({@code waiting-gpus}), or null when the factory has none for it; then show the text
 * @param statusReasonArgs the values the code's text needs, in order ({@code ["8", "B200", "2"]}); null without a code
 */
public record Workload(
        String id,
        String name,
        String appId,
        String appVersion,
        String projectId,
        String submittedBy,
        String submittedByName,
        String planId,
        Priority priority,
        Map<String, Object> parameters,
        Map<String, String> inputs,
        WorkloadStatus status,
        String statusReason,
        Instant createdAt,
        Instant startedAt,
        Instant endedAt,
        BigDecimal costEur,
        BigDecimal energyKwh,
        BigDecimal gpuHours,
        List<StatusChange> history,
        String statusReasonCode,
        List<String> statusReasonArgs) {

    public Workload {
        parameters = parameters == null ? Map.of() : parameters;
        inputs = inputs == null ? Map.of() : inputs;
        history = history == null ? List.of() : List.copyOf(history);
        statusReasonArgs = statusReasonArgs == null ? null : List.copyOf(statusReasonArgs);
    }

    /** A workload whose reason has no code (the client shows the text as it is). */
    public Workload(String id, String name, String appId, String appVersion, String projectId, String submittedBy,
                    String submittedByName, String planId, Priority priority, Map<String, Object> parameters,
                    Map<String, String> inputs, WorkloadStatus status, String statusReason, Instant createdAt,
                    Instant startedAt, Instant endedAt, BigDecimal costEur, BigDecimal energyKwh, BigDecimal gpuHours,
                    List<StatusChange> history) {
        this(id, name, appId, appVersion, projectId, submittedBy, submittedByName, planId, priority, parameters, inputs,
                status, statusReason, createdAt, startedAt, endedAt, costEur, energyKwh, gpuHours, history, null, null);
    }

    /** The same workload with another reason (text, code and arguments together, so they never disagree). */
    public Workload withReason(WorkloadStatus newStatus, String reason, String code, List<String> args, Instant started,
                               Instant ended) {
        return new Workload(id, name, appId, appVersion, projectId, submittedBy, submittedByName, planId, priority,
                parameters, inputs, newStatus, reason, createdAt, started, ended, costEur, energyKwh, gpuHours, history,
                code, args);
    }

    /** The same workload without its status history, as list responses carry it. */
    public Workload withoutHistory() {
        return new Workload(id, name, appId, appVersion, projectId, submittedBy, submittedByName, planId, priority,
                parameters, inputs, status, statusReason, createdAt, startedAt, endedAt, costEur, energyKwh, gpuHours,
                List.of(), statusReasonCode, statusReasonArgs);
    }

    /** @param reasonCode and {@code reasonArgs}: as {@link Workload#statusReasonCode()}, for this change */
    public record StatusChange(WorkloadStatus status, String reason, Instant at, String reasonCode, List<String> reasonArgs) {

        public StatusChange {
            reasonArgs = reasonArgs == null ? null : List.copyOf(reasonArgs);
        }

        public StatusChange(WorkloadStatus status, String reason, Instant at) {
            this(status, reason, at, null, null);
        }
    }
}
