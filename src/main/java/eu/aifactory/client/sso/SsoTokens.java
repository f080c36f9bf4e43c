package eu.aifactory.client.sso;

import java.time.Instant;

/**
 * What the provider's token endpoint answered. {@link #toString()} shows no token.
 *
 * @param refreshToken null when the provider issued none
 * @param idToken      null when the provider sent none (refresh answers may omit it)
 * @param expiresAt    when the access token expires, by the client's clock
 */
public record SsoTokens(String accessToken, String refreshToken, String idToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "SsoTokens[accessToken=***, refreshToken=" + (refreshToken == null ? "none" : "***")
                + ", idToken=" + (idToken == null ? "none" : "***") + ", expiresAt=" + expiresAt + "]";
    }
}
