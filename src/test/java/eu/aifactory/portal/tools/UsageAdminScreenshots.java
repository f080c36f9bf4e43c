package eu.aifactory.portal.tools;

import static eu.aifactory.portal.tools.Snapshots.onFx;
import static eu.aifactory.portal.tools.Snapshots.waitUntil;
import static eu.aifactory.portal.tools.Snapshots.settleAndWrite;

import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.usage.BudgetStatus;
import eu.aifactory.api.usage.BudgetUpdate;
import eu.aifactory.client.FactoryClientConfig;
import eu.aifactory.client.HttpFactoryClient;
import eu.aifactory.portal.admin.AdminPage;
import eu.aifactory.portal.app.AppContext;
import eu.aifactory.portal.app.DemoFactoryStarter;
import eu.aifactory.portal.common.LoadState;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.shell.DemoAccount;
import eu.aifactory.portal.shell.Destination;
import eu.aifactory.portal.shell.PortalWindow;
import eu.aifactory.portal.theme.ThemeMode;
import eu.aifactory.portal.usage.UsagePage;
import eu.aifactory.portal.usage.UsageViewModel;
import eu.aifactory.portal.workloads.submit.HeadroomViewModel;
import eu.aifactory.portal.workloads.submit.SubmitDialog;
import eu.aifactory.testing.TestClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/**
 * Renders the Usage page (English light, German dark) as the account manager, the Admin page's tokens tab with the
 * once-shown secret as the tenant admin, and the submit dialog with the 80 % warning as an engineer, headless against
 * the real in-memory demo factory. Run:
 * {@code mvn -Pscreenshots test-compile exec:exec -Dtour.main=eu.aifactory.portal.tools.UsageAdminScreenshots}.
 */
public final class UsageAdminScreenshots {

    private static final double WIDTH = 1360;
    private static final double HEIGHT = 900;
    private static final String MANAGER = "mp-sabine-koehler";
    private static final String ADMIN = "mp-thomas-mueller";
    private static final String ENGINEER = "mp-juergen-weiss";
    private static final String PROJECT = "mp-instandhaltung";

