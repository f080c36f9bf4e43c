package eu.aifactory.server.admin;

import eu.aifactory.api.ProblemType;
import eu.aifactory.api.admin.ApiToken;
import eu.aifactory.api.admin.CreatedToken;
import eu.aifactory.api.admin.ProjectInfo;
import eu.aifactory.api.admin.UserAccount;
import eu.aifactory.api.audit.AuditAction;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.api.usage.Contact;
import eu.aifactory.server.audit.AuditService;
import eu.aifactory.server.audit.AuditService.Target;
import eu.aifactory.server.db.Transactions;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.tenant.Principal;
import eu.aifactory.server.tenant.Tokens;
import eu.aifactory.server.util.Ids;
import eu.aifactory.server.http.FieldError;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * A tenant's users, tokens and projects as its admins manage them. Each change is one transaction, so a refused
 * change (a taken e-mail, an unknown project, an admin disabling themselves) leaves nothing behind, and each made
 * change has its audit entry in the same transaction.
 */
public final class AdminService {

    private static final int MAX_PROJECTS = 500;

    private final AdminStore store;
    private final Transactions transactions;
    private final Clock clock;
    private final AuditService audit;

    public AdminService(AdminStore store, Transactions transactions, Clock clock, AuditService audit) {
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
    }

    public List<UserAccount> users(String tenantId) {
        return store.users(tenantId);
    }

    /** Who can raise a budget or a quota: the tenant's admins. */
    public List<Contact> admins(String tenantId) {
        return store.admins(tenantId);
    }

