package eu.aifactory.api.usage;

/** The body of {@code PUT /v1/projects/{id}/quotas/{planId}}: most GPUs at once; null (sent as no member) removes the limit. */
public record QuotaUpdate(Integer maxGpus) {
}
