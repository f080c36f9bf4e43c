package eu.aifactory.server.workload;

import eu.aifactory.api.workload.Artifact;
import eu.aifactory.api.workload.LogLine;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadEvent;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads of workloads, their logs, artifacts and events, always within one tenant; no side effects. */
public final class WorkloadQueries {

    private final WorkloadStore store;
    private final ReasonLanguage reasons;

    public WorkloadQueries(WorkloadStore store) {
        this.store = store;
        this.reasons = new ReasonLanguage(store::translations);
    }

    /** {@code w} with the values of its reasons (the site, ...) in {@code locale}'s language. */
    public Workload inLanguage(Workload w, Locale locale) {
        return reasons.in(w, locale);
    }

    public WorkloadEvent inLanguage(WorkloadEvent event, Locale locale) {
        return reasons.in(event, locale);
    }

    public Optional<WorkloadRow> find(String tenantId, String workloadId) {
        return store.find(tenantId, workloadId);
    }

    /** One page of the query, one more than its limit when there is a next page. */
    public List<WorkloadRow> list(ListQuery query) {
        return store.list(query);
    }

    /** Log lines from {@code fromLine} up to {@code upToLine}, optionally since a time and containing a text. */
    public List<LogLine> logs(String workloadId, long fromLine, long upToLine, Long sinceMillis, String contains, int limit) {
        return store.logs(workloadId, fromLine, upToLine, sinceMillis, contains, limit);
    }

    public List<Artifact> artifacts(String tenantId, String workloadId) {
        return store.artifacts(tenantId, workloadId);
    }

    public Optional<ArtifactRef> artifact(String tenantId, String artifactId) {
        return store.artifact(tenantId, artifactId);
    }

    public byte[] artifactContent(String artifactId) {
        return store.artifactContent(artifactId);
    }

    /** The tenant's events after {@code afterSeq}, up to a position in the global stream, oldest first. */
    public List<StoredEvent> tenantEvents(String tenantId, long afterSeq, long upToPosition, int limit) {
        return store.tenantEvents(tenantId, afterSeq, upToPosition, limit);
    }
}
