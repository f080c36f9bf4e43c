package eu.aifactory.api.workload;

import java.time.Instant;
import java.util.Set;

/**
 * Filters for {@code GET /v1/workloads}; null means "any".
 *
 * @param submittedBy a user id, or {@code me}
 * @param from        created at or after
 * @param to          created before
 * @param q           free text over name, application and id
 * @param sort        {@code createdAt} (default, newest first), {@code status}, {@code appId}, {@code startedAt},
 *                    {@code costEur} or {@code energyKwh}; a leading {@code -} reverses the order, as the OpenAPI
 *                    document defines them
 */
public record WorkloadQuery(Set<WorkloadStatus> status, String appId, String projectId, String submittedBy,
                            Instant from, Instant to, String q, String sort, Integer limit, String cursor) {

    public WorkloadQuery {
        status = status == null ? Set.of() : Set.copyOf(status);
    }

    public static WorkloadQuery all() {
        return new WorkloadQuery(null, null, null, null, null, null, null, null, null, null);
    }

    public WorkloadQuery withLimit(int newLimit) {
        return new WorkloadQuery(status, appId, projectId, submittedBy, from, to, q, sort, newLimit, cursor);
    }

    public WorkloadQuery withCursor(String newCursor) {
        return new WorkloadQuery(status, appId, projectId, submittedBy, from, to, q, sort, limit, newCursor);
    }

    public WorkloadQuery withSort(String newSort) {
        return new WorkloadQuery(status, appId, projectId, submittedBy, from, to, q, newSort, limit, cursor);
    }

    public WorkloadQuery withStatus(Set<WorkloadStatus> newStatus) {
        return new WorkloadQuery(newStatus, appId, projectId, submittedBy, from, to, q, sort, limit, cursor);
    }
}
