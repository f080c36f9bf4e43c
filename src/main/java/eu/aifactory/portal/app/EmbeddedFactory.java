package eu.aifactory.portal.app;

import eu.aifactory.portal.shell.DemoAccount;
import eu.aifactory.portal.shell.DemoFactory;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import java.nio.file.Path;

/** The reference factory inside the portal's JVM, on a free loopback port; the one place the portal uses the server. */
public final class EmbeddedFactory {

    private EmbeddedFactory() {
    }

    /** The demo factory with its H2 database and install secret in {@code dataDir/factory}, kept between starts. */
    public static DemoFactoryStarter inDataDir(Path dataDir) {
        return starter(ServerConfig.embedded(dataDir.resolve("factory")));
    }

    public static DemoFactoryStarter starter(ServerConfig config) {
        return () -> {
            FactoryServer server = FactoryServer.start(config);
            DemoFactory factory = new DemoFactory(server.baseUri(), server.demoUsers().stream()
                    .map(user -> new DemoAccount(user.userId(), user.userName(), user.tenantName(), user.role(), user.token()))
                    .toList());
            return new DemoFactoryStarter.Running(factory, server);
        };
    }
}
