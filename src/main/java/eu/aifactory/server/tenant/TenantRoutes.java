package eu.aifactory.server.tenant;

import eu.aifactory.server.http.Http;
import eu.aifactory.server.http.Routes;
import io.javalin.Javalin;

/** {@code GET /v1/me}: who the token belongs to, with their tenant, role and projects. */
public final class TenantRoutes implements Routes {

    private final Auth auth;

    public TenantRoutes(Auth auth) {
        this.auth = auth;
    }

    @Override
    public void register(Javalin app) {
        app.get("/v1/me", ctx -> Http.json(ctx, 200, auth.require(ctx).toMe()));
    }
}
