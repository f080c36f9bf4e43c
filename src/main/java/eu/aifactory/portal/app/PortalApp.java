package eu.aifactory.portal.app;

import eu.aifactory.portal.shell.PortalWindow;
import eu.aifactory.portal.tour.GuidedTour;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import eu.aifactory.portal.verify.ReportVerification;
import eu.aifactory.portal.verify.ReportVerifierView;
import java.util.List;
import eu.aifactory.portal.kiosk.KioskMode;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. The context (settings, secrets, logging, JSON) is built on another thread while the
 * toolkit starts; {@link #start(Stage)} shows the window at once and sets the embedded factory booting in the
 * background once the first frame is drawn: on a two-core desktop its start would otherwise compete with the
 * window's for the processor.
 */
public final class PortalApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(PortalApp.class);

    /**
     * The context being built beside the toolkit's start: {@link Launcher} begins it before {@code Application.launch},
     * which starts the toolkit before it calls {@link #init()}. A static hand-over, as JavaFX makes this object itself.
     */
    private static volatile CompletableFuture<AppContext> preparing;

    private AppContext context;

    /**
     * Begins building the context (settings, logging, JSON) on another thread; any thread, before the launch. A kiosk
     * keeps everything (settings, PIN, its demo factory) in a {@code kiosk} directory of its own, so a stand never
     * touches the sales person's own portal data.
     */
    static void prepare(boolean kiosk) {
        preparing = CompletableFuture.supplyAsync(() -> buildContext(kiosk));
    }

    private static AppContext buildContext(boolean kiosk) {
        Path dataDir = kiosk ? DataDirectory.resolve().resolve("kiosk") : DataDirectory.resolve();
        LOG.info("data directory {}", dataDir);
        AppContext built = AppContext.builder(dataDir, kiosk ? EmbeddedFactory.forKiosk(dataDir)
                : EmbeddedFactory.inDataDir(dataDir)).kiosk(kiosk).build();
        built.holdEmbeddedFactory();
        return built;
    }

    @Override
    public void init() {
        CompletableFuture<AppContext> prepared = preparing;
        context = prepared != null ? prepared.join() : buildContext(getParameters().getRaw().contains(Launcher.KIOSK));
    }

    @Override
    public void start(Stage stage) {
        context.theme().start();
        PortalWindow window = new PortalWindow(stage, context.shellServices());
        GuidedTour.installEntry(window, context.shellServices());
        window.show();
        if (context.kiosk()) {
            KioskMode kiosk = new KioskMode(context.kioskServices(Platform::exit, () -> System.nanoTime() / 1_000_000));
            // A visitor who touches "Touch to start" is taken through the guided tour; an idle reset ends it.
            kiosk.setOnVisitorStart(shell -> new GuidedTour(shell, context.shellServices()).start());
            kiosk.install(stage, window);
            context.startEmbeddedFactoryIfNeeded();
            return;
        }
        StartupProbe.watch(window.scene(), context.sessions().sessionProperty(), context::startEmbeddedFactoryIfNeeded);
        List<String> files = getParameters().getUnnamed();
        if (files.size() == 1) {
            showVerdict(stage, Path.of(files.get(0)));
        }
    }

    /** A signed report opened from the desktop: its verdict in a window of its own, beside the portal. */
    private void showVerdict(Stage owner, Path file) {
        ReportVerifierView view = new ReportVerifierView(file, new ReportVerification(context.trustDir()),
                context.executor(), context.i18n());
        view.setPadding(new Insets(24));
        view.setPrefWidth(560);
        Scene scene = new Scene(view);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.titleProperty().bind(context.i18n().binding("verify.title"));
        stage.getIcons().setAll(owner.getIcons());
        stage.setScene(scene);
        stage.show();
    }

    @Override
    public void stop() {
        context.close();
    }
}