    private UsageAdminScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().resolve("assets/screenshots");
        DemoFactoryStarter.Running factory = Snapshots.startWithDemoFactory();
        try (ToolPortal portal = ToolPortal.open(factory, "en", ThemeMode.LIGHT, WIDTH, HEIGHT)) {
            PortalWindow window = portal.window();
            AppContext context = portal.context();

            // Usage as the account manager, English light, then German dark.
            portal.signIn(MANAGER);
            onFx(() -> window.shell().viewModel().selectedProperty().set(Destination.USAGE));
            waitUntil(() -> onFx(() -> usage(window).stateProperty().get() == LoadState.READY
                    && !usage(window).burnLoadingProperty().get()));
            settleAndWrite(window.scene(), out.resolve("usage-en-light.png"));
            onFx(() -> {
                context.i18n().localeProperty().set(I18n.GERMAN);
                context.theme().modeProperty().set(ThemeMode.DARK);
                return null;
            });
            settleAndWrite(window.scene(), out.resolve("usage-de-dark.png"));
            onFx(() -> {
                context.i18n().localeProperty().set(Locale.UK);
                context.theme().modeProperty().set(ThemeMode.LIGHT);
                context.sessions().signOut();
                return null;
            });

            // Admin tokens with a new token's once-shown secret.
            portal.signIn(ADMIN);
            onFx(() -> window.shell().viewModel().selectedProperty().set(Destination.ADMIN));
            waitUntil(() -> onFx(() -> !admin(window).adminView().viewModel().users().isEmpty()));
            onFx(() -> {
                admin(window).adminView().selectTab("adminTabTokens");
                @SuppressWarnings("unchecked")
                ChoiceBox<Object> owner = (ChoiceBox<Object>) lookup(window.scene(), "#adminTokenOwner");
                owner.getSelectionModel().select(admin(window).adminView().viewModel().users().stream()
                        .filter(u -> u.id().equals(ENGINEER)).findFirst().orElseThrow());
                ((TextField) lookup(window.scene(), "#adminTokenLabel")).setText("CI pipeline Instandhaltung");
                ((Button) lookup(window.scene(), "#adminCreateToken")).fire();
                return null;
            });
            waitUntil(() -> onFx(() -> dialogScene("#adminSecretDialog") != null));
            settleAndWrite(window.scene(), out.resolve("admin-tokens-en-light.png"));
            settleAndWrite(dialogScene("#adminSecretDialog"), out.resolve("admin-token-secret-en-light.png"));
            onFx(() -> {
                ((Button) lookup(dialogScene("#adminSecretDialog"), "#adminSecretDone")).fire();
                context.sessions().signOut();
                return null;
            });

            // The submit dialog with the 80 % warning: the project's budget is set so this run lands at about 90 %.
            portal.signIn(ENGINEER);
            waitUntil(() -> onFx(() -> lookup(window.scene(), "#catalogSearch") != null));
            onFx(() -> ((TextField) lookup(window.scene(), "#catalogSearch")).setText("visual quality"));
            waitUntil(() -> onFx(() -> lookup(window.scene(), "#tile-visual-quality-inspection") != null
                    && lookup(window.scene(), "#tile-visual-quality-inspection").isVisible()));
            onFx(() -> {
                Node tile = lookup(window.scene(), "#tile-visual-quality-inspection");
                tile.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0,
                        javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true,
                        false, false, null));
                return null;
            });
            waitUntil(() -> onFx(() -> lookup(window.scene(), "#submitWorkload") != null
                    && !lookup(window.scene(), "#submitWorkload").isDisabled()));
            onFx(() -> {
                ((Button) lookup(window.scene(), "#submitWorkload")).fire();
                return null;
            });
            waitUntil(() -> onFx(() -> dialogScene("#submit-dialog") != null));
            SubmitDialog dialog = onFx(() -> (SubmitDialog) dialogScene("#submit-dialog").getRoot().getProperties()
                    .get(SubmitDialog.class));
            onFx(() -> {
                Me.Project project = dialog.viewModel().projects().stream().filter(p -> p.id().equals(PROJECT))
                        .findFirst().orElseThrow();
                dialog.viewModel().projectProperty().set(project);
                ((TextField) lookup(dialogScene("#submit-dialog"), "#param-lineId")).setText("L03");
                dialog.viewModel().nameProperty().set("Spindel-Prognose KW 48");
                return null;
            });
            HeadroomViewModel headroom = dialog.viewModel().headroom();
            waitUntil(() -> onFx(() -> headroom.headroomProperty().get() != null
                    && dialog.viewModel().estimateProperty().get() != null));
            BigDecimal estimate = onFx(() -> dialog.viewModel().estimateProperty().get().costEur());
            BudgetStatus budget = onFx(() -> headroom.headroomProperty().get().budget());
            BigDecimal target = budget.spentEur().add(budget.committedEur()).add(estimate)
                    .divide(new BigDecimal("0.9"), 0, RoundingMode.CEILING);
            try (HttpFactoryClient client = clientOf(factory, ADMIN)) {
                client.putBudget(PROJECT, TestClock.siteMonth(), new BudgetUpdate(target, null));
            }
            onFx(() -> {
                headroom.refresh();
                return null;
            });
            waitUntil(() -> onFx(() -> headroom.levelProperty().get() == HeadroomViewModel.Level.WARN));
            settleAndWrite(dialogScene("#submit-dialog"), out.resolve("submit-budget-warning-en-light.png"));
        } finally {
            factory.stopper().close();
            Platform.exit();
        }
    }

    private static HttpFactoryClient clientOf(DemoFactoryStarter.Running factory, String userId) {
        DemoAccount account = factory.factory().accounts().stream().filter(a -> a.userId().equals(userId)).findFirst()
                .orElseThrow();
        char[] token = account.token().toCharArray();
        return new HttpFactoryClient(FactoryClientConfig.builder(factory.factory().baseUrl()).token(token::clone).build());
    }

    private static UsageViewModel usage(PortalWindow window) {
        return ((UsagePage) window.shell().currentPage()).usageView().viewModel();
    }

    private static AdminPage admin(PortalWindow window) {
        return (AdminPage) window.shell().currentPage();
    }

    private static Scene dialogScene(String rootId) {
        for (Window w : Window.getWindows()) {
            Scene scene = w.getScene();
            if (scene != null && scene.getRoot() != null && rootId.equals("#" + scene.getRoot().getId())) {
                return scene;
            }
        }
        return null;
    }

    private static Node lookup(Scene scene, String selector) {
        return scene.getRoot().lookup(selector);
    }
}
