package eu.aifactory.portal.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;
import eu.aifactory.api.dataset.Dataset;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.client.ApiException;
import eu.aifactory.client.FactoryUnreachableException;
import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.FakeFactoryClient;
import eu.aifactory.portal.workloads.submit.SubmitDialog;
import eu.aifactory.portal.workloads.submit.SubmitFormViewModel;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The generated submit dialog on screen (headless): one control per parameter type, errors at their fields. */
@ExtendWith(ApplicationExtension.class)
class SubmitDialogTest {

    private final ScriptedClient client = new ScriptedClient();
    private FxTaskExecutor executor;
    private SubmitDialog dialog;
    private SubmitFormViewModel form;
    /** What the injected file chooser answers with. */
    private volatile Path uploadFile;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        client.fake.plans(Samples.plans()).onEstimate(request -> Samples.estimate("12.40"))
                .onSubmit(s -> Samples.workload("wl-new", WorkloadStatus.QUEUED, "u-anna", Samples.T0));
        executor = new FxTaskExecutor();
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
        form = new SubmitFormViewModel(client, executor, new I18n(I18n.ENGLISH),
                FakeFactoryClient.demoMe(),
                Samples.app(), Samples.version());
        dialog = new SubmitDialog(form, new I18n(I18n.ENGLISH), stage, window -> uploadFile);
        dialog.show();
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
    void everyParameterTypeGetsItsControlWithDefaultUnitAndRange(FxRobot robot) {
        assertThat(dialog.control("threshold")).isInstanceOf(Spinner.class);
        assertThat(((Spinner<?>) dialog.control("threshold")).getEditor().getText()).isEqualTo("0.5");
        assertThat(robot.lookup("#range-threshold").queryAs(Label.class).getText()).isEqualTo("0.05 – 0.99");
        assertThat(dialog.control("imageSize")).isInstanceOf(Spinner.class);
        assertThat(robot.lookup("#unit-imageSize").queryAs(Label.class).getText()).isEqualTo("px");
        assertThat(dialog.control("lineId")).isInstanceOf(TextField.class);
        assertThat(((TextField) dialog.control("lineId")).getPromptText()).isEqualTo("L01\u2009\u2013\u2009L99");
        assertThat(dialog.control("saveAnnotated")).isInstanceOf(CheckBox.class);
        assertThat(((CheckBox) dialog.control("saveAnnotated")).isSelected()).isTrue();
        assertThat(dialog.control("defectClasses")).isInstanceOf(ChoiceBox.class);
        assertThat(((ChoiceBox<?>) dialog.control("defectClasses")).getItems().stream().map(Object::toString).toList())
                .containsExactly("surface", "weld", "all");
        assertThat(dialog.control("threshold").getTooltip().getText()).isEqualTo("Detections below are ignored.");
    }

    @Test
    void uploadingAFileShowsProgressAndSelectsTheNewDatasetWhichIsSent(FxRobot robot) throws Exception {
        uploadFile = Files.write(Files.createTempFile("station 4 images", ".zip"), new byte[1000]);
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        client.fake.onUpload((project, file, progress) -> {
            progress.accept(500);
            halfway.countDown();
            await(finish);
            progress.accept(1000);
            return new Dataset("ds-77", project, file.getFileName().toString(), "application/zip", 1000,
                    "0".repeat(64), "muc-tucherpark", "Munich (Tucherpark), DE", Samples.T0);
        });

        fire(robot, "#upload-images");
        assertThat(halfway.await(10, TimeUnit.SECONDS)).isTrue();
        await(() -> robot.lookup("#upload-percent-images").queryAs(Label.class).getText().endsWith(": 50 %"));
        assertThat(shown(robot.lookup("#upload-progress-images").queryAs(ProgressBar.class))).isTrue();
        assertThat(robot.lookup("#upload-images").queryButton().isDisabled()).isTrue();
        finish.countDown();

        await(() -> robot.lookup("#input-images").queryComboBox().getValue() != null);
        assertThat(((Dataset) robot.lookup("#input-images").queryComboBox().getValue()).id()).isEqualTo("ds-77");
        assertThat(shown(robot.lookup("#upload-progress-images").queryAs(ProgressBar.class))).isFalse();
        robot.interact(() -> ((TextField) dialog.control("lineId")).setText("L03"));
        robot.clickOn("#submit-button");
        await(() -> !client.submissions.isEmpty());
        assertThat(client.submissions.get(0).inputs()).containsEntry("images", "ds-77");
    }

