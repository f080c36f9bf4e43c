package eu.aifactory.api.workload;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run of an application version on a resource plan (SAP AI Core: execution).
 *
 * @param statusReason why it is in its status, in plain words ("waiting for 8 free B200 GPUs")
 * @param costEur      cost so far (final once terminal)
 * @param energyKwh    IT energy so far, from the power samples
 * @param gpuHours     GPU-hours so far
 * @param history      every status change, oldest first; empty in list responses
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
        List<StatusChange> history) {

    public Workload {
        parameters = parameters == null ? Map.of() : parameters;
        inputs = inputs == null ? Map.of() : inputs;
        history = history == null ? List.of() : List.copyOf(history);
    }

    public record StatusChange(WorkloadStatus status, String reason, Instant at) {
    }
}
