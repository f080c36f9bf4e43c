package eu.aifactory.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.Session;
import eu.aifactory.portal.settings.SecretStore;
import eu.aifactory.portal.settings.Settings;
import eu.aifactory.portal.settings.SettingsService;
import eu.aifactory.portal.settings.SettingsStore;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.testing.FakeFactoryClient;
import eu.aifactory.portal.testing.MemorySecretStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionManagerTest {

    private static final String URL = "https://factory.example.eu";

    @TempDir
    Path dataDir;

    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final FakeFactoryClient factory = new FakeFactoryClient();
    private final MemorySecretStore secrets = new MemorySecretStore();
    private SettingsStore store;
    private SettingsService settings;
    private ConnectionMonitor monitor;
    private SessionManager sessions;

    @BeforeEach
    void setUp() {
        store = new SettingsStore(dataDir.resolve("settings.json"));
        settings = new SettingsService(store, Settings.defaults(), executor);
        monitor = new ConnectionMonitor(executor, Clock.systemUTC(), Duration.ofSeconds(5), 3);
        sessions = new SessionManager(settings, secrets, executor, monitor);
    }

    @Test
    void signOutForgetsFactoryAndTokenClosesTheClientAndStopsWatching() {
        sessions.openRemote(new Session(URI.create(URL), factory, FakeFactoryClient.demoMe(), false), "tok-1");
        assertThat(secrets.read(SecretStore.tokenName(URL))).contains("tok-1");
        assertThat(store.load().factoryUrl()).isEqualTo(URL);
        assertThat(executor.liveRepeats()).isEqualTo(1);

        sessions.signOut();

        assertThat(sessions.session()).isNull();
        assertThat(secrets.all()).isEmpty();
        assertThat(store.load().factoryUrl()).isNull();
        assertThat(factory.closeCount()).isEqualTo(1);
        assertThat(executor.liveRepeats()).isZero();
    }

    @Test
    void switchingToTheDemoForgetsTheTokenOfTheFactoryBefore() {
        secrets.write(SecretStore.tokenName(URL), "tok-1");
        settings.update(s -> s.withFactory(URL, null));

        sessions.openDemo(new Session(URI.create("http://127.0.0.1:4000"), factory, FakeFactoryClient.demoMe(), true), "u-anna");

        assertThat(secrets.all()).isEmpty();
        assertThat(store.load().demoUserId()).isEqualTo("u-anna");
        assertThat(store.load().factoryUrl()).isNull();
    }

    @Test
    void sessionDoesNotShowItsClientOrTokenInToString() {
        Session session = new Session(URI.create(URL), factory, FakeFactoryClient.demoMe(), false);
        sessions.openRemote(session, "tok-secret");
        assertThat(session.toString()).doesNotContain("tok-secret").contains("u-anna");
    }

    @Test
    void whoeverHearsOfTheSignOutFindsNothingRemembered() {
        sessions.openDemo(new Session(URI.create("http://127.0.0.1:4000"), factory, FakeFactoryClient.demoMe(), true), "u-anna");
        List<String> seen = new ArrayList<>();
        sessions.sessionProperty().addListener((obs, old, now) -> seen.add(String.valueOf(settings.get().demoUserId())));

        sessions.signOut();

        assertThat(seen).containsExactly("null");
    }
}