    @Test
    void cancellingAnUploadInterruptsItAndLeavesTheSlotEmpty(FxRobot robot) throws Exception {
        uploadFile = Files.write(Files.createTempFile("big", ".zip"), new byte[1000]);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        client.fake.onUpload((project, file, progress) -> {
            progress.accept(100);
            started.countDown();
            try {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw new CancellationException("interrupted");
            }
            throw new AssertionError("the upload was not interrupted");
        });

        fire(robot, "#upload-images");
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        fire(robot, "#upload-cancel-images");

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the upload thread was interrupted").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#input-images").queryComboBox().getValue()).isNull();
        assertThat(robot.lookup("#upload-images").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#error-input-images").queryAs(Label.class).isVisible()).isFalse();
    }

    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Presses a button that may lie below the fold of the form's scroll pane, as a keyboard user would. */
    private static void fire(FxRobot robot, String query) {
        Button button = robot.lookup(query).queryButton();
        robot.interact(button::fire);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    @Test
    void spinnerArrowsStepWithinTheRange(FxRobot robot) {
        @SuppressWarnings("unchecked")
        Spinner<BigDecimal> spinner = (Spinner<BigDecimal>) dialog.control("threshold");
        robot.interact(() -> spinner.increment(100));
        assertThat(spinner.getEditor().getText()).isEqualTo("0.99");
        assertThat(dialog.viewModel().field("threshold").error()).isNull();
    }

    @Test
    void aWrongValueIsMarkedAndNothingIsSent(FxRobot robot) throws TimeoutException {
        robot.interact(() -> ((TextField) dialog.control("lineId")).setText("Line 3"));
        robot.clickOn("#submit-button");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#error-lineId").queryAs(Label.class).getText())
                .isEqualTo("Does not have the expected form (L01\u2009\u2013\u2009L99).");
        assertThat(robot.lookup("#error-lineId").queryAs(Label.class).isVisible()).isTrue();
        assertThat(client.submitKeys).isEmpty();
        assertThat(dialog.isShowing()).isTrue();
    }

    @Test
    void serverFieldErrorsAppearUnderTheirControlsAndRetryKeepsTheKey(FxRobot robot) throws TimeoutException {
        robot.interact(() -> ((TextField) dialog.control("lineId")).setText("L03"));
        robot.interact(() -> form.inputSlot("images").selectedProperty().set(new Dataset("ds-line3", "p-inspection",
                "line3.zip", "application/zip", 1000, "0".repeat(64), "muc-1", "München", Samples.T0)));
        client.failSubmits(1, () -> new FactoryUnreachableException("reset", null));
        robot.clickOn("#submit-button");
        await(() -> client.submitKeys.size() == 1 && !robot.lookup("#submit-button").queryAs(Button.class).isDisabled());
        assertThat(robot.lookup("#submit-button").queryAs(Button.class).getText()).isEqualTo("Retry submit");
        assertThat(robot.lookup("#submit-message").queryAs(Label.class).getText()).startsWith("The factory did not answer.");

        client.failSubmits(1, () -> new ApiException(new Problem(ProblemType.VALIDATION.uri(), "Invalid request", 400,
                "invalid", "/v1/workloads", List.of(new Problem.FieldError("parameters.imageSize", "must be at most 2048 px")))));
        robot.clickOn("#submit-button");
        await(() -> client.submitKeys.size() == 2 && "must be at most 2048 px".equals(
                robot.lookup("#error-imageSize").queryAs(Label.class).getText()));
        assertThat(client.submitKeys.get(1)).isEqualTo(client.submitKeys.get(0));

        robot.interact(() -> ((Spinner<?>) dialog.control("imageSize")).getEditor().setText("2048"));
        robot.clickOn("#submit-button");
        await(() -> !dialog.isShowing());
        assertThat(dialog.getResult().id()).isEqualTo("wl-new");
        assertThat(client.submitKeys).hasSize(3);
        assertThat(client.submitKeys.get(2)).isNotEqualTo(client.submitKeys.get(0));
    }
}
