package eu.aifactory.server.tenant;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import eu.aifactory.api.ProblemType;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.http.Text;
import java.io.IOException;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an access token of the configured OpenID Connect provider: signed (never {@code none}, never a shared-secret
 * HMAC) by a key of the provider's published key set, issued by the configured issuer for the factory's audience, and
 * valid now by the factory's clock. The key set's address comes from the provider's discovery document; Nimbus caches
 * the keys and fetches them again when a token names a key id it does not know (the provider rotated its keys).
 */
public final class OidcVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(OidcVerifier.class);

    /** Asymmetric signatures only: with an HMAC, anyone holding the shared secret could mint tokens. */
    static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.Ed25519);

    private static final int TIMEOUT_MS = 5_000;
    private static final int SIZE_LIMIT = 512 * 1024;
    private static final long KEY_CACHE_MS = 15 * 60_000L;
    private static final long KEY_REFRESH_TIMEOUT_MS = 10_000L;

    private final OidcSettings settings;
    private final Clock clock;
    private final DefaultResourceRetriever retriever = new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS, SIZE_LIMIT);
    private volatile DefaultJWTProcessor<SecurityContext> processor;

    public OidcVerifier(OidcSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public OidcSettings settings() {
        return settings;
    }

    /** Whether a bearer value is shaped like a JWT (three base64url parts) rather than an API token. */
    public static boolean looksLikeJwt(String bearer) {
        int first = bearer.indexOf('.');
        return first > 0 && bearer.indexOf('.', first + 1) > first;
    }

    /** The identity the token names; a refused token ends the request with 401, an unreachable provider with 503. */
    public SsoIdentity verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor().process(token, null);
        } catch (ExpiredJWTException e) {
            throw unauthenticated("problem.auth.sso.expired");
        } catch (ParseException | BadJOSEException e) {
            LOG.debug("access token refused: {}", e.getMessage());
            throw unauthenticated("problem.auth.sso.invalid");
        } catch (RateLimitReachedException e) {
            // A key id the provider does not publish, right after the keys were fetched again: no key signed this.
            LOG.debug("access token refused: {}", e.getMessage());
            throw unauthenticated("problem.auth.sso.invalid");
        } catch (KeySourceException e) {
            LOG.warn("the identity provider's keys could not be fetched: {}", e.getMessage());
            throw providerUnreachable();
        } catch (JOSEException e) {
            LOG.debug("access token refused: {}", e.getMessage());
            throw unauthenticated("problem.auth.sso.invalid");
        }
        return identity(claims);
    }

    private SsoIdentity identity(JWTClaimsSet claims) {
        String tenant = single(claim(claims, settings.tenantClaim()));
        if (tenant == null) {
            throw unauthenticated("problem.auth.sso.noTenant", settings.tenantClaim());
        }
        Optional<Set<Role>> roles = Optional.empty();
        if (settings.roleClaim() != null) {
            Set<Role> granted = EnumSet.noneOf(Role.class);
            Object value = claim(claims, settings.roleClaim());
            if (value instanceof Collection<?> values) {
                for (Object v : values) {
                    for (Role role : Role.values()) {
                        if (role.wire().equals(v)) {
                            granted.add(role);
                        }
                    }
                }
            }
            roles = Optional.of(granted);
        }
        String email = stringClaim(claims, "email");
        // Only an address the provider vouches for may take over a factory user with that address.
        boolean verified = Boolean.TRUE.equals(claims.getClaim("email_verified"));
        String name = stringClaim(claims, "name");
        if (name == null) {
            name = stringClaim(claims, "preferred_username");
        }
        return new SsoIdentity(claims.getIssuer(), claims.getSubject(), tenant, email,
                email != null && verified, name != null ? name : email, roles,
                claims.getExpirationTime().getTime());
    }

    /** A claim by dotted path ({@code realm_access.roles}), or null. */
    static Object claim(JWTClaimsSet claims, String path) {
        Object current = claims.getClaims();
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static String single(Object value) {
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        if (value instanceof List<?> list && list.size() == 1 && list.get(0) instanceof String s && !s.isBlank()) {
            return s;
        }
        return null;
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String s && !s.isBlank() ? s : null;
    }

    private DefaultJWTProcessor<SecurityContext> processor() {
        DefaultJWTProcessor<SecurityContext> current = processor;
        if (current == null) {
            synchronized (this) {
                current = processor;
                if (current == null) {
                    current = newProcessor(discoverKeySet());
                    processor = current;
                }
            }
        }
        return current;
    }

    /** Reads the key set's address from the discovery document, whose issuer must be the configured one. */
    private URL discoverKeySet() {
        try {
            Resource resource = retriever.retrieveResource(settings.discoveryUrl().toURL());
            Map<String, Object> document = JSONObjectUtils.parse(resource.getContent());
            String issuer = JSONObjectUtils.getString(document, "issuer");
            if (!settings.issuerText().equals(issuer)) {
                LOG.error("the discovery document at {} names issuer {}, not the configured one",
                        settings.discoveryUrl(), issuer);
                throw providerUnreachable();
            }
            return JSONObjectUtils.getURI(document, "jwks_uri").toURL();
        } catch (IOException | ParseException | IllegalArgumentException | NullPointerException e) {
            LOG.warn("the identity provider's discovery document at {} could not be read: {}",
                    settings.discoveryUrl(), e.getMessage());
            throw providerUnreachable();
        }
    }

    private DefaultJWTProcessor<SecurityContext> newProcessor(URL keySet) {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(keySet, retriever)
                .cache(KEY_CACHE_MS, KEY_REFRESH_TIMEOUT_MS)
                .retrying(true)
                .build();
        DefaultJWTProcessor<SecurityContext> result = new DefaultJWTProcessor<>();
        result.setJWSKeySelector(new JWSVerificationKeySelector<>(ALLOWED_ALGORITHMS, keys));
        // Mutable sets: Nimbus asks them whether they contain null, which Set.of answers with an exception.
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                new HashSet<>(List.of(settings.audience())),
                new JWTClaimsSet.Builder().issuer(settings.issuerText()).build(),
                new HashSet<>(List.of("sub", "exp", "iat")),
                new HashSet<>()) {
            @Override
            protected Date currentTime() {
                return new Date(clock.millis());
            }
        };
        claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
        result.setJWTClaimsSetVerifier(claims);
        return result;
    }

    private static ProblemException unauthenticated(String key, Object... args) {
        return new ProblemException(ProblemType.UNAUTHENTICATED, key, args);
    }

    private static ProblemException providerUnreachable() {
        return ProblemException.unavailable(Text.of("problem.auth.sso.providerUnreachable"), 30);
    }
}
