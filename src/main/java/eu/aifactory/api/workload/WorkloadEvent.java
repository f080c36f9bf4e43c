package eu.aifactory.api.workload;

import java.time.Instant;
import java.util.List;

/**
 * A change of a workload, as sent over {@code GET /v1/events}; {@code id} increases strictly and is the
 * SSE event id a client resumes from with {@code Last-Event-ID}.
 *
 * @param reasonCode and {@code reasonArgs}: the reason as a code with its values, as
 *                   {@link Workload#statusReasonCode()}; null when the factory has no code for it
 */
public record WorkloadEvent(long id, String workloadId, WorkloadStatus status, String statusReason, Instant at,
                            String reasonCode, List<String> reasonArgs) {

    public WorkloadEvent {
        reasonArgs = reasonArgs == null ? null : List.copyOf(reasonArgs);
    }

    public WorkloadEvent(long id, String workloadId, WorkloadStatus status, String statusReason, Instant at) {
        this(id, workloadId, status, statusReason, at, null, null);
    }
}
