package eu.aifactory.portal.tools;

import static eu.aifactory.portal.tools.Snapshots.onFx;
import static eu.aifactory.portal.tools.Snapshots.waitUntil;
import static eu.aifactory.portal.tools.Snapshots.settleAndWrite;

import eu.aifactory.portal.energy.EnergyView;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import eu.aifactory.portal.app.DemoFactoryStarter;
import eu.aifactory.portal.shell.Destination;
import eu.aifactory.portal.shell.PortalWindow;
import eu.aifactory.portal.theme.ThemeMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Renders the Energy page headless against the real in-memory demo factory: German, light theme, last quarter,
 * then with the receipt of the largest workload open; the chart stacked by application in English (light) and by
 * project in German (dark), with its hover label. Run:
 * {@code mvn -Pscreenshots test-compile exec:exec -Dtour.main=eu.aifactory.portal.tools.EnergyScreenshots}.
 */
public final class EnergyScreenshots {

    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;
    private static final String DEMO_USER = "mp-sabine-koehler";

    private EnergyScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().resolve("assets/screenshots");
        DemoFactoryStarter.Running factory = Snapshots.startWithDemoFactory();
        try {
            capture(factory, "de", ThemeMode.LIGHT, window -> {
                settleAndWrite(window.scene(), out.resolve("energy-de-light.png"));
                onFx(() -> {
                    TableView<?> table = table(window);
                    table.requestFocus();
                    table.getSelectionModel().select(0);
                    table.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
                    return null;
                });
                waitUntil(() -> onFx(() -> lookup(window, "#energyReceiptClose") != null
                        && lookup(window, "#energyReceipt").lookupAll(".energy-receipt-step").size() > 3));
                settleAndWrite(window.scene(), out.resolve("energy-receipt-de-light.png"));
                onFx(() -> {
                    ((Button) lookup(window, "#energyReceiptClose")).fire();
                    return null;
                });
                exportPdf(window, out.resolve("energy-pdf-de.png"));
            });
            // Stacked by application, English, light; then by project, German, dark, with the hover label showing.
            capture(factory, "en", ThemeMode.LIGHT, window -> settleAndWrite(window.scene(), out.resolve("energy-stacked-en-light.png")));
            capture(factory, "de", ThemeMode.DARK, window -> {
                XYChart<?, ?> before = (XYChart<?, ?>) lookup(window, "#energyChart");
                List<String> byApplication = onFx(() -> names(before));
                onFx(() -> {
                    ((ToggleButton) lookup(window, "#energyStack-project")).fire();
                    return null;
                });
                waitUntil(() -> onFx(() -> !names(before).isEmpty() && !names(before).equals(byApplication)));
                settleAndWrite(window.scene(), out.resolve("energy-stacked-de-dark.png"));
                onFx(() -> {
                    Node plot = before.lookup(".chart-plot-background");
                    Bounds b = plot.localToScene(plot.getBoundsInLocal());
                    double x = b.getMinX() + b.getWidth() * 0.62;
                    double y = b.getMinY() + b.getHeight() * 0.45;
                    before.fireEvent(new MouseEvent(MouseEvent.MOUSE_MOVED, x, y, x, y, MouseButton.NONE, 0, false, false,
                            false, false, false, false, false, false, false, false, null));
                    return null;
                });
                settleAndWrite(window.scene(), out.resolve("energy-hover-de-dark.png"));
            });
        } finally {
            factory.stopper().close();
            Platform.exit();
        }
    }

    private interface Shots {
        void take(PortalWindow window) throws Exception;
    }

    /** Signs in to a fresh portal in {@code language} and {@code theme}, opens Energy and takes the shots. */
    private static void capture(DemoFactoryStarter.Running factory, String language, ThemeMode theme, Shots shots)
            throws Exception {
        try (ToolPortal portal = ToolPortal.open(factory, language, theme, WIDTH, HEIGHT)) {
            portal.signIn(DEMO_USER);
            PortalWindow window = portal.window();
            onFx(() -> {
                window.shell().viewModel().selectedProperty().set(Destination.ENERGY);
                return null;
            });
            waitUntil(() -> onFx(() -> table(window) != null && !table(window).getItems().isEmpty()));
            shots.take(window);
        }
    }

    /** Exports the page's PDF through its own button and renders its first page, as a reader opens it. */
    private static void exportPdf(PortalWindow window, Path png) throws Exception {
        Path pdf = Files.createTempFile("energy", ".pdf");
        Files.delete(pdf);
        onFx(() -> {
            EnergyView view = (EnergyView) lookup(window, ".energy-view");
            view.setSaveChooser((name, owner) -> pdf);
            ((Button) lookup(window, "#energyExportPdf")).fire();
            return null;
        });
        waitUntil(() -> Files.exists(pdf) && Files.size(pdf) > 0);
        Thread.sleep(300);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png", png.toFile());
            for (int page = 1; page < document.getNumberOfPages(); page++) {
                ImageIO.write(new PDFRenderer(document).renderImageWithDPI(page, 110), "png",
                        Path.of(System.getProperty("java.io.tmpdir"), "energy-pdf-de-" + (page + 1) + ".png").toFile());
            }
        }
        Files.delete(pdf);
    }

    private static List<String> names(XYChart<?, ?> chart) {
        return chart.getData().stream().map(XYChart.Series::getName).toList();
    }

    private static TableView<?> table(PortalWindow window) {
        return (TableView<?>) lookup(window, "#energyTable");
    }

    private static Node lookup(PortalWindow window, String selector) {
        return window.scene().getRoot().lookup(selector);
    }
}
