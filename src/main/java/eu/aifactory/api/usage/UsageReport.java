package eu.aifactory.api.usage;

import java.time.Instant;
import java.util.List;

/**
 * GPU-hours, cost, energy and workload counts of the caller's visible projects over {@code [from, to)}, grouped,
 * with the budget status of each visible project for every month the period touches.
 *
 * @param scope   whose workloads are included: the whole tenant, or the caller's projects
 * @param budgets one entry per visible project and month of the period, by month then project name
 */
public record UsageReport(
        String tenantId,
        String tenantName,
        Instant from,
        Instant to,
        UsageGroupBy groupBy,
        String timeZone,
        String scope,
        List<UsageGroup> groups,
        UsageTotals totals,
        List<BudgetStatus> budgets,
        Instant generatedAt) {

    public UsageReport {
        groups = List.copyOf(groups);
        budgets = List.copyOf(budgets);
    }
}
