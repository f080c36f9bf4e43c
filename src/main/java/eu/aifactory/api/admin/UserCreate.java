package eu.aifactory.api.admin;

import eu.aifactory.api.tenant.Role;
import java.util.List;

/** A new user: name, e-mail (unique within the tenant), at least one role, and the projects they belong to. */
public record UserCreate(String name, String email, List<Role> roles, List<String> projectIds) {
}
