package eu.aifactory.client;

import static eu.aifactory.client.Fixtures.json;
import static eu.aifactory.client.Fixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import eu.aifactory.api.Health;
import eu.aifactory.api.Page;
import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;
import eu.aifactory.api.catalog.AppQuery;
import eu.aifactory.api.catalog.AppSummary;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.api.workload.Estimate;
import eu.aifactory.api.workload.EstimateRequest;
import eu.aifactory.api.workload.LogLine;
import eu.aifactory.api.workload.LogPage;
import eu.aifactory.api.workload.Priority;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadQuery;
import eu.aifactory.api.workload.WorkloadStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

class HttpFactoryClientTest extends MockFactoryTest {

    @Test
    void sendsBearerTokenRequestIdAndUserAgent() throws Exception {
        Me me = new Me(new Me.User("u-anna", "Anna Huber", "anna@praezision.example"),
                new Me.Tenant("t-prae", "Präzisionsteile Huber GmbH"), List.of(Role.ENGINEER, Role.TENANT_ADMIN),
                List.of(new Me.Project("p-line3", "Linie 3")));
        server.enqueue(json(200, me));

        assertThat(client.me()).isEqualTo(me);

        RecordedRequest request = next();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/v1/me");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
        assertThat(UUID.fromString(request.getHeader("X-Request-Id"))).isNotNull();
        assertThat(request.getHeader("User-Agent")).isEqualTo("ai-factory-portal/test");
        assertThat(request.getHeader("Accept")).contains("application/json");
    }

    @Test
    void eachLogicalCallGetsItsOwnRequestId() throws Exception {
        Health health = new Health("ok", "1.0.0", "Munich", Instant.parse("2025-03-01T08:00:00Z"));
        server.enqueue(json(200, health));
        server.enqueue(json(200, health));

        assertThat(client.health()).isEqualTo(health);
        client.health();

        assertThat(next().getHeader("X-Request-Id")).isNotEqualTo(next().getHeader("X-Request-Id"));
    }

    @Test
    void readsTheTokenAnewForEveryCall() throws Exception {
        char[][] token = {"first-token".toCharArray()};
        client.close();
        client = new HttpFactoryClient(Fixtures.config(server, sleeper).token(() -> token[0]).build());
        server.enqueue(json(200, List.of()));
        server.enqueue(json(200, List.of()));

        client.listResourcePlans();
        token[0] = "second-token".toCharArray();
        client.listResourcePlans();

        assertThat(next().getHeader("Authorization")).isEqualTo("Bearer first-token");
        assertThat(next().getHeader("Authorization")).isEqualTo("Bearer second-token");
    }

    @Test
    void sendsNoAuthorizationWithoutToken() throws Exception {
        client.close();
        client = new HttpFactoryClient(Fixtures.config(server, sleeper).token(null).build());
        server.enqueue(json(200, new Health("ok", "1", "Munich", Instant.EPOCH)));

        client.health();

        assertThat(next().getHeader("Authorization")).isNull();
    }

    @Test
    void keepsThePathPrefixOfTheBaseUrl() throws Exception {
        client.close();
        client = new HttpFactoryClient(FactoryClientConfig.builder(URI.create(server.url("/factory").toString()))
                .sleeper(sleeper).build());
        server.enqueue(json(200, List.of()));

        client.listResourcePlans();

        assertThat(next().getPath()).isEqualTo("/factory/v1/resource-plans");
    }

    @Test
    void encodesUmlautsPlusAndSpacesInQueryParameters() throws Exception {
        server.enqueue(json(200, new Page<AppSummary>(List.of(), "c2")));

        Page<AppSummary> page = client.listApps(new AppQuery("Qualität + Prüfung", "quality-inspection", "Größe&Co",
                "b200", "C++ / ÖL", "price", 20, "abc+/="));

        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isEqualTo("c2");
        RecordedRequest request = next();
        assertThat(request.getPath()).startsWith("/v1/apps?")
                .contains("q=Qualit%C3%A4t%20%2B%20Pr%C3%BCfung")
                .contains("vendor=Gr%C3%B6%C3%9Fe%26Co")
                .contains("cursor=abc%2B%2F%3D");
        assertThat(request.getRequestUrl().queryParameter("q")).isEqualTo("Qualität + Prüfung");
        assertThat(request.getRequestUrl().queryParameter("tag")).isEqualTo("C++ / ÖL");
        assertThat(request.getRequestUrl().queryParameter("category")).isEqualTo("quality-inspection");
        assertThat(request.getRequestUrl().queryParameter("gpuClass")).isEqualTo("b200");
        assertThat(request.getRequestUrl().queryParameter("sort")).isEqualTo("price");
        assertThat(request.getRequestUrl().queryParameter("limit")).isEqualTo("20");
    }

