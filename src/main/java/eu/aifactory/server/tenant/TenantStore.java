package eu.aifactory.server.tenant;

import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.server.util.Ids;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Tenants, their projects, users, roles and API tokens. */
public final class TenantStore {

    private final Jdbi jdbi;
    private final Clock clock;

    public TenantStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public record TenantRow(String id, String name) {
    }

    public record UserRow(String id, String tenantId, String name, String email) {
    }

    /** A token as far as a failed sign-in with its prefix can name it. */
    public record TokenOwner(String tokenId, String userId, String userName, String tenantId) {
    }

    public int countTenants() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM tenants").mapTo(Integer.class).one());
    }

    public Optional<TenantRow> tenant(String tenantId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name FROM tenants WHERE id = :id")
                .bind("id", tenantId)
                .map((rs, ctx) -> new TenantRow(rs.getString("id"), rs.getString("name")))
                .findOne());
    }

    public List<TenantRow> tenants() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name FROM tenants ORDER BY id")
                .map((rs, ctx) -> new TenantRow(rs.getString("id"), rs.getString("name")))
                .list());
    }

    public Optional<UserRow> user(String userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, tenant_id, name, email FROM users WHERE id = :id")
                .bind("id", userId)
                .map((rs, ctx) -> new UserRow(rs.getString("id"), rs.getString("tenant_id"),
                        rs.getString("name"), rs.getString("email")))
                .findOne());
    }

    public List<Me.Project> projects(String tenantId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name FROM projects WHERE tenant_id = :t ORDER BY name, id")
                .bind("t", tenantId)
                .map((rs, ctx) -> new Me.Project(rs.getString("id"), rs.getString("name")))
                .list());
    }

    public void createTenant(Handle h, String id, String name) {
        h.createUpdate("INSERT INTO tenants (id, name, created_at) VALUES (:id, :name, :at)")
                .bind("id", id).bind("name", name).bind("at", clock.millis()).execute();
        // The tenant's event numbering starts here, so its first events never race to create the counter.
        h.createUpdate("INSERT INTO event_sequences (tenant_id, last_seq) VALUES (:id, 0)").bind("id", id).execute();
    }

    /** Stores the hash of {@code token} for {@code userId}; the token itself is never stored. */
    public void addToken(Handle h, String userId, String token) {
        h.createUpdate("INSERT INTO api_tokens (id, user_id, token_hash, token_prefix, created_at) "
                        + "VALUES (:id, :u, :hash, :prefix, :at)")
                .bind("id", Ids.next("tok")).bind("u", userId).bind("hash", Tokens.hash(token))
                .bind("prefix", Tokens.displayPrefix(token)).bind("at", clock.millis()).execute();
    }

    public boolean hasToken(String token) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM api_tokens WHERE token_hash = :hash")
                .bind("hash", Tokens.hash(token)).mapTo(Integer.class).one()) > 0;
    }

    /** Which of the token hashes still authenticate: not revoked, and their user not disabled. */
    public Set<String> liveTokenHashes(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Set.of();
        }
        return jdbi.withHandle(h -> Set.copyOf(h.createQuery("SELECT k.token_hash FROM api_tokens k JOIN users u "
                        + "ON u.id = k.user_id WHERE k.token_hash IN (<hashes>) AND k.revoked_at IS NULL AND u.disabled = FALSE")
                .bindList("hashes", List.copyOf(hashes)).mapTo(String.class).list()));
    }

    /** The caller a bearer token belongs to, or empty for an unknown or revoked token. */
    public Optional<Principal> principal(String token) {
        String hash = Tokens.hash(token);
        return jdbi.withHandle(h -> {
            Optional<String[]> user = h.createQuery(
                            "SELECT u.id, u.name, u.email, t.id AS tenant_id, t.name AS tenant_name, k.id AS token_id "
                                    + "FROM api_tokens k JOIN users u ON u.id = k.user_id JOIN tenants t ON t.id = u.tenant_id "
                                    + "WHERE k.token_hash = :hash AND k.revoked_at IS NULL AND u.disabled = FALSE")
                    .bind("hash", hash)
                    .map((rs, ctx) -> new String[] {rs.getString("id"), rs.getString("name"), rs.getString("email"),
                            rs.getString("tenant_id"), rs.getString("tenant_name"), rs.getString("token_id")})
                    .findOne();
            if (user.isEmpty()) {
                return Optional.empty();
            }
            String[] u = user.get();
            Set<Role> roles = EnumSet.noneOf(Role.class);
            h.createQuery("SELECT role FROM user_roles WHERE user_id = :u").bind("u", u[0])
                    .mapTo(String.class).forEach(r -> roles.add(Role.fromWire(r)));
            // Admins and account managers act on the whole tenant, so all its projects are theirs.
            boolean wholeTenant = roles.contains(Role.TENANT_ADMIN) || roles.contains(Role.ACCOUNT_MANAGER);
            String sql = wholeTenant
                    ? "SELECT p.id, p.name FROM projects p WHERE p.tenant_id = :t ORDER BY p.name, p.id"
                    : "SELECT p.id, p.name FROM projects p JOIN project_members m ON m.project_id = p.id "
                            + "WHERE m.user_id = :u AND p.tenant_id = :t ORDER BY p.name, p.id";
            List<Me.Project> projects = h.createQuery(sql)
                    .bind("u", u[0]).bind("t", u[3])
                    .map((rs, ctx) -> new Me.Project(rs.getString("id"), rs.getString("name")))
                    .list();
            return Optional.of(new Principal(u[0], u[1], u[2], u[3], u[4], roles, projects, u[5], null));
        });
    }

    /** Records that the token with this hash authenticated a request (shown to admins as "last used"). */
    public void touchToken(String tokenHash, long at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE api_tokens SET last_used_at = :at WHERE token_hash = :hash")
                .bind("at", at).bind("hash", tokenHash).execute());
    }

    /** The tokens (revoked ones too) whose clear prefix is {@code prefix}, with their users and tenants. */
    public List<TokenOwner> tokensWithPrefix(String prefix) {
        return jdbi.withHandle(h -> h.createQuery("SELECT k.id, u.id AS user_id, u.name, u.tenant_id FROM api_tokens k "
                        + "JOIN users u ON u.id = k.user_id WHERE k.token_prefix = :p ORDER BY k.id")
                .bind("p", prefix)
                .map((rs, ctx) -> new TokenOwner(rs.getString("id"), rs.getString("user_id"), rs.getString("name"),
                        rs.getString("tenant_id")))
                .list());
    }
}
