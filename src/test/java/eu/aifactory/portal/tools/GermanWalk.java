package eu.aifactory.portal.tools;

import static eu.aifactory.portal.tools.Snapshots.onFx;
import static eu.aifactory.portal.tools.Snapshots.settleAndWrite;
import static eu.aifactory.portal.tools.Snapshots.waitUntil;

import eu.aifactory.api.workload.Workload;
import eu.aifactory.portal.app.DemoFactoryStarter;
import eu.aifactory.portal.catalog.CatalogPage;
import eu.aifactory.portal.energy.EnergyPage;
import eu.aifactory.portal.settings.Settings;
import eu.aifactory.portal.shell.Destination;
import eu.aifactory.portal.shell.PortalWindow;
import eu.aifactory.portal.theme.ThemeMode;
import eu.aifactory.portal.workloads.WorkloadsPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Window;

/**
 * A new German user's first look, in the dark theme at the minimum window (1024×680), as each demo role: the catalog
 * with an app's detail, the submit dialog, the workloads with a detail open, Energy with a receipt, Residency, Usage,
 * every Admin tab the role has, and Settings. Writes {@code walk-<role>-<page>.png} into the directory given (default
 * {@code target/walk}) to be looked at. Run:
 * {@code mvn -Pscreenshots test-compile exec:exec -Dtour.main=eu.aifactory.portal.tools.GermanWalk}.
 */
@SuppressWarnings("unchecked")
public final class GermanWalk {

    private static final double WIDTH = 1024;
    private static final double HEIGHT = 680;
    private static final List<String[]> ROLES = List.of(new String[] {"engineer", "mp-anna-schmidt"},
            new String[] {"account-manager", "mp-sabine-koehler"}, new String[] {"tenant-admin", "mp-thomas-mueller"});

    private GermanWalk() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().resolve("target/walk");
        Files.createDirectories(out);
        DemoFactoryStarter.Running factory = Snapshots.startWithDemoFactory();
        try {
            for (String[] role : ROLES) {
                walk(factory, role[0], role[1], out);
            }
        } finally {
            factory.stopper().close();
            Platform.exit();
        }
    }

    private static void walk(DemoFactoryStarter.Running factory, String role, String user, Path out) throws Exception {
        try (ToolPortal portal = ToolPortal.open(factory, "de", ThemeMode.DARK, WIDTH, HEIGHT)) {
            portal.signIn(user);
            PortalWindow window = portal.window();
            String prefix = "walk-" + role + "-";

            go(window, Destination.CATALOG);
            CatalogPage catalog = onFx(() -> (CatalogPage) window.shell().currentPage());
            waitUntil(() -> onFx(() -> !catalog.viewModel().apps().isEmpty()));
            onFx(() -> catalog.viewModel().selectedAppProperty().set(catalog.viewModel().apps().get(0)));
            waitUntil(() -> onFx(() -> catalog.viewModel().detailProperty().get() != null));
            settleAndWrite(window.scene(), out.resolve(prefix + "catalog.png"));
            Node submit = onFx(() -> lookup(window, "#submitWorkload"));
            if (submit != null && onFx(() -> !submit.isDisabled())) {
                onFx(() -> ((Button) submit).fire());
                waitUntil(() -> onFx(() -> dialog() != null));
                Window dialog = onFx(GermanWalk::dialog);
                settleAndWrite(dialog.getScene(), out.resolve(prefix + "submit-dialog.png"));
                onFx(() -> ((Button) dialog.getScene().getRoot().lookup("#submit-cancel")).fire());
            }

            go(window, Destination.WORKLOADS);
            WorkloadsPage workloads = onFx(() -> (WorkloadsPage) window.shell().currentPage());
            waitUntil(() -> onFx(() -> !workloads.viewModel().rows().isEmpty()));
            onFx(() -> ((TableView<Workload>) lookup(window, "#workloads-table")).getSelectionModel().select(
                    workloads.viewModel().rows().stream().filter(w -> !w.status().isTerminal()).findFirst()
                            .orElse(workloads.viewModel().rows().get(0))));
            waitUntil(() -> onFx(() -> lookup(window, "#workload-detail") != null));
            settleAndWrite(window.scene(), out.resolve(prefix + "workload-detail.png"));

            go(window, Destination.ENERGY);
            EnergyPage energy = onFx(() -> (EnergyPage) window.shell().currentPage());
            waitUntil(() -> onFx(() -> !((TableView<?>) lookup(window, "#energyTable")).getItems().isEmpty()));
            settleAndWrite(window.scene(), out.resolve(prefix + "energy.png"));
            onFx(() -> energy.viewModel().openReceipt(energy.viewModel().rows().get(0).workloadId()));
            waitUntil(() -> onFx(() -> energy.viewModel().receiptProperty().get() != null));
            settleAndWrite(window.scene(), out.resolve(prefix + "energy-receipt.png"));

            for (Destination page : List.of(Destination.RESIDENCY, Destination.USAGE, Destination.SETTINGS)) {
                if (onFx(() -> window.shell().viewModel().destinations().contains(page))) {
                    go(window, page);
                    settleAndWrite(window.scene(), out.resolve(prefix + page.pageId() + ".png"));
                }
            }
            if (onFx(() -> window.shell().viewModel().destinations().contains(Destination.ADMIN))) {
                go(window, Destination.ADMIN);
                TabPane tabs = onFx(() -> (TabPane) window.scene().getRoot().lookupAll(".tab-pane").stream()
                        .filter(t -> ((TabPane) t).getTabs().stream().anyMatch(tab -> "adminTabUsers".equals(tab.getId())))
                        .findFirst().orElseThrow());
                for (Tab tab : onFx(() -> List.copyOf(tabs.getTabs()))) {
                    onFx(() -> tabs.getSelectionModel().select(tab));
                    settleAndWrite(window.scene(), out.resolve(prefix + "admin-" + tab.getId() + ".png"));
                }
            }
        }
    }

    private static void go(PortalWindow window, Destination destination) throws Exception {
        onFx(() -> window.shell().viewModel().selectedProperty().set(destination));
    }

    /** The open submit dialog, or null; on the FX thread. */
    private static Window dialog() {
        return Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && w.getScene().getRoot().lookup("#submit-dialog") != null).findFirst().orElse(null);
    }

    private static Node lookup(PortalWindow window, String selector) {
        return window.scene().getRoot().lookup(selector);
    }
}
