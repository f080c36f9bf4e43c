package eu.aifactory.portal.app;

import eu.aifactory.portal.shell.PortalWindow;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. {@link #init()} (off the UI thread) builds the context and sets the embedded factory
 * booting in the background; {@link #start(Stage)} shows the window at once, without waiting for the factory.
 */
public final class PortalApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(PortalApp.class);

    private AppContext context;

    @Override
    public void init() {
        Path dataDir = DataDirectory.resolve();
        LOG.info("data directory {}", dataDir);
        context = AppContext.builder(dataDir, EmbeddedFactory.inDataDir(dataDir)).build();
        context.startEmbeddedFactoryIfNeeded();
    }

    @Override
    public void start(Stage stage) {
        context.theme().start();
        PortalWindow window = new PortalWindow(stage, context.shellServices());
        window.show();
        StartupProbe.watch(window.scene(), context.sessions().sessionProperty());
    }

    @Override
    public void stop() {
        context.close();
    }
}
