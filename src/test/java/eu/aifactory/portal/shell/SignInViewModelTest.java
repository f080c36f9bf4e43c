package eu.aifactory.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.tenant.Role;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.settings.SecretStore;
import eu.aifactory.portal.settings.Settings;
import eu.aifactory.portal.settings.SettingsService;
import eu.aifactory.portal.settings.SettingsStore;
import eu.aifactory.portal.shell.SignInViewModel.DemoState;
import eu.aifactory.portal.shell.SignInViewModel.Mode;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.testing.FakeDemoFactory;
import eu.aifactory.portal.testing.FakeFactoryClient;
import eu.aifactory.portal.testing.MemorySecretStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignInViewModelTest {

    private static final String REMOTE = "https://factory.example.eu";
    private static final String TOKEN = "tok-7f3a9c";

    @TempDir
    Path dataDir;

    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final FakeFactoryClient factory = new FakeFactoryClient();
    private final MemorySecretStore secrets = new MemorySecretStore();
    private final AtomicInteger demoStarts = new AtomicInteger();
    private SettingsService settings;
    private SessionManager sessions;

    private SignInViewModel viewModel(Settings remembered) {
        settings = new SettingsService(new SettingsStore(dataDir.resolve("settings.json")), remembered, executor);
        ConnectionMonitor monitor = new ConnectionMonitor(executor, Clock.systemUTC(), Duration.ofSeconds(5), 3);
        sessions = new SessionManager(settings, secrets, executor, monitor);
        return new SignInViewModel(executor, factory::connect, () -> {
            demoStarts.incrementAndGet();
            return FakeDemoFactory.factory();
        }, secrets, settings, sessions);
    }

    @Test
    void withNothingRememberedItStartsTheDemoFactoryAndListsItsUsers() {
        SignInViewModel viewModel = viewModel(Settings.defaults());
        viewModel.start();

        assertThat(viewModel.modeProperty().get()).isEqualTo(Mode.DEMO);
        assertThat(viewModel.demoStateProperty().get()).isEqualTo(DemoState.READY);
        assertThat(viewModel.demoAccounts()).extracting(DemoAccount::userName)
                .containsExactly("Anna Schmidt", "Jonas Weber", "Lena Hoffmann");
        assertThat(sessions.session()).isNull();
    }

    @Test
    void demoSignInOpensASessionAndRemembersTheUserButNoToken() {
        factory.acceptToken(FakeDemoFactory.ANNA_TOKEN);
        SignInViewModel viewModel = viewModel(Settings.defaults());
        viewModel.start();

        viewModel.signIn(viewModel.demoAccounts().get(0));

        assertThat(sessions.session()).isNotNull();
        assertThat(sessions.session().demo()).isTrue();
        assertThat(sessions.session().me().user().name()).isEqualTo("Anna Schmidt");
        assertThat(factory.baseUrl()).isEqualTo(FakeDemoFactory.URL);
        assertThat(settings.get().demoUserId()).isEqualTo("u-anna");
        assertThat(settings.get().factoryUrl()).isNull();
        assertThat(secrets.all()).isEmpty();
    }

    @Test
    void aRestartOffersTheRememberedDemoUserButDoesNotSignThemInUnasked() {
        SignInViewModel viewModel = viewModel(Settings.defaults().withFactory(null, "u-jonas"));
        executor.holdWork();
        viewModel.start();
        assertThat(viewModel.demoStateProperty().get()).isEqualTo(DemoState.STARTING);

        executor.runHeldWork();

        assertThat(viewModel.demoStateProperty().get()).isEqualTo(DemoState.READY);
        assertThat(viewModel.lastDemoUserId()).isEqualTo("u-jonas");
        assertThat(sessions.session()).isNull();
        assertThat(factory.presentedToken()).isNull();
    }

    /** A demo launcher whose last start had {@code remembered}; its start gives the fake factory's accounts. */
    private SignInViewModel viewModelRemembering(List<DemoAccount> remembered, Callable<DemoFactory> start) {
        settings = new SettingsService(new SettingsStore(dataDir.resolve("settings.json")), Settings.defaults(), executor);
        sessions = new SessionManager(settings, secrets, executor,
                new ConnectionMonitor(executor, Clock.systemUTC(), Duration.ofSeconds(5), 3));
        DemoFactory.Launcher launcher = new DemoFactory.Launcher() {
            @Override
            public DemoFactory start() throws Exception {
                demoStarts.incrementAndGet();
                return start.call();
            }

            @Override
            public List<DemoAccount> remembered() {
                return remembered;
            }
        };
        return new SignInViewModel(executor, factory::connect, launcher, secrets, settings, sessions);
    }

    private static DemoAccount remembered(String userId, String name) {
        return new DemoAccount(userId, name, "Bergmann Maschinenbau GmbH", Role.ENGINEER, null);
    }

    @Test
    void aLaterStartListsTheLastStartsUsersAtOnceAndSignsThePickedOneInWhenTheFactoryAnswers() {
        factory.acceptToken(FakeDemoFactory.ANNA_TOKEN);
        SignInViewModel viewModel = viewModelRemembering(
                List.of(remembered("u-anna", "Anna Schmidt"), remembered("u-jonas", "Jonas Weber")),
                FakeDemoFactory::factory);
        executor.holdWork();
        viewModel.start();

        executor.runFirstHeldWork();
        assertThat(viewModel.demoStateProperty().get()).isEqualTo(DemoState.STARTING);
        assertThat(viewModel.demoAccounts()).extracting(DemoAccount::userName).containsExactly("Anna Schmidt", "Jonas Weber");
        viewModel.signIn(viewModel.demoAccounts().get(0));
        assertThat(viewModel.busyProperty().get()).isTrue();
        assertThat(viewModel.progressProperty().get()).isEqualTo(Message.of("signin.progress.demoWaiting", "Anna Schmidt"));
        assertThat(sessions.session()).isNull();

        executor.runHeldWork();

        assertThat(viewModel.demoAccounts()).extracting(DemoAccount::userName)
                .containsExactly("Anna Schmidt", "Jonas Weber", "Lena Hoffmann");
        assertThat(sessions.session()).isNotNull();
        assertThat(sessions.session().me().user().name()).isEqualTo("Anna Schmidt");
        assertThat(factory.presentedToken()).as("the running factory's token, not the remembered account's")
                .isEqualTo(FakeDemoFactory.ANNA_TOKEN);
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @Test
    void aRememberedUserTheFactoryNoLongerHasIsNamedAndNobodyIsSignedIn() {
        SignInViewModel viewModel = viewModelRemembering(List.of(remembered("u-otto", "Otto Alt")), FakeDemoFactory::factory);
        executor.holdWork();
        viewModel.start();
        executor.runFirstHeldWork();
        viewModel.signIn(viewModel.demoAccounts().get(0));

        executor.runHeldWork();

        assertThat(sessions.session()).isNull();
        assertThat(factory.presentedToken()).isNull();
        assertThat(viewModel.errorProperty().get()).isEqualTo(Message.of("signin.demo.gone", "Otto Alt"));
        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(viewModel.progressProperty().get()).isNull();
        assertThat(viewModel.demoAccounts()).extracting(DemoAccount::userId).containsExactly("u-anna", "u-jonas", "u-lena");
    }

    @Test
    void aPickWhileTheFactoryFailsToStartEndsWithTheFailureAndNoStaleList() {
        SignInViewModel viewModel = viewModelRemembering(List.of(remembered("u-anna", "Anna Schmidt")), () -> {
            throw new IllegalStateException("port in use");
        });
        executor.holdWork();
        viewModel.start();
        executor.runFirstHeldWork();
        viewModel.signIn(viewModel.demoAccounts().get(0));

        executor.runHeldWork();

        assertThat(viewModel.demoStateProperty().get()).isEqualTo(DemoState.FAILED);
        assertThat(viewModel.errorProperty().get()).isEqualTo(Message.of("signin.demo.failed"));
        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(viewModel.progressProperty().get()).isNull();
        assertThat(viewModel.demoAccounts()).as("users that cannot sign in are not offered").isEmpty();
        assertThat(sessions.session()).isNull();
    }

    @Test
    void connectingWithAGoodTokenOpensTheSessionAndStoresTheTokenAsASecret() {
        factory.acceptToken(TOKEN);
        SignInViewModel viewModel = viewModel(Settings.defaults());
        viewModel.modeProperty().set(Mode.CONNECT);
        viewModel.urlProperty().set(REMOTE + "/");
        viewModel.tokenProperty().set(" " + TOKEN + " ");

        viewModel.connect();

        assertThat(viewModel.errorProperty().get()).isNull();
        assertThat(sessions.session()).isNotNull();
        assertThat(sessions.session().demo()).isFalse();
        assertThat(sessions.session().factoryUrl()).isEqualTo(URI.create(REMOTE));
        assertThat(factory.presentedToken()).isEqualTo(TOKEN);
        assertThat(settings.get().factoryUrl()).isEqualTo(REMOTE);
        assertThat(secrets.read(SecretStore.tokenName(REMOTE))).contains(TOKEN);
        assertThat(viewModel.tokenProperty().get()).as("the field does not keep the token").isEmpty();
        assertThat(settings.get().toString()).doesNotContain(TOKEN);
    }

    @Test
    void aWrongTokenGetsThePlainRejectedMessageAndNoSession() {
        factory.acceptToken(TOKEN);
        SignInViewModel viewModel = viewModel(Settings.defaults());
        viewModel.urlProperty().set(REMOTE);
        viewModel.tokenProperty().set("wrong");

        viewModel.connect();

        assertThat(viewModel.errorProperty().get()).isEqualTo(Message.of("signin.error.rejected"));
        assertThat(sessions.session()).isNull();
        assertThat(secrets.all()).isEmpty();
        assertThat(factory.closeCount()).as("the rejected client is closed").isEqualTo(1);
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @Test
    void anUnreachableFactoryIsNamedInTheMessage() {
        factory.unreachable(true);
        SignInViewModel viewModel = viewModel(Settings.defaults());
        viewModel.urlProperty().set("http://10.0.0.9:8080");
        viewModel.tokenProperty().set(TOKEN);

        viewModel.connect();

        assertThat(viewModel.errorProperty().get())
                .isEqualTo(Message.of("signin.error.unreachable", URI.create("http://10.0.0.9:8080")));
        assertThat(sessions.session()).isNull();
    }

    @Test
    void emptyOrMalformedFieldsAreFlaggedWithoutCallingTheFactory() {
        SignInViewModel viewModel = viewModel(Settings.defaults());
        viewModel.connect();
        assertThat(viewModel.urlErrorProperty().get()).isEqualTo(Message.of("signin.url.required"));
        assertThat(viewModel.tokenErrorProperty().get()).isEqualTo(Message.of("signin.token.required"));

        viewModel.urlProperty().set("factory.example.eu");
        viewModel.tokenProperty().set(TOKEN);
        assertThat(viewModel.tokenErrorProperty().get()).as("typing clears the field's error").isNull();
        viewModel.connect();
        assertThat(viewModel.urlErrorProperty().get()).isEqualTo(Message.of("signin.url.invalid"));

        viewModel.urlProperty().set("ftp://factory.example.eu");
        viewModel.connect();
        assertThat(viewModel.urlErrorProperty().get()).isEqualTo(Message.of("signin.url.invalid"));
        assertThat(factory.calls()).isEmpty();
    }

    @Test
    void showsBusyWhileTheTokenIsChecked() {
        SignInViewModel viewModel = viewModel(Settings.defaults());
        viewModel.urlProperty().set(REMOTE);
        viewModel.tokenProperty().set(TOKEN);
        executor.holdWork();

        viewModel.connect();
        assertThat(viewModel.busyProperty().get()).isTrue();
        assertThat(viewModel.progressProperty().get()).isEqualTo(Message.of("signin.progress.connecting", URI.create(REMOTE)));
        viewModel.connect();
        assertThat(executor.heldWork()).as("a second click does not start a second check").isEqualTo(1);

        executor.runHeldWork();
        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(viewModel.progressProperty().get()).isNull();
    }

    @Test
    void aRememberedFactoryIsReconnectedWithTheStoredToken() {
        factory.acceptToken(TOKEN);
        secrets.write(SecretStore.tokenName(REMOTE), TOKEN);
        SignInViewModel viewModel = viewModel(Settings.defaults().withFactory(REMOTE, null));

        viewModel.start();

        assertThat(viewModel.modeProperty().get()).isEqualTo(Mode.CONNECT);
        assertThat(sessions.session()).isNotNull();
        assertThat(demoStarts).as("no demo factory for a user of a real one").hasValue(0);
    }

    @Test
    void aRememberedFactoryWithoutStoredTokenWaitsForTheUser() {
        SignInViewModel viewModel = viewModel(Settings.defaults().withFactory(REMOTE, null));

        viewModel.start();

        assertThat(viewModel.urlProperty().get()).isEqualTo(REMOTE);
        assertThat(viewModel.tokenProperty().get()).isEmpty();
        assertThat(sessions.session()).isNull();
        assertThat(factory.calls()).isEmpty();
    }

    @Test
    void aDemoFactoryThatFailsToStartCanBeRetried() {
        AtomicInteger attempts = new AtomicInteger();
        settings = new SettingsService(new SettingsStore(dataDir.resolve("settings.json")), Settings.defaults(), executor);
        sessions = new SessionManager(settings, secrets, executor,
                new ConnectionMonitor(executor, Clock.systemUTC(), Duration.ofSeconds(5), 3));
        SignInViewModel viewModel = new SignInViewModel(executor, factory::connect, () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("port in use");
            }
            return FakeDemoFactory.factory();
        }, secrets, settings, sessions);

        viewModel.start();
        assertThat(viewModel.demoStateProperty().get()).isEqualTo(DemoState.FAILED);
        assertThat(viewModel.errorProperty().get()).isEqualTo(Message.of("signin.demo.failed"));

        viewModel.retryDemo();
        assertThat(viewModel.demoStateProperty().get()).isEqualTo(DemoState.READY);
        assertThat(viewModel.errorProperty().get()).isNull();
    }
}
