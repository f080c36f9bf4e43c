package eu.aifactory.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.tenant.SignInOptions;
import eu.aifactory.client.sso.SsoException;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.settings.SecretStore;
import eu.aifactory.portal.settings.Settings;
import eu.aifactory.portal.settings.SettingsService;
import eu.aifactory.portal.settings.SettingsStore;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.testing.FakeDemoFactory;
import eu.aifactory.portal.testing.FakeFactoryClient;
import eu.aifactory.portal.testing.MemorySecretStore;
import eu.aifactory.testing.TestClock;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sign-in page's "Sign in with your company account", with a fake identity provider and a fake factory. */
class SsoSignInViewModelTest {

    private static final String REMOTE = "https://factory.example.eu";
    private static final SignInOptions.Sso OFFER = new SignInOptions.Sso("https://login.example.eu/realms/acme",
            "portal", List.of("openid", "profile", "email"));

    @TempDir
    Path dataDir;

    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final FakeFactoryClient factory = new FakeFactoryClient();
    private final MemorySecretStore secrets = new MemorySecretStore();
    private final FakeSso sso = new FakeSso();
    private SettingsService settings;
    private SessionManager sessions;

    private SignInViewModel viewModel(Settings remembered) {
        settings = new SettingsService(new SettingsStore(dataDir.resolve("settings.json")), remembered, executor);
        ConnectionMonitor monitor = new ConnectionMonitor(executor, TestClock.clock(), Duration.ofSeconds(5), 3);
        sessions = new SessionManager(settings, secrets, executor, monitor);
        return new SignInViewModel(executor, factory::connect, FakeDemoFactory::factory, secrets, settings, sessions, sso);
    }

    private SignInViewModel atRemote() {
        SignInViewModel viewModel = viewModel(Settings.defaults());
        viewModel.modeProperty().set(SignInViewModel.Mode.CONNECT);
        viewModel.urlProperty().set(REMOTE);
        return viewModel;
    }

    @Test
    void theButtonAppearsForAFactoryThatOffersSingleSignOnAndGoesWhenTheAddressChanges() {
        sso.offer = OFFER;
        SignInViewModel viewModel = atRemote();

        viewModel.checkSignInOptions();
        assertThat(viewModel.ssoOfferProperty().get()).isEqualTo(OFFER);
        assertThat(sso.askedAt).containsExactly(URI.create(REMOTE));

        viewModel.urlProperty().set("https://other.example.eu");
        assertThat(viewModel.ssoOfferProperty().get()).isNull();
    }

    @Test
    void aFactoryWithoutSingleSignOnShowsNoButtonAndNothingHappensOnSignIn() {
        SignInViewModel viewModel = atRemote();

        viewModel.checkSignInOptions();
        viewModel.signInWithSso();

        assertThat(viewModel.ssoOfferProperty().get()).isNull();
        assertThat(sso.signIns).isZero();
        assertThat(sessions.session()).isNull();
    }

    @Test
    void signingInOpensTheSessionAndKeepsOnlyTheRefreshTokenInTheSecretStore() throws Exception {
        sso.offer = OFFER;
        factory.acceptToken("access-1");
        SignInViewModel viewModel = atRemote();
        viewModel.checkSignInOptions();

        viewModel.signInWithSso();

        assertThat(sessions.session()).isNotNull();
        assertThat(sessions.session().factoryUrl()).isEqualTo(URI.create(REMOTE));
        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(viewModel.errorProperty().get()).isNull();
        assertThat(secrets.all()).containsExactly(java.util.Map.entry(SecretStore.refreshTokenName(REMOTE), "refresh-1"));
        assertThat(settings.get().factoryUrl()).isEqualTo(REMOTE);
        Path stored = dataDir.resolve("settings.json");
        if (Files.exists(stored)) {
            assertThat(Files.readString(stored)).doesNotContain("refresh-1").doesNotContain("access-1");
        }
    }

    @Test
    void aRefreshedTokenReplacesTheKeptOne() {
        sso.offer = OFFER;
        factory.acceptToken("access-1");
        SignInViewModel viewModel = atRemote();
        viewModel.checkSignInOptions();
        viewModel.signInWithSso();

        sso.last.refreshed.accept("refresh-2");

        assertThat(secrets.all()).containsEntry(SecretStore.refreshTokenName(REMOTE), "refresh-2");
    }

