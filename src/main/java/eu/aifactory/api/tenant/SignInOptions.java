package eu.aifactory.api.tenant;

import java.util.List;

/**
 * How one signs in at this factory, asked before signing in: always with an API token, and with the company's
 * identity provider when {@code sso} is present.
 */
public record SignInOptions(boolean apiTokens, Sso sso) {

    /**
     * Single sign-on with OpenID Connect: the portal signs in at {@code issuer} as the public client {@code clientId}
     * (authorization code with PKCE) asking for {@code scopes}.
     */
    public record Sso(String issuer, String clientId, List<String> scopes) {

        public Sso {
            scopes = List.copyOf(scopes);
        }
    }
}
