package eu.aifactory.portal.tour;

import static eu.aifactory.portal.testing.FxReads.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.report.EnergyReceipt;
import eu.aifactory.api.report.EnergyReceiptSummary;
import eu.aifactory.api.report.SignedEnergyReceipt;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.VerificationResult;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.portal.app.AppContext;
import eu.aifactory.portal.app.DemoFactoryStarter;
import eu.aifactory.portal.app.EmbeddedFactory;
import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.shell.PortalWindow;
import eu.aifactory.portal.testing.FlowPortal;
import eu.aifactory.portal.tour.GuidedTourViewModel.Outcome;
import eu.aifactory.portal.tour.GuidedTourViewModel.Step;
import eu.aifactory.portal.workloads.WorkloadsPage;
import eu.aifactory.portal.workloads.submit.InputSlotViewModel;
import eu.aifactory.portal.workloads.submit.SubmitDialog;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.seed.DemoDatasets;
import eu.aifactory.server.support.Await;
import eu.aifactory.testing.PausableClock;
import eu.aifactory.testing.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
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
 * The guided tour headless (Monocle) on the real portal against the real embedded factory (in memory, demo data, 600
 * times real time), as a visitor takes it: the "Guided tour" button, an application touched in the catalog, Next
 * opening the real submit dialog filled with the demo project's sample data, Next submitting it, the run followed on
 * the Workloads page until it ends, its receipt and the residency verdict, and the QR code at the end, decoded with
 * ZXing from the image on screen and checked against {@code GET /v1/workloads/{id}/energy} and the factory's
 * published keys. In English and German; with {@code -Dtour.screenshots=DIR} (and a 1920×1080 headless screen:
 * {@code -Dheadless.geometry=1920x1080-32}) it also writes 1920×1080 screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class GuidedTourFlowTest {

    private static final String USER = "mp-anna-schmidt";
    /** Held still while the test looks at a run that has not started yet, however fast the factory would be. */
    private static final PausableClock FACTORY_TIME = new PausableClock(TestClock.clock());
    /** How much faster the factory's clock runs while the test waits for the visitor's run to end. */
    private static final double RUN_FAST_FORWARD = 20;
    private static DemoFactoryStarter.Running factory;
    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private AppContext context;
    private PortalWindow window;
    private Stage stage;

    @BeforeAll
    static void startFactory() throws Exception {
        factory = EmbeddedFactory.starter(ServerConfig.inMemory(true, 600), FACTORY_TIME).start();
    }

    @AfterAll
    static void stopFactory() throws Exception {
        factory.stopper().close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** The portal in {@code language}, 1920 × 1080, with the tour's entry installed as the app does. */
    private void open(FxRobot robot, String language) throws Exception {
        Path dataDir = FlowPortal.dataDir("tour-flow", language);
        context = FlowPortal.builder(dataDir, factory).build();
        robot.interact(() -> {
            context.start();
            window = new PortalWindow(stage, context.shellServices());
            GuidedTour.installEntry(window, context.shellServices());
            window.show();
            if (System.getProperty("tour.screenshots") != null) {
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(Integer.getInteger("tour.width", 1920));
                stage.setHeight(Integer.getInteger("tour.height", 1080));
            }
        });
        await("the demo user " + USER, () -> visible(robot, "#demo-user-" + USER), v -> v);
        robot.clickOn("#demo-user-" + USER);
        await("the tour's entry", () -> visible(robot, "#tour-start"), v -> v);
    }

    @AfterEach
    void closeContext() throws Exception {
        FACTORY_TIME.resume();
        if (context != null) {
            WaitForAsyncUtils.asyncFx(() -> context.close()).get();
        }
    }

    @Test
    void inEnglishTheTourRunsFromTheCatalogToASignedReceiptThatMatchesTheFactorysReceipt(FxRobot robot) throws Exception {
        tourToTheReceipt(robot, "en");
    }

    @Test
    void inGermanTheTourRunsFromTheCatalogToASignedReceiptThatMatchesTheFactorysReceipt(FxRobot robot) throws Exception {
        tourToTheReceipt(robot, "de");
    }

    private void tourToTheReceipt(FxRobot robot, String language) throws Exception {
        open(robot, language);
        boolean german = "de".equals(language);
        robot.clickOn("#tour-start");
        await("the tour", () -> robot.lookup("#tour-overlay").tryQuery().isPresent(), v -> v);
        GuidedTour tour = onFx(() -> (GuidedTour) robot.lookup("#tour-overlay").query().getProperties().get(GuidedTour.class));
        awaitStep(tour, Step.PICK_APP);
        assertThat(onFx(() -> robot.lookup("#tour-start").query().isDisabled())).as("one tour at a time").isTrue();
        assertThat(text(robot, "#tour-progress")).isEqualTo(german ? "Schritt 1 von 8" : "Step 1 of 8");
        assertThat(text(robot, "#tour-title")).isEqualTo(german ? "Wählen Sie eine KI-Anwendung" : "Pick an AI application");
        assertThat(onFx(() -> robot.lookup("#tour-highlight").query().isVisible())).isTrue();

        // The visitor touches an application in the real catalog: the step ends when its detail is open.
        await("the catalog's search", () -> visible(robot, "#catalogSearch"), v -> v);
        // Enter filters at once: a click during the search's debounce would land where the tile was before it.
        robot.clickOn("#catalogSearch").write("visual quality").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        await("the application's tile", () -> visible(robot, "#tile-" + GuidedTour.SUGGESTED_APP), v -> v);
        robot.clickOn("#tile-" + GuidedTour.SUGGESTED_APP);
        awaitStep(tour, Step.OPEN_SUBMIT);

        // Next presses the real "Submit workload"; the dialog comes up filled with the project's sample data.
        robot.clickOn("#tour-next");
        awaitStep(tour, Step.SUBMIT);
        SubmitDialog dialog = onFx(() -> (SubmitDialog) robot.lookup("#submit-dialog").query().getProperties()
                .get(SubmitDialog.class));
        await("the sample data in every required input", () -> dialog.viewModel().inputSlots().stream()
                .filter(slot -> slot.slot().required())
                .allMatch(slot -> slot.selectedProperty().get() != null), v -> v);
        List<String> chosen = onFx(() -> dialog.viewModel().inputSlots().stream()
                .map(InputSlotViewModel::selectedProperty).map(p -> p.get().name()).toList());
        assertThat(chosen).containsOnly(DemoDatasets.ZIP_NAME);
        assertThat(onFx(() -> dialog.viewModel().nameProperty().get())).isEqualTo(german ? "Messe-Demo" : "Trade-fair demo");
        assertThat(onFx(() -> robot.lookup("#submit-button").query().getStyleClass())).contains(GuidedTour.GLOW);
        await("the estimate", () -> dialog.viewModel().estimateProperty().get() != null, v -> v);
        FACTORY_TIME.pause();
        robot.clickOn("#tour-next");

        // The real Workloads page follows the run; the tour advances on its status, not on a timer.
        awaitStep(tour, Step.STARTING);
        Workload submitted = onFx(() -> tour.viewModel().workloadProperty().get());
        assertThat(submitted.name()).isEqualTo(german ? "Messe-Demo" : "Trade-fair demo");
        assertThat(onFx(() -> window.shell().currentPage())).isInstanceOf(WorkloadsPage.class);
        await("the run's detail", () -> visible(robot, "#detail-status"), v -> v);
        assertThat(onFx(() -> robot.lookup("#tour-highlight").query().isVisible())).isTrue();
        screenshot(language, "step");
        // The run itself is the factory's: hurried along, it ends in seconds instead of half a minute of waiting.
        FACTORY_TIME.fastForward(RUN_FAST_FORWARD);
        awaitStep(tour, Step.RECEIPT);
        FACTORY_TIME.resume();
        assertThat(onFx(() -> tour.viewModel().workloadProperty().get().status())).isEqualTo(WorkloadStatus.SUCCEEDED);
        assertThat(onFx(() -> window.shell().currentPage().id())).isEqualTo(Page.ENERGY);

        await("the receipt on the Energy page", () -> enabled(robot, "#tour-next"), v -> v);
        robot.clickOn("#tour-next");
        awaitStep(tour, Step.RESIDENCY);
        assertThat(onFx(() -> window.shell().currentPage().id())).isEqualTo(Page.RESIDENCY);
        await("the verified verdict", () -> enabled(robot, "#tour-next"), v -> v);
        robot.clickOn("#tour-next");
        awaitStep(tour, Step.TAKE_AWAY);

        // The take-away: the QR code on screen decodes to the factory's receipt and verifies with its keys.
        await("the QR code", () -> visible(robot, "#tour-qr"), v -> v);
        assertThat(onFx(() -> robot.lookup("#workload-notification").tryQuery()))
                .as("no desktop notification covers the tour's buttons").isEmpty();
        screenshot(language, "takeaway");
        String scanned = QrDecoding.decode(onFx(() -> robot.lookup("#tour-qr").queryAs(ImageView.class).getImage()));
        FactoryClient client = context.sessions().session().client();
        JwkSet published = client.factoryKeys();
        VerificationResult verified = SignedEnergyReceipt.verify(scanned, published);
        assertThat(verified.valid()).as(verified.message()).isTrue();
        EnergyReceipt receipt = client.energyReceipt(submitted.id());
        EnergyReceiptSummary summary = SignedEnergyReceipt.read(scanned);
        assertThat(summary.workloadId()).isEqualTo(submitted.id());
        assertThat(summary.facilityKwh()).isEqualByComparingTo(receipt.facilityKwh()).isPositive();
        assertThat(summary.co2eKg()).isEqualByComparingTo(receipt.co2eKgLocationBased());
        assertThat(summary.site()).isEqualTo(receipt.site());
        assertThat(summary.from()).isEqualTo(receipt.start());
        assertThat(summary.to()).isEqualTo(receipt.end());
        assertThat(summary.kid()).isEqualTo(verified.kid());
        String tampered = scanned.replace("facility energy: " + summary.facilityKwh().toPlainString(),
                "facility energy: " + summary.facilityKwh().add(java.math.BigDecimal.ONE).toPlainString());
        assertThat(tampered).isNotEqualTo(scanned);
        assertThat(SignedEnergyReceipt.verify(tampered, published).reason())
                .isEqualTo(VerificationResult.Reason.BAD_SIGNATURE);

        robot.clickOn("#tour-next");
        await("the end of the tour", () -> tour.viewModel().outcomeProperty().get(), o -> o == Outcome.FINISHED);
        assertThat(onFx(() -> robot.lookup("#tour-overlay").tryQuery())).isEmpty();
        assertThat(onFx(() -> robot.lookup("#tour-start").query().isDisabled())).isFalse();
    }

    @Test
    void theTourCanBeSkippedOnThePageAndInsideTheSubmitDialog(FxRobot robot) throws Exception {
        open(robot, "en");
        startTour(robot);
        robot.clickOn("#tour-skip");
        await("the skipped tour", () -> new ArrayList<>(outcomes), o -> o.equals(List.of(Outcome.SKIPPED)));
        assertThat(onFx(() -> robot.lookup("#tour-overlay").tryQuery())).isEmpty();

        GuidedTour again = startTour(robot);
        robot.clickOn("#tour-next");
        awaitStep(again, Step.OPEN_SUBMIT);
        robot.clickOn("#tour-next");
        awaitStep(again, Step.SUBMIT);
        assertThat(onFx(() -> robot.lookup("#tour-skip").query().getScene().getWindow()))
                .as("the callout sits in a popup of the modal dialog, where it can be touched")
                .isNotSameAs(onFx(() -> stage));
        robot.clickOn("#tour-skip");
        await("the second skipped tour", () -> new ArrayList<>(outcomes),
                o -> o.equals(List.of(Outcome.SKIPPED, Outcome.SKIPPED)));
        assertThat(onFx(() -> robot.lookup("#tour-callout").tryQuery())).isEmpty();
        assertThat(onFx(() -> again.viewModel().step())).isNull();
    }

    /** Touches "Guided tour" and returns the tour it started. */
    private GuidedTour startTour(FxRobot robot) throws Exception {
        robot.interact(() -> window.shell().viewModel().navigate(Page.WORKLOADS));
        List<GuidedTour> started = new CopyOnWriteArrayList<>();
        // As the kiosk starts it: constructed from the shell and its services, with its own callbacks.
        robot.interact(() -> {
            GuidedTour tour = new GuidedTour(window.shell(), context.shellServices());
            tour.setOnFinished(() -> outcomes.add(Outcome.FINISHED));
            tour.setOnSkipped(() -> outcomes.add(Outcome.SKIPPED));
            tour.start();
            started.add(tour);
        });
        GuidedTour tour = started.get(0);
        awaitStep(tour, Step.PICK_APP);
        assertThat(onFx(() -> window.shell().currentPage().id())).isEqualTo(Page.CATALOG);
        return tour;
    }

    private void screenshot(String language, String name) throws IOException {
        String dir = System.getProperty("tour.screenshots");
        if (dir == null) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        Path file = Path.of(dir).resolve("tour-" + name + "-" + language + ".png");
        Files.createDirectories(file.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(onFx(() -> stage.getScene().snapshot(null)), null), "png", file.toFile());
    }

    private static void awaitStep(GuidedTour tour, Step step) {
        await("tour step " + step, () -> tour.viewModel().step(), s -> s == step);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T await(String what, Callable<T> read, Predicate<T> done) {
        return Await.until(what, () -> onFx(read), done);
    }

    private static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    private static boolean enabled(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> n.isVisible() && !n.isDisabled()).orElse(false);
    }

    private static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAs(Labeled.class).getText());
    }

}
