package eu.aifactory.server.admin;

import eu.aifactory.api.admin.ApiToken;
import eu.aifactory.api.admin.CreatedToken;
import eu.aifactory.api.admin.ProjectCreate;
import eu.aifactory.api.admin.ProjectInfo;
import eu.aifactory.api.admin.TokenCreate;
import eu.aifactory.api.admin.UserAccount;
import eu.aifactory.api.admin.UserCreate;
import eu.aifactory.api.admin.UserUpdate;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.server.http.Http;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.http.Routes;
import eu.aifactory.server.tenant.Auth;
import eu.aifactory.server.tenant.Principal;
import eu.aifactory.server.workload.EventStream;
import eu.aifactory.server.http.FieldError;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tenant administration: users and roles, API tokens, projects. Tenant admins only; everything is tenant-scoped. */
public final class AdminRoutes implements Routes {

    private static final Logger LOG = LoggerFactory.getLogger(AdminRoutes.class);
    private static final int MAX_NAME = 200;
    private static final int MAX_EMAIL = 320;
    private static final int MAX_LABEL = 100;

    private final Auth auth;
    private final AdminService service;
    private final EventStream streams;

    public AdminRoutes(Auth auth, AdminService service, EventStream streams) {
        this.auth = auth;
        this.service = service;
        this.streams = streams;
    }

    @Override
    public void register(Javalin app) {
        app.get("/v1/admin/users", this::listUsers);
        app.post("/v1/admin/users", this::createUser);
        app.patch("/v1/admin/users/{userId}", this::updateUser);
        app.get("/v1/admin/tokens", this::listTokens);
        app.post("/v1/admin/tokens", this::createToken);
        app.delete("/v1/admin/tokens/{tokenId}", this::revokeToken);
        app.get("/v1/admin/projects", this::listProjects);
        app.post("/v1/admin/projects", this::createProject);
    }

    // ---------------------------------------------------------------- users

    void listUsers(Context ctx) {
        Principal principal = admin(ctx, "action.listUsers");
        Http.json(ctx, 200, service.users(principal.tenantId()));
    }

    void createUser(Context ctx) {
        Principal principal = admin(ctx, "action.addUsers");
        UserCreate request = Http.body(ctx, UserCreate.class);
        List<FieldError> errors = new ArrayList<>();
        String name = text(errors, "name", request.name(), MAX_NAME);
        String email = text(errors, "email", request.email(), MAX_EMAIL);
        if (email != null && (email.length() < 3 || !email.contains("@") || email.chars().anyMatch(Character::isWhitespace))) {
            errors.add(new FieldError("email", "field.email"));
        }
        Set<Role> roles = roles(errors, request.roles());
        List<String> projects = request.projectIds() == null ? List.of() : request.projectIds();
        UserAccount created = service.createUser(principal, name, email, roles, projects, errors);
        LOG.info("User {} added to tenant {} by {}", created.id(), principal.tenantId(), principal.userId());
        ctx.header("Location", "/v1/admin/users/" + created.id());
        Http.json(ctx, 201, created);
    }

    void updateUser(Context ctx) {
        Principal principal = admin(ctx, "action.changeUsers");
        String userId = ctx.pathParam("userId");
        UserUpdate request = Http.body(ctx, UserUpdate.class);
        List<FieldError> errors = new ArrayList<>();
        Set<Role> roles = request.roles() == null ? null : roles(errors, request.roles());
        UserAccount updated = service.updateUser(principal, userId, roles, request.projectIds(), request.disabled(), errors);
        // Roles, projects and the disabled flag apply to the next request, not after the auth cache expires; open
        // event streams end, and the client reconnects under the new rights (a disabled user cannot).
        auth.invalidate();
        streams.closeUser(userId);
        LOG.info("User {} of tenant {} changed by {}", userId, principal.tenantId(), principal.userId());
        Http.json(ctx, 200, updated);
    }

    // ---------------------------------------------------------------- tokens

    void listTokens(Context ctx) {
        Principal principal = admin(ctx, "action.listTokens");
        Http.json(ctx, 200, service.tokens(principal.tenantId()));
    }

    void createToken(Context ctx) {
        Principal principal = admin(ctx, "action.createTokens");
        TokenCreate request = Http.body(ctx, TokenCreate.class);
        if (request.userId() == null || request.userId().isBlank()) {
            throw ProblemException.validation("userId", "field.required");
        }
        String label = request.label() == null || request.label().isBlank() ? null : request.label().strip();
        if (label != null && label.length() > MAX_LABEL) {
            throw ProblemException.validation("label", "field.maxLength", MAX_LABEL);
        }
        CreatedToken created = service.createToken(principal, request.userId(), label);
        ApiToken token = created.token();
        LOG.info("Token {} ({}) created for {} by {}", token.id(), token.prefix(), token.userId(), principal.userId());
        ctx.header("Cache-Control", "no-store");
        Http.json(ctx, 201, created);
    }

    void revokeToken(Context ctx) {
        Principal principal = admin(ctx, "action.revokeTokens");
        String tokenId = ctx.pathParam("tokenId");
        String hash = service.revokeToken(principal, tokenId);
        auth.invalidate();
        streams.closeToken(hash);
        LOG.info("Token {} of tenant {} revoked by {}", tokenId, principal.tenantId(), principal.userId());
        ctx.status(204);
    }

    // ---------------------------------------------------------------- projects

    void listProjects(Context ctx) {
        Principal principal = admin(ctx, "action.listProjects");
        Http.json(ctx, 200, service.projects(principal.tenantId()));
    }

    void createProject(Context ctx) {
        Principal principal = admin(ctx, "action.createProjects");
        ProjectCreate request = Http.body(ctx, ProjectCreate.class);
        List<FieldError> errors = new ArrayList<>();
        String name = text(errors, "name", request.name(), MAX_NAME);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        ProjectInfo created = service.createProject(principal, name);
        // Admins and account managers see every project: their cached project lists must include the new one.
        auth.invalidate();
        ctx.header("Location", "/v1/admin/projects/" + created.id());
        Http.json(ctx, 201, created);
    }

    // ---------------------------------------------------------------- helpers

    private Principal admin(Context ctx, String actionKey) {
        return auth.requireAdmin(ctx, actionKey);
    }

    private static String text(List<FieldError> errors, String field, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            errors.add(new FieldError(field, "field.required"));
            return null;
        }
        if (v.length() > max) {
            errors.add(new FieldError(field, "field.maxLength", max));
            return null;
        }
        return v;
    }

    private static Set<Role> roles(List<FieldError> errors, List<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            errors.add(new FieldError("roles", "field.roles"));
            return Set.of();
        }
        if (roles.contains(null)) {
            errors.add(new FieldError("roles", "field.noNulls"));
            return Set.of();
        }
        return new LinkedHashSet<>(roles);
    }
}
