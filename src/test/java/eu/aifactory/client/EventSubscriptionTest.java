package eu.aifactory.client;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.ProblemType;
import eu.aifactory.api.workload.WorkloadEvent;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.client.FactoryClient.ConnectionState;
import eu.aifactory.client.FactoryClient.EventSubscription;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventSubscriptionTest {

    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final BlockingQueue<WorkloadEvent> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<ConnectionState> states = new LinkedBlockingQueue<>();
    private HttpFactoryClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = new HttpFactoryClient(Fixtures.config(server, sleeper).build());
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.shutdown();
    }

    private static WorkloadEvent event(long id, WorkloadStatus status) {
        return new WorkloadEvent(id, "wl-" + id, status, "reason " + id, Instant.parse("2025-03-01T08:00:00Z"));
    }

    /** A finite stream: the factory sends these events, then the connection ends. */
    private static MockResponse stream(WorkloadEvent... sent) {
        StringBuilder body = new StringBuilder(": keep-alive\n\n");
        for (WorkloadEvent e : sent) {
            body.append("event: workload\nid: ").append(e.id()).append("\ndata: ").append(Fixtures.write(e))
                    .append("\n\n");
        }
        return new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(body.toString());
    }

    private WorkloadEvent nextEvent() throws InterruptedException {
        WorkloadEvent event = events.poll(5, TimeUnit.SECONDS);
        assertThat(event).as("an event arrived").isNotNull();
        return event;
    }

    private ConnectionState nextState() throws InterruptedException {
        ConnectionState state = states.poll(5, TimeUnit.SECONDS);
        assertThat(state).as("a state change arrived").isNotNull();
        return state;
    }

    private RecordedRequest next() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        return request;
    }

    @Test
    void reconnectsWithTheLastEventIdAndReceivesTheNextEvents() throws Exception {
        server.enqueue(stream(event(1, WorkloadStatus.QUEUED), event(2, WorkloadStatus.STARTING)));
        server.enqueue(stream(event(3, WorkloadStatus.RUNNING), event(4, WorkloadStatus.SUCCEEDED)));

        EventSubscription subscription = client.subscribe(0, events::add, states::add);

        assertThat(List.of(nextEvent(), nextEvent(), nextEvent(), nextEvent()))
                .containsExactly(event(1, WorkloadStatus.QUEUED), event(2, WorkloadStatus.STARTING),
                        event(3, WorkloadStatus.RUNNING), event(4, WorkloadStatus.SUCCEEDED));
        RecordedRequest first = next();
        assertThat(first.getPath()).isEqualTo("/v1/events");
        assertThat(first.getHeader("Last-Event-ID")).isNull();
        assertThat(first.getHeader("Accept")).isEqualTo("text/event-stream");
        assertThat(first.getHeader("Authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
        assertThat(next().getHeader("Last-Event-ID")).isEqualTo("2");
        assertThat(next().getHeader("Last-Event-ID")).as("the third connection resumes after 4").isEqualTo("4");
        assertThat(List.of(nextState(), nextState(), nextState()))
                .containsExactly(ConnectionState.CONNECTED, ConnectionState.RECONNECTING, ConnectionState.CONNECTED);
        assertThat(subscription.lastEventId()).isEqualTo(4);

        subscription.close();

        assertThat(states).last().isEqualTo(ConnectionState.CLOSED);
        assertThat(sleeper.sleeps).as("reconnects wait through the sleeper").isNotEmpty();
    }

    @Test
    void resumesFromTheGivenEventIdAndSkipsRepeats() throws Exception {
        server.enqueue(stream(event(7, WorkloadStatus.RUNNING), event(8, WorkloadStatus.FAILED),
                event(9, WorkloadStatus.CANCELLED)));

        try (EventSubscription subscription = client.subscribe(8, events::add, states::add)) {
            assertThat(nextEvent().id()).isEqualTo(9);
            assertThat(next().getHeader("Last-Event-ID")).isEqualTo("8");
            assertThat(events).isEmpty();
            assertThat(subscription.lastEventId()).isEqualTo(9);
        }
    }

    @Test
    void skipsAnUnreadableEventAndKeepsGoing() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream")
                .setBody("event: workload\nid: 1\ndata: {not json\n\n"
                        + "event: workload\nid: 2\ndata: " + Fixtures.write(event(2, WorkloadStatus.RUNNING)) + "\n\n"));

        try (EventSubscription subscription = client.subscribe(0, events::add, states::add)) {
            assertThat(nextEvent().id()).isEqualTo(2);
            assertThat(subscription.lastEventId()).isEqualTo(2);
        }
    }

    @Test
    void reconnectsAfterTheFactoryWasUnavailable() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(stream(event(1, WorkloadStatus.QUEUED)));

        try (EventSubscription subscription = client.subscribe(0, events::add, states::add)) {
            assertThat(nextEvent().id()).isEqualTo(1);
            assertThat(subscription.lastEventId()).isEqualTo(1);
            assertThat(nextState()).isEqualTo(ConnectionState.RECONNECTING);
            assertThat(nextState()).isEqualTo(ConnectionState.CONNECTED);
        }
    }

    @Test
    void aRefusedTokenEndsTheSubscriptionInsteadOfRetryingForever() throws Exception {
        server.enqueue(Fixtures.problem(ProblemType.UNAUTHENTICATED, "token expired", List.of()));

        EventSubscription subscription = client.subscribe(0, events::add, states::add);

        assertThat(nextState()).isEqualTo(ConnectionState.CLOSED);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.sleeps).isEmpty();
        subscription.close();
        assertThat(states).as("CLOSED is reported once").isEmpty();
    }

    @Test
    void closingTheClientClosesItsSubscriptions() throws Exception {
        server.enqueue(stream(event(1, WorkloadStatus.QUEUED)));
        client.subscribe(0, events::add, states::add);
        assertThat(nextEvent().id()).isEqualTo(1);

        client.close();

        assertThat(states).last().isEqualTo(ConnectionState.CLOSED);
    }
}