    @Test
    void leavesOutFiltersThatAreNotSet() throws Exception {
        server.enqueue(json(200, new Page<AppSummary>(List.of(), null)));

        client.listApps(AppQuery.all());

        assertThat(next().getPath()).isEqualTo("/v1/apps");
    }

    @Test
    void sendsWorkloadStatusesCommaJoinedAndTimesAsIso8601() throws Exception {
        server.enqueue(json(200, new Page<>(List.of(Fixtures.workload("wl-1", WorkloadStatus.RUNNING)), null)));

        Page<Workload> page = client.listWorkloads(new WorkloadQuery(
                EnumSet.of(WorkloadStatus.RUNNING, WorkloadStatus.QUEUED), "visual-inspection", "p-line3", "me",
                Instant.parse("2025-03-01T08:00:00Z"), Instant.parse("2025-03-31T22:00:00.500Z"), "Bohrung",
                "-createdAt", 50, null));

        assertThat(page.items()).extracting(Workload::id).containsExactly("wl-1");
        RecordedRequest request = next();
        var url = request.getRequestUrl();
        assertThat(url.encodedPath()).isEqualTo("/v1/workloads");
        assertThat(url.queryParameter("status")).isEqualTo("QUEUED,RUNNING");
        assertThat(url.queryParameter("from")).isEqualTo("2025-03-01T08:00:00Z");
        assertThat(url.queryParameter("to")).isEqualTo("2025-03-31T22:00:00.500Z");
        assertThat(url.queryParameter("appId")).isEqualTo("visual-inspection");
        assertThat(url.queryParameter("projectId")).isEqualTo("p-line3");
        assertThat(url.queryParameter("submittedBy")).isEqualTo("me");
        assertThat(url.queryParameter("q")).isEqualTo("Bohrung");
        assertThat(url.queryParameter("sort")).isEqualTo("-createdAt");
        assertThat(url.queryParameter("limit")).isEqualTo("50");
        assertThat(url.queryParameter("cursor")).isNull();
    }

    @Test
    void asksForALogRangeAndEncodesIdsAsOnePathSegment() throws Exception {
        LogPage logs = new LogPage(List.of(new LogLine(41, Instant.parse("2025-03-01T08:01:00Z"), "epoch 3 loss 0.12")),
                42, false);
        server.enqueue(json(200, logs));

        assertThat(client.logs("wl/1 ä", 41, Instant.parse("2025-03-01T08:00:00Z"), "loss", 100)).isEqualTo(logs);

        var url = next().getRequestUrl();
        assertThat(url.encodedPath()).isEqualTo("/v1/workloads/wl%2F1%20%C3%A4/logs");
        assertThat(url.queryParameter("fromLine")).isEqualTo("41");
        assertThat(url.queryParameter("since")).isEqualTo("2025-03-01T08:00:00Z");
        assertThat(url.queryParameter("q")).isEqualTo("loss");
        assertThat(url.queryParameter("limit")).isEqualTo("100");
    }

    @Test
    void problemBodyBecomesApiExceptionWithTypeAndFieldErrors() throws Exception {
        server.enqueue(problem(ProblemType.VALIDATION, "2 parameters are invalid",
                List.of(new Problem.FieldError("parameters.threshold", "must be at most 1"),
                        new Problem.FieldError("planId", "unknown plan"))));

        ApiException e = catchThrowableOfType(ApiException.class,
                () -> client.estimate(new EstimateRequest("visual-inspection", "2.1.0", "x", Priority.HIGH, Map.of())));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(e.problem().detail()).isEqualTo("2 parameters are invalid");
        assertThat(e.problem().errors()).extracting(Problem.FieldError::field)
                .containsExactly("parameters.threshold", "planId");
        assertThat(e.getMessage()).contains("400").contains("Invalid request");
        assertThat(server.getRequestCount()).as("a 4xx is never retried").isEqualTo(1);
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void estimatePostsTheRequestAsJson() throws Exception {
        Estimate estimate = new Estimate(new BigDecimal("123.40"), new BigDecimal("8"), new BigDecimal("11.2"),
                new BigDecimal("4.07"), BigDecimal.ZERO, 3600, 120, "aif-energy-2025.1");
        server.enqueue(json(200, estimate));

        assertThat(client.estimate(new EstimateRequest("visual-inspection", "2.1.0", "dgx-b200-1", Priority.NORMAL,
                Map.of("threshold", 0.8)))).isEqualTo(estimate);

        RecordedRequest request = next();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getBody().readUtf8()).contains("\"planId\":\"dgx-b200-1\"").contains("\"threshold\":0.8");
    }

