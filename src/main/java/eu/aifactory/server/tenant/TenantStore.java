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
        return jdbi.withHandle(h -> h.createQuery("SELECT k.user_id, k.id FROM api_tokens k JOIN users u ON u.id = k.user_id "
                        + "WHERE k.token_hash = :hash AND k.revoked_at IS NULL AND u.disabled = FALSE")
                .bind("hash", hash).map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).findOne()
                .map(row -> principalOf(h, row[0], Optional.empty()).withToken(row[1])));
    }

    /** Why a verified single sign-on token does not name a factory user who may work. */
    public enum SsoRefusal { UNKNOWN_TENANT, OTHER_TENANT, UNKNOWN_USER, DISABLED }

    /** The caller signed in, or why not. */
    public record SsoSignIn(Principal principal, SsoRefusal refusal) {
    }

    /**
     * The factory user a person of the identity provider is: the one linked to their (issuer, subject) before; else,
     * on their first sign-in, the user of the tenant with their verified e-mail address, or a new user with the roles
     * the provider grants. The link is kept, so later sign-ins no longer depend on the e-mail address. {@code roles},
     * when present, are the caller's roles instead of the stored ones.
     */
    public SsoSignIn ssoSignIn(SsoIdentity identity) {
        try {
            return jdbi.inTransaction(h -> ssoSignIn(h, identity));
        } catch (RuntimeException raced) {
            // Two first sign-ins of one person at once: the other one linked them; this attempt now finds the link.
            return jdbi.inTransaction(h -> ssoSignIn(h, identity));
        }
    }

    private SsoSignIn ssoSignIn(Handle h, SsoIdentity identity) {
        Optional<String> linked = h.createQuery("SELECT user_id FROM sso_identities WHERE issuer = :i AND subject = :s")
                .bind("i", identity.issuer()).bind("s", identity.subject()).mapTo(String.class).findOne();
        String userId;
        if (linked.isPresent()) {
            userId = linked.get();
        } else {
            boolean tenantExists = h.createQuery("SELECT COUNT(*) FROM tenants WHERE id = :t")
                    .bind("t", identity.tenantId()).mapTo(Integer.class).one() > 0;
            if (!tenantExists) {
                return new SsoSignIn(null, SsoRefusal.UNKNOWN_TENANT);
            }
            List<String> sameEmail = identity.emailVerified()
                    ? h.createQuery("SELECT id FROM users WHERE tenant_id = :t AND LOWER(email) = LOWER(:e)")
                            .bind("t", identity.tenantId()).bind("e", identity.email()).mapTo(String.class).list()
                    : List.of();
            if (sameEmail.size() == 1) {
                userId = sameEmail.get(0);
            } else if (sameEmail.isEmpty() && identity.roles().map(r -> !r.isEmpty()).orElse(false)
                    && identity.email() != null) {
                userId = createSsoUser(h, identity);
            } else {
                return new SsoSignIn(null, SsoRefusal.UNKNOWN_USER);
            }
            h.createUpdate("INSERT INTO sso_identities (issuer, subject, user_id, created_at) VALUES (:i, :s, :u, :at)")
                    .bind("i", identity.issuer()).bind("s", identity.subject()).bind("u", userId)
                    .bind("at", clock.millis()).execute();
        }
        Optional<Object[]> user = h.createQuery("SELECT tenant_id, disabled FROM users WHERE id = :id").bind("id", userId)
                .map((rs, ctx) -> new Object[] {rs.getString("tenant_id"), rs.getBoolean("disabled")}).findOne();
        if (user.isEmpty() || !user.get()[0].equals(identity.tenantId())) {
            return new SsoSignIn(null, SsoRefusal.OTHER_TENANT);
        }
        if ((Boolean) user.get()[1]) {
            return new SsoSignIn(null, SsoRefusal.DISABLED);
        }
        return new SsoSignIn(principalOf(h, userId, identity.roles()), null);
    }

    private String createSsoUser(Handle h, SsoIdentity identity) {
        String id = Ids.next("usr");
        h.createUpdate("INSERT INTO users (id, tenant_id, name, email, created_at) VALUES (:id, :t, :name, :email, :at)")
                .bind("id", id).bind("t", identity.tenantId()).bind("name", identity.name())
                .bind("email", identity.email()).bind("at", clock.millis()).execute();
        for (Role role : identity.roles().orElseThrow()) {
            h.createUpdate("INSERT INTO user_roles (user_id, role) VALUES (:u, :r)")
                    .bind("u", id).bind("r", role.wire()).execute();
        }
        return id;
    }

    /** Which of these users are not disabled: how open event streams of single sign-on callers notice a disable. */
    public Set<String> enabledUsers(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return jdbi.withHandle(h -> Set.copyOf(h.createQuery("SELECT id FROM users WHERE id IN (<ids>) AND disabled = FALSE")
                .bindList("ids", List.copyOf(userIds)).mapTo(String.class).list()));
    }

    private Principal principalOf(Handle h, String userId, Optional<Set<Role>> grantedRoles) {
        String[] u = h.createQuery("SELECT u.id, u.name, u.email, t.id AS tenant_id, t.name AS tenant_name "
                        + "FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE u.id = :u")
                .bind("u", userId)
                .map((rs, ctx) -> new String[] {rs.getString("id"), rs.getString("name"), rs.getString("email"),
                        rs.getString("tenant_id"), rs.getString("tenant_name")})
                .one();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (grantedRoles.isPresent()) {
            roles.addAll(grantedRoles.get());
        } else {
            h.createQuery("SELECT role FROM user_roles WHERE user_id = :u").bind("u", userId)
                    .mapTo(String.class).forEach(r -> roles.add(Role.fromWire(r)));
        }
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
        return new Principal(u[0], u[1], u[2], u[3], u[4], roles, projects);
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
