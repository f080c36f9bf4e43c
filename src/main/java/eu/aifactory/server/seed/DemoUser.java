package eu.aifactory.server.seed;

import eu.aifactory.api.tenant.Role;

/** A seeded demo user and their API token, for printing at startup and for the embedded portal. */
public record DemoUser(String tenantId, String tenantName, String userId, String userName, String email,
                       Role role, String token) {

    @Override
    public String toString() {
        // Never let a token end up in a log line by accident.
        return "DemoUser[" + tenantId + "/" + userId + ", " + role.wire() + "]";
    }
}
