package eu.aifactory.server.tenant;

import eu.aifactory.api.ProblemType;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.http.Text;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@code Authorization: Bearer <token>} to the caller, or ends the request with 401. The token is an API
 * token of the factory, or, when single sign-on is configured, an access token of the identity provider (a JWT).
 */
public final class Auth {

    private static final Logger LOG = LoggerFactory.getLogger(Auth.class);
    private static final Pattern API_TOKEN_START = Pattern.compile("afp_[A-Za-z0-9_-]{4}.*");
    private static final String ATTRIBUTE = "factory.principal";
    private static final String TOKEN_ATTRIBUTE = "factory.tokenHash";

    static final long CACHE_MILLIS = 5_000;
    private static final int CACHE_LIMIT = 10_000;
    private static final int MAX_API_TOKEN = 200;
    /** Access tokens carry claims and a signature; providers keep them well under this. */
    private static final int MAX_JWT = 16_384;

    /** @param validUntil when the token itself expires by the factory's clock (API tokens: never) */
    private record Cached(Principal principal, long expiresAt, long validUntil) {
    }

    private final TenantService tenants;
    private final OidcVerifier oidc;
    private final Clock clock;
    private final List<SignInListener> listeners;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public Auth(TenantService tenants) {
        this(tenants, null, Clock.systemUTC(), List.of());
    }

    /**
     * With {@code oidc} non-null, the identity provider's access tokens are accepted too; {@code listeners} hear of
     * every sign-in and every refused token.
     */
    public Auth(TenantService tenants, OidcVerifier oidc, Clock clock, List<SignInListener> listeners) {
        this.tenants = tenants;
        this.oidc = oidc;
        this.clock = clock;
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
        boolean jwt = oidc != null && parts.length == 2 && OidcVerifier.looksLikeJwt(parts[1]);
        if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer")
                || parts[1].length() > (jwt ? MAX_JWT : MAX_API_TOKEN)) {
            throw failed(ctx, null, "problem.auth.malformed");
        }
        String token = parts[1].trim();
        String hash = Tokens.hash(token);
        Principal signedIn;
        if (jwt) {
            try {
                signedIn = lookupSso(token, hash);
            } catch (ProblemException e) {
                throw e.type() == ProblemType.UNAUTHENTICATED ? failed(ctx, null, e) : e;
            }
        } else {
            signedIn = lookup(token, hash).orElseThrow(() -> failed(ctx, token, "problem.auth.unknownToken"));
        }
        Principal principal = signedIn.from(ctx.ip());
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
        return failed(ctx, token, unauthenticated(key));
    }

    private ProblemException failed(Context ctx, String token, ProblemException refusal) {
        String prefix = token != null && API_TOKEN_START.matcher(token).matches() ? Tokens.displayPrefix(token) : null;
        String address = ctx.ip();
        String key = refusal.detail().key();
        LOG.warn("Failed authentication from {} with {} ({})", address,
                prefix == null ? "a token without an API token prefix" : "token prefix " + prefix, key);
        listeners.forEach(l -> l.failed(address, prefix, key));
        return refusal;
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
        remember(hash, new Cached(principal, now + CACHE_MILLIS, Long.MAX_VALUE));
        return found;
    }

    /**
     * An access token of the identity provider: verified, then mapped to a factory user. Cached like an API token,
     * but never past the token's own expiry by the factory's clock.
     */
    private Principal lookupSso(String token, String hash) {
        long now = System.currentTimeMillis();
        Cached cached = cache.get(hash);
        if (cached != null && cached.expiresAt() > now && cached.validUntil() > clock.millis()) {
            return cached.principal();
        }
        SsoIdentity identity = oidc.verify(token);
        Principal principal = tenants.ssoPrincipal(identity, hash);
        remember(hash, new Cached(principal, now + CACHE_MILLIS,
                identity.expiresAt() + oidc.settings().clockSkew().toMillis()));
        return principal;
    }

    private void remember(String hash, Cached entry) {
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(hash, entry);
    }

    /** Forgets every cached caller, so a revoked token, a disabled user or a role change applies at once. */
    public void invalidate() {
        cache.clear();
    }

    private static ProblemException unauthenticated(String key) {
        return new ProblemException(ProblemType.UNAUTHENTICATED, key);
    }
}
