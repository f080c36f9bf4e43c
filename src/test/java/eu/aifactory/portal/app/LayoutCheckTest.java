package eu.aifactory.portal.app;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.portal.catalog.CatalogPage;
import eu.aifactory.portal.energy.EnergyView;
import eu.aifactory.portal.shell.Destination;
import eu.aifactory.portal.shell.PortalWindow;
import eu.aifactory.portal.testing.FlowPortal;
import eu.aifactory.portal.testing.LayoutProbe;
import eu.aifactory.portal.theme.ThemeMode;
import eu.aifactory.portal.tools.Snapshots;
import eu.aifactory.portal.workloads.WorkloadsPage;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.testing.TestClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every page as the tenant admin Thomas Müller sees it, against the real embedded demo factory, at the minimum
 * window (1024×680) and the default one (1360×860), in English and in German: no label or button shows its text cut
 * with "…" when the whole text would fit in the window's width, and nothing sticks out of a parent that neither
 * scrolls nor clips. Covers the catalog with an app's detail, the workloads with a detail open and the submit
 * dialog, the energy page with a receipt open, residency, usage, admin and settings. A failure lists every finding
 * with the node's id and text.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutCheckTest {

    private static final String ADMIN = "mp-thomas-mueller";
    private static final double[][] SIZES = {{1024, 680}, {1360, 860}};
    /** With -Dlayout.screenshots=DIR, every checked window is also written there as PNG, light and dark. */
    private static final String SHOTS = System.getProperty("layout.screenshots");
    private static DemoFactoryStarter.Running factory;
    private Stage stage;
    private AppContext context;
    private PortalWindow window;

    @BeforeAll
    static void startFactory() throws Exception {
        factory = EmbeddedFactory.starter(ServerConfig.inMemory(true, 60), TestClock.clock()).start();
    }

    @AfterAll
    static void stopFactory() throws Exception {
        factory.stopper().close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeContext(FxRobot robot) throws Exception {
        robot.interact(() -> robot.listTargetWindows().stream().filter(w -> w != stage && w instanceof Stage)
                .forEach(w -> ((Stage) w).close()));
        if (context != null) {
            context.close();
        }
    }

    @Test
    void everyEnglishPageReadsRightAtTheMinimumAndTheDefaultSize(FxRobot robot) throws Exception {
        assertThat(tour(robot, "en")).as("layout problems").isEmpty();
    }

    @Test
    void everyGermanPageReadsRightAtTheMinimumAndTheDefaultSize(FxRobot robot) throws Exception {
        assertThat(tour(robot, "de")).as("layout problems").isEmpty();
    }

    private List<String> tour(FxRobot robot, String language) throws Exception {
        Path dataDir = FlowPortal.dataDir("layout-check", language);
        context = FlowPortal.builder(dataDir, factory).build();
        robot.interact(() -> {
            context.start();
            window = new PortalWindow(stage, context.shellServices());
            window.show();
        });
        await(30, () -> robot.lookup("#demo-user-" + ADMIN).tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#demo-user-" + ADMIN);
        await(30, () -> robot.lookup("#header-tenant").tryQuery().isPresent());

        List<String> problems = new ArrayList<>();
        for (double[] size : SIZES) {
            String where = language + " " + (int) size[0] + "×" + (int) size[1];
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            catalog(robot);
            check(robot, where + " catalog", window.scene(), problems);
            submitDialog(robot, where, problems);
            workloads(robot);
            check(robot, where + " workloads with detail", window.scene(), problems);
            energy(robot);
            check(robot, where + " energy with receipt", window.scene(), problems);
            for (Destination destination : List.of(Destination.RESIDENCY, Destination.USAGE, Destination.ADMIN,
                    Destination.SETTINGS)) {
                go(robot, destination);
                check(robot, where + " " + destination.pageId(), window.scene(), problems);
            }
        }
        problems.forEach(System.out::println);
        return problems;
    }

    private void catalog(FxRobot robot) throws TimeoutException {
        go(robot, Destination.CATALOG);
        CatalogPage page = (CatalogPage) window.shell().currentPage();
        await(30, () -> !page.viewModel().apps().isEmpty());
        robot.interact(() -> {
            if (page.viewModel().selectedAppProperty().get() == null) {
                page.viewModel().selectedAppProperty().set(page.viewModel().apps().get(0));
            }
        });
        await(30, () -> page.viewModel().detailProperty().get() != null);
    }

    private void submitDialog(FxRobot robot, String where, List<String> problems) throws TimeoutException {
        await(20, () -> robot.lookup("#submitWorkload").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        robot.clickOn("#submitWorkload");
        await(10, () -> robot.lookup("#submit-dialog").tryQuery().isPresent());
        Scene dialog = robot.lookup("#submit-dialog").query().getScene();
        settle(robot);
        Window dialogWindow = dialog.getWindow();
        if (dialogWindow.getHeight() > stage.getHeight() || dialogWindow.getWidth() > stage.getWidth()) {
            problems.add(where + " submit dialog: window of " + Math.round(dialogWindow.getWidth()) + "×"
                    + Math.round(dialogWindow.getHeight()) + " is larger than the portal's");
        }
        check(robot, where + " submit dialog", dialog, problems);
        robot.clickOn("#submit-cancel");
        await(10, () -> robot.lookup("#submit-dialog").tryQuery().isEmpty());
    }

    private void workloads(FxRobot robot) throws TimeoutException {
        go(robot, Destination.WORKLOADS);
        WorkloadsPage page = (WorkloadsPage) window.shell().currentPage();
        TableView<?> table = robot.lookup("#workloads-table").queryAs(TableView.class);
        await(30, () -> !table.getItems().isEmpty());
        if (page.workloadsView().detail() == null) {
            robot.interact(() -> table.getSelectionModel().select(0));
            robot.doubleClickOn(robot.lookup("#workloads-table .table-row-cell").nth(0).queryAs(Node.class));
        }
        await(20, () -> robot.lookup("#detail-cancel").tryQuery().isPresent());
    }

    private void energy(FxRobot robot) throws TimeoutException {
        go(robot, Destination.ENERGY);
        TableView<?> table = robot.lookup("#energyTable").queryAs(TableView.class);
        await(60, () -> !table.getItems().isEmpty());
        if (robot.lookup("#energyReceiptClose").tryQuery().isEmpty()) {
            robot.interact(() -> {
                table.requestFocus();
                table.getSelectionModel().select(0);
            });
            robot.type(KeyCode.ENTER);
        }
        EnergyView view = robot.lookup(".energy-view").queryAs(EnergyView.class);
        await(30, () -> robot.lookup("#energyReceiptClose").tryQuery().isPresent()
                && robot.lookup(".energy-receipt-step").queryAll().size() > 3 && view.isVisible());
    }

    private void go(FxRobot robot, Destination destination) {
        robot.interact(() -> window.shell().viewModel().selectedProperty().set(destination));
    }

    private void check(FxRobot robot, String where, Scene scene, List<String> problems) throws TimeoutException {
        settle(robot);
        List<String> found = new ArrayList<>();
        robot.interact(() -> found.addAll(LayoutProbe.problems(scene)));
        found.forEach(problem -> problems.add(where + ": " + problem));
        if (SHOTS != null) {
            for (ThemeMode theme : List.of(ThemeMode.LIGHT, ThemeMode.DARK)) {
                robot.interact(() -> context.theme().modeProperty().set(theme));
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> Snapshots.write(scene.snapshot(null), Path.of(SHOTS).resolve("layout-"
                        + where.replace('×', 'x').replace(' ', '-') + "-" + theme.name().toLowerCase(Locale.ROOT)
                        + ".png")));
            }
            robot.interact(() -> context.theme().modeProperty().set(ThemeMode.LIGHT));
        }
    }

    /** Waits until no spinner turns in the window (the page's data has arrived) and the layout has run. */
    private static void settle(FxRobot robot) throws TimeoutException {
        await(60, () -> robot.lookup(n -> n instanceof ProgressIndicator p && p.isIndeterminate() && p.isVisible()
                && p.getScene() != null && p.getParent() != null && treeVisible(p)).tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean treeVisible(Node node) {
        for (Node up = node; up != null; up = up.getParent()) {
            if (!up.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void await(long seconds, BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
