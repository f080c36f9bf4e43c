package eu.aifactory.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A real client against a fresh MockWebServer per test, with a sleeper that records instead of waiting. */
abstract class MockFactoryTest {

    final MockWebServer server = new MockWebServer();
    final RecordingSleeper sleeper = new RecordingSleeper();
    HttpFactoryClient client;

    @BeforeEach
    void startMockFactory() throws IOException {
        server.start();
        client = new HttpFactoryClient(Fixtures.config(server, sleeper).build());
    }

    @AfterEach
    void stopMockFactory() throws IOException {
        client.close();
        server.shutdown();
    }

    /** The next request the server received; fails when none arrives within 5 s. */
    RecordedRequest next() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("request reached the server").isNotNull();
        return request;
    }
}
