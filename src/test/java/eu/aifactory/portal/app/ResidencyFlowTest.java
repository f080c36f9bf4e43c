package eu.aifactory.portal.app;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.catalog.ArtifactKind;
import eu.aifactory.api.report.ResidencyReport;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.client.verify.VerifyCommand;
import eu.aifactory.portal.settings.Settings;
import eu.aifactory.portal.shell.PortalWindow;
import eu.aifactory.portal.testing.FlowPortal;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.seed.DemoDatasets;
import eu.aifactory.testing.TestClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * An auditor's path through the portal, headless against the real reference factory (in-memory, demo data) over
 * HTTP: open Residency, see the verdict and the verified badge, save the signed JSON, the factory's keys and the PDF
 * (the file chooser answered by the test), check the JSON with the {@code verify} command exactly as
 * {@code java -jar tenant-portal.jar verify} runs it, see it fail after one value is edited, and find the pinned
 * key's fingerprint in Settings. Another tenant of the same factory never sees the first tenant's data.
 */
@ExtendWith(ApplicationExtension.class)
class ResidencyFlowTest {

    private static final String MUELLER = "Müller Präzisionsteile GmbH";
    private static final String NORDWERK = "Nordwerk Automotive Systems AG";

    private static DemoFactoryStarter.Running factory;
    private final List<String> callsOnFxThread = new CopyOnWriteArrayList<>();
    private AppContext context;
    private Path exports;

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
        Path dataDir = FlowPortal.dataDir("residency-flow", "en");
        exports = Files.createDirectories(dataDir.resolve("exports"));
        context = FlowPortal.builder(dataDir, factory)
                .connector(FlowPortal.guardedConnector(callsOnFxThread))
                .saveDialog((title, suggestedName) -> exports.resolve(suggestedName))
                .build();
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
    void theReportIsVerifiedExportedAndTheSavedJsonVerifiesOfflineUntilOneValueIsEdited(FxRobot robot) throws Exception {
        signIn(robot, "mp-anna-schmidt");
        openVerifiedResidency(robot);
        assertThat(text(robot, "#residencyVerdict")).startsWith("All data of " + MUELLER + " was stored and processed in Germany");
        assertThat(robot.lookup("#verificationBadge").queryAs(Labeled.class).getStyleClass()).contains("badge-verified");

        click(robot, "#exportReport");
        click(robot, "#exportKeys");
        click(robot, "#exportPdf");
        Path report = exports.resolve("residency-report.json");
        Path keys = exports.resolve("factory-keys.json");
        Path pdf = exports.resolve("residency-report.pdf");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(report) && Files.exists(keys) && Files.exists(pdf)
                && !robot.lookup("#pdfExport").query().isVisible());

        String kid = JwkSet.parse(Files.readAllBytes(keys)).keys().get(0).kid();
        String fingerprint = JwkSet.parse(Files.readAllBytes(keys)).keys().get(0).fingerprint();
        // The auditor trusts the fingerprint the engineer reads to them from Settings (checked against the pin below).
        String[] verified = verify(report, keys, fingerprint);
        assertThat(verified[0]).isEqualTo(String.valueOf(VerifyCommand.VALID));
        assertThat(verified[1]).startsWith("VALID: signed by key ");
        assertThat(verified[1]).contains(kid, fingerprint);

        String pdfText = pdfText(pdf);
        assertThat(pdfText).contains("Residency report", "All data of " + MUELLER, kid, fingerprint, "Signature verified");

        Files.writeString(report, Files.readString(report).replaceFirst("\"country\" : \"DE\"", "\"country\" : \"US\""));
        String[] edited = verify(report, keys, fingerprint);
        assertThat(edited[0]).isEqualTo(String.valueOf(VerifyCommand.INVALID));
        assertThat(edited[1]).startsWith("INVALID: BAD_SIGNATURE");

