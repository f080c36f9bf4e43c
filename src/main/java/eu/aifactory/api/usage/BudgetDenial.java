package eu.aifactory.api.usage;

import java.math.BigDecimal;
import java.util.List;

/**
 * Why a submit was refused for its budget: the extension member {@code budget} of a
 * {@code https://aifactory.eu/problems/budget-exceeded} problem.
 *
 * @param availableEur budget − spent − committed (may be negative)
 * @param contacts     the tenant's admins, who can raise the budget or grant a one-off override
 */
public record BudgetDenial(String projectId, String month, BigDecimal budgetEur, BigDecimal spentEur,
                           BigDecimal committedEur, BigDecimal estimateEur, BigDecimal availableEur,
                           List<Contact> contacts) {

    public BudgetDenial {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }
}
