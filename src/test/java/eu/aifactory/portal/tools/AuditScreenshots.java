package eu.aifactory.portal.tools;

import static eu.aifactory.portal.tools.Snapshots.onFx;
import static eu.aifactory.portal.tools.Snapshots.settleAndWrite;
import static eu.aifactory.portal.tools.Snapshots.waitUntil;

import eu.aifactory.portal.app.AppContext;
import eu.aifactory.portal.app.DemoFactoryStarter;
import eu.aifactory.portal.settings.EncryptedFileSecretStore;
import eu.aifactory.portal.settings.Settings;
import eu.aifactory.portal.settings.SettingsStore;
import eu.aifactory.portal.shell.Destination;
import eu.aifactory.portal.shell.PortalWindow;
import eu.aifactory.portal.theme.ThemeMode;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * Renders what an auditor reads against the real in-memory demo factory, in German and English: the Energy page
 * scrolled to its provenance, rule versions, site evidence and carbon per unit; and the Residency page's
 * disclosures. Headless; not a test. Run:
 * {@code mvn -Pscreenshots test-compile exec:exec -Dtour.main=eu.aifactory.portal.tools.AuditScreenshots}.
 */
public final class AuditScreenshots {

    private static final double WIDTH = 1280;
    private static final double HEIGHT = 900;
    private static final String DEMO_USER = "mp-sabine-koehler";

    private AuditScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().resolve("assets/screenshots");
        DemoFactoryStarter.Running factory = Snapshots.startWithDemoFactory();
        try {
            for (String language : new String[] {"de", "en"}) {
                capture(factory, language, window -> {
                    show(window, Destination.ENERGY);
                    waitUntil(() -> onFx(() -> lookup(window, "#energyProvenance") != null));
                    onFx(() -> {
                        // Scroll so that the auditor's section starts at the top of the page.
                        ScrollPane scroll = (ScrollPane) lookup(window, "#energyScroll");
                        Node audit = lookup(window, "#energyAudit");
                        double content = scroll.getContent().getBoundsInLocal().getHeight();
                        double viewport = scroll.getViewportBounds().getHeight();
                        scroll.setVvalue(Math.min(1, audit.getBoundsInParent().getMinY() / (content - viewport)));
                        return null;
                    });
                    settleAndWrite(window.scene(), out.resolve("energy-audit-" + language + ".png"));
                    show(window, Destination.RESIDENCY);
                    waitUntil(() -> onFx(() -> lookup(window, "#residencyTabs") != null));
                    onFx(() -> {
                        TabPane tabs = (TabPane) lookup(window, "#residencyTabs");
                        tabs.getSelectionModel().select(tabs.getTabs().size() - 1);
                        return null;
                    });
                    waitUntil(() -> onFx(() -> lookup(window, "#residencyDisclosure-0") != null));
                    settleAndWrite(window.scene(), out.resolve("residency-disclosures-" + language + ".png"));
                    onFx(() -> {
                        TabPane tabs = (TabPane) lookup(window, "#residencyTabs");
                        tabs.getSelectionModel().select(4);
                        return null;
                    });
                    settleAndWrite(window.scene(), out.resolve("residency-frameworks-" + language + ".png"));
                });
            }
        } finally {
            factory.stopper().close();
            Platform.exit();
        }
    }

    private interface Shots {
        void take(PortalWindow window) throws Exception;
    }

    private static void show(PortalWindow window, Destination destination) throws Exception {
        onFx(() -> {
            window.shell().viewModel().selectedProperty().set(destination);
            return null;
        });
    }

    /** Signs in to a fresh portal in {@code language} (light theme) and takes the shots. */
    private static void capture(DemoFactoryStarter.Running factory, String language, Shots shots) throws Exception {
        Path dataDir = Files.createTempDirectory("portal-audit-shots");
        new SettingsStore(dataDir.resolve("settings.json")).save(Settings.defaults().withLanguage(language)
                .withTheme(ThemeMode.LIGHT).withWindow(new Settings.WindowBounds(0, 0, WIDTH, HEIGHT, false)));
        AppContext context = AppContext.builder(dataDir, () -> new DemoFactoryStarter.Running(factory.factory(), () -> { }))
                .secrets(new EncryptedFileSecretStore(dataDir.resolve("secrets.enc"), dataDir.resolve("secrets.key")))
                .osPrefersDark(() -> false)
                .build();
        try {
            PortalWindow window = onFx(() -> {
                Stage stage = new Stage();
                context.start();
                PortalWindow w = new PortalWindow(stage, context.shellServices());
                w.show();
                stage.setWidth(WIDTH);
                stage.setHeight(HEIGHT);
                return w;
            });
            waitUntil(() -> onFx(() -> lookup(window, "#demo-user-" + DEMO_USER) != null));
            onFx(() -> {
                ((Button) lookup(window, "#demo-user-" + DEMO_USER)).fire();
                return null;
            });
            waitUntil(() -> onFx(() -> lookup(window, "#header-tenant") != null));
            shots.take(window);
            onFx(() -> {
                ((Stage) window.scene().getWindow()).close();
                return null;
            });
        } finally {
            context.close();
        }
    }

    private static Node lookup(PortalWindow window, String selector) {
        return window.scene().getRoot().lookup(selector);
    }
}
