package eu.aifactory.api.tenant;

import java.util.List;

/** The caller as the factory knows them: who, in which tenant, with which roles and projects. */
public record Me(User user, Tenant tenant, List<Role> roles, List<Project> projects) {

    public Me {
        roles = List.copyOf(roles);
        projects = List.copyOf(projects);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public record User(String id, String name, String email) {
    }

    public record Tenant(String id, String name) {
    }

    public record Project(String id, String name) {
    }
}
