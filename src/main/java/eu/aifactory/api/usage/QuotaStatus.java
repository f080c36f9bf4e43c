package eu.aifactory.api.usage;

/**
 * A project's GPU quota on one resource plan.
 *
 * @param maxGpus    most GPUs the project may hold at once on the plan, null for no limit
 * @param gpusInUse  GPUs of the project's starting, running and cancelling workloads on the plan
 * @param gpusQueued GPUs of its queued workloads on the plan
 */
public record QuotaStatus(String projectId, String planId, Integer maxGpus, int gpusInUse, int gpusQueued) {
}
