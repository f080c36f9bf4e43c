package eu.aifactory.api.usage;

import java.time.Instant;

/**
 * A recorded one-off budget override: who granted it, when and why, and which submit used it (null while unused).
 */
public record BudgetOverride(String id, String projectId, String month, String reason, String grantedBy,
                             String grantedByName, Instant grantedAt, String usedByWorkloadId, Instant usedAt) {
}
