package eu.aifactory.server.admin;

import eu.aifactory.api.admin.ApiToken;
import eu.aifactory.api.admin.ProjectInfo;
import eu.aifactory.api.admin.UserAccount;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.api.usage.Contact;
import eu.aifactory.server.tenant.Tokens;
import eu.aifactory.server.util.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** What a tenant admin manages: users with roles and projects, API tokens, projects. Every query names the tenant. */
public final class AdminStore {

    private final Jdbi jdbi;

    public AdminStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    // ---------------------------------------------------------------- users

    public List<UserAccount> users(String tenantId) {
        return jdbi.withHandle(h -> users(h, tenantId, null));
    }

    public Optional<UserAccount> user(Handle h, String tenantId, String userId) {
        return users(h, tenantId, userId).stream().findFirst();
    }

    private static List<UserAccount> users(Handle h, String tenantId, String onlyUser) {
        Map<String, List<Role>> roles = new HashMap<>();
        Map<String, List<String>> projects = new HashMap<>();
        String userFilter = onlyUser == null ? "" : " AND u.id = :u";
        query(h, "SELECT r.user_id, r.role FROM user_roles r JOIN users u ON u.id = r.user_id WHERE u.tenant_id = :t"
                + userFilter, tenantId, onlyUser)
                .map((rs, ctx) -> Map.entry(rs.getString(1), Role.fromWire(rs.getString(2))))
                .forEach(e -> roles.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        query(h, "SELECT m.user_id, m.project_id FROM project_members m JOIN users u ON u.id = m.user_id "
                + "WHERE u.tenant_id = :t" + userFilter + " ORDER BY m.project_id", tenantId, onlyUser)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> projects.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return query(h, "SELECT u.id, u.name, u.email, u.disabled, u.created_at FROM users u WHERE u.tenant_id = :t"
                + userFilter + " ORDER BY u.name, u.id", tenantId, onlyUser)
                .map((rs, ctx) -> {
                    String id = rs.getString("id");
                    List<Role> ordered = Arrays.stream(Role.values())
                            .filter(r -> roles.getOrDefault(id, List.of()).contains(r)).toList();
                    return new UserAccount(id, rs.getString("name"), rs.getString("email"), ordered,
                            projects.getOrDefault(id, List.of()), rs.getBoolean("disabled"),
                            Instant.ofEpochMilli(rs.getLong("created_at")));
                })
                .list();
    }

    private static Query query(Handle h, String sql, String tenantId, String onlyUser) {
        Query q = h.createQuery(sql).bind("t", tenantId);
        return onlyUser == null ? q : q.bind("u", onlyUser);
    }

    public boolean emailTaken(Handle h, String tenantId, String email, String exceptUser) {
        return h.createQuery("SELECT COUNT(*) FROM users WHERE tenant_id = :t AND LOWER(email) = LOWER(:e) AND id <> :u")
                .bind("t", tenantId).bind("e", email).bind("u", exceptUser == null ? "" : exceptUser)
                .mapTo(Integer.class).one() > 0;
    }

    public void setRoles(Handle h, String userId, Collection<Role> roles) {
        h.createUpdate("DELETE FROM user_roles WHERE user_id = :u").bind("u", userId).execute();
        for (Role role : roles) {
            h.createUpdate("INSERT INTO user_roles (user_id, role) VALUES (:u, :r)").bind("u", userId).bind("r", role.wire())
                    .execute();
        }
    }

    /** Replaces the user's project memberships; the caller has checked that every project is the tenant's. */
    public void setProjects(Handle h, String userId, Collection<String> projectIds) {
        h.createUpdate("DELETE FROM project_members WHERE user_id = :u").bind("u", userId).execute();
        for (String projectId : projectIds) {
            h.createUpdate("INSERT INTO project_members (project_id, user_id) VALUES (:p, :u)")
                    .bind("p", projectId).bind("u", userId).execute();
        }
    }

    public void setDisabled(Handle h, String userId, boolean disabled) {
        h.createUpdate("UPDATE users SET disabled = :d WHERE id = :u").bind("d", disabled).bind("u", userId).execute();
    }

    /** The tenant's enabled tenant admins: the people who can raise a budget or grant an override. */
    public List<Contact> admins(String tenantId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT u.id, u.name, u.email FROM users u JOIN user_roles r ON r.user_id = u.id "
                        + "WHERE u.tenant_id = :t AND r.role = :role AND u.disabled = FALSE ORDER BY u.name, u.id")
                .bind("t", tenantId).bind("role", Role.TENANT_ADMIN.wire())
                .map((rs, ctx) -> new Contact(rs.getString("id"), rs.getString("name"), rs.getString("email")))
                .list());
    }

    // ---------------------------------------------------------------- tokens

    public List<ApiToken> tokens(String tenantId) {
        return jdbi.withHandle(h -> h.createQuery(TOKEN_SELECT + " WHERE u.tenant_id = :t ORDER BY k.created_at DESC, k.id DESC")
                .bind("t", tenantId).map((rs, ctx) -> token(rs)).list());
    }

    public Optional<ApiToken> token(Handle h, String tenantId, String tokenId) {
        return h.createQuery(TOKEN_SELECT + " WHERE u.tenant_id = :t AND k.id = :id")
                .bind("t", tenantId).bind("id", tokenId).map((rs, ctx) -> token(rs)).findOne();
    }

    private static final String TOKEN_SELECT = "SELECT k.id, k.token_prefix, k.user_id, u.name AS user_name, k.label, "
            + "k.created_at, k.last_used_at, k.revoked_at FROM api_tokens k JOIN users u ON u.id = k.user_id";

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getString("id"), rs.getString("token_prefix"), rs.getString("user_id"),
                rs.getString("user_name"), rs.getString("label"), Instant.ofEpochMilli(rs.getLong("created_at")),
                instant(rs, "last_used_at"), instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    /** Stores the hash of {@code secret} for the user with a label; returns the new token's id. */
    public String addToken(Handle h, String userId, String secret, String label, long at) {
        String id = Ids.next("tok");
        h.createUpdate("INSERT INTO api_tokens (id, user_id, token_hash, token_prefix, created_at, label) "
                        + "VALUES (:id, :u, :hash, :prefix, :at, :label)")
                .bind("id", id).bind("u", userId).bind("hash", Tokens.hash(secret))
                .bind("prefix", Tokens.displayPrefix(secret)).bind("at", at).bind("label", label).execute();
        return id;
    }

    /** The stored hash of the token: what open event streams know their token by. */
    public String tokenHash(Handle h, String tokenId) {
        return h.createQuery("SELECT token_hash FROM api_tokens WHERE id = :id").bind("id", tokenId)
                .mapTo(String.class).one();
    }

    public void revokeToken(Handle h, String tokenId, long at) {
        h.createUpdate("UPDATE api_tokens SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .bind("at", at).bind("id", tokenId).execute();
    }

    // ---------------------------------------------------------------- projects

    public List<ProjectInfo> projects(String tenantId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT p.id, p.name, (SELECT COUNT(*) FROM project_members m "
                        + "WHERE m.project_id = p.id) AS members FROM projects p WHERE p.tenant_id = :t ORDER BY p.name, p.id")
                .bind("t", tenantId)
                .map((rs, ctx) -> new ProjectInfo(rs.getString("id"), rs.getString("name"), rs.getInt("members")))
                .list());
    }

    public boolean projectNameTaken(Handle h, String tenantId, String name) {
        return h.createQuery("SELECT COUNT(*) FROM projects WHERE tenant_id = :t AND LOWER(name) = LOWER(:n)")
                .bind("t", tenantId).bind("n", name).mapTo(Integer.class).one() > 0;
    }

    /** Which of {@code projectIds} are projects of the tenant. */
    public List<String> tenantProjects(Handle h, String tenantId, Collection<String> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        return h.createQuery("SELECT id FROM projects WHERE tenant_id = :t AND id IN (<ids>)")
                .bind("t", tenantId).bindList("ids", List.copyOf(projectIds)).mapTo(String.class).list();
    }

    public void createProject(Handle h, String id, String tenantId, String name) {
        h.createUpdate("INSERT INTO projects (id, tenant_id, name) VALUES (:id, :t, :name)")
                .bind("id", id).bind("t", tenantId).bind("name", name).execute();
    }

    public void createUser(Handle h, String id, String tenantId, String name, String email,
                           Collection<Role> roles, Collection<String> projectIds, long createdAt) {
        h.createUpdate("INSERT INTO users (id, tenant_id, name, email, created_at) VALUES (:id, :t, :name, :email, :at)")
                .bind("id", id).bind("t", tenantId).bind("name", name).bind("email", email)
                .bind("at", createdAt).execute();
        for (Role role : roles) {
            h.createUpdate("INSERT INTO user_roles (user_id, role) VALUES (:u, :r)")
                    .bind("u", id).bind("r", role.wire()).execute();
        }
        for (String projectId : projectIds) {
            int inTenant = h.createQuery("SELECT COUNT(*) FROM projects WHERE id = :p AND tenant_id = :t")
                    .bind("p", projectId).bind("t", tenantId).mapTo(Integer.class).one();
            if (inTenant == 0) {
                throw new IllegalArgumentException("project " + projectId + " is not in tenant " + tenantId);
            }
            h.createUpdate("INSERT INTO project_members (project_id, user_id) VALUES (:p, :u)")
                    .bind("p", projectId).bind("u", id).execute();
        }
    }
}
