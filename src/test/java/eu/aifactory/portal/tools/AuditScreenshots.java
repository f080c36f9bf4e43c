package eu.aifactory.portal.tools;

import static eu.aifactory.portal.tools.Snapshots.onFx;
import static eu.aifactory.portal.tools.Snapshots.settleAndWrite;
import static eu.aifactory.portal.tools.Snapshots.waitUntil;

import eu.aifactory.portal.app.DemoFactoryStarter;
import eu.aifactory.portal.energy.EnergyView;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.shell.Destination;
import eu.aifactory.portal.shell.PortalWindow;
import eu.aifactory.portal.theme.ThemeMode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Renders what an auditor reads against the real in-memory demo factory, in German and English: the Energy page
 * scrolled to its provenance, rule versions, site evidence and carbon per unit, and the page of its PDF that starts
 * the auditor's sections; the Residency page's disclosures; and, at 1360 x 860, the Residency page's signature and
 * transparency-log checks side by side after a second load (so the log is checked against the first). Headless; not
 * a test. Run:
 * {@code mvn -Pscreenshots test-compile exec:exec -Dtour.main=eu.aifactory.portal.tools.AuditScreenshots}.
 */
public final class AuditScreenshots {

    private static final double WIDTH = 1280;
    private static final double HEIGHT = 900;
    private static final double LOG_WIDTH = 1360;
    private static final double LOG_HEIGHT = 860;
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
                    exportPdf(window, language, out.resolve("energy-pdf-audit-" + language + ".png"));
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
            for (String language : new String[] {"de", "en"}) {
                capture(factory, language, LOG_WIDTH, LOG_HEIGHT, window -> {
                    show(window, Destination.RESIDENCY);
                    waitUntil(() -> onFx(() -> window.scene().getRoot().lookup("#logCheck").isVisible()));
                    onFx(() -> {
                        ((Button) lookup(window, "#residencyRefresh")).fire();
                        return null;
                    });
                    waitUntil(() -> onFx(() -> window.scene().getRoot().lookup("#logCheck").getStyleClass()
                            .contains("badge-verified")));
                    settleAndWrite(window.scene(), out.resolve("residency-log-check-" + language + ".png"));
                });
            }
        } finally {
            factory.stopper().close();
            Platform.exit();
        }
    }

    /**
     * Exports the Energy page's PDF through its own button and renders, at 120 dpi, the page on which the auditor's
     * sections (rule versions, provenance) start; every page also goes to the temp directory for a look.
     */
    private static void exportPdf(PortalWindow window, String language, Path png) throws Exception {
        Files.deleteIfExists(png);
        Path pdf = Files.createTempFile("energy-audit", ".pdf");
        Files.delete(pdf);
        onFx(() -> {
            EnergyView view = (EnergyView) lookup(window, ".energy-view");
            view.setSaveChooser((name, owner) -> pdf);
            ((Button) lookup(window, "#energyExportPdf")).fire();
            return null;
        });
        waitUntil(() -> Files.exists(pdf) && Files.size(pdf) > 0);
        String heading = new I18n(Locale.forLanguageTag(language)).get("energy.audit.rules.title");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(document);
            PDFTextStripper text = new PDFTextStripper();
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 120);
                ImageIO.write(image, "png", Path.of(System.getProperty("java.io.tmpdir"),
                        "energy-pdf-audit-" + language + "-" + (page + 1) + ".png").toFile());
                text.setStartPage(page + 1);
                text.setEndPage(page + 1);
                if (text.getText(document).contains(heading) && !Files.exists(png)) {
                    ImageIO.write(image, "png", png.toFile());
                }
            }
        }
        Files.delete(pdf);
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
        capture(factory, language, WIDTH, HEIGHT, shots);
    }

    private static void capture(DemoFactoryStarter.Running factory, String language, double width, double height,
                                Shots shots) throws Exception {
        try (ToolPortal portal = ToolPortal.open(factory, language, ThemeMode.LIGHT, width, height)) {
            portal.signIn(DEMO_USER);
            shots.take(portal.window());
        }
    }

    private static Node lookup(PortalWindow window, String selector) {
        return window.scene().getRoot().lookup(selector);
    }
}
