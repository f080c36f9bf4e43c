package eu.aifactory.server.guard;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.Await;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import eu.aifactory.server.tenant.Auth;
import eu.aifactory.testing.TestClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The abuse limits, through a real factory whose clock only moves when the test moves it. */
class GuardTest {

    private final StepClock clock = new StepClock(TestClock.START);
    private TestFactory factory;
    private Api api;

    private void start(UnaryOperator<AbuseLimits> limits) {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, TestDatabases.freshUrl(TestDatabases.Kind.H2), null, true, 1)
                .withLimits(limits.apply(AbuseLimits.DEFAULTS));
        factory = TestFactory.start(config, 15_000, clock);
        api = factory.api;
    }

    @AfterEach
    void stop() {
        if (factory != null) {
            factory.close();
        }
    }

    @Test
    void aTokenOverItsRateIsAnswered429WithRetryAfterUntilItsBucketRefills() {
        start(l -> l.withTokenRate(1, 3));
        String token = factory.token("acme-eng");
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/v1/me", token).status()).isEqualTo(200);
        }

        Api.Response limited = api.get("/v1/me", token);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.problemType()).isEqualTo("rate-limited");
        assertThat(limited.headers().firstValue("Retry-After")).contains("1");
        assertThat(api.get("/v1/me", factory.token("acme-admin")).status()).as("another token has its own bucket")
                .isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertThat(api.get("/v1/me", token).status()).isEqualTo(200);
        assertThat(api.get("/v1/me", token).status()).isEqualTo(429);
    }

    @Test
    void anAddressOverItsRateIsAnswered429WithOrWithoutAToken() {
        start(l -> l.withAddressRate(0.5, 2));
        assertThat(api.get("/v1/health", null).status()).isEqualTo(200);
        assertThat(api.get("/v1/me", factory.token("acme-eng")).status()).isEqualTo(200);

        Api.Response limited = api.get("/v1/health", null);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("2");
        assertThat(limited.json().path("detail").asText()).contains("address");
        clock.advance(Duration.ofSeconds(2));
        assertThat(api.get("/v1/health", null).status()).isEqualTo(200);
    }

    @Test
    void repeatedFailedSignInsPauseTheAddressLongerEachTimeWhileATokenThatSignedInKeepsWorking() {
        start(l -> l.withFreeFailures(3));
        String good = factory.token("acme-eng");
        String bad = "afp_Zzzz" + "x".repeat(39);
        assertThat(api.get("/v1/me", good).status()).isEqualTo(200);
        ListAppender<ILoggingEvent> logs = capture(Auth.class);
        for (int i = 0; i < 4; i++) {
            assertThat(api.get("/v1/me", bad).status()).isEqualTo(401);
        }

        Api.Response paused = api.get("/v1/me", bad);

        assertThat(paused.status()).isEqualTo(429);
        assertThat(paused.problemType()).isEqualTo("rate-limited");
        assertThat(paused.headers().firstValue("Retry-After")).contains("1");
        assertThat(api.get("/v1/me", "afp_Yyyy" + "y".repeat(39)).status()).as("any unknown token").isEqualTo(429);
        assertThat(api.get("/v1/me", good).status()).as("a token that signed in before").isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertThat(api.get("/v1/me", bad).status()).isEqualTo(401);
        assertThat(api.get("/v1/me", bad).headers().firstValue("Retry-After")).as("the pause doubled").contains("2");
        clock.advance(Duration.ofSeconds(2));
        assertThat(api.get("/v1/me", bad).status()).isEqualTo(401);
        assertThat(api.get("/v1/me", bad).headers().firstValue("Retry-After")).contains("4");
        assertThat(logs.list).hasSize(6).allSatisfy(e -> {
            assertThat(e.getLevel().toString()).isEqualTo("WARN");
            assertThat(e.getFormattedMessage()).contains("127.0.0.1", "token prefix afp_Zzzz").doesNotContain(bad);
        });
        clock.advance(Duration.ofMinutes(16));
        assertThat(api.get("/v1/me", bad).status()).as("forgotten after a quiet spell").isEqualTo(401);
        assertThat(api.get("/v1/me", bad).status()).isEqualTo(401);
    }

    @Test
    void aBodyOverTheLimitIsAnswered413BeforeAnyRouteReadsIt() {
        start(l -> l.withMaxBodyBytes(1_024));
        String token = factory.token("acme-eng");

        Api.Response large = api.post("/v1/estimates", token, "{\"appId\":\"" + "a".repeat(2_000) + "\"}");

        assertThat(large.status()).isEqualTo(413);
        assertThat(large.problemType()).isEqualTo("payload-too-large");
        assertThat(large.json().path("detail").asText()).contains("1024");
        assertThat(api.post("/v1/estimates", token, "{}").status()).isEqualTo(400);
    }

    @Test
    void aTokenMayHaveOnlySoManyRequestsInProgressAndEveryEndedRequestFreesItsSlot() throws IOException {
        // The clock stands still, so no bucket refills: the address's must outlast however long the wait below polls.
        start(l -> l.withConcurrentPerToken(1).withTokenRate(1, 100_000).withAddressRate(1, 10_000_000));
        String token = factory.token("acme-eng");
        assertThat(api.get("/v1/workloads/none", token).status()).as("a refused request").isEqualTo(404);
        assertThat(api.post("/v1/estimates", token, "{}").status()).as("an invalid one").isEqualTo(400);
        String json = "{\"appId\":\"visual-quality-inspection\"}";
        try (Socket socket = new Socket("127.0.0.1", factory.server.port())) {
            OutputStream out = socket.getOutputStream();
            // Headers and half the body: the route waits for the rest, holding the token's one slot.
            out.write(("POST /v1/estimates HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length() + "\r\nConnection: close\r\n\r\n"
                    + json.substring(0, 10)).getBytes(StandardCharsets.US_ASCII));
            out.flush();

            Api.Response busy = Await.until("the estimate to hold the token's one slot", () -> api.get("/v1/me", token),
                    r -> r.status() == 429);

            assertThat(busy.problemType()).isEqualTo("rate-limited");
            assertThat(busy.json().path("detail").asText()).contains("1 requests in progress");
            assertThat(api.get("/v1/me", factory.token("acme-admin")).status()).as("other tokens").isEqualTo(200);
            out.write(json.substring(10).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 400");
        }
        assertThat(api.get("/v1/me", token).status()).isEqualTo(200);
    }

    private static ListAppender<ILoggingEvent> capture(Class<?> type) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(type)).addAppender(appender);
        return appender;
    }

    /** A clock that stands still until the test moves it. */
    static final class StepClock extends Clock {

        private volatile Instant now;

        StepClock(Instant start) {
            this.now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
