package eu.aifactory.server.tenant;

import eu.aifactory.api.ProblemType;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.server.http.ProblemException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Who a token belongs to, and a tenant's projects, as every other feature reads them. */
public final class TenantService {

    private static final int SSO_TOKEN_LIMIT = 10_000;

    private record SsoToken(String userId, long expiresAt) {
    }

    private final TenantStore store;
    private final Clock clock;
    /** Access tokens of the identity provider seen lately, by hash: open event streams authenticated with them. */
    private final Map<String, SsoToken> ssoTokens = new ConcurrentHashMap<>();

    public TenantService(TenantStore store) {
        this(store, Clock.systemUTC());
    }

    public TenantService(TenantStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The caller a token authenticates, or empty for an unknown or revoked token or a disabled user. */
    public Optional<Principal> principal(String token) {
        return store.principal(token);
    }

    /**
     * The caller a verified access token of the identity provider names (see {@link TenantStore#ssoSignIn}); a token
     * that names no tenant, no user or a disabled user ends the request with 401.
     */
    public Principal ssoPrincipal(SsoIdentity identity, String tokenHash) {
        if (identity.roles().map(Set::isEmpty).orElse(false)) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "problem.auth.sso.noRole");
        }
        TenantStore.SsoSignIn signIn = store.ssoSignIn(identity);
        if (signIn.refusal() != null) {
            String key = switch (signIn.refusal()) {
                case UNKNOWN_TENANT -> "problem.auth.sso.unknownTenant";
                case OTHER_TENANT -> "problem.auth.sso.otherTenant";
                case UNKNOWN_USER -> "problem.auth.sso.unknownUser";
                case DISABLED -> "problem.auth.sso.disabled";
            };
            throw new ProblemException(ProblemType.UNAUTHENTICATED, key);
        }
        if (ssoTokens.size() >= SSO_TOKEN_LIMIT) {
            ssoTokens.values().removeIf(t -> t.expiresAt() <= clock.millis());
        }
        ssoTokens.put(tokenHash, new SsoToken(signIn.principal().userId(), identity.expiresAt()));
        return signIn.principal();
    }

    /** Records that a token was used now (shown to admins as "last used"). */
    public void touchToken(String tokenHash, long at) {
        store.touchToken(tokenHash, at);
    }

    /**
     * Of the given token hashes, those still valid: how open event streams notice a revoke or a disabled user. An
     * access token of the identity provider stays valid until it expires, while its user is not disabled.
     */
    public Set<String> liveTokenHashes(Collection<String> hashes) {
        long now = clock.millis();
        ssoTokens.values().removeIf(t -> t.expiresAt() <= now);
        Set<String> live = new HashSet<>(store.liveTokenHashes(hashes));
        Map<String, String> ssoUsers = new HashMap<>();
        for (String hash : hashes) {
            SsoToken sso = ssoTokens.get(hash);
            if (sso != null) {
                ssoUsers.put(hash, sso.userId());
            }
        }
        Set<String> enabled = store.enabledUsers(Set.copyOf(ssoUsers.values()));
        ssoUsers.forEach((hash, user) -> {
            if (enabled.contains(user)) {
                live.add(hash);
            }
        });
        return live;
    }

    /** The tenant's name, or empty for an unknown tenant. */
    public Optional<String> tenantName(String tenantId) {
        return store.tenant(tenantId).map(TenantStore.TenantRow::name);
    }

    public List<Me.Project> projects(String tenantId) {
        return store.projects(tenantId);
    }

    /** The tokens whose clear prefix is {@code prefix}: to whom a failed sign-in with that prefix may matter. */
    public List<TenantStore.TokenOwner> tokensWithPrefix(String prefix) {
        return store.tokensWithPrefix(prefix);
    }
}
