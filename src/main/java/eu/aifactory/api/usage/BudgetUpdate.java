package eu.aifactory.api.usage;

import java.math.BigDecimal;

/** The body of {@code PUT /v1/projects/{id}/budgets/{month}}: EUR (≥ 0, two decimals at most), optional kWh. */
public record BudgetUpdate(BigDecimal budgetEur, BigDecimal budgetKwh) {
}
