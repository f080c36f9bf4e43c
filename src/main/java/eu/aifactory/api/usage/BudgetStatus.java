package eu.aifactory.api.usage;

import java.math.BigDecimal;

/**
 * A project's budget for one site-local month and how much of it is used. EUR with two decimals, kWh with three.
 *
 * @param month           {@code YYYY-MM}
 * @param budgetEur       the month's budget, null when none is set (then nothing is refused)
 * @param budgetKwh       optional facility-energy budget, null when none is set
 * @param spentEur        charges accrued in the month by run time (the same figure as the usage and energy reports)
 * @param committedEur    the remaining estimated charges of the project's queued and running workloads
 * @param spentKwh        facility energy of the month so far
 * @param percent         (spent + committed) / budget in percent with one decimal, null without a budget
 * @param level           OK, WARN_50, WARN_80 or EXCEEDED
 * @param forecastEur     spent + committed, plus the month's average daily spend so far for the remaining days
 * @param overrideAvailable whether a one-off override is granted and not yet used
 */
public record BudgetStatus(
        String projectId,
        String projectName,
        String month,
        BigDecimal budgetEur,
        BigDecimal budgetKwh,
        BigDecimal spentEur,
        BigDecimal committedEur,
        BigDecimal spentKwh,
        BigDecimal percent,
        BudgetLevel level,
        BigDecimal forecastEur,
        boolean overrideAvailable) {
}
