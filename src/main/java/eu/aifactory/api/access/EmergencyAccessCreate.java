package eu.aifactory.api.access;

import eu.aifactory.api.report.ResidencyReport.AccessReason;
import eu.aifactory.api.report.ResidencyReport.EmergencyCode;

/**
 * An access that cannot wait for approval. It is recorded at once, flagged as an emergency and shown as a finding in
 * the tenant's residency report.
 *
 * @param projectId       the project of the resource; null for a tenant-wide resource
 * @param locationCountry ISO 3166-1 alpha-2 code of where the accessor physically is
 */
public record EmergencyAccessCreate(String tenantId, String projectId, String resource, EmergencyCode emergencyCode,
                                    AccessReason reasonCode, String justification, String caseId,
                                    String locationCountry) {
}