    @Test
    void doesNotRetryAnUnprocessableSubmit() throws Exception {
        server.enqueue(problem(ProblemType.IDEMPOTENCY_KEY_REUSED, "key used for another request", List.of()));

        ApiException e = catchThrowableOfType(ApiException.class,
                () -> client.submit(Fixtures.submission(), "key-0000-0001"));

        assertThat(e.type()).isEqualTo(ProblemType.IDEMPOTENCY_KEY_REUSED);
        assertThat(e.status()).isEqualTo(422);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void submitRetriesWithSameIdempotencyKeyAfterDroppedResponse() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(json(201, Fixtures.workload("wl-7", WorkloadStatus.QUEUED)));

        Workload workload = client.submit(Fixtures.submission(), "key-0000-0007");

        assertThat(workload.id()).isEqualTo("wl-7");
        RecordedRequest first = next();
        RecordedRequest second = next();
        assertThat(second.getHeader("Idempotency-Key")).isEqualTo("key-0000-0007")
                .isEqualTo(first.getHeader("Idempotency-Key"));
        assertThat(second.getBody().readUtf8()).isEqualTo(first.getBody().readUtf8())
                .contains("\"appId\":\"visual-inspection\"");
        assertThat(second.getHeader("X-Request-Id")).isEqualTo(first.getHeader("X-Request-Id"));
        assertThat(sleeper.sleeps).hasSize(1);
    }

    @Test
    void submitReturnsTheWorkloadOfAReplay() {
        server.enqueue(json(200, Fixtures.workload("wl-7", WorkloadStatus.RUNNING)));

        assertThat(client.submit(Fixtures.submission(), "key-0000-0007").status()).isEqualTo(WorkloadStatus.RUNNING);
    }

