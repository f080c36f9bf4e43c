package eu.aifactory.api.audit;

import java.time.Instant;

/**
 * Filters and paging of {@code GET /v1/audit}; every filter is optional (null).
 *
 * @param from   entries at or after this instant
 * @param to     entries before this instant
 */
public record AuditQuery(AuditAction action, String userId, AuditOutcome outcome, Instant from, Instant to,
                         String cursor, Integer limit) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null);
    }

    public AuditQuery withCursor(String newCursor) {
        return new AuditQuery(action, userId, outcome, from, to, newCursor, limit);
    }
}
