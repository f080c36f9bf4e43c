package eu.aifactory.portal.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;
import eu.aifactory.api.dataset.Dataset;
import eu.aifactory.api.workload.Priority;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.client.ApiException;
import eu.aifactory.client.FactoryUnreachableException;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.workloads.submit.InputSlotViewModel;
import eu.aifactory.portal.workloads.submit.ParameterField;
import eu.aifactory.portal.workloads.submit.SubmitFormViewModel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubmitFormViewModelTest {

    private final ScriptedClient client = new ScriptedClient();
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final I18n i18n = new I18n(I18n.ENGLISH);
    private final AtomicInteger keys = new AtomicInteger();
    private SubmitFormViewModel form;

    @BeforeEach
    void setUp() {
        client.fake.apps(List.of(Samples.app())).plans(Samples.plans())
                .onEstimate(request -> Samples.estimate("12.40"))
                .onSubmit(submission -> Samples.workload("wl-new", WorkloadStatus.QUEUED, "u-anna", Samples.T0));
        form = newForm();
    }

    private SubmitFormViewModel newForm() {
        return new SubmitFormViewModel(client, executor, i18n, client.fake.me(), Samples.app(), Samples.version(),
                () -> "key-" + keys.incrementAndGet());
    }

    private void fillValid() {
        form.field("lineId").textProperty().set("L03");
        form.inputSlot("images").selectedProperty().set(images("ds-line3", "line3.zip", "application/zip"));
    }

    private static Dataset images(String id, String name, String mediaType) {
        return new Dataset(id, "p-inspection", name, mediaType, 1_000_000, "0".repeat(64), "muc-1", "München",
                Samples.T0);
    }

    private static Problem validation(Problem.FieldError... errors) {
        return new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400, "invalid", "/v1/workloads",
                List.of(errors));
    }

    // ---- form generation, one test per parameter type

    @Test
    void numberParameterBecomesSpinnerWithDefaultRangeAndBoundsChecks() {
        ParameterField field = form.field("threshold");
        assertThat(field.kind()).isEqualTo(ParameterField.Kind.NUMBER);
        assertThat(field.textProperty().get()).isEqualTo("0.5");
        assertThat(field.value()).isEqualTo(new BigDecimal("0.5"));
        assertThat(field.rangeText(i18n.locale())).isEqualTo("0.05 – 0.99");
        assertThat(field.label(i18n.locale())).isEqualTo("Confidence threshold");
        assertThat(field.help(I18n.GERMAN)).isEqualTo("Erkennungen darunter werden ignoriert.");

        field.textProperty().set("1.5");
        assertThat(field.error()).isEqualTo("Must be at most 0.99.");
        field.textProperty().set("0.01");
        assertThat(field.error()).isEqualTo("Must be at least 0.05.");
        field.textProperty().set("abc");
        assertThat(field.error()).isEqualTo("Enter a number.");
        field.textProperty().set("0.75");
        assertThat(field.error()).isNull();
    }

    @Test
    void integerParameterBecomesSpinnerWithUnitAndRejectsFractions() {
        ParameterField field = form.field("imageSize");
        assertThat(field.kind()).isEqualTo(ParameterField.Kind.INTEGER);
        assertThat(field.textProperty().get()).isEqualTo("1024");
        assertThat(field.value()).isEqualTo(1024L);
        assertThat(field.rangeText(i18n.locale())).isEqualTo("256 – 4096\u00a0px");

        field.textProperty().set("512.5");
        assertThat(field.error()).isEqualTo("Enter a whole number.");
        assertThat(field.value()).isNull();
        field.textProperty().set("5000");
        assertThat(field.error()).isEqualTo("Must be at most 4096\u00a0px.");
    }

    @Test
    void stringParameterBecomesTextFieldCheckedAgainstItsPattern() {
        ParameterField field = form.field("lineId");
        assertThat(field.kind()).isEqualTo(ParameterField.Kind.TEXT);
        assertThat(field.textProperty().get()).isEmpty();
        assertThat(field.validate()).isFalse();
        assertThat(field.error()).isEqualTo("Required.");

        field.textProperty().set("Line 3");
        assertThat(field.error()).isEqualTo("Does not have the expected form (L01\u2009\u2013\u2009L99).");
        field.textProperty().set("L03");
        assertThat(field.error()).isNull();
        assertThat(field.value()).isEqualTo("L03");
    }

    @Test
    void aRequiredNumberEmptiedIsAnErrorNotItsDefaultSentSilently() {
        fillValid();
        form.field("imageSize").textProperty().set("");

        assertThat(form.field("imageSize").error()).isEqualTo("Required.");
        assertThat(form.validate()).isFalse();
        form.submit();
        assertThat(client.fake.calls()).doesNotContain("submit");
    }

    @Test
    void aRequiredInputLeftEmptyIsAnErrorInsteadOfARunOnSampleData() {
        form.field("lineId").textProperty().set("L03");

        form.submit();

        assertThat(form.inputSlot("images").errorProperty().get())
                .isEqualTo("Choose a dataset or upload a file: this input is required.");
        assertThat(client.fake.calls()).doesNotContain("submit");
    }

    @Test
    void aDatasetOfAnotherTypeThanTheInputReadsIsRefusedBeforeSending() {
        fillValid();
        InputSlotViewModel slot = form.inputSlot("images");

        slot.selectedProperty().set(images("ds-pumps", "pumps.csv", "text/csv"));

        assertThat(slot.errorProperty().get()).isEqualTo("pumps.csv is not a file this input reads (PNG, JPEG, TIFF, ZIP).");
        form.submit();
        assertThat(client.fake.calls()).doesNotContain("submit");

        slot.selectedProperty().set(images("ds-scan", "scan-0001.tiff", "application/octet-stream"));
        assertThat(slot.errorProperty().get()).as("an unknown recorded type defers to the name").isNull();
        assertThat(form.validate()).isTrue();
    }

    @Test
    void booleanParameterBecomesCheckBoxWithItsDefault() {
        ParameterField field = form.field("saveAnnotated");
        assertThat(field.kind()).isEqualTo(ParameterField.Kind.CHECK);
        assertThat(field.checkedProperty().get()).isTrue();
        field.checkedProperty().set(false);
        assertThat(field.value()).isEqualTo(false);
        assertThat(field.validate()).isTrue();
    }

    @Test
    void enumParameterBecomesChoiceBoxOfItsValuesWithItsDefault() {
        ParameterField field = form.field("defectClasses");
        assertThat(field.kind()).isEqualTo(ParameterField.Kind.CHOICE);
        assertThat(field.choices()).containsExactly("surface", "weld", "all");
        assertThat(field.choiceProperty().get()).isEqualTo("surface");
        field.choiceProperty().set(null);
        assertThat(field.error()).isEqualTo("Required.");
    }

    @Test
    void germanUsersMayTypeDecimalCommas() {
        SubmitFormViewModel german = new SubmitFormViewModel(client, executor, new I18n(I18n.GERMAN), client.fake.me(),
                Samples.app(), Samples.version(), () -> "k");
        ParameterField field = german.field("threshold");
        assertThat(field.textProperty().get()).isEqualTo("0,5");
        field.textProperty().set("0,75");
        assertThat(field.value()).isEqualTo(new BigDecimal("0.75"));
        assertThat(field.error()).isNull();
        field.textProperty().set("2");
        assertThat(field.error()).isEqualTo("Höchstens 0,99.");
    }

    @Test
    void projectPlanAndPriorityStartWithSensibleChoices() {
        assertThat(form.projectProperty().get().id()).isEqualTo("p-inspection");
        assertThat(form.planIds()).containsExactly("rtx-pro-6000-x1", "b200-x1");
        assertThat(form.planProperty().get()).isEqualTo("rtx-pro-6000-x1");
        assertThat(form.priorityProperty().get()).isEqualTo(Priority.NORMAL);
        form.start();
        assertThat(form.plans()).containsKeys("rtx-pro-6000-x1", "b200-x1");
    }

    // ---- validation and submit

    @Test
    void invalidFormShowsEveryProblemAndSendsNothing() {
        form.field("threshold").textProperty().set("7");

        form.submit();

        assertThat(client.submitKeys).isEmpty();
        assertThat(form.field("threshold").error()).isEqualTo("Must be at most 0.99.");
        assertThat(form.field("lineId").error()).isEqualTo("Required.");
        assertThat(form.messageProperty().get()).isEqualTo("Some values need your attention; nothing was sent.");
    }

    @Test
    void validFormSendsTypedValuesWithOneKey() {
        fillValid();
        form.planProperty().set("b200-x1");
        form.priorityProperty().set(Priority.HIGH);

        form.submit();

        assertThat(client.submitKeys).containsExactly("key-1");
        var sent = client.submissions.get(0);
        assertThat(sent.appId()).isEqualTo(Samples.APP_ID);
        assertThat(sent.appVersion()).isEqualTo("2.1.0");
        assertThat(sent.projectId()).isEqualTo("p-inspection");
        assertThat(sent.planId()).isEqualTo("b200-x1");
        assertThat(sent.priority()).isEqualTo(Priority.HIGH);
        assertThat(sent.name()).isNull();
        assertThat(sent.parameters()).containsEntry("threshold", new BigDecimal("0.5")).containsEntry("imageSize", 1024L)
                .containsEntry("lineId", "L03").containsEntry("saveAnnotated", true).containsEntry("defectClasses", "surface");
        assertThat(form.submittedProperty().get().id()).isEqualTo("wl-new");
    }

    @Test
    void serverFieldErrorsAreShownAtTheirFieldsAndClearWhenTheValueChanges() {
        fillValid();
        client.failSubmits(1, () -> new ApiException(validation(
                new Problem.FieldError("parameters.threshold", "must be at most 0.9 for this plan"),
                new Problem.FieldError("planId", "unknown plan"))));

        form.submit();

        assertThat(form.field("threshold").error()).isEqualTo("must be at most 0.9 for this plan");
        assertThat(form.formErrors()).containsEntry(SubmitFormViewModel.PLAN, "unknown plan");
        assertThat(form.messageProperty().get()).isEqualTo("The factory did not accept some values; see the marked fields.");
        assertThat(form.submittedProperty().get()).isNull();

        form.field("threshold").textProperty().set("0.6");
        form.planProperty().set("b200-x1");
        assertThat(form.field("threshold").error()).isNull();
        assertThat(form.formErrors()).doesNotContainKey(SubmitFormViewModel.PLAN);
    }

    @Test
    void serverErrorsWithoutAFieldOfTheFormAreListedInTheMessage() {
        fillValid();
        client.failSubmits(1, () -> new ApiException(validation(new Problem.FieldError("appVersion", "unknown version"))));

        form.submit();

        assertThat(form.messageProperty().get()).isEqualTo(
                "The factory did not accept the workload: Application version: unknown version");
    }

    @Test
    void retryAfterFactoryUnreachableReusesTheSameIdempotencyKey() {
        fillValid();
        client.failSubmits(2, () -> new FactoryUnreachableException("connection reset", null));

        form.submit();
        assertThat(form.messageProperty().get()).isEqualTo("The factory did not answer. Your workload may or may not "
                + "have been created; Retry is safe — it will not create a duplicate.");
        assertThat(form.retryingProperty().get()).isTrue();
        form.submit();
        form.submit();

        assertThat(client.submitKeys).containsExactly("key-1", "key-1", "key-1");
        assertThat(form.submittedProperty().get().id()).isEqualTo("wl-new");
        assertThat(form.retryingProperty().get()).isFalse();
    }

    @Test
    void aServerErrorKeepsTheKeyButADefiniteRefusalStartsANewAttempt() {
        fillValid();
        client.failSubmits(1, () -> new ApiException(new Problem(ProblemType.UNAVAILABLE.uri(), "Factory unavailable", 503,
                "maintenance", "/v1/workloads", List.of())));
        form.submit();
        client.failSubmits(1, () -> new ApiException(new Problem(ProblemType.FORBIDDEN.uri(), "Forbidden", 403,
                "Only engineers can submit.", "/v1/workloads", List.of())));
        form.submit();
        form.submit();

        assertThat(client.submitKeys).containsExactly("key-1", "key-1", "key-2");
    }

    @Test
    void estimateIsDebouncedAndOnlyTheLatestValuesAreAsked() {
        fillValid();
        executor.runDelayed();
        client.estimates.clear();

        form.field("threshold").textProperty().set("0.6");
        form.field("threshold").textProperty().set("0.7");
        form.field("threshold").textProperty().set("0.8");

        assertThat(executor.pendingDelayed()).isEqualTo(1);
        assertThat(executor.pendingDelays()).containsExactly(Duration.ofMillis(300));
        assertThat(client.estimates).isEmpty();
        executor.runDelayed();
        assertThat(client.estimates).hasSize(1);
        assertThat(client.estimates.get(0).parameters()).containsEntry("threshold", new BigDecimal("0.8"));
        assertThat(form.estimateProperty().get().costEur()).isEqualTo(new BigDecimal("12.40"));
    }

    @Test
    void aStaleEstimateInFlightIsCancelledAndNeverShown() {
        fillValid();
        executor.runDelayed();
        client.fake.onEstimate(request -> Samples.estimate(request.parameters().get("threshold").toString()));
        client.estimates.clear();
        executor.holdWork();
        form.field("threshold").textProperty().set("0.6");
        executor.runDelayed();
        assertThat(executor.heldWork()).isEqualTo(1);

        form.field("threshold").textProperty().set("0.7");
        executor.runDelayed();
        executor.runHeldWork();

        assertThat(form.estimateProperty().get().costEur()).isEqualTo(new BigDecimal("0.7"));
        assertThat(client.estimates).extracting(r -> r.parameters().get("threshold"))
                .containsExactly(new BigDecimal("0.7"));
    }

    @Test
    void noEstimateIsAskedWhileAValueIsInvalidAndTheLastOneStaysInSight() {
        fillValid();
        executor.runDelayed();
        client.estimates.clear();
        form.field("imageSize").textProperty().set("99999");
        executor.runDelayed();

        assertThat(client.estimates).isEmpty();
        assertThat(form.estimateProperty().get().costEur()).isEqualTo(new BigDecimal("12.40"));
        assertThat(form.estimateMessageProperty().get()).isEqualTo("Fix the marked values to update the estimate.");
    }

    @Test
    void cloneToFormTakesOverValuesPlanPriorityAndInputs() {
        var previous = Samples.workload("wl-7", WorkloadStatus.SUCCEEDED, "u-anna", Samples.T0);

        form.prefill(previous);

        assertThat(form.nameProperty().get()).isEqualTo("Run wl-7 (copy)");
        assertThat(form.planProperty().get()).isEqualTo("b200-x1");
        assertThat(form.field("threshold").textProperty().get()).isEqualTo("0.7");
        assertThat(form.field("imageSize").textProperty().get()).isEqualTo("2048");
        assertThat(form.field("lineId").textProperty().get()).isEqualTo("L07");
        assertThat(form.field("saveAnnotated").checkedProperty().get()).isFalse();
        assertThat(form.field("defectClasses").choiceProperty().get()).isEqualTo("weld");
        assertThat(form.inputs()).containsEntry("images", "ds-42");
        form.submit();
        assertThat(client.submissions.get(0).inputs()).containsEntry("images", "ds-42");
    }
}
