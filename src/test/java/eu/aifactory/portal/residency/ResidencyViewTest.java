package eu.aifactory.portal.residency;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.aifactory.api.report.ResidencyReport.Status;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.SignedDocument;
import eu.aifactory.client.trust.KeyPinStore;
import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.FakeFactoryClient;
import eu.aifactory.server.signing.SigningKeyStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Residency page on its own, headless, with the real background executor and a fake factory. */
@ExtendWith(ApplicationExtension.class)
class ResidencyViewTest {

    private static final Clock CLOCK = Clock.fixed(SampleReports.NOW, ZoneOffset.UTC);

    private final SigningKeyStore keys = SigningKeyStore.inMemory(CLOCK);
    private final FakeFactoryClient client = new FakeFactoryClient();
    private FxTaskExecutor executor;
    private ResidencyView view;
    private Path dir;

    @Start
    void start(Stage stage) throws IOException {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        dir = Files.createTempDirectory("residency-view-test");
        client.onResidencyReport((from, to) -> keys.sign(SampleReports.tree(
                        SampleReports.report(Status.FINDINGS, LocalDate.parse("2026-04-01")))))
                .factoryKeys(keys.publishedKeys());
        executor = new FxTaskExecutor();
        I18n i18n = new I18n(I18n.GERMAN);
        ResidencyViewModel viewModel = new ResidencyViewModel(client, executor, i18n,
                new KeyPinStore(dir.resolve("trust/demo.json")), CLOCK);
        view = new ResidencyView(viewModel, i18n);
        view.setSaveDialog((titleKey, name) -> dir.resolve(name));
        // The portal's own stylesheet is on its window's scene from the start, as in the app.
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(ResidencyView.class.getResource("/eu/aifactory/portal/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        viewModel.loadIfNeeded();
    }

    @AfterEach
    void tearDown() throws IOException {
        executor.shutdown();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void showsTheVerdictTheVerifiedBadgeAndTheRecords(FxRobot robot) throws TimeoutException {
        Label badge = robot.lookup("#verificationBadge").queryAs(Label.class);
        await(() -> badge.getText() != null && badge.getText().startsWith("Signatur geprüft"));

        Label verdict = robot.lookup("#residencyVerdict").queryAs(Label.class);
        assertThat(verdict.getText()).startsWith("Alle Daten der Müller Präzisionsteile GmbH");
        assertThat(verdict.isVisible()).isTrue();
        assertThat(badge.getStyleClass()).contains("badge-verified");
        assertThat(robot.lookup("#residencyMap").tryQuery()).isPresent();

        TabPane tabs = robot.lookup("#residencyTabs").queryAs(TabPane.class);
        robot.clickOn(tabs.getTabs().get(4).getText());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> attestations = (TableView<?>) tabs.getSelectionModel().getSelectedItem().getContent();
        assertThat(attestations.getItems()).hasSize(2);
        assertThat(robot.lookup(".table-row-cell.expiring").queryAll()).hasSize(1);
    }

    @Test
    void theKeysFingerprintIsATooltipOnTheDesktopAndALineOfTextInTheKiosk(FxRobot robot) throws Exception {
        Label badge = robot.lookup("#verificationBadge").queryAs(Label.class);
        await(() -> badge.getText() != null && badge.getText().startsWith("Signatur geprüft"));
        Label fingerprint = robot.lookup("#residencyKeyFingerprint").queryAs(Label.class);
        Scene scene = view.getScene();

        assertThat(badge.getTooltip().getText()).startsWith("Fingerabdruck des Signaturschlüssels (SHA-256): ");
        assertThat(fingerprint.isVisible()).isFalse();
        assertThat(fingerprint.isManaged()).isFalse();

        robot.interact(() -> scene.getStylesheets().add(
                ResidencyView.class.getResource("/eu/aifactory/portal/kiosk/kiosk.css").toExternalForm()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fingerprint.isVisible()).isTrue();
        assertThat(fingerprint.isManaged()).isTrue();
        assertThat(fingerprint.getText()).isEqualTo(badge.getTooltip().getText());
    }

    @Test
    void exportsTheSignedReportAndTheKeysSoTheyVerify(FxRobot robot) throws Exception {
        Label badge = robot.lookup("#verificationBadge").queryAs(Label.class);
        await(() -> badge.getText() != null && badge.getText().startsWith("Signatur geprüft"));

        robot.clickOn("#exportReport");
        robot.clickOn("#exportKeys");
        await(() -> Files.exists(dir.resolve("residency-report.json")) && Files.exists(dir.resolve("factory-keys.json")));

        JwkSet saved = JwkSet.parse(Files.readAllBytes(dir.resolve("factory-keys.json")));
        assertThat(SignedDocument.verify(Files.readAllBytes(dir.resolve("residency-report.json")), saved).valid()).isTrue();
    }

    @Test
    void aTamperedReportTurnsTheBadgeRedAndNamesWhatFailed(FxRobot robot) throws TimeoutException {
        Label badge = robot.lookup("#verificationBadge").queryAs(Label.class);
        await(() -> badge.getText() != null && badge.getText().startsWith("Signatur geprüft"));
        client.onResidencyReport((from, to) -> {
            ObjectNode document = keys.sign(SampleReports.tree(SampleReports.report(Status.COMPLIANT, LocalDate.parse("2027-01-01"))));
            ((ObjectNode) document.get("report").get("verdict")).put("unresolvedFindings", 0).put("resolvedFindings", 7);
            return document;
        });

        robot.clickOn("#residencyRefresh");
        await(() -> badge.getStyleClass().contains("badge-failed"));

        assertThat(badge.getText()).startsWith("Signaturprüfung fehlgeschlagen: Der Bericht wurde nach dem Signieren verändert");
    }

    @Test
    void aKeyChangedWithoutRotationTurnsTheBadgeRedAndNamesTheUnknownKey(FxRobot robot) throws TimeoutException {
        Label badge = robot.lookup("#verificationBadge").queryAs(Label.class);
        await(() -> badge.getText() != null && badge.getText().startsWith("Signatur geprüft"));
        SigningKeyStore impostor = SigningKeyStore.inMemory(CLOCK);
        client.onResidencyReport((from, to) -> impostor.sign(SampleReports.tree(
                        SampleReports.report(Status.COMPLIANT, LocalDate.parse("2027-01-01")))))
                .factoryKeys(impostor.publishedKeys());

        robot.clickOn("#residencyRefresh");
        await(() -> badge.getStyleClass().contains("badge-failed"));

        assertThat(badge.getText()).startsWith("Warnung: Die Factory signiert mit einem Schlüssel, der nicht hinterlegt ist")
                .contains(impostor.currentKid());
    }

    @Test
    void thePdfIsExportedInTheBackgroundAndTheStatusSaysWhere(FxRobot robot) throws Exception {
        Label badge = robot.lookup("#verificationBadge").queryAs(Label.class);
        await(() -> badge.getText() != null && badge.getText().startsWith("Signatur geprüft"));

        robot.clickOn("#exportPdf");
        await(() -> Files.exists(dir.resolve("residency-report.pdf"))
                && !robot.lookup("#pdfExport").query().isVisible());

        assertThat(robot.lookup("#residencyStatus").queryAs(Label.class).getText()).isEqualTo("residency-report.pdf gespeichert");
    }
}
