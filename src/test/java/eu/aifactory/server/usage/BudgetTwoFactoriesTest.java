package eu.aifactory.server.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two factory processes (here two servers in one JVM, each with its own connection pool) on one PostgreSQL: the
 * budget check's row lock is in the database, so concurrent submits into one project through both admit exactly what
 * fits the budget, never one more.
 */
class BudgetTwoFactoriesTest {

    private static final String PROJECT = "acme-maint";
    private static final String BODY = "{\"appId\":\"visual-quality-inspection\",\"appVersion\":\"2.3.0\",\"projectId\":\""
            + PROJECT + "\",\"planId\":\"rtx-pro-6000-x1\",\"name\":\"race %d\","
            + "\"parameters\":{\"confidenceThreshold\":0.7,\"lineId\":\"L07\"}}";
    private static final int FITS = 7;
    private static final int SUBMITS = 40;

    @Test
    void concurrentSubmitsThroughTwoFactoriesAdmitExactlyWhatFitsTheBudget() throws Exception {
        // So slow that admitted work stays STARTING and is charged nothing while the test runs.
        ServerConfig config = new ServerConfig("127.0.0.1", 0, TestDatabases.freshUrl(TestDatabases.Kind.POSTGRES), null,
                true, 0.001);
        try (TestFactory first = TestFactory.start(config, 15_000); TestFactory second = TestFactory.start(config, 15_000)) {
            // Tokens live in the database, so the first factory's work on both.
            String admin = first.token("acme-admin");
            String month = first.api.get("/v1/budgets", admin).json().get(0).path("month").asText();
            putBudget(first.api, admin, month, "0.00");
            JsonNode probe = submit(first.api, admin, -1).json().path("budget");
            BigDecimal estimate = probe.path("estimateEur").decimalValue();
            BigDecimal used = probe.path("spentEur").decimalValue().add(probe.path("committedEur").decimalValue());
            assertThat(estimate).isPositive();
            // Room for seven runs and half of an eighth.
            BigDecimal budget = used.add(estimate.multiply(BigDecimal.valueOf(FITS)))
                    .add(estimate.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN));
            putBudget(second.api, admin, month, budget.toPlainString());

            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Response>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < SUBMITS; i++) {
                    Api api = i % 2 == 0 ? first.api : second.api;
                    int n = i;
                    answers.add(pool.submit(() -> {
                        go.await();
                        return submit(api, admin, n);
                    }));
                }
                go.countDown();
                int admitted = 0;
                for (Future<Api.Response> answer : answers) {
                    Api.Response r = answer.get();
                    if (r.status() == 201) {
                        admitted++;
                    } else {
                        assertThat(r.status()).as(r.body()).isEqualTo(409);
                        assertThat(r.problemType()).isEqualTo("budget-exceeded");
                    }
                }
                assertThat(admitted).isEqualTo(FITS);
            } finally {
                pool.shutdownNow();
            }
            JsonNode status = second.api.get("/v1/projects/" + PROJECT + "/headroom", admin).json().path("budget");
            BigDecimal after = status.path("spentEur").decimalValue().add(status.path("committedEur").decimalValue());
            assertThat(after).isEqualByComparingTo(used.add(estimate.multiply(BigDecimal.valueOf(FITS))));
            assertThat(after).isLessThanOrEqualTo(budget);
            assertThat(after.add(estimate)).isGreaterThan(budget);
        }
    }

    private static void putBudget(Api api, String token, String month, String eur) {
        Api.Response r = api.send(api.request("/v1/projects/" + PROJECT + "/budgets/" + month, token,
                        "Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"budgetEur\":" + eur + "}")).build());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static Api.Response submit(Api api, String token, int n) {
        return api.post("/v1/workloads", token, String.format(BODY, n), "Idempotency-Key", UUID.randomUUID().toString());
    }
}
