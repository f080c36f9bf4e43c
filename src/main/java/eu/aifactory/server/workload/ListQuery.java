package eu.aifactory.server.workload;

import eu.aifactory.api.workload.WorkloadStatus;
import java.util.List;
import java.util.Set;

/**
 * A page query over one tenant's workloads.
 *
 * @param visibleProjects the projects the caller may see, or null for all of the tenant's
 * @param limit           the number of rows to return at most (a page plus one, to know whether more follow)
 */
public record ListQuery(String tenantId, List<String> visibleProjects, Set<WorkloadStatus> statuses, String appId,
                        String projectId, String submittedBy, Long from, Long to, List<String> terms,
                        boolean newestFirst, int limit, WorkloadCursor after, Sort sort, boolean descending,
                        SortCursor afterKey) {

    /** A query in creation order, newest or oldest first. */
    public ListQuery(String tenantId, List<String> visibleProjects, Set<WorkloadStatus> statuses, String appId,
                     String projectId, String submittedBy, Long from, Long to, List<String> terms,
                     boolean newestFirst, int limit, WorkloadCursor after) {
        this(tenantId, visibleProjects, statuses, appId, projectId, submittedBy, from, to, terms, newestFirst, limit,
                after, Sort.CREATED, newestFirst, null);
    }

    /** A query in another order; {@code afterKey} is the last row of the previous page, or null. */
    public static ListQuery sorted(String tenantId, List<String> visibleProjects, Set<WorkloadStatus> statuses,
                                   String appId, String projectId, String submittedBy, Long from, Long to,
                                   List<String> terms, Sort sort, boolean descending, int limit, SortCursor afterKey) {
        return new ListQuery(tenantId, visibleProjects, statuses, appId, projectId, submittedBy, from, to, terms,
                descending, limit, null, sort, descending, afterKey);
    }
}
