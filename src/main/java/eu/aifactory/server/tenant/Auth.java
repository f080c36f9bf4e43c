package eu.aifactory.server.tenant;

import eu.aifactory.api.ProblemType;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.http.Text;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Resolves {@code Authorization: Bearer <token>} to the caller, or ends the request with 401. */
public final class Auth {

    private static final Logger LOG = LoggerFactory.getLogger(Auth.class);
    private static final Pattern API_TOKEN_START = Pattern.compile("afp_[A-Za-z0-9_-]{4}.*");
    private static final String ATTRIBUTE = "factory.principal";
    private static final String TOKEN_ATTRIBUTE = "factory.tokenHash";

    static final long CACHE_MILLIS = 5_000;
    private static final int CACHE_LIMIT = 10_000;

    private record Cached(Principal principal, long expiresAt) {
    }

    private final TenantService tenants;
    private final List<SignInListener> listeners;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public Auth(TenantService tenants) {
        this(tenants, List.of());
    }

    public Auth(TenantService tenants, List<SignInListener> listeners) {
        this.tenants = tenants;
        this.listeners = List.copyOf(listeners);
    }

    public Principal require(Context ctx) {
        Principal cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw unauthenticated("problem.auth.missing");
        }
        String[] parts = header.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer") || parts[1].length() > 200) {
            throw failed(ctx, null, "problem.auth.malformed");
        }
        String token = parts[1].trim();
        String hash = Tokens.hash(token);
        Principal principal = lookup(token, hash).orElseThrow(() -> failed(ctx, token, "problem.auth.unknownToken"))
                .from(ctx.ip());
        listeners.forEach(l -> l.succeeded(hash));
        ctx.attribute(ATTRIBUTE, principal);
        ctx.attribute(TOKEN_ATTRIBUTE, hash);
        return principal;
    }

    /** The caller of this request if {@link #require} has authenticated it, without authenticating anything. */
    public Optional<Principal> current(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** Logs and reports a refused token by its clear prefix only: the rest of it is a secret, even when wrong. */
    private ProblemException failed(Context ctx, String token, String key) {
        String prefix = token != null && API_TOKEN_START.matcher(token).matches() ? Tokens.displayPrefix(token) : null;
        String address = ctx.ip();
        LOG.warn("Failed authentication from {} with {} ({})", address,
                prefix == null ? "a token not in the API token format" : "token prefix " + prefix, key);
        listeners.forEach(l -> l.failed(address, prefix, key));
        return unauthenticated(key);
    }

    /**
     * The caller, who must be an admin of their tenant; anyone else gets 403 naming what they tried, the key of an
     * action of the factory's messages such as {@code action.addUsers}.
     */
    public Principal requireAdmin(Context ctx, String actionKey) {
        Principal principal = require(ctx);
        if (!principal.roles().contains(Role.TENANT_ADMIN)) {
            throw ProblemException.forbidden("problem.adminOnly", Text.of(actionKey));
        }
        return principal;
    }

    /** The hash of the token that authenticated this request (after {@link #require}): how an open stream is revoked. */
    public String tokenHash(Context ctx) {
        return ctx.attribute(TOKEN_ATTRIBUTE);
    }

    /**
     * Known tokens are cached for a few seconds: most requests then need no database round trip to authenticate.
     * A role or project change therefore applies within {@link #CACHE_MILLIS}. Unknown tokens are never cached.
     */
    private Optional<Principal> lookup(String token, String hash) {
        long now = System.currentTimeMillis();
        Cached cached = cache.get(hash);
        if (cached != null && cached.expiresAt() > now) {
            return Optional.of(cached.principal());
        }
        Optional<Principal> found = tenants.principal(token);
        if (found.isEmpty()) {
            return found;
        }
        Principal principal = found.get();
        tenants.touchToken(hash, now);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(hash, new Cached(principal, now + CACHE_MILLIS));
        return found;
    }

    /** Forgets every cached caller, so a revoked token, a disabled user or a role change applies at once. */
    public void invalidate() {
        cache.clear();
    }

    private static ProblemException unauthenticated(String key) {
        return new ProblemException(ProblemType.UNAUTHENTICATED, key);
    }
}
