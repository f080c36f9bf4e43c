package eu.aifactory.server.admin;

import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;
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
import eu.aifactory.server.tenant.TenantStore;
import eu.aifactory.server.tenant.Tokens;
import eu.aifactory.server.util.Ids;
import eu.aifactory.server.workload.EventStream;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
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
    private static final int MAX_PROJECTS = 500;

    private final Auth auth;
    private final AdminStore store;
    private final TenantStore tenants;
    private final Clock clock;
    private final EventStream streams;

    public AdminRoutes(Auth auth, AdminStore store, TenantStore tenants, Clock clock, EventStream streams) {
        this.auth = auth;
        this.store = store;
        this.tenants = tenants;
        this.clock = clock;
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
        Principal principal = admin(ctx, "list users");
        Http.json(ctx, 200, store.users(principal.tenantId()));
    }

    void createUser(Context ctx) {
        Principal principal = admin(ctx, "add users");
        UserCreate request = Http.body(ctx, UserCreate.class);
        List<Problem.FieldError> errors = new ArrayList<>();
        String name = text(errors, "name", request.name(), MAX_NAME);
        String email = text(errors, "email", request.email(), MAX_EMAIL);
        if (email != null && (email.length() < 3 || !email.contains("@") || email.chars().anyMatch(Character::isWhitespace))) {
            errors.add(new Problem.FieldError("email", "must be an e-mail address"));
        }
        Set<Role> roles = roles(errors, request.roles());
        List<String> projects = request.projectIds() == null ? List.of() : request.projectIds();
        UserAccount created = store.jdbi().inTransaction(h -> {
            List<String> known = projects(h, principal, projects, errors);
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors);
            }
            if (store.emailTaken(h, principal.tenantId(), email, null)) {
                throw new ProblemException(ProblemType.CONFLICT, "A user with e-mail " + email + " already exists.");
            }
            String id = Ids.next("usr");
            tenants.createUser(h, id, principal.tenantId(), name, email, roles, known);
            return store.user(h, principal.tenantId(), id).orElseThrow();
        });
        LOG.info("User {} added to tenant {} by {}", created.id(), principal.tenantId(), principal.userId());
        ctx.header("Location", "/v1/admin/users/" + created.id());
        Http.json(ctx, 201, created);
    }

    void updateUser(Context ctx) {
        Principal principal = admin(ctx, "change users");
        String userId = ctx.pathParam("userId");
        UserUpdate request = Http.body(ctx, UserUpdate.class);
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<Role> roles = request.roles() == null ? null : roles(errors, request.roles());
        UserAccount updated = store.jdbi().inTransaction(h -> {
            store.user(h, principal.tenantId(), userId).orElseThrow(() -> ProblemException.notFound("User " + userId));
            List<String> known = request.projectIds() == null ? null : projects(h, principal, request.projectIds(), errors);
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors);
            }
            boolean self = userId.equals(principal.userId());
            if (self && roles != null && !roles.contains(Role.TENANT_ADMIN)) {
                throw new ProblemException(ProblemType.CONFLICT,
                        "You cannot remove your own tenant-admin role; ask another tenant admin.");
            }
            if (self && Boolean.TRUE.equals(request.disabled())) {
                throw new ProblemException(ProblemType.CONFLICT, "You cannot disable yourself; ask another tenant admin.");
            }
            if (roles != null) {
                store.setRoles(h, userId, roles);
            }
            if (known != null) {
                store.setProjects(h, userId, known);
            }
            if (request.disabled() != null) {
                store.setDisabled(h, userId, request.disabled());
            }
            return store.user(h, principal.tenantId(), userId).orElseThrow();
        });
        // Roles, projects and the disabled flag apply to the next request, not after the auth cache expires; open
        // event streams end, and the client reconnects under the new rights (a disabled user cannot).
        auth.invalidate();
        streams.closeUser(userId);
        LOG.info("User {} of tenant {} changed by {}", userId, principal.tenantId(), principal.userId());
        Http.json(ctx, 200, updated);
    }

    // ---------------------------------------------------------------- tokens

    void listTokens(Context ctx) {
        Principal principal = admin(ctx, "list tokens");
        Http.json(ctx, 200, store.tokens(principal.tenantId()));
    }

    void createToken(Context ctx) {
        Principal principal = admin(ctx, "create tokens");
        TokenCreate request = Http.body(ctx, TokenCreate.class);
        if (request.userId() == null || request.userId().isBlank()) {
            throw ProblemException.validation("userId", "is required");
        }
        String label = request.label() == null || request.label().isBlank() ? null : request.label().strip();
        if (label != null && label.length() > MAX_LABEL) {
            throw ProblemException.validation("label", "must be at most " + MAX_LABEL + " characters");
        }
        String secret = Tokens.random();
        ApiToken token = store.jdbi().inTransaction(h -> {
            if (store.user(h, principal.tenantId(), request.userId()).isEmpty()) {
                throw ProblemException.notFound("User " + request.userId());
            }
            String id = store.addToken(h, request.userId(), secret, label, clock.millis());
            return store.token(h, principal.tenantId(), id).orElseThrow();
        });
        LOG.info("Token {} ({}) created for {} by {}", token.id(), token.prefix(), token.userId(), principal.userId());
        ctx.header("Cache-Control", "no-store");
        Http.json(ctx, 201, new CreatedToken(token, secret));
    }

    void revokeToken(Context ctx) {
        Principal principal = admin(ctx, "revoke tokens");
        String tokenId = ctx.pathParam("tokenId");
        String hash = store.jdbi().inTransaction(h -> {
            store.token(h, principal.tenantId(), tokenId).orElseThrow(() -> ProblemException.notFound("Token " + tokenId));
            store.revokeToken(h, tokenId, clock.millis());
            return store.tokenHash(h, tokenId);
        });
        auth.invalidate();
        streams.closeToken(hash);
        LOG.info("Token {} of tenant {} revoked by {}", tokenId, principal.tenantId(), principal.userId());
        ctx.status(204);
    }

    // ---------------------------------------------------------------- projects

    void listProjects(Context ctx) {
        Principal principal = admin(ctx, "list projects");
        Http.json(ctx, 200, store.projects(principal.tenantId()));
    }

    void createProject(Context ctx) {
        Principal principal = admin(ctx, "create projects");
        ProjectCreate request = Http.body(ctx, ProjectCreate.class);
        List<Problem.FieldError> errors = new ArrayList<>();
        String name = text(errors, "name", request.name(), MAX_NAME);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        ProjectInfo created = store.jdbi().inTransaction(h -> {
            if (store.projectNameTaken(h, principal.tenantId(), name)) {
                throw new ProblemException(ProblemType.CONFLICT, "A project named " + name + " already exists.");
            }
            String id = Ids.next("prj");
            tenants.createProject(h, id, principal.tenantId(), name);
            return new ProjectInfo(id, name, 0);
        });
        // Admins and account managers see every project: their cached project lists must include the new one.
        auth.invalidate();
        ctx.header("Location", "/v1/admin/projects/" + created.id());
        Http.json(ctx, 201, created);
    }

    // ---------------------------------------------------------------- helpers

    private Principal admin(Context ctx, String what) {
        return auth.requireAdmin(ctx, what);
    }

    private static String text(List<Problem.FieldError> errors, String field, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            errors.add(new Problem.FieldError(field, "is required"));
            return null;
        }
        if (v.length() > max) {
            errors.add(new Problem.FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return v;
    }

    private static Set<Role> roles(List<Problem.FieldError> errors, List<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            errors.add(new Problem.FieldError("roles", "must name at least one role"));
            return Set.of();
        }
        if (roles.contains(null)) {
            errors.add(new Problem.FieldError("roles", "must not contain null"));
            return Set.of();
        }
        return new LinkedHashSet<>(roles);
    }

    /** The given projects if all are the tenant's; otherwise adds an error per unknown one (another tenant's too). */
    private List<String> projects(org.jdbi.v3.core.Handle h, Principal principal, List<String> requested,
                                  List<Problem.FieldError> errors) {
        if (requested.size() > MAX_PROJECTS) {
            errors.add(new Problem.FieldError("projectIds", "must name at most " + MAX_PROJECTS + " projects"));
            return List.of();
        }
        Set<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String id = requested.get(i);
            if (id == null || id.isBlank()) {
                errors.add(new Problem.FieldError("projectIds." + i, "must be a project id"));
            } else {
                unique.add(id);
            }
        }
        Set<String> known = new HashSet<>(store.tenantProjects(h, principal.tenantId(), unique));
        for (int i = 0; i < requested.size(); i++) {
            String id = requested.get(i);
            if (id != null && !id.isBlank() && !known.contains(id)) {
                errors.add(new Problem.FieldError("projectIds." + i, "unknown project"));
            }
        }
        return List.copyOf(unique);
    }
}