        click(robot, "#nav-settings");
        waitFor(robot, "#pinned-fingerprint-0");
        assertThat(text(robot, "#pinned-fingerprint-0")).isEqualTo(fingerprint);
        assertThat(text(robot, "#pinned-kid-0")).isEqualTo("Key id " + kid);
        assertThat(callsOnFxThread).isEmpty();
    }

    @Test
    void anotherTenantOfTheSameFactorySeesOnlyItsOwnResidencyData(FxRobot robot) throws Exception {
        signIn(robot, "mp-anna-schmidt");
        openVerifiedResidency(robot);
        Set<String> muellerObjects = inventoryIds(robot);
        Set<String> muellerDatasets = inventory(robot).stream()
                .filter(o -> o.kind() == ArtifactKind.DATASET).map(ResidencyReport.StoredObject::name)
                // Every demo project has the same two sample files; their ids differ, and those are compared above.
                .filter(name -> !name.equals(DemoDatasets.CSV_NAME) && !name.equals(DemoDatasets.ZIP_NAME))
                .collect(Collectors.toSet());
        assertThat(muellerObjects).isNotEmpty();
        assertThat(muellerDatasets).isNotEmpty();

        click(robot, "#nav-settings");
        waitFor(robot, "#sign-out");
        click(robot, "#sign-out");
        signIn(robot, "nw-lars-petersen");
        openVerifiedResidency(robot);

        assertThat(text(robot, "#header-tenant")).isEqualTo(NORDWERK);
        assertThat(text(robot, "#residencyVerdict")).contains(NORDWERK).doesNotContain("Müller");
        assertThat(inventoryIds(robot)).isNotEmpty().doesNotContainAnyElementsOf(muellerObjects);
        assertThat(inventory(robot)).extracting(ResidencyReport.StoredObject::name).doesNotContainAnyElementsOf(muellerDatasets);
        assertThat(inventoryProjects(robot)).allMatch(project -> project.startsWith("nw-"));
        assertThat(robot.lookup(".label").queryAllAs(Labeled.class)).extracting(Labeled::getText)
                .as("no text on screen names the other tenant").noneMatch(shown -> shown != null && shown.contains(MUELLER));
        assertThat(callsOnFxThread).isEmpty();
    }

    private static void signIn(FxRobot robot, String userId) throws TimeoutException {
        waitFor(robot, "#demo-user-" + userId);
        robot.clickOn("#demo-user-" + userId);
        waitFor(robot, "#header-tenant");
    }

    private static void openVerifiedResidency(FxRobot robot) throws TimeoutException {
        click(robot, "#nav-residency");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#verificationBadge").tryQuery()
                .map(badge -> ((Labeled) badge).getText())
                .filter(badgeText -> badgeText != null && badgeText.startsWith("Signature verified")).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static List<ResidencyReport.StoredObject> inventory(FxRobot robot) {
        TabPane tabs = robot.lookup("#residencyTabs").queryAs(TabPane.class);
        return List.copyOf(((TableView<ResidencyReport.StoredObject>) tabs.getTabs().get(0).getContent()).getItems());
    }

    private static Set<String> inventoryIds(FxRobot robot) {
        return inventory(robot).stream().map(ResidencyReport.StoredObject::id).collect(Collectors.toSet());
    }

    private static Set<String> inventoryProjects(FxRobot robot) {
        return inventory(robot).stream().map(ResidencyReport.StoredObject::projectId).collect(Collectors.toSet());
    }

    /** The verify command as the jar's main runs it: exit code and what it printed. */
    private static String[] verify(Path report, Path keys, String trustedFingerprint) {
        StringWriter out = new StringWriter();
        int exit = new picocli.CommandLine(new Launcher()).setOut(new PrintWriter(out)).setErr(new PrintWriter(out))
                .execute("verify", report.toString(), "--keys", keys.toString(), "--trust", trustedFingerprint);
        return new String[] {String.valueOf(exit), out.toString()};
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    /** Clicks the shown node with this id (nodes of closed popups have no scene and are skipped). */
    private static void click(FxRobot robot, String query) {
        robot.clickOn(robot.lookup(query).match(node -> node.getScene() != null && node.isVisible()).queryAs(Node.class));
    }

    private static void waitFor(FxRobot robot, String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup(query).match(node -> node.getScene() != null && node.isVisible()).tryQuery().isPresent());
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }
}
