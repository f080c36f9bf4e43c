package eu.aifactory.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import eu.aifactory.api.ProblemType;
import eu.aifactory.api.workload.WorkloadStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The bearer token reaches the Authorization header and nothing else: no message, no toString, no log line. */
class TokenSecrecyTest {

    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger clientLogger = (Logger) LoggerFactory.getLogger("eu.aifactory.client");
    private Level previousLevel;
    private HttpFactoryClient client;

    @BeforeEach
    void start() throws IOException {
        previousLevel = clientLogger.getLevel();
        clientLogger.setLevel(Level.TRACE);
        logs.start();
        clientLogger.addAppender(logs);
        server.start();
        client = new HttpFactoryClient(Fixtures.config(server, sleeper).build());
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.shutdown();
        clientLogger.detachAppender(logs);
        clientLogger.setLevel(previousLevel);
    }

    private static String everything(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out + " " + t;
    }

    @Test
    void tokenAppearsInNoMessageToStringOrLogLine() throws Exception {
        List<Throwable> failures = new ArrayList<>();
        server.enqueue(Fixtures.problem(ProblemType.UNAUTHENTICATED, "token not accepted", List.of()));
        failures.add(catchThrowable(() -> client.me()));
        server.enqueue(new MockResponse().setResponseCode(500).setBody("boom"));
        failures.add(catchThrowable(() -> client.getApp("a-1")));
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("[garbage"));
        failures.add(catchThrowable(() -> client.listResourcePlans()));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(Fixtures.json(201, Fixtures.workload("wl-1", WorkloadStatus.QUEUED)));
        client.submit(Fixtures.submission(), "key-0000-0001");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        FactoryClientConfig offline = FactoryClientConfig.builder(URI.create("http://127.0.0.1:" + port))
                .token(Fixtures.TOKEN::toCharArray).sleeper(sleeper).build();
        try (HttpFactoryClient unreachable = new HttpFactoryClient(offline)) {
            failures.add(catchThrowable(unreachable::me));
            assertThat(unreachable.toString()).doesNotContain(Fixtures.TOKEN);
        }

        assertThat(failures).hasSize(4).doesNotContainNull();
        assertThat(failures).allSatisfy(t -> assertThat(everything(t)).doesNotContain(Fixtures.TOKEN));
        assertThat(offline.toString()).contains("token=***").doesNotContain(Fixtures.TOKEN);
        assertThat(client.toString()).doesNotContain(Fixtures.TOKEN);
        assertThat(client.config().toString()).doesNotContain(Fixtures.TOKEN);
        assertThat(logs.list).as("the calls were logged").isNotEmpty();
        assertThat(logs.list).allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).doesNotContain(Fixtures.TOKEN);
            if (event.getThrowableProxy() != null) {
                assertThat(event.getThrowableProxy().getMessage()).doesNotContain(Fixtures.TOKEN);
            }
        });
        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
    }
}
