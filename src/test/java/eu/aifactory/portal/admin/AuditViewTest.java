package eu.aifactory.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import eu.aifactory.api.admin.UserAccount;
import eu.aifactory.api.audit.AuditAction;
import eu.aifactory.api.audit.AuditEntry;
import eu.aifactory.api.audit.AuditOutcome;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.FakeFactoryClient;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Audit tab of the Admin page, headless: read when first shown, names not ids, filters, load more, CSV. */
@ExtendWith(ApplicationExtension.class)
class AuditViewTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private final FakeFactoryClient fake = new FakeFactoryClient();
    private FxTaskExecutor executor;
    private AdminViewModel viewModel;
    private AdminView view;

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        fake.user(new UserAccount("u-anna", "Anna Schmidt", "anna@example.de", List.of(Role.ENGINEER), List.of(), false, T0))
                .user(new UserAccount("u-adam", "Adam Admin", "adam@example.de", List.of(Role.TENANT_ADMIN), List.of(),
                        false, T0));
        for (int i = 0; i < 120; i++) {
            fake.audit.add(new AuditEntry("aud-" + i, T0.minusSeconds(60L * i), AuditAction.BUDGET_SET, AuditOutcome.OK,
                    null, "u-adam", "Adam Admin", "tok-7", "10.0.0.7", "project", "p-line", "Linie Süd",
                    "2026-11: EUR 2000"));
        }
        fake.audit.add(new AuditEntry("aud-x", T0.minusSeconds(86_400), AuditAction.WORKLOAD_SUBMIT, AuditOutcome.REFUSED,
                "https://aifactory.eu/problems/budget-exceeded", "u-anna", "Anna Schmidt", "SSO", "10.0.0.9", "project",
                "p-line", "Linie Süd", null));
        executor = new FxTaskExecutor();
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneId.of("Europe/Berlin"));
        I18n i18n = new I18n(I18n.ENGLISH);
        viewModel = new AdminViewModel(fake, executor, new ConnectionMonitor(executor, clock, Duration.ofMinutes(5), 3),
                i18n, clock, ZoneId.of("Europe/Berlin"));
        view = new AdminView(viewModel, i18n);
        stage.setScene(new Scene(view, 1400, 760));
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
    void theTabShowsNamesFiltersLoadsMoreAndExports(FxRobot robot) throws Exception {
        await(() -> !viewModel.users().isEmpty());
        assertThat(fake.callCount("listAudit")).isZero();

        robot.interact(() -> view.selectTab("adminTabAudit"));
        await(() -> viewModel.audit().entries().size() == AuditViewModel.PAGE_SIZE);

        TableView<AuditEntry> table = robot.lookup("#auditTable").queryAs(TableView.class);
        assertThat(WaitForAsyncUtils.asyncFx(() -> cell(table, 0, 1)).get()).isEqualTo("Adam Admin");
        assertThat(WaitForAsyncUtils.asyncFx(() -> cell(table, 0, 2)).get()).isEqualTo("Budget set");
        assertThat(WaitForAsyncUtils.asyncFx(() -> cell(table, 0, 3)).get()).isEqualTo("Linie Süd");
        snapshot(robot, Path.of("target", "screenshots", "admin-audit.png"));
        robot.clickOn("#auditLoadMore");
        await(() -> viewModel.audit().entries().size() == 121);
        assertThat(WaitForAsyncUtils.asyncFx(() -> cell(table, 120, 4)).get()).isEqualTo("Refused (budget-exceeded)");
        assertThat(WaitForAsyncUtils.asyncFx(() -> cell(table, 120, 6)).get()).isEqualTo("Single sign-on");
        assertThat(robot.lookup("#auditLoadMore").queryAs(Button.class).isDisabled()).isTrue();

        robot.interact(() -> {
            ComboBox<UserAccount> users = robot.lookup("#auditUser").queryAs(ComboBox.class);
            users.getSelectionModel().select(users.getItems().stream()
                    .filter(u -> u != null && u.name().equals("Anna Schmidt")).findFirst().orElseThrow());
        });
        await(() -> viewModel.audit().entries().size() == 1);
        assertThat(viewModel.audit().entries().get(0).id()).isEqualTo("aud-x");

        Path target = temp.resolve("audit.csv");
        robot.interact(() -> view.auditView().setSaveDialog((title, name) -> target));
        robot.clickOn("#auditExportCsv");
        await(() -> Files.exists(target) && robot.lookup("#auditStatus").queryAs(Label.class).getText() != null);
        assertThat(Files.readString(target)).contains("workload.submit,refused").doesNotContain("budget.set");
        assertThat(robot.lookup("#auditStatus").queryAs(Label.class).getText()).isEqualTo("Exported to audit.csv.");
        assertThat(fake.callsOnFxThread()).isEmpty();
    }

    private static String cell(TableView<AuditEntry> table, int row, int column) {
        return String.valueOf(table.getColumns().get(column).getCellData(row));
    }

    /** The scene as a PNG, to look at the tab without a display. */
    private static void snapshot(FxRobot robot, Path file) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().snapshot(null)).get();
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        Files.createDirectories(file.getParent());
        try {
            ImageIO.write(out, "png", file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
