package eu.aifactory.server.workload;

import eu.aifactory.api.workload.Priority;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.server.util.StatusReasons;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A workload as stored, including the executor's bookkeeping the API does not show.
 *
 * @param progressMs simulated milliseconds of run time done so far
 * @param failAtMs   simulated run time at which this run is planned to fail, or null
 * @param energyMj   IT energy so far in millijoules (the DCGM counter unit)
 */
public record WorkloadRow(
        String id,
        String tenantId,
        String projectId,
        String submittedBy,
        String submittedByName,
        String name,
        String appId,
        String appVersion,
        String planId,
        String gpuClass,
        int gpuCount,
        Priority priority,
        Map<String, Object> parameters,
        Map<String, String> inputs,
        WorkloadStatus status,
        String statusReason,
        long createdAt,
        Long startedAt,
        Long endedAt,
        long expectedRuntimeS,
        long progressMs,
        Long failAtMs,
        String failReason,
        BigDecimal costEur,
        long energyWh,
        long energyMj,
        long gpuSeconds,
        long logLines) {

    /**
     * The key the group commit orders this workload's writes by: tenant, then project, the order in which a submit
     * locks its rows (event sequence, budget ledger).
     */
    public String lockOrder() {
        return tenantId + "\n" + projectId;
    }

    /** This row with a failure the engine planned for it at admission. */
    public WorkloadRow withPlannedFailure(long atMs, String reason) {
        return new WorkloadRow(id, tenantId, projectId, submittedBy, submittedByName, name, appId, appVersion, planId,
                gpuClass, gpuCount, priority, parameters, inputs, status, statusReason, createdAt, startedAt, endedAt,
                expectedRuntimeS, progressMs, atMs, reason, costEur, energyWh, energyMj, gpuSeconds, logLines);
    }

    public static int rank(Priority priority) {
        return switch (priority) {
            case HIGH -> 2;
            case NORMAL -> 1;
            case LOW -> 0;
        };
    }

    public Workload toApi(List<Workload.StatusChange> history) {
        return new Workload(id, name, appId, appVersion, projectId, submittedBy, submittedByName, planId, priority,
                parameters, inputs, status, statusReason, Instant.ofEpochMilli(createdAt),
                startedAt == null ? null : Instant.ofEpochMilli(startedAt),
                endedAt == null ? null : Instant.ofEpochMilli(endedAt),
                costEur.setScale(2, RoundingMode.HALF_UP),
                BigDecimal.valueOf(energyWh).movePointLeft(3).setScale(3, RoundingMode.HALF_UP),
                BigDecimal.valueOf(gpuSeconds).divide(BigDecimal.valueOf(3600), 3, RoundingMode.HALF_UP),
                history, StatusReasons.code(statusReason), StatusReasons.args(statusReason));
    }
}
