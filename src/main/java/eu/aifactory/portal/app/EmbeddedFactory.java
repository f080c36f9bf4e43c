package eu.aifactory.portal.app;

import eu.aifactory.portal.shell.DemoAccount;
import eu.aifactory.portal.shell.DemoFactory;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.db.IncompatibleSchemaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The reference factory inside the portal's JVM, on a free loopback port; the one place the portal uses the server. */
public final class EmbeddedFactory {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFactory.class);

    private EmbeddedFactory() {
    }

    /**
     * The demo factory with its H2 database and install secret in {@code dataDir/factory}, kept between starts. A demo
     * database left by another build (its migrations differ) is moved aside and seeded afresh: it holds only demo data,
     * and a trade-fair laptop must not end up without a demo after an update.
     */
    public static DemoFactoryStarter inDataDir(Path dataDir) {
        Path factoryDir = dataDir.resolve("factory");
        DemoFactoryStarter starter = starter(ServerConfig.embedded(factoryDir));
        return () -> {
            try {
                return starter.start();
            } catch (IncompatibleSchemaException e) {
                Path aside = dataDir.resolve("factory-outdated-" + System.currentTimeMillis());
                LOG.warn("The demo database was made by another build; moving it to {} and seeding a new one", aside);
                Files.move(factoryDir, aside);
                return starter.start();
            }
        };
    }

    /**
     * The kiosk's demo factory in {@code dataDir/factory}: once up it keeps a snapshot of its seeded state, which
     * every reset between two visitors restores.
     */
    public static DemoFactoryStarter forKiosk(Path dataDir) {
        DemoFactoryStarter plain = inDataDir(dataDir);
        return () -> {
            DemoFactoryStarter.Running running = plain.start();
            FactoryServer server = (FactoryServer) running.stopper();
            server.snapshotDemo();
            return new DemoFactoryStarter.Running(running.factory(), server, server::restoreDemo);
        };
    }

    public static DemoFactoryStarter starter(ServerConfig config) {
        return starter(config, Clock.systemUTC());
    }

    public static DemoFactoryStarter starter(ServerConfig config, Clock clock) {
        return () -> {
            FactoryServer server = FactoryServer.start(config, clock);
            DemoFactory factory = new DemoFactory(server.baseUri(), server.demoUsers().stream()
                    .map(user -> new DemoAccount(user.userId(), user.userName(), user.tenantName(), user.role(), user.token()))
                    .toList());
            return new DemoFactoryStarter.Running(factory, server);
        };
    }
}
