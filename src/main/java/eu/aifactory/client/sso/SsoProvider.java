package eu.aifactory.client.sso;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.api.Json;
import eu.aifactory.api.tenant.SignInOptions;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * An OpenID Connect provider as the portal uses it: its endpoints from the discovery document, the public client the
 * factory names, and the token requests (code exchange, refresh, sign-out). Blocking; call it off the UI thread.
 */
public final class SsoProvider {

    private final OkHttpClient http;
    private final String issuer;
    private final String clientId;
    private final List<String> scopes;
    private final HttpUrl authorizationEndpoint;
    private final HttpUrl tokenEndpoint;
    private final HttpUrl endSessionEndpoint;

    private SsoProvider(OkHttpClient http, String issuer, String clientId, List<String> scopes,
                        HttpUrl authorizationEndpoint, HttpUrl tokenEndpoint, HttpUrl endSessionEndpoint) {
        this.http = http;
        this.issuer = issuer;
        this.clientId = clientId;
        this.scopes = List.copyOf(scopes);
        this.authorizationEndpoint = authorizationEndpoint;
        this.tokenEndpoint = tokenEndpoint;
        this.endSessionEndpoint = endSessionEndpoint;
    }

    /** Asks a factory how one signs in there ({@code GET /v1/sign-in-options}, no token needed). */
    public static SignInOptions signInOptions(OkHttpClient http, URI factory) {
        HttpUrl url = HttpUrl.get(factory.toString()).newBuilder().addPathSegments("v1/sign-in-options").build();
        JsonNode body = getJson(http, url);
        try {
            return Json.mapper().treeToValue(body, SignInOptions.class);
        } catch (IOException e) {
            throw new SsoException(SsoException.Reason.UNREACHABLE, "unexpected sign-in options from " + factory, e);
        }
    }

    /** Reads the provider's discovery document; its issuer must be the one the factory named. */
    public static SsoProvider discover(OkHttpClient http, SignInOptions.Sso sso) {
        HttpUrl url = HttpUrl.get(sso.issuer() + "/.well-known/openid-configuration");
        JsonNode document = getJson(http, url);
        if (!sso.issuer().equals(document.path("issuer").asText())) {
            throw new SsoException(SsoException.Reason.MISMATCH, "the provider at " + url + " names another issuer");
        }
        HttpUrl authorization = HttpUrl.parse(document.path("authorization_endpoint").asText());
        HttpUrl token = HttpUrl.parse(document.path("token_endpoint").asText());
        if (authorization == null || token == null) {
            throw new SsoException(SsoException.Reason.UNREACHABLE, "the discovery document at " + url + " lacks endpoints");
        }
        JsonNode endSession = document.path("end_session_endpoint");
        return new SsoProvider(http, sso.issuer(), sso.clientId(), sso.scopes(), authorization, token,
                endSession.isTextual() ? HttpUrl.parse(endSession.asText()) : null);
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    /** The authorization request of the code flow with PKCE (S256). */
    HttpUrl authorizationUrl(URI redirect, String state, String nonce, String codeChallenge) {
        return authorizationEndpoint.newBuilder()
                .addQueryParameter("response_type", "code")
                .addQueryParameter("client_id", clientId)
                .addQueryParameter("redirect_uri", redirect.toString())
                .addQueryParameter("scope", String.join(" ", scopes))
                .addQueryParameter("state", state)
                .addQueryParameter("nonce", nonce)
                .addQueryParameter("code_challenge", codeChallenge)
                .addQueryParameter("code_challenge_method", "S256")
                .build();
    }

    /** Exchanges the authorization code for tokens, proving with the PKCE verifier that this client asked for it. */
    SsoTokens exchange(String code, URI redirect, String codeVerifier, Clock clock) {
        return tokens(new FormBody.Builder()
                .add("grant_type", "authorization_code")
                .add("code", code)
                .add("redirect_uri", redirect.toString())
                .add("client_id", clientId)
                .add("code_verifier", codeVerifier)
                .build(), null, clock);
    }

    /** New tokens for a refresh token; a provider that issues no new refresh token keeps the old one valid. */
    public SsoTokens refresh(SsoTokens current, Clock clock) {
        if (current.refreshToken() == null) {
            throw new SsoException(SsoException.Reason.REFUSED, "no refresh token");
        }
        return tokens(new FormBody.Builder()
                .add("grant_type", "refresh_token")
                .add("refresh_token", current.refreshToken())
                .add("client_id", clientId)
                .build(), current, clock);
    }

    /**
     * Ends the session at the provider (its {@code end_session_endpoint}, told which session by the refresh token and
     * ID token), so the refresh token stops working and the next sign-in asks for the password again.
     */
    public void signOut(SsoTokens tokens) {
        if (endSessionEndpoint == null) {
            return;
        }
        FormBody.Builder form = new FormBody.Builder().add("client_id", clientId);
        if (tokens.refreshToken() != null) {
            form.add("refresh_token", tokens.refreshToken());
        }
        if (tokens.idToken() != null) {
            form.add("id_token_hint", tokens.idToken());
        }
        Request request = new Request.Builder().url(endSessionEndpoint).post(form.build()).build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful() && response.code() / 100 != 3) {
                throw new SsoException(SsoException.Reason.REFUSED, "sign-out at the provider answered " + response.code());
            }
        } catch (IOException e) {
            throw new SsoException(SsoException.Reason.UNREACHABLE, "sign-out at the provider failed: " + e.getMessage(), e);
        }
    }

    private SsoTokens tokens(FormBody form, SsoTokens previous, Clock clock) {
        Request request = new Request.Builder().url(tokenEndpoint).post(form).build();
        Instant asked = clock.instant();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            JsonNode json = Json.mapper().readTree(body == null ? "{}" : body.string());
            if (!response.isSuccessful()) {
                // The provider's error code only ("invalid_grant"): its description may quote what was sent.
                throw new SsoException(SsoException.Reason.REFUSED,
                        "the provider refused the token request: " + json.path("error").asText("HTTP " + response.code()));
            }
            String access = json.path("access_token").asText(null);
            if (access == null || !"bearer".equalsIgnoreCase(json.path("token_type").asText(""))) {
                throw new SsoException(SsoException.Reason.REFUSED, "the provider answered no bearer access token");
            }
            long expiresIn = json.path("expires_in").asLong(60);
            String refresh = json.path("refresh_token").asText(previous == null ? null : previous.refreshToken());
            String id = json.path("id_token").asText(previous == null ? null : previous.idToken());
            return new SsoTokens(access, refresh, id, asked.plusSeconds(expiresIn));
        } catch (IOException e) {
            throw new SsoException(SsoException.Reason.UNREACHABLE, "the provider's token endpoint failed: " + e.getMessage(), e);
        }
    }

    private static JsonNode getJson(OkHttpClient http, HttpUrl url) {
        try (Response response = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful() || body == null) {
                throw new SsoException(SsoException.Reason.UNREACHABLE, url + " answered " + response.code());
            }
            return Json.mapper().readTree(body.string());
        } catch (IOException e) {
            throw new SsoException(SsoException.Reason.UNREACHABLE, url + " could not be read: " + e.getMessage(), e);
        }
    }
}
