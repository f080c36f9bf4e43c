package eu.aifactory.portal.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;
import eu.aifactory.api.dataset.Dataset;
import eu.aifactory.api.usage.BudgetDenial;
import eu.aifactory.api.usage.BudgetLevel;
import eu.aifactory.api.usage.BudgetStatus;
import eu.aifactory.api.usage.BudgetUpdate;
import eu.aifactory.api.usage.Contact;
import eu.aifactory.api.usage.Headroom;
import eu.aifactory.api.usage.QuotaStatus;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.client.ApiException;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.workloads.submit.HeadroomViewModel.Level;
import eu.aifactory.portal.workloads.submit.HeadroomViewModel;
import eu.aifactory.portal.workloads.submit.SubmitFormViewModel;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadroomViewModelTest {

    private static final List<Contact> ADMINS = List.of(new Contact("u-petra", "Petra Wagner", "petra@example.de"),
            new Contact("u-max", "Max Huber", "max@example.de"));

    private final ScriptedClient client = new ScriptedClient();
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final I18n i18n = new I18n(I18n.ENGLISH);

    private static BudgetStatus budget(String budget, String spent, String committed, boolean override) {
        return new BudgetStatus("p-inspection", "Line 3 inspection", "2026-03", budget == null ? null : new BigDecimal(budget),
                null, new BigDecimal(spent), new BigDecimal(committed), BigDecimal.ZERO, null, BudgetLevel.OK,
                new BigDecimal(spent), override);
    }

    /** A form for project p-inspection on plan b200-x1 with an estimate of {@code estimate} EUR. */
    private HeadroomViewModel headroom(BudgetStatus budget, Integer maxGpus, int inUse, String estimate) {
        client.fake.apps(List.of(Samples.app())).plans(Samples.plans())
                .onEstimate(request -> Samples.estimate(estimate))
                .onSubmit(submission -> Samples.workload("wl-new", WorkloadStatus.QUEUED, "u-anna", Samples.T0))
                .headroom(new Headroom("p-inspection", "Line 3 inspection", budget,
                        List.of(new QuotaStatus("p-inspection", "b200-x1", maxGpus, inUse, 1),
                                new QuotaStatus("p-inspection", "rtx-pro-6000-x1", null, 0, 0)), ADMINS));
        SubmitFormViewModel form = new SubmitFormViewModel(client, executor, i18n, client.fake.me(), Samples.app(),
                Samples.version());
        form.planProperty().set("b200-x1");
        form.field("lineId").textProperty().set("L03");
        form.start();
        executor.runDelayed();
        return form.headroom();
    }

    @Test
    void belowEightyPercentWithTheEstimateAllIsWell() {
        HeadroomViewModel headroom = headroom(budget("1000.00", "500.00", "100.00", false), null, 0, "199.00");

        assertThat(headroom.levelProperty().get()).isEqualTo(Level.OK);
        assertThat(headroom.percentAfterProperty().get()).isEqualByComparingTo("79.9");
        assertThat(headroom.budgetTextProperty().get()).isEqualTo("Budget March 2026: €600.00 of €1,000.00 used (60 %).");
        assertThat(headroom.noticeProperty().get()).isEmpty();
        assertThat(headroom.blockedProperty().get()).isFalse();
    }

    @Test
    void exactlyEightyPercentWithTheEstimateWarnsAndNamesTheEstimate() {
        HeadroomViewModel headroom = headroom(budget("1000.00", "500.00", "100.00", false), null, 0, "200.00");

        assertThat(headroom.levelProperty().get()).isEqualTo(Level.WARN);
        assertThat(headroom.noticeProperty().get())
                .isEqualTo("With this run the project reaches 80 % of its budget (estimate of €200.00 included).");
        assertThat(headroom.blockedProperty().get()).isFalse();
    }

    @Test
    void exactlyOneHundredPercentStillFitsButOneCentMoreBlocksWithTheAdminsNamed() {
        HeadroomViewModel fits = headroom(budget("1000.00", "800.00", "0.00", false), null, 0, "200.00");
        assertThat(fits.levelProperty().get()).isEqualTo(Level.WARN);
        assertThat(fits.blockedProperty().get()).isFalse();

        HeadroomViewModel over = headroom(budget("1000.00", "800.00", "0.00", false), null, 0, "200.01");
        assertThat(over.levelProperty().get()).isEqualTo(Level.BLOCKED);
        assertThat(over.blockedProperty().get()).isTrue();
        assertThat(over.noticeProperty().get()).contains("estimate €200.01", "€1,000.01 of its €1,000.00 budget",
                "Petra Wagner, Max Huber can raise the budget or grant a one-off override");
    }

    @Test
    void aGrantedOverrideTurnsTheBlockIntoAWarning() {
        HeadroomViewModel headroom = headroom(budget("1000.00", "990.00", "0.00", true), null, 0, "50.00");

        assertThat(headroom.levelProperty().get()).isEqualTo(Level.WARN);
        assertThat(headroom.blockedProperty().get()).isFalse();
        assertThat(headroom.noticeProperty().get()).contains("one-off override");
    }

    @Test
    void withoutABudgetNothingIsBlockedAndTheSpendIsShown() {
        HeadroomViewModel headroom = headroom(budget(null, "42.00", "0.00", false), null, 0, "5000.00");

        assertThat(headroom.levelProperty().get()).isEqualTo(Level.OK);
        assertThat(headroom.budgetTextProperty().get()).isEqualTo("No budget is set for March 2026; €42.00 spent so far.");
        assertThat(headroom.percentAfterProperty().get()).isNull();
    }

    @Test
    void aFullQuotaOnTheChosenPlanSaysTheRunWillQueue() {
        HeadroomViewModel headroom = headroom(budget("1000.00", "0.00", "0.00", false), 8, 8, "10.00");

        assertThat(headroom.quotaTextProperty().get()).isEqualTo("GPU quota on B200 single: 8 of 8 GPUs in use, 1 queued.");
        assertThat(headroom.levelProperty().get()).isEqualTo(Level.WARN);
        assertThat(headroom.noticeProperty().get())
                .isEqualTo("The run will wait in the queue: project quota reached (8 of 8 GPUs in use).");
        assertThat(headroom.blockedProperty().get()).as("a queued run is not refused").isFalse();
    }

    @Test
    void theFactorysBudgetRefusalBlocksWithItsFiguresUntilTheBudgetIsRaised() {
        client.fake.apps(List.of(Samples.app())).plans(Samples.plans())
                .onEstimate(request -> Samples.estimate("100.00"))
                .onSubmit(submission -> Samples.workload("wl-new", WorkloadStatus.QUEUED, "u-anna", Samples.T0))
                .headroom(new Headroom("p-inspection", "Line 3 inspection", budget("1000.00", "850.00", "0.00", false),
                        List.of(), ADMINS));
        SubmitFormViewModel form = new SubmitFormViewModel(client, executor, i18n, client.fake.me(), Samples.app(),
                Samples.version());
        form.field("lineId").textProperty().set("L03");
        form.start();
        form.inputSlot("images").selectedProperty().set(new Dataset("ds-line3", "p-inspection", "line3.zip",
                "application/zip", 1000, "0".repeat(64), "muc-1", "München", Samples.T0));
        executor.runDelayed();
        assertThat(form.headroom().blockedProperty().get()).as("the portal's own figures let it through").isFalse();

        // Meanwhile another run took the rest of the budget: the factory refuses.
        BudgetDenial denial = new BudgetDenial("p-inspection", "2026-03", new BigDecimal("1000.00"), new BigDecimal("850.00"),
                new BigDecimal("100.00"), new BigDecimal("100.00"), new BigDecimal("50.00"), ADMINS);
        client.failSubmits(1, () -> new ApiException(new Problem(ProblemType.BUDGET_EXCEEDED.uri(), "Budget exceeded", 409,
                "over budget", "/v1/workloads", List.of(), denial)));
        client.fake.putBudget("p-inspection", YearMonth.of(2026, 3), new BudgetUpdate(new BigDecimal("1000.00"), null));
        form.submit();

        assertThat(form.headroom().blockedProperty().get()).isTrue();
        assertThat(form.headroom().noticeProperty().get()).isEqualTo("The factory refused the submit: this run costs an "
                + "estimated €100.00, but only €50.00 of the €1,000.00 budget is left. Petra Wagner, Max Huber can raise "
                + "the budget or grant a one-off override.");

        client.fake.putBudget("p-inspection", YearMonth.of(2026, 3), new BudgetUpdate(new BigDecimal("2000.00"), null));
        form.headroom().refresh();

        assertThat(form.headroom().blockedProperty().get()).isFalse();
        assertThat(form.headroom().levelProperty().get()).isEqualTo(Level.OK);
    }

    @Test
    void textsFollowTheLanguage() {
        HeadroomViewModel headroom = headroom(budget("1000.00", "500.00", "100.00", false), null, 0, "250.00");
        i18n.localeProperty().set(I18n.GERMAN);

        assertThat(headroom.budgetTextProperty().get()).isEqualTo("Budget März 2026: 600,00\u00a0€ von 1.000,00\u00a0€ verbraucht (60 %).");
        assertThat(headroom.noticeProperty().get()).startsWith("Mit diesem Lauf erreicht das Projekt 85 % seines Budgets");
    }
}