    /** Adds a user; {@code errors} holds the caller's field errors so far, to which unknown projects are added. */
    public UserAccount createUser(Principal admin, String name, String email, Set<Role> roles, List<String> projectIds,
                                  List<FieldError> errors) {
        return transactions.inTransaction(h -> {
            List<String> known = projects(h, admin, projectIds, errors);
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors);
            }
            if (store.emailTaken(h, admin.tenantId(), email, null)) {
                throw new ProblemException(ProblemType.CONFLICT, "problem.conflict.emailTaken", email);
            }
            String id = Ids.next("usr");
            store.createUser(h, id, admin.tenantId(), name, email, roles, known, clock.millis());
            UserAccount created = store.user(h, admin.tenantId(), id).orElseThrow();
            audit.record(h, admin, AuditAction.USER_CREATE, Target.user(id, name),
                    "roles=" + wire(created.roles()) + "; projects=" + String.join(",", created.projectIds()));
            return created;
        });
    }

    /** Changes roles, projects or the disabled flag (each when not null); an admin can't demote or disable themselves. */
    public UserAccount updateUser(Principal admin, String userId, Set<Role> roles, List<String> projectIds,
                                  Boolean disabled, List<FieldError> errors) {
        return transactions.inTransaction(h -> {
            UserAccount before = store.user(h, admin.tenantId(), userId)
                    .orElseThrow(() -> ProblemException.notFound("problem.notFound.user", userId));
            List<String> known = projectIds == null ? null : projects(h, admin, projectIds, errors);
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors);
            }
            boolean self = userId.equals(admin.userId());
            if (self && roles != null && !roles.contains(Role.TENANT_ADMIN)) {
                throw new ProblemException(ProblemType.CONFLICT, "problem.conflict.selfDemote");
            }
            if (self && Boolean.TRUE.equals(disabled)) {
                throw new ProblemException(ProblemType.CONFLICT, "problem.conflict.selfDisable");
            }
            if (roles != null) {
                store.setRoles(h, userId, roles);
            }
            if (known != null) {
                store.setProjects(h, userId, known);
            }
            if (disabled != null) {
                store.setDisabled(h, userId, disabled);
            }
            UserAccount after = store.user(h, admin.tenantId(), userId).orElseThrow();
            Target target = Target.user(userId, after.name());
            if (!after.roles().equals(before.roles())) {
                audit.record(h, admin, AuditAction.USER_ROLES, target,
                        "roles=" + wire(after.roles()) + " (was " + wire(before.roles()) + ")");
            }
            if (!after.projectIds().equals(before.projectIds())) {
                audit.record(h, admin, AuditAction.USER_PROJECTS, target, "projects=" + String.join(",", after.projectIds())
                        + " (was " + String.join(",", before.projectIds()) + ")");
            }
            if (after.disabled() != before.disabled()) {
                audit.record(h, admin, after.disabled() ? AuditAction.USER_DISABLE : AuditAction.USER_ENABLE, target, null);
            }
            return after;
        });
    }

    public List<ApiToken> tokens(String tenantId) {
        return store.tokens(tenantId);
    }

    /**
     * A new token for an enabled user of the admin's tenant; its secret is in the answer only, never stored. A
     * disabled user gets none: enable them first.
     */
    public CreatedToken createToken(Principal admin, String userId, String label) {
        String secret = Tokens.random();
        ApiToken token = transactions.inTransaction(h -> {
            UserAccount user = store.user(h, admin.tenantId(), userId)
                    .orElseThrow(() -> ProblemException.notFound("problem.notFound.user", userId));
            if (user.disabled()) {
                // It would lie dormant and start working the moment someone re-enabled the user.
                throw new ProblemException(ProblemType.CONFLICT, "problem.conflict.tokenForDisabledUser", userId);
            }
            String id = store.addToken(h, userId, secret, label, clock.millis());
            ApiToken created = store.token(h, admin.tenantId(), id).orElseThrow();
            audit.record(h, admin, AuditAction.TOKEN_CREATE, Target.token(id, created.label()),
                    "for " + created.userName() + " (" + created.userId() + "), prefix " + created.prefix());
            return created;
        });
        return new CreatedToken(token, secret);
    }

    /** Revokes a token of the admin's tenant; answers its hash, by which open streams of that token are found. */
    public String revokeToken(Principal admin, String tokenId) {
        return transactions.inTransaction(h -> {
            ApiToken token = store.token(h, admin.tenantId(), tokenId)
                    .orElseThrow(() -> ProblemException.notFound("problem.notFound.token", tokenId));
            store.revokeToken(h, tokenId, clock.millis());
            audit.record(h, admin, AuditAction.TOKEN_REVOKE, Target.token(tokenId, token.label()),
                    "of " + token.userName() + " (" + token.userId() + "), prefix " + token.prefix());
            return store.tokenHash(h, tokenId);
        });
    }

    public List<ProjectInfo> projects(String tenantId) {
        return store.projects(tenantId);
    }

    public ProjectInfo createProject(Principal admin, String name) {
        return transactions.inTransaction(h -> {
            if (store.projectNameTaken(h, admin.tenantId(), name)) {
                throw new ProblemException(ProblemType.CONFLICT, "problem.conflict.projectNameTaken", name);
            }
            String id = Ids.next("prj");
            store.createProject(h, id, admin.tenantId(), name);
            audit.record(h, admin, AuditAction.PROJECT_CREATE, Target.project(id, name), null);
            return new ProjectInfo(id, name, 0);
        });
    }

    /** The given projects if all are the tenant's; otherwise adds an error per unknown one (another tenant's too). */
    private List<String> projects(Handle h, Principal admin, List<String> requested, List<FieldError> errors) {
        if (requested.size() > MAX_PROJECTS) {
            errors.add(new FieldError("projectIds", "field.maxProjects", MAX_PROJECTS));
            return List.of();
        }
        Set<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String id = requested.get(i);
            if (id == null || id.isBlank()) {
                errors.add(new FieldError("projectIds." + i, "field.projectId"));
            } else {
                unique.add(id);
            }
        }
        Set<String> known = new HashSet<>(store.tenantProjects(h, admin.tenantId(), unique));
        for (int i = 0; i < requested.size(); i++) {
            String id = requested.get(i);
            if (id != null && !id.isBlank() && !known.contains(id)) {
                errors.add(new FieldError("projectIds." + i, "field.unknownProject"));
            }
        }
        return List.copyOf(unique);
    }

    private static String wire(List<Role> roles) {
        return String.join(",", roles.stream().map(Role::wire).toList());
    }
}
