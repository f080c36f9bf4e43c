package eu.aifactory.api.admin;

import eu.aifactory.api.tenant.Role;
import java.util.List;

/** A partial update of a user; a null member is left as it is. */
public record UserUpdate(List<Role> roles, List<String> projectIds, Boolean disabled) {
}
