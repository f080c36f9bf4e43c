package eu.aifactory.server.audit;

import eu.aifactory.api.audit.AuditAction;
import eu.aifactory.api.audit.AuditOutcome;
import java.time.Instant;

/** Which entries of the trail a reader asks for; null means any. {@code to} is exclusive. */
public record AuditFilter(AuditAction action, String userId, AuditOutcome outcome, Instant from, Instant to) {
}
