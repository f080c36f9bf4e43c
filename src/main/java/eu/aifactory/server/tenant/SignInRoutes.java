package eu.aifactory.server.tenant;

import eu.aifactory.api.tenant.SignInOptions;
import eu.aifactory.server.http.Http;
import eu.aifactory.server.http.Routes;
import io.javalin.Javalin;
import java.util.List;

/** {@code GET /v1/sign-in-options}: needs no token, so the portal can offer single sign-on before anyone signed in. */
public final class SignInRoutes implements Routes {

    /** What the portal asks for: the e-mail and name link a first sign-in to the factory's user. */
    static final List<String> SCOPES = List.of("openid", "profile", "email");

    private final SignInOptions options;

    public SignInRoutes(OidcSettings oidc) {
        this.options = new SignInOptions(true, oidc == null ? null
                : new SignInOptions.Sso(oidc.issuerText(), oidc.clientId(), SCOPES));
    }

    @Override
    public void register(Javalin app) {
        app.get("/v1/sign-in-options", ctx -> Http.json(ctx, 200, options));
    }
}
