package eu.aifactory.portal.testing;

import eu.aifactory.client.FactoryClientConfig;
import eu.aifactory.client.HttpFactoryClient;
import eu.aifactory.portal.app.AppContext;
import eu.aifactory.portal.app.DemoFactoryStarter;
import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.settings.EncryptedFileSecretStore;
import eu.aifactory.portal.settings.Settings;
import eu.aifactory.portal.settings.SettingsStore;
import eu.aifactory.portal.shell.FactoryConnector;
import eu.aifactory.testing.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole portal as the headless flow tests run it: a fresh data directory in the chosen language, the real
 * encrypted secret store and FX executor, a light theme, and the embedded factory the test class started (shared by
 * its tests, so closing a context does not stop it).
 */
public final class FlowPortal {

    private FlowPortal() {
    }

    /** A new data directory whose settings choose {@code language} ("de" or "en"). */
    public static Path dataDir(String prefix, String language) throws IOException {
        Path dataDir = Files.createTempDirectory(prefix);
        new SettingsStore(dataDir.resolve("settings.json")).save(Settings.defaults().withLanguage(language));
        return dataDir;
    }

    /** A context builder on {@code dataDir} connected to {@code factory}; callers add their own hooks and build. */
    public static AppContext.Builder builder(Path dataDir, DemoFactoryStarter.Running factory) {
        return AppContext.builder(dataDir, () -> new DemoFactoryStarter.Running(factory.factory(), () -> { }))
                .executor(new FxTaskExecutor())
                .secrets(new EncryptedFileSecretStore(dataDir.resolve("secrets.enc"), dataDir.resolve("secrets.key")))
                .osPrefersDark(() -> false)
                .clock(TestClock.clock());
    }

    /** Real HTTP clients that record, in {@code callsOnFxThread}, every call made on the FX thread. */
    public static FactoryConnector guardedConnector(List<String> callsOnFxThread) {
        return (url, token) -> new FxThreadGuardClient(new HttpFactoryClient(
                FactoryClientConfig.builder(url).token(token::toCharArray).build()), callsOnFxThread);
    }
}
