package eu.aifactory.api.access;

import eu.aifactory.api.report.ResidencyReport.AccessReason;
import java.time.Instant;

/**
 * An operator's request for access to a tenant's resource, after Google Access Approval. Tenant admins approve or deny
 * it before {@code deadline}; undecided after it, it is {@link AccessRequestState#EXPIRED}.
 *
 * @param projectId       the project of the resource; absent for tenant-wide resources
 * @param projectName     that project's name
 * @param reasonCode      the justification code
 * @param justification   the operator's words: what they need to do and why
 * @param caseId          the support case, ticket or change the access is for
 * @param accessorName    the person who will access (the holder of the operator token that asked)
 * @param accessorRole    their role, as residency reports show it
 * @param employer        their employing entity
 * @param officeCountry   the country of their principal office
 * @param locationCountry where they will physically be
 * @param durationMinutes how long the access may last, counted from the approval
 * @param decidedAt       when a tenant admin approved or denied it
 * @param decidedBy       that admin's name
 * @param comment         that admin's comment
 * @param accessUntil     for an approved request: the end of the access window
 * @param accesses        how many accesses were made under it so far
 */
public record AccessRequest(String id, String tenantId, String tenantName, String projectId, String projectName,
                            String resource, AccessReason reasonCode, String justification, String caseId,
                            String accessorName, String accessorRole, String employer, String officeCountry,
                            String locationCountry, int durationMinutes, Instant requestedAt, Instant deadline,
                            AccessRequestState state, Instant decidedAt, String decidedBy, String comment,
                            Instant accessUntil, int accesses) {
}
