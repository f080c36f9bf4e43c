package eu.aifactory.api.access;

import eu.aifactory.api.report.ResidencyReport.AccessReason;
import java.time.Instant;

/**
 * What an operator asks for. The accessor's name, role, employer and office country come from the operator token.
 *
 * @param projectId       the project of the resource; null for a tenant-wide resource
 * @param locationCountry ISO 3166-1 alpha-2 code of where the accessor will physically be
 * @param durationMinutes how long the access may last once approved (1 to 10,080: a week)
 * @param deadline        until when the tenant may decide
 */
public record AccessRequestCreate(String tenantId, String projectId, String resource, AccessReason reasonCode,
                                  String justification, String caseId, String locationCountry, Integer durationMinutes,
                                  Instant deadline) {
}
