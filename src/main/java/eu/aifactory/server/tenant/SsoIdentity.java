package eu.aifactory.server.tenant;

import eu.aifactory.api.tenant.Role;
import java.util.Optional;
import java.util.Set;

/**
 * Who a verified access token of the identity provider names.
 *
 * @param roles     the roles the token grants, when the factory takes roles from the provider; else empty
 * @param expiresAt the token's {@code exp} in epoch milliseconds
 */
public record SsoIdentity(String issuer, String subject, String tenantId, String email, boolean emailVerified,
                          String name, Optional<Set<Role>> roles, long expiresAt) {

    public SsoIdentity {
        roles = roles.map(Set::copyOf);
    }
}
