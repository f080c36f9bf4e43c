package eu.aifactory.sso;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import eu.aifactory.api.tenant.SignInOptions;
import eu.aifactory.client.sso.SsoLogin;
import eu.aifactory.client.sso.SsoProvider;
import eu.aifactory.client.sso.SsoSession;
import eu.aifactory.client.sso.SsoTokens;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.TestFactory;
import eu.aifactory.server.tenant.OidcSettings;
import eu.aifactory.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Single sign-on end to end against a real Keycloak ({@link KeycloakServer}, realms in
 * {@code src/test/resources/keycloak}): the portal's PKCE sign-in driven through the real login form and redirects,
 * then the factory accepting, mapping or refusing the access tokens. The factory runs on a clock the test sets to a
 * token's issue time (read from the token, never the wall clock), so expiry is checked without waiting.
 */
@ExtendWith(KeycloakServer.class)
class KeycloakSsoTest {

    private static SettableClock factoryClock;
    private static FactoryServer factory;
    private static Api api;
    private static OkHttpClient http;

    @BeforeAll
    static void startFactory() {
        factoryClock = new SettableClock(TestClock.START);
        ServerConfig config = ServerConfig.inMemory(true, 1).withOidc(new OidcSettings(KeycloakServer.issuer("factory"),
                "factory", "portal", "tenant", "realm_access.roles", Duration.ofSeconds(30)));
        factory = FactoryServer.start(config, TestFactory.FIXTURE, 15_000, factoryClock);
        api = new Api(factory.baseUri());
        http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
    }

    @AfterAll
    static void stopFactory() {
        factory.close();
    }

    @Test
    void theFactoryAdvertisesItsIdentityProvider() {
        SignInOptions options = SsoProvider.signInOptions(http, factory.baseUri());

        assertThat(options.apiTokens()).isTrue();
        assertThat(options.sso().issuer()).isEqualTo(KeycloakServer.issuer("factory").toString());
        assertThat(options.sso().clientId()).isEqualTo("portal");
        assertThat(options.sso().scopes()).contains("openid", "email");
    }

