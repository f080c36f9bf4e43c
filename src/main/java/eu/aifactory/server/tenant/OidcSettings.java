package eu.aifactory.server.tenant;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Single sign-on through an OpenID Connect provider: which access tokens the factory accepts and how their claims
 * name a tenant, a user and roles.
 *
 * @param issuer      the provider's issuer URL exactly as its tokens carry it in {@code iss}; its
 *                    {@code /.well-known/openid-configuration} names the key set
 * @param audience    the value an access token's {@code aud} must contain: the factory's name at the provider
 * @param clientId    the public client the portal signs in with (advertised to the portal, not checked in tokens)
 * @param tenantClaim the claim whose value is the factory tenant's id, a dotted path for nested claims
 * @param roleClaim   the claim (dotted path) listing roles by their factory names ({@code tenant-admin},
 *                    {@code account-manager}, {@code engineer}); null: the roles kept in the factory apply
 * @param clockSkew   how far the provider's clock may be off from the factory's when {@code exp} and {@code nbf}
 *                    are checked
 */
public record OidcSettings(URI issuer, String audience, String clientId, String tenantClaim, String roleClaim,
                           Duration clockSkew) {

    public static final String DEFAULT_TENANT_CLAIM = "tenant";
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

    public OidcSettings {
        Objects.requireNonNull(issuer, "issuer");
        String scheme = issuer.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !("http".equalsIgnoreCase(scheme) && isLoopback(issuer))) {
            // Keys fetched over plain HTTP from another machine could be swapped on the way: any token would pass.
            throw new IllegalArgumentException("the OIDC issuer must be an https URL (http only on loopback): " + issuer);
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("the OIDC audience is required");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("the OIDC client id of the portal is required");
        }
        if (tenantClaim == null || tenantClaim.isBlank()) {
            throw new IllegalArgumentException("the OIDC tenant claim is required");
        }
        if (roleClaim != null && roleClaim.isBlank()) {
            roleClaim = null;
        }
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("the clock skew must be 0 to 5 minutes, was " + clockSkew);
        }
    }

    /** The issuer without a trailing slash, as tokens and the discovery document carry it. */
    public String issuerText() {
        String text = issuer.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    public URI discoveryUrl() {
        return URI.create(issuerText() + "/.well-known/openid-configuration");
    }

    private static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }
}
