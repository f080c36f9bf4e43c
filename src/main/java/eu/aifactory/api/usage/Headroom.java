package eu.aifactory.api.usage;

import java.util.List;

/**
 * What a project can still afford this month and how many GPUs it may still take per plan; the submit dialog shows it.
 *
 * @param budget   the current month's budget status
 * @param quotas   one entry per resource plan (plans without a quota have {@code maxGpus} null)
 * @param contacts the tenant's admins, who can raise the budget, grant an override or change a quota
 */
public record Headroom(String projectId, String projectName, BudgetStatus budget, List<QuotaStatus> quotas,
                       List<Contact> contacts) {

    public Headroom {
        quotas = List.copyOf(quotas);
        contacts = List.copyOf(contacts);
    }
}
