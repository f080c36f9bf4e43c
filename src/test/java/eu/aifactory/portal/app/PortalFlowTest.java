package eu.aifactory.portal.app;

import static eu.aifactory.portal.testing.FxReads.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.catalog.ParameterSpec;
import eu.aifactory.client.FactoryClientConfig;
import eu.aifactory.client.HttpFactoryClient;
import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.settings.Settings;
import eu.aifactory.portal.shell.PortalWindow;
import eu.aifactory.portal.testing.FlowPortal;
import eu.aifactory.portal.testing.FxThreadGuardClient;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.testing.TestClock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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
 * The portal headless (Monocle) against the real reference factory (in-memory, demo data) over HTTP, as a user
 * sees it: demo sign-in, the shell with tenant and user, Ctrl+2, Ctrl+5 and Ctrl+K, a live language switch in Settings, sign-out;
 * and in German, the catalog search for "Qualität", a category facet and the detail's parameters.
 * Every client call is guarded: one on the FX thread fails the test.
 */
@ExtendWith(ApplicationExtension.class)
class PortalFlowTest {

    private static DemoFactoryStarter.Running factory;
    private final List<String> callsOnFxThread = new CopyOnWriteArrayList<>();
    private final List<FxThreadGuardClient> clients = new CopyOnWriteArrayList<>();
    private AppContext context;
    private final RecordingPage stubPage = new RecordingPage();

    /** A page that notes what the shell tells it. */
    private static final class RecordingPage implements Page {
        final AtomicInteger shown = new AtomicInteger();
        final AtomicInteger searches = new AtomicInteger();
        private Label view;

        @Override
        public String id() {
            return Page.RESIDENCY;
        }

        @Override
        public Node view() {
            if (view == null) {
                view = new Label("residency");
            }
            return view;
        }

        @Override
        public void onShow() {
            shown.incrementAndGet();
        }

        @Override
        public void focusSearch() {
            searches.incrementAndGet();
        }
    }

    @BeforeAll
    static void startFactory() throws Exception {
        factory = EmbeddedFactory.starter(ServerConfig.inMemory(true, 60), TestClock.clock()).start();
    }

    @AfterAll
    static void stopFactory() throws Exception {
        factory.stopper().close();
    }

    @Start
    void start(Stage stage) throws IOException {
        Path dataDir = FlowPortal.dataDir("portal-flow", "en");
        context = FlowPortal.builder(dataDir, factory)
                .connector((url, token) -> {
                    FxThreadGuardClient client = new FxThreadGuardClient(new HttpFactoryClient(
                            FactoryClientConfig.builder(url).token(token::toCharArray).build()), callsOnFxThread);
                    clients.add(client);
                    return client;
                })
                .build();
        context.pages().register(Page.RESIDENCY, pageContext -> stubPage);
        context.start();
        new PortalWindow(stage, context.shellServices()).show();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void demoSignInShowsTheShellAndShortcutsAndTheLanguageSwitchRelabelsNavigation(FxRobot robot) throws TimeoutException {
        waitFor(robot, "#demo-user-mp-anna-schmidt");
        robot.clickOn("#demo-user-mp-anna-schmidt");

        waitFor(robot, "#header-tenant");
        assertThat(text(robot, "#header-tenant")).isEqualTo("Müller Präzisionsteile GmbH");
        assertThat(text(robot, "#header-user")).isEqualTo("Anna Schmidt");
        assertThat(text(robot, "#header-role")).isEqualTo("Engineer");
        assertThat(text(robot, "#connection-state")).isEqualTo("Online");
        assertThat(text(robot, "#page-title")).isEqualTo("Catalog");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#page-title")).isEqualTo("Workloads");
        assertThat(robot.lookup("#workloads-table").tryQuery()).isPresent();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#page-title")).isEqualTo("Residency");
        assertThat(stubPage.shown).hasValue(1);
        assertThat(stubPage.searches).as("Ctrl+K reaches the page on screen").hasValue(1);
        assertThat(robot.lookup("#nav-usage").tryQuery()).as("an engineer has no Usage entry").isEmpty();
        assertThat(robot.lookup("#nav-admin").tryQuery()).as("an engineer has no Admin entry").isEmpty();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        waitFor(robot, "#language-de");
        assertThat(text(robot, "#nav-catalog")).isEqualTo("Catalog");
        robot.clickOn("#language-de");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#nav-catalog")).isEqualTo("Katalog");
        assertThat(text(robot, "#nav-settings")).isEqualTo("Einstellungen");
        assertThat(text(robot, "#page-title")).isEqualTo("Einstellungen");
        assertThat(text(robot, "#header-role")).isEqualTo("Ingenieur");
        assertThat(context.settings().get().language()).isEqualTo("de");
        assertThat(context.settings().get().demoUserId()).isEqualTo("mp-anna-schmidt");

        robot.clickOn("#sign-out");
        waitFor(robot, "#demo-user-mp-anna-schmidt");
        assertThat(context.settings().get().demoUserId()).isNull();

        assertThat(clients).isNotEmpty();
        assertThat(clients.get(0).calls()).contains("me");
        assertThat(callsOnFxThread).isEmpty();
    }

    @Test
    void inGermanTheCatalogOfTheEmbeddedFactoryFindsQualitaetNarrowsByFacetAndShowsParameters(FxRobot robot)
            throws TimeoutException {
        waitFor(robot, "#demo-user-mp-anna-schmidt");
        robot.clickOn("#demo-user-mp-anna-schmidt");
        waitFor(robot, "#header-tenant");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        waitFor(robot, "#language-de");
        robot.clickOn("#language-de");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        waitFor(robot, "#catalogGrid");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> text(robot, "#resultCount").matches("\\d+ von \\d+ Anwendungen"));
        int all = shownTiles(robot);

        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        robot.write("Qualität");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> onFx(() -> robot.lookup("#tile-visual-quality-inspection").tryQuery().map(Node::isVisible)
                        .orElse(false)) && shownTiles(robot) < all);
        int afterSearch = shownTiles(robot);

        robot.clickOn("#facet-category-quality-inspection");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownTiles(robot) < afterSearch);
        assertThat(robot.lookup("#tile-visual-quality-inspection").tryQuery()).isPresent();

        robot.clickOn("#tile-visual-quality-inspection");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !robot.lookup("#parameterTable").queryAs(TableView.class).getItems().isEmpty());
        assertThat(text(robot, "#detailName")).isEqualTo("Visuelle Qualitätsprüfung");
        assertThat(robot.lookup("#parameterTable").queryAs(TableView.class).getItems())
                .extracting(item -> ((ParameterSpec) item).name()).contains("confidenceThreshold", "lineId");
        assertThat(callsOnFxThread).isEmpty();
    }

    private static int shownTiles(FxRobot robot) {
        return onFx(() -> (int) robot.lookup(".app-tile").queryAll().stream().filter(Node::isVisible).count());
    }

    private static void waitFor(FxRobot robot, String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> onFx(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false)));
    }

    private static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAs(Labeled.class).getText());
    }

}
