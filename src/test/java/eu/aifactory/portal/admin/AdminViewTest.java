package eu.aifactory.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import eu.aifactory.api.admin.ApiToken;
import eu.aifactory.api.admin.ProjectInfo;
import eu.aifactory.api.admin.UserAccount;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.FakeFactoryClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Admin page on its own, headless: a token's secret shown once with Copy, and revoking only after a Yes. */
@ExtendWith(ApplicationExtension.class)
class AdminViewTest {

    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");
    private final FakeFactoryClient fake = new FakeFactoryClient();
    private FxTaskExecutor executor;
    private AdminViewModel viewModel;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        fake.user(new UserAccount("u-anna", "Anna Schmidt", "anna@example.de", List.of(Role.ENGINEER), List.of("p-line"),
                        false, T0))
                .project(new ProjectInfo("p-line", "Linie Süd", 1))
                .token(new ApiToken("tok-seed", "afp_Ab12", "u-anna", "Anna Schmidt", "laptop", T0, null, null));
        executor = new FxTaskExecutor();
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneId.of("Europe/Berlin"));
        ConnectionMonitor monitor = new ConnectionMonitor(executor, clock, Duration.ofMinutes(5), 3);
        I18n i18n = new I18n(I18n.ENGLISH);
        viewModel = new AdminViewModel(fake, executor, monitor, i18n, clock, ZoneId.of("Europe/Berlin"));
        AdminView view = new AdminView(viewModel, i18n);
        view.selectTab("adminTabTokens");
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
        viewModel.load();
    }

    @AfterEach
    void tearDown() {
        executor.shutdown();
    }

    private static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewTokensSecretIsShownOnceWithCopyAndNeverAgain(FxRobot robot) throws TimeoutException {
        await(() -> !viewModel.users().isEmpty());
        robot.interact(() -> robot.lookup("#adminTokenOwner").queryAs(ChoiceBox.class).getSelectionModel().select(0));
        robot.clickOn("#adminTokenLabel").write("CI pipeline");
        robot.clickOn("#adminCreateToken");
        await(() -> robot.lookup("#adminSecret").tryQuery().isPresent());

        String secret = robot.lookup("#adminSecret").queryAs(TextField.class).getText();
        assertThat(secret).startsWith("afp_fake");
        assertThat(robot.lookup("#adminSecret").queryAs(TextField.class).isEditable()).isFalse();
        robot.clickOn("#adminSecretCopy");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()))
                .succeedsWithin(java.time.Duration.ofSeconds(5)).isEqualTo(secret);

        robot.clickOn("#adminSecretDone");
        await(() -> robot.lookup("#adminSecret").tryQuery().isEmpty());
        assertThat(viewModel.createdTokenProperty().get()).as("the portal keeps no secret").isNull();
        TableView<ApiToken> tokens = robot.lookup("#adminTokens").queryAs(TableView.class);
        assertThat(tokens.getItems()).hasSize(2).noneMatch(t -> t.toString().contains(secret));
    }

    @Test
    @SuppressWarnings("unchecked")
    void revokingAsksFirstAndNoLeavesTheTokenWorking(FxRobot robot) throws TimeoutException {
        TableView<ApiToken> tokens = robot.lookup("#adminTokens").queryAs(TableView.class);
        await(() -> !tokens.getItems().isEmpty());
        robot.interact(() -> tokens.getSelectionModel().select(0));

        robot.clickOn("#adminRevokeToken");
        await(() -> robot.lookup("#admin-confirm").tryQuery().isPresent());
        robot.clickOn("#confirm-no");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fake.calls()).doesNotContain("revokeToken");

        robot.clickOn("#adminRevokeToken");
        await(() -> robot.lookup("#admin-confirm").tryQuery().isPresent());
        robot.clickOn("#confirm-yes");
        await(() -> tokens.getItems().get(0).revokedAt() != null);
        assertThat(fake.calls()).contains("revokeToken");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anInvalidAddressKeepsBothFieldsSaysWhichIsWrongAndMovesNoRow(FxRobot robot) throws TimeoutException {
        robot.interact(() -> robot.lookup("#adminTabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(0));
        TableView<UserAccount> users = robot.lookup("#adminUsers").queryAs(TableView.class);
        await(() -> !users.getItems().isEmpty());
        double tableTop = users.localToScene(users.getBoundsInLocal()).getMinY();

        robot.clickOn("#adminNewUserName").write("Carla Diaz");
        robot.clickOn("#adminNewUserEmail").write("carla-at-example.de");
        robot.clickOn("#adminCreateUser");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#adminNewUserName").queryAs(TextField.class).getText()).isEqualTo("Carla Diaz");
        assertThat(robot.lookup("#adminNewUserEmail").queryAs(TextField.class).getText()).isEqualTo("carla-at-example.de");
        assertThat(robot.lookup("#adminNewUserEmailError").queryAs(Label.class).getText()).startsWith("Enter an e-mail address");
        assertThat(robot.lookup("#adminNewUserNameError").queryAs(Label.class).getText()).isNull();
        assertThat(users.localToScene(users.getBoundsInLocal()).getMinY()).as("the list stays where it was").isEqualTo(tableTop);

        fake.unreachable(true);
        robot.clickOn("#adminRefresh");
        await(() -> viewModel.errorProperty().get() != null);
        assertThat(robot.lookup("#adminError").queryAs(Label.class).isVisible()).isTrue();
        assertThat(users.localToScene(users.getBoundsInLocal()).getMinY()).as("a status line moves no row").isEqualTo(tableTop);
    }
}
