package eu.aifactory.api.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One line of a tenant's audit trail: who did what to which object, when, from where, and how it ended.
 *
 * @param tokenId       the API token the request was signed with, or {@link #SSO} when signed in through the
 *                      identity provider
 * @param problemType   on a refusal, the problem's type URI
 * @param targetType    the kind of object acted on: {@code user}, {@code token}, {@code project}, {@code workload},
 *                      {@code plan}
 * @param targetName    the object's name when it has one (a user's or project's name, a workload's name)
 * @param detail        what changed, in the factory's terms (e.g. {@code roles=engineer,tenant-admin})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(String id, Instant at, AuditAction action, AuditOutcome outcome, String problemType,
                         String userId, String userName, String tokenId, String clientAddress, String targetType,
                         String targetId, String targetName, String detail) {

    public static final String SSO = "SSO";
}
