package eu.aifactory.portal.common;

import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.tenant.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the signed-in user may do in the portal, derived from their roles. The factory enforces the same rules; the
 * portal only hides what would be refused, so nobody meets a button that can only fail.
 */
public record Permissions(Set<Role> roles) {

    public Permissions {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Permissions of(Me me) {
        return new Permissions(Set.copyOf(me.roles()));
    }

    /** Engineers and tenant admins submit, re-run and cancel workloads; account managers only read them. */
    public boolean canSubmit() {
        return roles.contains(Role.ENGINEER) || roles.contains(Role.TENANT_ADMIN);
    }

    /** Usage, cost and budgets of the whole tenant. */
    public boolean seesUsage() {
        return roles.contains(Role.ACCOUNT_MANAGER) || roles.contains(Role.TENANT_ADMIN);
    }

    /** Users, tokens, projects, budgets and quotas. */
    public boolean administers() {
        return roles.contains(Role.TENANT_ADMIN);
    }
}