    @Test
    void pkceSignInGivesATokenTheFactoryMapsToTheUserWithThatEmail() {
        TestBrowser browser = new TestBrowser("erika", "test-erika");
        SsoTokens tokens = signIn(provider("factory", "portal"), browser);

        assertThat(browser.redirectedTo().host()).isEqualTo("127.0.0.1");
        assertThat(browser.redirectedTo().port()).isNotIn(80, factory.port());
        assertThat(tokens.refreshToken()).isNotBlank();
        Api.Response me = meAtIssueTime(tokens.accessToken());
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().path("user").path("id").asText()).isEqualTo("acme-eng");
        assertThat(me.json().path("tenant").path("id").asText()).isEqualTo("acme");
        assertThat(me.json().path("roles").toString()).isEqualTo("[\"engineer\"]");
    }

    @Test
    void rolesComeFromTheProviderAndOtherTenantsDataStaysHidden() {
        String greta = signIn(provider("factory", "portal"), new TestBrowser("greta", "test-greta")).accessToken();
        String erika = signIn(provider("factory", "portal"), new TestBrowser("erika", "test-erika")).accessToken();

        Api.Response me = meAtIssueTime(greta);
        assertThat(me.json().path("user").path("id").asText()).isEqualTo("globex-admin");
        assertThat(me.json().path("roles").toString()).isEqualTo("[\"tenant-admin\"]");
        Api.Response page = api.get("/v1/workloads?limit=1", greta);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        String globexWorkload = page.json().path("items").get(0).path("id").asText();
        assertThat(api.get("/v1/workloads/" + globexWorkload, greta).status()).isEqualTo(200);
        Api.Response cross = api.get("/v1/workloads/" + globexWorkload, erika);
        assertThat(cross.status()).as(cross.toString()).isEqualTo(404);
        assertThat(api.get("/v1/admin/users", erika).status()).isEqualTo(403);
    }

    @Test
    void aFirstSignInCreatesTheUserInTheMappedTenantAndLaterOnesFindThem() {
        String first = signIn(provider("factory", "portal"), new TestBrowser("nora", "test-nora")).accessToken();
        Api.Response me = meAtIssueTime(first);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        String userId = me.json().path("user").path("id").asText();
        assertThat(userId).startsWith("usr-");
        assertThat(me.json().path("user").path("email").asText()).isEqualTo("nora.neu@acme.example");
        assertThat(me.json().path("user").path("name").asText()).isEqualTo("Nora Neu");
        assertThat(me.json().path("tenant").path("id").asText()).isEqualTo("acme");

        String again = signIn(provider("factory", "portal"), new TestBrowser("nora", "test-nora")).accessToken();
        assertThat(meAtIssueTime(again).json().path("user").path("id").asText()).isEqualTo(userId);
        String admin = factoryDemoToken("acme-admin");
        assertThat(api.get("/v1/admin/users", admin).body()).contains(userId);
    }

    @Test
    void aDisabledUserIsRefusedWhileApiTokensKeepWorking() {
        String admin = factoryDemoToken("acme-admin");
        Api.Response disabled = api.send(api.request("/v1/admin/users/acme-eng2", admin, "Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"disabled\":true}")).build());
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);

        String emil = signIn(provider("factory", "portal"), new TestBrowser("emil", "test-emil")).accessToken();
        assertRefused(meAtIssueTime(emil), "disabled");
        assertThat(api.get("/v1/me", admin).status()).isEqualTo(200);
    }

    @Test
    void aUserWithoutAFactoryRoleIsRefused() {
        String nobody = signIn(provider("factory", "portal"), new TestBrowser("nobody", "test-nobody")).accessToken();
        assertRefused(meAtIssueTime(nobody), "no role");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String other = signIn(provider("factory", "other-app"), new TestBrowser("erika", "test-erika")).accessToken();
        assertRefused(meAtIssueTime(other), "not issued for this factory");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        String elsewhere = signIn(provider("elsewhere", "portal"), new TestBrowser("erika", "test-erika")).accessToken();
        assertRefused(meAtIssueTime(elsewhere), "not issued for this factory");
    }

    @Test
    void anExpiredTokenIsRefusedAndAcceptedJustBeforeWithinTheSkew() throws Exception {
        String erika = signIn(provider("factory", "portal"), new TestBrowser("erika", "test-erika")).accessToken();
        Instant expiry = SignedJWT.parse(erika).getJWTClaimsSet().getExpirationTime().toInstant();

        factoryClock.set(expiry.plusSeconds(29));
        assertThat(api.get("/v1/me", erika).status()).isEqualTo(200);
        factoryClock.set(expiry.plusSeconds(31));
        assertRefused(api.get("/v1/me", erika), "expired");
    }

    @Test
    void unsignedHmacAndForeignKeyTokensAreRefused() throws Exception {
        String erika = signIn(provider("factory", "portal"), new TestBrowser("erika", "test-erika")).accessToken();
        SignedJWT real = SignedJWT.parse(erika);
        JWTClaimsSet claims = real.getJWTClaimsSet();
        String kid = real.getHeader().getKeyID();
        factoryClock.set(claims.getIssueTime().toInstant());

        String none = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + real.getPayload().toBase64URL() + ".";
        assertRefused(api.get("/v1/me", none), "not issued for this factory");

        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        hmac.sign(new MACSigner(secret));
        assertRefused(api.get("/v1/me", hmac.serialize()), "not issued for this factory");

        List<String> forged = new ArrayList<>();
        for (String keyId : new String[] {kid, "rotated-" + kid}) {
            RSAKey attacker = new RSAKeyGenerator(2048).keyID(keyId).generate();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(attacker));
            forged.add(jwt.serialize());
        }
        for (String token : forged) {
            assertRefused(api.get("/v1/me", token), "not issued for this factory");
        }
        assertThat(api.get("/v1/me", erika).status()).isEqualTo(200);
    }

    @Test
    void theSessionRefreshesBeforeExpiryAndSigningOutEndsItAtTheProvider() throws Exception {
        SsoProvider provider = provider("factory", "portal");
        SsoTokens first = signIn(provider, new TestBrowser("erika", "test-erika"));
        SettableClock portalClock = new SettableClock(first.expiresAt().minusSeconds(120));
        List<SsoTokens> kept = new ArrayList<>();
        SsoSession session = new SsoSession(provider, first, portalClock, kept::add);

        assertThat(new String(session.get())).isEqualTo(first.accessToken());
        assertThat(kept).isEmpty();
        portalClock.set(first.expiresAt().minusSeconds(10));
        String refreshed = new String(session.get());
        assertThat(refreshed).isNotEqualTo(first.accessToken());
        assertThat(kept).hasSize(1);
        assertThat(meAtIssueTime(refreshed).json().path("user").path("id").asText()).isEqualTo("acme-eng");

        session.signOut();
        assertThat(session.refreshNow()).isFalse();
    }

    private static SsoProvider provider(String realm, String clientId) {
        return SsoProvider.discover(http, new SignInOptions.Sso(KeycloakServer.issuer(realm).toString(), clientId,
                List.of("openid", "profile", "email")));
    }

    private static SsoTokens signIn(SsoProvider provider, TestBrowser browser) {
        return new SsoLogin(provider, browser, TestClock.clock(), "<p>signed in</p>").signIn(Duration.ofSeconds(60));
    }

    /** {@code GET /v1/me} with the factory's clock at the token's issue time. */
    private static Api.Response meAtIssueTime(String accessToken) {
        try {
            factoryClock.set(SignedJWT.parse(accessToken).getJWTClaimsSet().getIssueTime().toInstant());
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
        return api.get("/v1/me", accessToken);
    }

    private static String factoryDemoToken(String userId) {
        return factory.demoUsers().stream().filter(u -> u.userId().equals(userId)).findFirst().orElseThrow().token();
    }

    private static void assertRefused(Api.Response response, String detailPart) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.problemType()).isEqualTo("unauthenticated");
        assertThat(response.json().path("detail").asText()).contains(detailPart);
    }
}
