package eu.aifactory.server.tenant;

import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.tenant.Role;
import java.util.List;
import java.util.Set;

/**
 * The authenticated caller. Every store query takes the tenant from here, never from the request, so one
 * tenant's token cannot name another tenant's objects.
 */
public record Principal(String userId, String userName, String email, String tenantId, String tenantName,
                        Set<Role> roles, List<Me.Project> projects) {

    public Principal {
        roles = Set.copyOf(roles);
        projects = List.copyOf(projects);
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
