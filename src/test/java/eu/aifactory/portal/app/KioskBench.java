package eu.aifactory.portal.app;

import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.kiosk.KioskConfig;
import eu.aifactory.portal.kiosk.KioskMode;
import eu.aifactory.portal.settings.EncryptedFileSecretStore;
import eu.aifactory.portal.shell.DemoAccount;
import eu.aifactory.portal.shell.DemoFactory;
import eu.aifactory.portal.shell.PortalWindow;
import eu.aifactory.portal.testing.FlowPortal;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.seed.SeedSource;
import eu.aifactory.testing.TestClock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongSupplier;
import javafx.stage.Stage;

/**
 * The kiosk on a test's stage against the real reference factory in this JVM (in memory, demo data, a snapshot of its
 * seeded state taken as the kiosk takes it), with a ticker the test moves and a record of the kiosk being left.
 */
final class KioskBench implements AutoCloseable {

    static final String PIN = "2468";

    final FactoryServer server;
    /** The demo database's row counts right after seeding: what every reset must return to. */
    final Map<String, Long> seeded;
    private final DemoFactoryStarter.Running factory;

    private KioskBench(FactoryServer server) {
        this.server = server;
        server.snapshotDemo();
        this.seeded = server.demoRowCounts();
        this.factory = new DemoFactoryStarter.Running(new DemoFactory(server.baseUri(), server.demoUsers().stream()
                .map(u -> new DemoAccount(u.userId(), u.userName(), u.tenantName(), u.role(), u.token())).toList()),
                () -> { }, server::restoreDemo);
    }

    static KioskBench start() {
        return new KioskBench(FactoryServer.start(ServerConfig.inMemory(true, 60), SeedSource.bundled(), 15_000,
                TestClock.clock()));
    }

    /** A portal context and its kiosk, shown on {@code stage}. */
    record Opened(AppContext context, KioskMode kiosk) {
    }

    /** Opens the kiosk in a fresh data directory named {@code name}, its PIN set and its languages as given. */
    Opened open(Stage stage, String name, KioskConfig.LanguageMode languages, LongSupplier millis, Runnable leave)
            throws IOException {
        Path dataDir = FlowPortal.dataDir(name, "en");
        KioskConfig config = KioskConfig.load(dataDir);
        config.setPin(PIN.toCharArray());
        config.setLanguageMode(languages);
        AppContext context = AppContext.builder(dataDir, () -> factory)
                .executor(new FxTaskExecutor())
                .secrets(new EncryptedFileSecretStore(dataDir.resolve("secrets.enc"), dataDir.resolve("secrets.key")))
                .osPrefersDark(() -> false)
                .clock(TestClock.clock())
                .kiosk(true)
                .build();
        context.theme().start();
        PortalWindow window = new PortalWindow(stage, context.shellServices());
        window.show();
        KioskMode kiosk = new KioskMode(context.kioskServices(leave, millis));
        kiosk.install(stage, window);
        context.startEmbeddedFactoryIfNeeded();
        return new Opened(context, kiosk);
    }

    @Override
    public void close() {
        server.close();
    }
}
