package eu.aifactory.server.routes;

import eu.aifactory.api.ProblemType;
import eu.aifactory.server.auth.Principal;
import eu.aifactory.server.store.TenantStore;
import io.javalin.http.Context;
import java.util.Locale;

/** Resolves {@code Authorization: Bearer <token>} to the caller, or ends the request with 401. */
final class Auth {

    private static final String ATTRIBUTE = "factory.principal";

    private final TenantStore tenants;

    Auth(TenantStore tenants) {
        this.tenants = tenants;
    }

    Principal require(Context ctx) {
        Principal cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw unauthenticated("Send an API token as 'Authorization: Bearer <token>'.");
        }
        String[] parts = header.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer") || parts[1].length() > 200) {
            throw unauthenticated("The Authorization header must be 'Bearer <token>'.");
        }
        Principal principal = tenants.principal(parts[1].trim())
                .orElseThrow(() -> unauthenticated("The token is unknown or revoked."));
        ctx.attribute(ATTRIBUTE, principal);
        return principal;
    }

    private static ProblemException unauthenticated(String detail) {
        return new ProblemException(ProblemType.UNAUTHENTICATED, detail);
    }
}
