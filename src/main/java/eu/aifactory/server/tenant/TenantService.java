package eu.aifactory.server.tenant;

import eu.aifactory.api.tenant.Me;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Who a token belongs to, and a tenant's projects, as every other feature reads them. */
public final class TenantService {

    private final TenantStore store;

    public TenantService(TenantStore store) {
        this.store = store;
    }

    /** The caller a token authenticates, or empty for an unknown or revoked token or a disabled user. */
    public Optional<Principal> principal(String token) {
        return store.principal(token);
    }

    /** Records that a token was used now (shown to admins as "last used"). */
    public void touchToken(String tokenHash, long at) {
        store.touchToken(tokenHash, at);
    }

    /** Of the given token hashes, those still valid: how open event streams notice a revoke or a disabled user. */
    public Set<String> liveTokenHashes(Collection<String> hashes) {
        return store.liveTokenHashes(hashes);
    }

    /** The tenant's name, or empty for an unknown tenant. */
    public Optional<String> tenantName(String tenantId) {
        return store.tenant(tenantId).map(TenantStore.TenantRow::name);
    }

    public List<Me.Project> projects(String tenantId) {
        return store.projects(tenantId);
    }
}
