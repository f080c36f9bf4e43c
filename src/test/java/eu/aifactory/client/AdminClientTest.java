package eu.aifactory.client;

import static eu.aifactory.client.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;
import eu.aifactory.api.admin.ApiToken;
import eu.aifactory.api.admin.CreatedToken;
import eu.aifactory.api.admin.TokenCreate;
import eu.aifactory.api.admin.UserAccount;
import eu.aifactory.api.admin.UserUpdate;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.api.usage.BudgetDenial;
import eu.aifactory.api.usage.BudgetLevel;
import eu.aifactory.api.usage.BudgetStatus;
import eu.aifactory.api.usage.BudgetUpdate;
import eu.aifactory.api.usage.Contact;
import eu.aifactory.api.usage.QuotaStatus;
import eu.aifactory.api.usage.UsageGroupBy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The usage, budget and administration calls of the client: methods, paths, bodies, retries and problems. */
class AdminClientTest extends MockFactoryTest {

    private static final BudgetStatus STATUS = new BudgetStatus("p 1", "Line 3", "2026-11", new BigDecimal("1000.00"),
            null, new BigDecimal("800.00"), new BigDecimal("0.00"), new BigDecimal("12.345"), new BigDecimal("80.0"),
            BudgetLevel.WARN_80, new BigDecimal("950.00"), false);

    @Test
    void putBudgetSendsTheMonthInThePathAndIsRetriedAfterAnUnavailableFactory() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(json(200, STATUS));

        BudgetStatus read = client.putBudget("p 1", YearMonth.of(2026, 11), new BudgetUpdate(new BigDecimal("1000.00"), null));

        assertThat(read).isEqualTo(STATUS);
        RecordedRequest first = next();
        assertThat(first.getMethod()).isEqualTo("PUT");
        assertThat(first.getPath()).isEqualTo("/v1/projects/p%201/budgets/2026-11");
        assertThat(first.getBody().readUtf8()).isEqualTo("{\"budgetEur\":1000.00}");
        assertThat(next().getMethod()).isEqualTo("PUT");
    }

    @Test
    void createTokenIsNotRetriedSoNoSecretIsMadeThatNobodySaw() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(503));

        ApiException e = catchThrowableOfType(ApiException.class,
                () -> client.createToken(new TokenCreate("u-1", "CI")));

        assertThat(e.status()).isEqualTo(503);
        assertThat(next().getMethod()).isEqualTo("POST");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void createdTokenCarriesItsSecretButNeverPrintsIt() {
        ApiToken token = new ApiToken("tok-1", "afp_abcd", "u-1", "Anna", "CI", Instant.parse("2026-11-25T10:00:00Z"),
                null, null);
        server.enqueue(json(201, new CreatedToken(token, "afp_abcdefghijklmnopqrstuvwxyz")));

        CreatedToken created = client.createToken(new TokenCreate("u-1", "CI"));

        assertThat(created.secret()).isEqualTo("afp_abcdefghijklmnopqrstuvwxyz");
        assertThat(created.toString()).doesNotContain("efghijkl");
    }

    @Test
    void revokeAcceptsNoContentAndPatchSendsOnlyWhatChanges() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(204));
        server.enqueue(json(200, new UserAccount("u-1", "Anna", "a@x.de", List.of(Role.ENGINEER), List.of(), true,
                Instant.parse("2026-11-25T10:00:00Z"))));

        client.revokeToken("tok-1");
        UserAccount user = client.updateUser("u-1", new UserUpdate(null, null, true));

        RecordedRequest revoke = next();
        assertThat(revoke.getMethod()).isEqualTo("DELETE");
        assertThat(revoke.getPath()).isEqualTo("/v1/admin/tokens/tok-1");
        RecordedRequest patch = next();
        assertThat(patch.getMethod()).isEqualTo("PATCH");
        assertThat(patch.getBody().readUtf8()).isEqualTo("{\"disabled\":true}");
        assertThat(user.disabled()).isTrue();
    }

    @Test
    void usageSendsThePeriodAndGroupingAndBudgetsTheMonth() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(404).setHeader("Content-Type", Problem.MEDIA_TYPE)
                .setBody(Fixtures.write(new Problem(ProblemType.NOT_FOUND.uri(), "Not found", 404, "x", "/v1/usage", List.of()))));
        server.enqueue(json(200, List.of(STATUS)));

        catchThrowableOfType(ApiException.class, () -> client.usage(Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), UsageGroupBy.PLAN));
        List<BudgetStatus> budgets = client.budgets(YearMonth.of(2026, 11));

        assertThat(next().getPath()).isEqualTo("/v1/usage?from=2026-11-01T00%3A00%3A00Z&to=2026-12-01T00%3A00%3A00Z&groupBy=plan");
        assertThat(next().getPath()).isEqualTo("/v1/budgets?month=2026-11");
        assertThat(budgets).containsExactly(STATUS);
    }

    @Test
    void aBudgetExceededProblemKeepsItsFiguresAndContacts() {
        BudgetDenial denial = new BudgetDenial("p", "2026-11", new BigDecimal("100.00"), new BigDecimal("90.00"),
                new BigDecimal("5.00"), new BigDecimal("5.01"), new BigDecimal("5.00"),
                List.of(new Contact("u-admin", "Thomas Müller", "t@x.de")));
        server.enqueue(new MockResponse().setResponseCode(409).setHeader("Content-Type", Problem.MEDIA_TYPE)
                .setBody(Fixtures.write(new Problem(ProblemType.BUDGET_EXCEEDED.uri(), "Budget exceeded", 409, "over",
                        "/v1/projects/p/quotas/x", List.of(), denial))));

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.putQuota("p", "x", 8));

        assertThat(e.type()).isEqualTo(ProblemType.BUDGET_EXCEEDED);
        assertThat(e.problem().budget()).isEqualTo(denial);
    }

    @Test
    void putQuotaWithoutALimitSendsNoMaxGpusWhichRemovesIt() throws Exception {
        server.enqueue(json(200, new QuotaStatus("p", "x", null, 0, 0)));

        assertThat(client.putQuota("p", "x", null).maxGpus()).isNull();

        assertThat(next().getBody().readUtf8()).isEqualTo("{}");
    }
}
