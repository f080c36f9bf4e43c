package eu.aifactory.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;
import eu.aifactory.api.admin.ApiToken;
import eu.aifactory.api.admin.ProjectInfo;
import eu.aifactory.api.admin.UserAccount;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.api.usage.BudgetLevel;
import eu.aifactory.api.usage.BudgetStatus;
import eu.aifactory.api.usage.Headroom;
import eu.aifactory.api.usage.QuotaStatus;
import eu.aifactory.client.ApiException;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.testing.FakeFactoryClient;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminViewModelTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZONE);
    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    private final FakeFactoryClient fake = new FakeFactoryClient();
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final ConnectionMonitor monitor = new ConnectionMonitor(executor, NOW, Duration.ofMinutes(5), 3);
    private final I18n i18n = new I18n(I18n.ENGLISH);
    private final AdminViewModel viewModel = new AdminViewModel(fake, executor, monitor, i18n, NOW, ZONE);

    private final UserAccount anna = new UserAccount("u-anna", "Anna Schmidt", "anna@example.de", List.of(Role.ENGINEER),
            List.of("p-line"), false, T0);
    private final UserAccount bernd = new UserAccount("u-bernd", "Bernd Acker", "bernd@example.de",
            List.of(Role.ACCOUNT_MANAGER), List.of(), false, T0);

    @BeforeEach
    void tenant() {
        fake.user(anna).user(bernd)
                .project(new ProjectInfo("p-line", "Linie Süd", 3)).project(new ProjectInfo("p-lab", "Labor", 1))
                .token(new ApiToken("tok-seed", "afp_Ab12", "u-anna", "Anna Schmidt", "laptop", T0, null, null))
                .budget(new BudgetStatus("p-line", "Linie Süd", "2026-11", new BigDecimal("1000.00"), new BigDecimal("400.000"),
                        new BigDecimal("950.00"), new BigDecimal("0.00"), BigDecimal.ZERO, new BigDecimal("95.0"),
                        BudgetLevel.WARN_80, new BigDecimal("1100.00"), false))
                .headroom(new Headroom("p-line", "Linie Süd", fake.budgets(null).get(0),
                        List.of(new QuotaStatus("p-line", "b200-x8", 8, 8, 0)), List.of()));
        viewModel.load();
    }

    @Test
    void loadReadsUsersByNameProjectsTokensAndThisMonthsBudgets() {
        assertThat(viewModel.users()).extracting(UserAccount::name).containsExactly("Anna Schmidt", "Bernd Acker");
        assertThat(viewModel.projects()).extracting(ProjectInfo::name).containsExactly("Labor", "Linie Süd");
        assertThat(viewModel.tokens()).extracting(ApiToken::prefix).containsExactly("afp_Ab12");
        assertThat(viewModel.budgets()).extracting(BudgetStatus::projectId).containsExactly("p-line");
        assertThat(viewModel.monthProperty().get()).hasToString("2026-11");
        assertThat(viewModel.errorProperty().get()).isNull();
    }

    @Test
    void rolesAndProjectsAreSavedAndTheRowReplaced() {
        viewModel.updateUser(anna, List.of(Role.ENGINEER, Role.ACCOUNT_MANAGER), List.of("p-line", "p-lab"));

        UserAccount saved = viewModel.users().get(0);
        assertThat(saved.roles()).containsExactly(Role.ENGINEER, Role.ACCOUNT_MANAGER);
        assertThat(saved.projectIds()).containsExactly("p-line", "p-lab");
        assertThat(viewModel.infoProperty().get()).isEqualTo("Roles and projects of Anna Schmidt saved.");
    }

    @Test
    void aUserWithoutRolesIsNotSent() {
        int calls = fake.calls().size();
        viewModel.updateUser(anna, List.of(), List.of());
        assertThat(fake.calls()).hasSize(calls);
        assertThat(viewModel.errorProperty().get()).isEqualTo("A user needs at least one role.");
    }

    @Test
    void aNewUserIsAddedInNameOrderAndAnImplausibleAddressIsNotSentAndNamedAsTheWrongField() {
        int calls = fake.calls().size();
        List<String> cleared = new ArrayList<>();
        viewModel.createUser("Carla Diaz", "carla-at-example.de", Role.ENGINEER, () -> cleared.add("form"));
        assertThat(fake.calls()).hasSize(calls);
        assertThat(cleared).as("the fields keep what was typed").isEmpty();
        assertThat(viewModel.newUserEmailErrorProperty().get()).isEqualTo("Enter an e-mail address such as name@example.com.");
        assertThat(viewModel.newUserNameErrorProperty().get()).isNull();

        viewModel.createUser(" ", "carla@example.de", Role.ENGINEER, () -> cleared.add("form"));
        assertThat(viewModel.newUserNameErrorProperty().get()).isEqualTo("Enter the new user’s name.");
        assertThat(viewModel.newUserEmailErrorProperty().get()).isNull();

        viewModel.createUser(" Carla Diaz ", "carla@example.de", Role.ACCOUNT_MANAGER, () -> cleared.add("form"));
        assertThat(cleared).containsExactly("form");
        assertThat(viewModel.newUserNameErrorProperty().get()).isNull();
        assertThat(viewModel.users()).extracting(UserAccount::name).containsExactly("Anna Schmidt", "Bernd Acker", "Carla Diaz");
        assertThat(viewModel.users().get(2).roles()).containsExactly(Role.ACCOUNT_MANAGER);
        assertThat(viewModel.infoProperty().get()).startsWith("Carla Diaz added");
    }

    @Test
    void aRefusedAddressFromTheFactoryIsShownAtTheEmailFieldAndTheFormIsKept() {
        fake.failWith(() -> new ApiException(new Problem(ProblemType.VALIDATION.uri(), "Invalid request", 400,
                "The request has invalid fields", null,
                List.of(new Problem.FieldError("email", "is already used by another user")))));
        List<String> cleared = new ArrayList<>();

        viewModel.createUser("Carla Diaz", "anna@example.de", Role.ENGINEER, () -> cleared.add("form"));

        assertThat(cleared).isEmpty();
        assertThat(viewModel.newUserEmailErrorProperty().get()).isEqualTo("is already used by another user");
        assertThat(viewModel.newUserNameErrorProperty().get()).isNull();
    }

    @Test
    void disablingAUserIsRecorded() {
        viewModel.setDisabled(bernd, true);
        assertThat(viewModel.users().get(1).disabled()).isTrue();
        assertThat(viewModel.infoProperty().get()).isEqualTo("Bernd Acker is disabled.");
    }

    @Test
    void aNewTokensSecretIsHandedOverOnceAndThenForgotten() {
        viewModel.createToken(bernd, "  CI pipeline ");

        assertThat(viewModel.createdTokenProperty().get().secret()).startsWith("afp_fake");
        assertThat(viewModel.createdTokenProperty().get().token().label()).isEqualTo("CI pipeline");
        assertThat(viewModel.tokens()).hasSize(2);
        assertThat(viewModel.tokens()).allSatisfy(token -> assertThat(token.toString()).doesNotContain("afp_fake0"));

        viewModel.forgetCreatedToken();
        assertThat(viewModel.createdTokenProperty().get()).isNull();
    }

    @Test
    void aTokenNeedsAPurpose() {
        viewModel.createToken(bernd, "   ");
        assertThat(viewModel.createdTokenProperty().get()).isNull();
        assertThat(viewModel.errorProperty().get()).isEqualTo("Say what the token is for.");
    }

    @Test
    void revokingATokenShowsItRevokedInTheList() {
        viewModel.revokeToken(viewModel.tokens().get(0));
        assertThat(viewModel.tokens().get(0).revokedAt()).isNotNull();
        assertThat(viewModel.infoProperty().get()).isEqualTo("Token afp_Ab12\u2026 revoked.");
    }

    @Test
    void aNewProjectAppearsInTheList() {
        viewModel.createProject(" Versuchsfeld ");
        assertThat(viewModel.projects()).extracting(ProjectInfo::name).containsExactly("Labor", "Linie Süd", "Versuchsfeld");
    }

    @Test
    void raisingABudgetForThisMonthRereadsTheBudgetsWithTheNewLevel() {
        viewModel.setBudget("p-line", "Linie Süd", "2,000.50");

        BudgetStatus raised = viewModel.budgets().get(0);
        assertThat(raised.budgetEur()).isEqualByComparingTo("2000.50");
        assertThat(raised.level()).isEqualTo(BudgetLevel.OK);
        assertThat(raised.budgetKwh()).as("the kWh budget stays").isEqualByComparingTo("400");
        assertThat(viewModel.infoProperty().get()).isEqualTo("Budget of Linie Süd for November 2026 set to €2,000.50.");
    }

    @Test
    void budgetAmountsAreReadInTheUsersLanguageAndNonsenseIsRefused() {
        assertThat(viewModel.parseAmount("2000")).isEqualByComparingTo("2000");
        assertThat(viewModel.parseAmount("€ 2,000.50")).isEqualByComparingTo("2000.50");
        assertThat(viewModel.parseAmount("-5")).isNull();
        assertThat(viewModel.parseAmount("12.345")).as("more than cents").isNull();
        assertThat(viewModel.parseAmount("abc")).isNull();
        i18n.localeProperty().set(I18n.GERMAN);
        assertThat(viewModel.parseAmount("2.000,50")).isEqualByComparingTo("2000.50");

        int calls = fake.calls().size();
        viewModel.setBudget("p-line", "Linie Süd", "viel");
        assertThat(fake.calls()).hasSize(calls);
        assertThat(viewModel.errorProperty().get()).startsWith("Geben Sie das Budget");
    }

    @Test
    void anOverrideNeedsAReasonAndIsListedOnceGranted() {
        viewModel.grantOverride("p-line", "Linie Süd", " ");
        assertThat(fake.grantedOverrides()).isEmpty();

        viewModel.grantOverride("p-line", "Linie Süd", "Customer demo on Friday");

        assertThat(fake.grantedOverrides()).hasSize(1);
        assertThat(viewModel.overrides()).extracting(o -> o.reason()).containsExactly("Customer demo on Friday");
        assertThat(viewModel.infoProperty().get()).isEqualTo("One-off override for Linie Süd granted.");
    }

    @Test
    void quotasArePerPlanAndCanBeSetOrRemoved() {
        viewModel.showQuotas("p-line");
        assertThat(viewModel.quotas()).extracting(QuotaStatus::maxGpus).containsExactly(8);

        viewModel.setQuota("p-line", "b200-x8", " 16 ");
        assertThat(viewModel.quotas()).extracting(QuotaStatus::maxGpus).containsExactly(16);

        viewModel.removeQuota("p-line", "b200-x8");
        assertThat(viewModel.quotas().get(0).maxGpus()).isNull();
        assertThat(viewModel.infoProperty().get()).isEqualTo("Quota on b200-x8 removed.");
    }

    @Test
    void aQuotaThatIsNoWholeNumberOfGpusIsNotSent() {
        viewModel.showQuotas("p-line");
        int calls = fake.calls().size();
        viewModel.setQuota("p-line", "b200-x8", "-2");
        viewModel.setQuota("p-line", "b200-x8", "acht");
        assertThat(fake.calls()).hasSize(calls);
        assertThat(viewModel.errorProperty().get()).isEqualTo("Enter the quota as a whole number of GPUs (0 or more).");
        assertThat(viewModel.quotas().get(0).maxGpus()).isEqualTo(8);
    }

    @Test
    void aRefusedFieldIsNamedByItsLabelInTheUsersLanguageNeverByItsWireName() {
        i18n.localeProperty().set(I18n.GERMAN);
        fake.failWith(() -> new ApiException(new Problem(ProblemType.VALIDATION.uri(), "Ungültige Anfrage", 400,
                "budgetEur: darf höchstens 100000000 sein", null,
                List.of(new Problem.FieldError("budgetEur", "darf höchstens 100000000 sein")))));

        viewModel.setBudget("p-line", "Linie Süd", "200.000.000");

        assertThat(viewModel.errorProperty().get())
                .isEqualTo("Die Factory hat die Änderung abgelehnt: Budget (EUR): darf höchstens 100000000 sein");
    }

    @Test
    void aRefusalOfAFieldThePortalHasNoLabelForGivesTheFactorysMessageAlone() {
        fake.failWith(() -> new ApiException(new Problem(ProblemType.VALIDATION.uri(), "Invalid request", 400,
                "2 fields are invalid", null, List.of(new Problem.FieldError("projectIds.1", "is not a project of yours"),
                        new Problem.FieldError("x-newer-field", "must be set")))));

        viewModel.setBudget("p-line", "Linie Süd", "2000");

        assertThat(viewModel.errorProperty().get())
                .isEqualTo("The factory refused the change: Projects: is not a project of yours; must be set");
    }

    @Test
    void anUnreachableFactoryChangesNothingAndSaysSo() {
        FakeFactoryClient down = new FakeFactoryClient().unreachable(true);
        AdminViewModel offline = new AdminViewModel(down, executor, monitor, i18n, NOW, ZONE);
        offline.load();
        assertThat(offline.errorProperty().get())
                .isEqualTo("The factory cannot be reached; nothing was changed. Try again when the connection is back.");
        assertThat(offline.busyProperty().get()).isFalse();
    }
}
