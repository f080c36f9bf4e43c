package eu.aifactory.portal.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.client.ApiException;
import eu.aifactory.client.FactoryUnreachableException;
import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.FakeFactoryClient;
import eu.aifactory.portal.workloads.submit.SubmitDialog;
import eu.aifactory.portal.workloads.submit.SubmitFormViewModel;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
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

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        client.fake.plans(Samples.plans()).onEstimate(request -> Samples.estimate("12.40"))
                .onSubmit(s -> Samples.workload("wl-new", WorkloadStatus.QUEUED, "u-anna", Samples.T0));
        executor = new FxTaskExecutor();
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
        SubmitFormViewModel form = new SubmitFormViewModel(client, executor, new I18n(I18n.ENGLISH),
                FakeFactoryClient.demoMe(),
                Samples.app(), Samples.version());
        dialog = new SubmitDialog(form, new I18n(I18n.ENGLISH), stage);
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
        assertThat(((TextField) dialog.control("lineId")).getPromptText()).isEqualTo("^L[0-9]{2}$");
        assertThat(dialog.control("saveAnnotated")).isInstanceOf(CheckBox.class);
        assertThat(((CheckBox) dialog.control("saveAnnotated")).isSelected()).isTrue();
        assertThat(dialog.control("defectClasses")).isInstanceOf(ChoiceBox.class);
        assertThat(((ChoiceBox<?>) dialog.control("defectClasses")).getItems().stream().map(Object::toString).toList())
                .containsExactly("surface", "weld", "all");
        assertThat(dialog.control("threshold").getTooltip().getText()).isEqualTo("Detections below are ignored.");
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
                .isEqualTo("Does not have the expected form (^L[0-9]{2}$).");
        assertThat(robot.lookup("#error-lineId").queryAs(Label.class).isVisible()).isTrue();
        assertThat(client.submitKeys).isEmpty();
        assertThat(dialog.isShowing()).isTrue();
    }

    @Test
    void serverFieldErrorsAppearUnderTheirControlsAndRetryKeepsTheKey(FxRobot robot) throws TimeoutException {
        robot.interact(() -> ((TextField) dialog.control("lineId")).setText("L03"));
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
