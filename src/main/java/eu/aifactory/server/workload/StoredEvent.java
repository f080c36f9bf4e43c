package eu.aifactory.server.workload;

import eu.aifactory.api.workload.WorkloadEvent;

/**
 * A committed event: {@code position} is its place in the factory-wide commit order (the hub's watermark), the
 * event's own id its number in the tenant's sequence; the project lets the stream filter for engineers.
 */
public record StoredEvent(long position, WorkloadEvent event, String tenantId, String projectId) {
}
