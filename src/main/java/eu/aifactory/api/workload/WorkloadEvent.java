package eu.aifactory.api.workload;

import java.time.Instant;

/**
 * A change of a workload, as sent over {@code GET /v1/events}; {@code id} increases strictly and is the
 * SSE event id a client resumes from with {@code Last-Event-ID}.
 */
public record WorkloadEvent(long id, String workloadId, WorkloadStatus status, String statusReason, Instant at) {
}