    @Test
    void retriesABadGatewayWithoutProblemBodyThenSucceeds() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                .setBody("<html><body>502 Bad Gateway</body></html>"));
        server.enqueue(json(200, Fixtures.workload("wl-1", WorkloadStatus.SUCCEEDED)));

        assertThat(client.getWorkload("wl-1").status()).isEqualTo(WorkloadStatus.SUCCEEDED);

        assertThat(next().getHeader("X-Request-Id")).isEqualTo(next().getHeader("X-Request-Id"));
        assertThat(sleeper.sleeps).hasSize(1);
        assertThat(sleeper.sleeps.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void givesUpAfterMaxRetriesWithAnUnavailableProblem() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse().setResponseCode(503).setBody("maintenance"));
        }

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.listResourcePlans());

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.type()).isEqualTo(ProblemType.UNAVAILABLE);
        assertThat(e.problem().detail()).contains("HTTP 503").contains("/v1/resource-plans");
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(sleeper.sleeps).hasSize(3);
        assertThat(sleeper.sleeps).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(5)));
    }

    @Test
    void synthesizesAProblemForAnErrorWithoutProblemBody() {
        server.enqueue(new MockResponse().setResponseCode(500).setHeader("Content-Type", "text/plain")
                .setBody("java.lang.NullPointerException at ..."));

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.getApp("a-1"));

        assertThat(e.status()).isEqualTo(500);
        assertThat(e.problem().type()).isEqualTo("about:blank");
        assertThat(e.problem().detail()).isEqualTo(
                "HTTP 500 from GET /v1/apps/a-1 with a text/plain body instead of a problem document");
        assertThat(server.getRequestCount()).as("500 is not retried").isEqualTo(1);
    }

    @Test
    void honoursRetryAfterOnTooManyRequests() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "2"));
        server.enqueue(json(200, List.of()));

        assertThat(client.listArtifacts("wl-1")).isEmpty();

        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void doesNotRetryTooManyRequestsWithoutRetryAfter() {
        server.enqueue(new MockResponse().setResponseCode(429));

        assertThatThrownBy(() -> client.listArtifacts("wl-1")).isInstanceOf(ApiException.class);

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void doesNotWaitForARetryAfterBeyondTheCap() {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "120"));

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.me());

        assertThat(e.status()).isEqualTo(503);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void cancelOfACancellingWorkloadIsAConflict() throws Exception {
        server.enqueue(problem(ProblemType.CONFLICT, "wl-1 is already CANCELLING", List.of()));

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.cancel("wl-1"));

        assertThat(e.type()).isEqualTo(ProblemType.CONFLICT);
        RecordedRequest request = next();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/v1/workloads/wl-1/cancel");
        assertThat(request.getBodySize()).isZero();
    }

    @Test
    void cancelIsRetriedAfterADroppedConnection() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(json(202, Fixtures.workload("wl-1", WorkloadStatus.CANCELLING)));

        assertThat(client.cancel("wl-1").status()).isEqualTo(WorkloadStatus.CANCELLING);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void unreachablePortEndsInFactoryUnreachableAfterBoundedAttempts() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        client.close();
        client = new HttpFactoryClient(FactoryClientConfig.builder(URI.create("http://127.0.0.1:" + port))
                .sleeper(sleeper).build());

        FactoryUnreachableException e = catchThrowableOfType(FactoryUnreachableException.class, () -> client.me());

        assertThat(e.getMessage()).isEqualTo("Factory at http://127.0.0.1:" + port + " did not answer: connection refused");
        assertThat(sleeper.sleeps).as("three retries, then give up").hasSize(3);
    }

    @Test
    void aCallOnAnInterruptedThreadIsCancelledWithoutRetries() {
        server.enqueue(json(200, List.of()));

        Thread.currentThread().interrupt();
        Throwable failure;
        try {
            failure = catchThrowable(() -> client.listResourcePlans());
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        }

        assertThat(failure).isInstanceOf(CancellationException.class);
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void aSilentFactoryTimesOut() {
        client.close();
        client = new HttpFactoryClient(Fixtures.config(server, sleeper).maxRetries(1)
                .readTimeout(Duration.ofMillis(20)).build());
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        FactoryUnreachableException e = catchThrowableOfType(FactoryUnreachableException.class, () -> client.me());

        assertThat(e.getMessage()).endsWith("did not answer: timed out");
        assertThat(server.getRequestCount()).as("a read timeout on a GET is retried").isEqualTo(2);
    }

    @Test
    void noRetryWhenMaxRetriesIsZero() {
        client.close();
        client = new HttpFactoryClient(Fixtures.config(server, sleeper).maxRetries(0).build());
        server.enqueue(new MockResponse().setResponseCode(503));

        assertThatThrownBy(() -> client.me()).isInstanceOf(ApiException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aDroppedAnswerIsReportedInPlainWords() {
        client.close();
        client = new HttpFactoryClient(Fixtures.config(server, sleeper).maxRetries(1).build());
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

        FactoryUnreachableException e = catchThrowableOfType(FactoryUnreachableException.class, () -> client.me());

        assertThat(e.getMessage()).startsWith("Factory at " + server.url("/").toString().replaceAll("/$", ""))
                .endsWith("did not answer: connection closed before the answer was complete");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anUnreadableSuccessBodyIsAProblemNotACrash() {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"items\": 42"));

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.listWorkloads(null));

        assertThat(e.problem().title()).isEqualTo("Unreadable response");
        assertThat(e.problem().detail()).startsWith("The answer to GET /v1/workloads could not be read");
    }

    @Test
    void sharesTheApplicationsHttpClientWithoutClosingIt() {
        OkHttpClient shared = new OkHttpClient();
        try {
            HttpFactoryClient sharing = new HttpFactoryClient(Fixtures.config(server, sleeper).httpClient(shared).build());
            server.enqueue(json(200, List.of()));
            sharing.listResourcePlans();
            sharing.close();

            assertThat(shared.connectionPool().connectionCount()).as("the call used the shared pool").isEqualTo(1);
            assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
            assertThatThrownBy(sharing::me).isInstanceOf(IllegalStateException.class);
        } finally {
            shared.dispatcher().executorService().shutdown();
            shared.connectionPool().evictAll();
        }
    }
}
