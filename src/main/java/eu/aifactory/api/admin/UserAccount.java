package eu.aifactory.api.admin;

import eu.aifactory.api.tenant.Role;
import java.time.Instant;
import java.util.List;

/** A user of the tenant as a tenant admin manages it. A disabled user's tokens are refused. */
public record UserAccount(String id, String name, String email, List<Role> roles, List<String> projectIds,
                          boolean disabled, Instant createdAt) {

    public UserAccount {
        roles = List.copyOf(roles);
        projectIds = List.copyOf(projectIds);
    }
}
