package eu.aifactory.portal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.aifactory.api.tenant.Role;
import eu.aifactory.client.sso.SsoException;
import eu.aifactory.client.trust.CertificatePinStore;
import eu.aifactory.client.trust.PinnedTransports;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.settings.Settings;
import eu.aifactory.portal.settings.SettingsService;
import eu.aifactory.portal.settings.SettingsStore;
import eu.aifactory.portal.shell.BrowserSingleSignOn;
import eu.aifactory.portal.shell.CertificatePrompt;
import eu.aifactory.portal.shell.Message;
import eu.aifactory.portal.shell.SessionManager;
import eu.aifactory.portal.shell.SignInViewModel;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.testing.FakeDemoFactory;
import eu.aifactory.portal.testing.MemorySecretStore;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.tenant.OidcSettings;
import eu.aifactory.server.tls.SelfSignedCertificate;
import eu.aifactory.server.tls.TlsIdentity;
import eu.aifactory.testing.TestClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trust on first use against a real factory on HTTPS with a self-signed certificate: the sign-in page shows the
 * fingerprint, trusting it pins it and signs in; a factory that later presents another certificate on the same address
 * is refused with the warning, and one click cannot accept it.
 */
class CertificatePinningTest {

    @TempDir
    Path dir;

    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final OkHttpClient http = new OkHttpClient();

    @Test
    void aSelfSignedFactoryIsTrustedAfterTheUserSeesItsFingerprintAndAChangedCertificateIsRefused() {
        Path factoryDir = dir.resolve("factory");
        ServerConfig plain = ServerConfig.embedded(factoryDir).withTimeScale(1);
        TlsIdentity first = SelfSignedCertificate.loadOrCreate(dir.resolve("cert-1"), "127.0.0.1", TestClock.clock()).identity();
        TlsIdentity second = SelfSignedCertificate.loadOrCreate(dir.resolve("cert-2"), "127.0.0.1", TestClock.clock()).identity();
        PinningConnector connector = new PinningConnector(new CertificatePinStore(dir.resolve("portal/trust/certificates"),
                TestClock.clock()), () -> Locale.ENGLISH, () -> http);

        URI url;
        String token;
        int port;
        try (FactoryServer factory = FactoryServer.start(plain.withTls(first), TestClock.clock())) {
            url = factory.baseUri();
            port = factory.port();
            token = factory.demoUsers().stream().filter(u -> u.role() == Role.ENGINEER).findFirst().orElseThrow().token();
            SignInViewModel viewModel = viewModel(connector);
            viewModel.urlProperty().set(url.toString());
            viewModel.tokenProperty().set(token);

            viewModel.connect();

            CertificatePrompt prompt = viewModel.certificateProperty().get();
            assertThat(prompt).isNotNull();
            assertThat(prompt.changed()).isFalse();
            assertThat(prompt.fingerprint()).isEqualTo(first.fingerprint());
            assertThat(viewModel.errorProperty().get()).isNull();
            assertThat(sessions.session()).isNull();

            viewModel.trustCertificate();

            assertThat(viewModel.certificateProperty().get()).isNull();
            assertThat(sessions.session()).isNotNull();
            assertThat(sessions.session().me().roles()).containsExactly(Role.ENGINEER);
            sessions.signOut();
        }

        try (FactoryServer impostor = FactoryServer.start(plain.withTls(second).withPort(port), TestClock.clock())) {
            assertThat(impostor.baseUri()).isEqualTo(url);
            SignInViewModel viewModel = viewModel(connector);
            viewModel.urlProperty().set(url.toString());
            viewModel.tokenProperty().set(token);

            viewModel.connect();

            assertThat(viewModel.errorProperty().get()).isEqualTo(
                    Message.of("signin.certificate.changed", url, first.fingerprint(), second.fingerprint()));
            assertThat(viewModel.certificateProperty().get().changed()).isTrue();
            viewModel.trustCertificate();
            assertThat(sessions.session()).as("a changed certificate is never accepted with a click").isNull();
            assertThat(viewModel.errorProperty().get().key()).isEqualTo("signin.certificate.changed");
        }
    }

    @Test
    void singleSignOnIsOfferedByASelfSignedFactoryOnceItsCertificateIsPinned() throws Exception {
        TlsIdentity identity = SelfSignedCertificate.loadOrCreate(dir.resolve("cert"), "127.0.0.1", TestClock.clock()).identity();
        ServerConfig config = ServerConfig.embedded(dir.resolve("factory")).withTimeScale(1).withTls(identity)
                .withOidc(new OidcSettings(URI.create("http://127.0.0.1:9/realms/acme"), "factory", "portal",
                        OidcSettings.DEFAULT_TENANT_CLAIM, null, OidcSettings.DEFAULT_CLOCK_SKEW));
        CertificatePinStore pins = new CertificatePinStore(dir.resolve("portal/trust/certificates"), TestClock.clock());
        BrowserSingleSignOn sso = new BrowserSingleSignOn(new PinnedTransports(pins, () -> http)::forUrl,
                TestClock.clock(), () -> "done");

        try (FactoryServer factory = FactoryServer.start(config, TestClock.clock())) {
            assertThatThrownBy(() -> sso.offer(factory.baseUri()))
                    .as("nothing pinned: the self-signed certificate is not trusted").isInstanceOf(SsoException.class);

            pins.pin(factory.baseUri(), identity.fingerprint());

            assertThat(sso.offer(factory.baseUri())).hasValueSatisfying(
                    offer -> assertThat(offer.issuer()).isEqualTo("http://127.0.0.1:9/realms/acme"));
        }
    }

    private SessionManager sessions;

    private SignInViewModel viewModel(PinningConnector connector) {
        SettingsService settings = new SettingsService(new SettingsStore(dir.resolve("settings.json")), Settings.defaults(),
                executor);
        MemorySecretStore secrets = new MemorySecretStore();
        sessions = new SessionManager(settings, secrets, executor,
                new ConnectionMonitor(executor, TestClock.clock(), Duration.ofSeconds(5), 3));
        return new SignInViewModel(executor, connector, FakeDemoFactory::factory, secrets, settings, sessions);
    }
}
