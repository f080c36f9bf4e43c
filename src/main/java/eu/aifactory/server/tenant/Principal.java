package eu.aifactory.server.tenant;

import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.tenant.Role;
import java.util.List;
import java.util.Set;

/**
 * The authenticated caller. Every store query takes the tenant from here, never from the request, so one
 * tenant's token cannot name another tenant's objects. {@code tokenId} is the API token that authenticated the
 * request (null when signed in otherwise), {@code clientAddress} where the request came from (null outside a
 * request): both are what the audit trail records as "who" and "from where".
 */
public record Principal(String userId, String userName, String email, String tenantId, String tenantName,
                        Set<Role> roles, List<Me.Project> projects, String tokenId, String clientAddress) {

    public Principal {
        roles = Set.copyOf(roles);
        projects = List.copyOf(projects);
    }

    /** A caller not tied to a request or a token (seeding, narrowed report scopes). */
    public Principal(String userId, String userName, String email, String tenantId, String tenantName,
                     Set<Role> roles, List<Me.Project> projects) {
        this(userId, userName, email, tenantId, tenantName, roles, projects, null, null);
    }

    /** The same caller signed in with the API token {@code id}. */
    public Principal withToken(String id) {
        return new Principal(userId, userName, email, tenantId, tenantName, roles, projects, id, clientAddress);
    }

    /** The same caller on a request from {@code address}. */
    public Principal from(String address) {
        return new Principal(userId, userName, email, tenantId, tenantName, roles, projects, tokenId, address);
    }

    /** Tenant admins and account managers read the whole tenant; engineers only their projects. */
    public boolean seesAllProjects() {
        return roles.contains(Role.TENANT_ADMIN) || roles.contains(Role.ACCOUNT_MANAGER);
    }

    public boolean canSubmit() {
        return roles.contains(Role.TENANT_ADMIN) || roles.contains(Role.ENGINEER);
    }

    public boolean canCancelAny() {
        return roles.contains(Role.TENANT_ADMIN);
    }

    public boolean canCancelOwn() {
        return roles.contains(Role.TENANT_ADMIN) || roles.contains(Role.ENGINEER);
    }

    public boolean isMemberOf(String projectId) {
        return projects.stream().anyMatch(p -> p.id().equals(projectId));
    }

    /** Whether this caller may see objects of {@code projectId} (of their own tenant). */
    public boolean sees(String projectId) {
        return seesAllProjects() || isMemberOf(projectId);
    }

    public List<String> projectIds() {
        return projects.stream().map(Me.Project::id).toList();
    }

    public Me toMe() {
        List<Role> ordered = java.util.Arrays.stream(Role.values()).filter(roles::contains).toList();
        return new Me(new Me.User(userId, userName, email), new Me.Tenant(tenantId, tenantName), ordered, projects);
    }
}