    @Test
    void aCancelledSignInLeavesThePageAsItWasWithoutAnError() {
        sso.offer = OFFER;
        sso.failure = () -> new SsoException(SsoException.Reason.CANCELLED, "cancelled");
        SignInViewModel viewModel = atRemote();
        viewModel.checkSignInOptions();

        viewModel.signInWithSso();

        assertThat(sessions.session()).isNull();
        assertThat(viewModel.errorProperty().get()).isNull();
        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(viewModel.ssoWaitingProperty().get()).isFalse();
        assertThat(secrets.all()).isEmpty();
    }

    @Test
    void aForeignAnswerAndAFactoryRefusalBecomeOneSentence() {
        sso.offer = OFFER;
        sso.failure = () -> new SsoException(SsoException.Reason.MISMATCH, "state");
        SignInViewModel viewModel = atRemote();
        viewModel.checkSignInOptions();

        viewModel.signInWithSso();
        assertThat(viewModel.errorProperty().get().key()).isEqualTo("signin.sso.error.mismatch");

        sso.failure = null;
        factory.acceptToken("another-token");
        viewModel.signInWithSso();
        assertThat(viewModel.errorProperty().get().key()).isEqualTo("signin.sso.error.rejected");
        assertThat(sessions.session()).isNull();
    }

    @Test
    void aRestartContinuesWithTheKeptRefreshTokenWithoutTheBrowser() {
        sso.offer = OFFER;
        factory.acceptToken("access-1");
        secrets.write(SecretStore.refreshTokenName(REMOTE), "refresh-1");
        SignInViewModel viewModel = viewModel(Settings.defaults().withFactory(REMOTE, null));

        viewModel.start();

        assertThat(sso.resumedWith).containsExactly("refresh-1");
        assertThat(sso.signIns).isZero();
        assertThat(sessions.session()).isNotNull();
    }

    @Test
    void signingOutEndsTheSessionAtTheProviderAndForgetsTheRefreshToken() {
        sso.offer = OFFER;
        factory.acceptToken("access-1");
        SignInViewModel viewModel = atRemote();
        viewModel.checkSignInOptions();
        viewModel.signInWithSso();

        sessions.signOut();

        assertThat(sso.last.signedOut).isTrue();
        assertThat(secrets.all()).isEmpty();
        assertThat(settings.get().factoryUrl()).isNull();
    }

    /** An identity provider that signs in at once and hands out "access-1" and "refresh-1". */
    private static final class FakeSso implements SingleSignOn {
        SignInOptions.Sso offer;
        Supplier<RuntimeException> failure;
        final List<URI> askedAt = new ArrayList<>();
        final List<String> resumedWith = new ArrayList<>();
        int signIns;
        FakeSigned last;

        @Override
        public Optional<SignInOptions.Sso> offer(URI factory) {
            askedAt.add(factory);
            return Optional.ofNullable(offer);
        }

        @Override
        public Signed signIn(SignInOptions.Sso sso) {
            signIns++;
            if (failure != null) {
                throw failure.get();
            }
            last = new FakeSigned("access-1", "refresh-1");
            return last;
        }

        @Override
        public Signed resume(SignInOptions.Sso sso, String refreshToken) {
            resumedWith.add(refreshToken);
            last = new FakeSigned("access-1", refreshToken);
            return last;
        }

        @Override
        public void cancel() {
        }
    }

    private static final class FakeSigned implements SingleSignOn.Signed {
        private final String access;
        private final String refresh;
        Consumer<String> refreshed = token -> { };
        boolean signedOut;

        FakeSigned(String access, String refresh) {
            this.access = access;
            this.refresh = refresh;
        }

        @Override
        public Supplier<char[]> accessToken() {
            return access::toCharArray;
        }

        @Override
        public String refreshToken() {
            return refresh;
        }

        @Override
        public void onRefreshed(Consumer<String> newRefreshToken) {
            refreshed = newRefreshToken;
        }

        @Override
        public void signOut() {
            signedOut = true;
        }
    }
}
