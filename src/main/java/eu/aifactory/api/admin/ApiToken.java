package eu.aifactory.api.admin;

import java.time.Instant;

/**
 * An API token as listed: never the secret, only its first characters.
 *
 * @param prefix     e.g. {@code afp_x3Fq}, enough to tell tokens apart
 * @param lastUsedAt when it last authenticated a request (to within a few seconds), null if never
 * @param revokedAt  null while the token works
 */
public record ApiToken(String id, String prefix, String userId, String userName, String label, Instant createdAt,
                       Instant lastUsedAt, Instant revokedAt) {
}
