package eu.aifactory.portal.tools;

import static eu.aifactory.portal.tools.Snapshots.onFx;
import static eu.aifactory.portal.tools.Snapshots.settleAndWrite;
import static eu.aifactory.portal.tools.Snapshots.waitUntil;

import eu.aifactory.api.workload.Workload;
import eu.aifactory.portal.app.DemoFactoryStarter;
import eu.aifactory.portal.energy.EnergyPeriod;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.shell.Destination;
import eu.aifactory.portal.shell.PortalWindow;
import eu.aifactory.portal.theme.ThemeMode;
import eu.aifactory.portal.workloads.WorkloadsPage;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

/**
 * The live language switch, drawn: the portal signed in in English with a workload's detail open and a custom Energy
 * period typed in, then switched to German without closing anything. Writes the German Energy page with its custom
 * period, its calendar, and the open workload detail. Run:
 * {@code mvn -Pscreenshots test-compile exec:exec -Dtour.main=eu.aifactory.portal.tools.LanguageScreenshots}.
 */
public final class LanguageScreenshots {

    private static final double WIDTH = 1600;
    private static final double HEIGHT = 900;
    private static final String DEMO_USER = "mp-thomas-mueller";

    private LanguageScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().resolve("assets/screenshots");
        DemoFactoryStarter.Running factory = Snapshots.startWithDemoFactory();
        try (ToolPortal portal = ToolPortal.open(factory, "en", ThemeMode.LIGHT, WIDTH, HEIGHT)) {
            portal.signIn(DEMO_USER);
            PortalWindow window = portal.window();

            // English: a workload's detail open, then Energy with a custom period typed in.
            onFx(() -> window.shell().viewModel().selectedProperty().set(Destination.WORKLOADS));
            waitUntil(() -> onFx(() -> lookup(window, "#workloads-table") != null
                    && !((TableView<?>) lookup(window, "#workloads-table")).getItems().isEmpty()));
            onFx(() -> {
                WorkloadsPage page = (WorkloadsPage) window.shell().currentPage();
                TableView<Workload> table = (TableView<Workload>) lookup(window, "#workloads-table");
                table.getSelectionModel().select(page.viewModel().rows().stream()
                        .filter(w -> w.status().isTerminal()).findFirst().orElse(page.viewModel().rows().get(0)));
            });
            waitUntil(() -> onFx(() -> lookup(window, "#workload-detail") != null));
            onFx(() -> window.shell().viewModel().selectedProperty().set(Destination.ENERGY));
            waitUntil(() -> onFx(() -> lookup(window, "#energyTable") != null));
            onFx(() -> {
                ((ComboBox<EnergyPeriod>) lookup(window, "#energyPeriod")).setValue(EnergyPeriod.CUSTOM);
                type((DatePicker) lookup(window, "#energyFrom"), "01/11/2026");
                type((DatePicker) lookup(window, "#energyTo"), "30/11/2026");
                ((Button) lookup(window, "#energyApplyCustom")).fire();
            });
            waitUntil(() -> onFx(() -> !((TableView<?>) lookup(window, "#energyTable")).getItems().isEmpty()));

            // Switched to German with everything left open.
            onFx(() -> portal.context().shellServices().i18n().localeProperty().set(I18n.GERMAN));
            settleAndWrite(window.scene(), out.resolve("energy-custom-period-de.png"));
            onFx(() -> ((DatePicker) lookup(window, "#energyFrom")).show());
            waitUntil(() -> popup() != null);
            settleAndWrite(popup().getScene(), out.resolve("energy-calendar-de.png"));
            onFx(() -> ((DatePicker) lookup(window, "#energyFrom")).hide());
            onFx(() -> type((DatePicker) lookup(window, "#energyTo"), "31.11.2026"));
            settleAndWrite(window.scene(), out.resolve("energy-date-error-de.png"));
            onFx(() -> window.shell().viewModel().selectedProperty().set(Destination.WORKLOADS));
            settleAndWrite(window.scene(), out.resolve("workloads-detail-switched-de.png"));
        } finally {
            factory.stopper().close();
            Platform.exit();
        }
    }

    private static void type(DatePicker picker, String text) {
        picker.getEditor().setText(text);
        picker.commitValue();
    }

    private static Window popup() throws Exception {
        return onFx(() -> Window.getWindows().stream().filter(w -> w instanceof PopupWindow && w.isShowing())
                .findFirst().orElse(null));
    }

    private static Node lookup(PortalWindow window, String selector) {
        return window.scene().getRoot().lookup(selector);
    }
}
