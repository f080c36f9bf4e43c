package eu.aifactory.portal.app;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.access.AccessRequest;
import eu.aifactory.api.access.AccessRequestState;
import eu.aifactory.client.FactoryClientConfig;
import eu.aifactory.client.HttpFactoryClient;
import eu.aifactory.portal.admin.AdminPage;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.shell.DemoAccount;
import eu.aifactory.portal.shell.PortalWindow;
import eu.aifactory.portal.testing.FlowPortal;
import eu.aifactory.portal.tools.Snapshots;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.testing.TestClock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
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
 * The approval flow headless (Monocle) as the tenant admin Thomas Müller against the real embedded factory, whose demo
 * seeds one pending operator access request: the badge on Admin counts it, the Access requests tab shows it with the
 * operator's name, employer and the project's name; denying without a comment is stopped at the field; approving asks
 * first, then the factory has it approved and the badge is gone. With {@code -Daccess.screenshots=DIR} it writes the tab
 * in English and German.
 */
@ExtendWith(ApplicationExtension.class)
class AccessApprovalFlowTest {

    private static final String ADMIN = "mp-thomas-mueller";
    private static DemoFactoryStarter.Running factory;
    private AppContext context;
    private PortalWindow window;
    private Stage stage;

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
        this.stage = stage;
        context = FlowPortal.builder(FlowPortal.dataDir("access-approval-flow", "en"), factory).build();
        context.start();
        window = new PortalWindow(stage, context.shellServices());
        window.show();
        stage.setWidth(1360);
        stage.setHeight(860);
    }

    @AfterEach
    void closeContext() throws Exception {
        if (context != null) {
            context.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTenantAdminSeesTheBadgeAndApprovesThePendingRequestAfterConfirming(FxRobot robot) throws Exception {
        await(30, () -> robot.lookup("#demo-user-" + ADMIN).tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#demo-user-" + ADMIN);
        await(30, () -> robot.lookup("#header-tenant").tryQuery().isPresent());
        await(20, () -> robot.lookup("#nav-admin-badge").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(text(robot, "#nav-admin-badge")).isEqualTo("1");

        robot.clickOn("#nav-admin");
        await(20, () -> text(robot, "#page-title").equals("Admin"));
        robot.interact(() -> adminPage().adminView().selectTab("adminTabAccess"));
        TableView<AccessRequest> table = robot.lookup("#accessRequests").queryAs(TableView.class);
        await(20, () -> table.getItems().size() >= 2);
        AccessRequest pending = table.getItems().stream().filter(r -> r.state() == AccessRequestState.PENDING)
                .findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(pending));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#accessJustification")).contains("media errors", pending.caseId());
        assertThat(text(robot, "#accessDecision")).startsWith("Waiting for a decision until");
        screenshot(robot, "admin-access-requests-en-light.png");
        robot.interact(() -> context.i18n().localeProperty().set(I18n.GERMAN));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#accessDecision")).startsWith("Wartet auf eine Entscheidung bis");
        screenshot(robot, "admin-access-requests-de-light.png");
        robot.interact(() -> context.i18n().localeProperty().set(I18n.ENGLISH));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#accessDeny");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#accessCommentError")).startsWith("Say why you deny");
        assertThat(robot.lookup("#access-confirm").tryQuery()).as("nothing to confirm without a comment").isEmpty();

        robot.clickOn("#accessComment").write("Please move the files; call our IT first.");
        robot.clickOn("#accessApprove");
        await(10, () -> robot.lookup("#access-confirm").tryQuery().isPresent());
        robot.clickOn("#confirm-no");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(state(pending.id())).as("keep waiting leaves it pending").isEqualTo(AccessRequestState.PENDING);

        robot.clickOn("#accessApprove");
        await(10, () -> robot.lookup("#access-confirm").tryQuery().isPresent());
        robot.clickOn("#confirm-yes");
        await(20, () -> table.getItems().stream().anyMatch(r -> r.id().equals(pending.id())
                && r.state() == AccessRequestState.APPROVED));
        AccessRequest approved;
        try (HttpFactoryClient admin = clientOf(ADMIN)) {
            approved = admin.getAccessRequest(pending.id());
        }
        assertThat(approved.state()).isEqualTo(AccessRequestState.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("Thomas Müller");
        assertThat(approved.comment()).isEqualTo("Please move the files; call our IT first.");
        assertThat(text(robot, "#accessInfo")).isEqualTo("Access request of Jonas Berger approved.");

        robot.clickOn("#nav-catalog");
        await(20, () -> !robot.lookup("#nav-admin-badge").query().isVisible());
    }

    private AccessRequestState state(String id) {
        try (HttpFactoryClient admin = clientOf(ADMIN)) {
            return admin.getAccessRequest(id).state();
        }
    }

    /** Writes the window as a PNG when asked to ({@code -Daccess.screenshots=DIR}). */
    private void screenshot(FxRobot robot, String name) {
        String dir = System.getProperty("access.screenshots");
        if (dir != null) {
            robot.interact(() -> Snapshots.write(stage.getScene().snapshot(null), Path.of(dir).resolve(name)));
        }
    }

    private HttpFactoryClient clientOf(String userId) {
        DemoAccount account = factory.factory().accounts().stream().filter(a -> a.userId().equals(userId)).findFirst()
                .orElseThrow();
        char[] token = account.token().toCharArray();
        return new HttpFactoryClient(FactoryClientConfig.builder(factory.factory().baseUrl()).token(token::clone).build());
    }

    private AdminPage adminPage() {
        return (AdminPage) window.shell().currentPage();
    }

    private static void await(long seconds, BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse("");
    }
}
