package eu.aifactory.api.usage;

/** Grants one over-budget submit in a project's current month; the reason is recorded. */
public record BudgetOverrideRequest(String reason) {
}
