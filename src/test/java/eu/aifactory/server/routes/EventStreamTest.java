package eu.aifactory.server.routes;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.Await;
import eu.aifactory.server.support.SseReader;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code GET /v1/events}: live workload events, resume with Last-Event-ID, tenant and project filtering. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventStreamTest {

    private TestFactory factory;
    private Api api;
    private String admin;

    @BeforeAll
    void start() {
        // A short keep-alive so the test sees one without waiting 15 s; real time so runs stay put.
        factory = TestFactory.start(new ServerConfig("127.0.0.1", 0, TestDatabases.freshUrl(TestDatabases.Kind.H2), null,
                true, 1), 300);
        api = factory.api;
        admin = factory.token("acme-admin");
    }

    @AfterAll
    void stop() {
        factory.close();
    }

    private String submit(String token, String project, String name) {
        return api.post("/v1/workloads", token, String.format(WorkloadRoutesContract.VQI, project, name), "Idempotency-Key",
                UUID.randomUUID().toString()).json().path("id").asText();
    }

    @Test
    void liveEventsArriveWithIncreasingIdsAndKeepAlives() {
        try (SseReader stream = new SseReader(api, admin, null)) {
            Await.until("the stream to open", stream::connected, c -> c);
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            String id = submit(admin, "acme-qs", "watched");
            List<SseReader.Event> events = Await.until("QUEUED and STARTING events", () -> stream.eventsFor(id),
                    e -> e.size() >= 2);
            assertThat(events.get(0).name()).isEqualTo("workload");
            assertThat(events.get(0).data().path("status").asText()).isEqualTo("QUEUED");
            assertThat(events.get(1).data().path("status").asText()).isEqualTo("STARTING");
            assertThat(events.get(1).id()).isGreaterThan(events.get(0).id());
            assertThat(events.get(0).data().path("id").asLong()).isEqualTo(events.get(0).id());
            Await.until("a keep-alive comment", () -> stream.comments, c -> c.contains("keep-alive"));
        }
    }

    @Test
    void reconnectingWithLastEventIdReplaysWhatWasMissed() {
        long lastSeen;
        String before;
        try (SseReader first = new SseReader(api, admin, null)) {
            Await.until("the stream to open", first::connected, c -> c);
            before = submit(admin, "acme-qs", "before the drop");
            lastSeen = Await.until("the first event", () -> first.eventsFor(before), e -> !e.isEmpty()).get(0).id();
        }
        // While disconnected: a new workload and a cancel.
        String missed = submit(admin, "acme-qs", "while away");
        api.post("/v1/workloads/" + missed + "/cancel", admin, null);
        Await.until("the cancel to finish", () -> api.get("/v1/workloads/" + missed, admin).json().path("status").asText(),
                "CANCELLED"::equals);
        try (SseReader resumed = new SseReader(api, admin, lastSeen)) {
            List<SseReader.Event> replayed = Await.until("the missed events", () -> resumed.eventsFor(missed),
                    e -> e.stream().anyMatch(x -> x.data().path("status").asText().equals("CANCELLED")));
            assertThat(replayed.stream().map(e -> e.data().path("status").asText()))
                    .containsSubsequence("QUEUED", "CANCELLING", "CANCELLED");
            assertThat(resumed.events).allMatch(e -> e.id() > lastSeen);
            List<Long> ids = resumed.events.stream().map(SseReader.Event::id).toList();
            assertThat(ids).isSorted().doesNotHaveDuplicates();
            // And it goes on live after the replay.
            String after = submit(admin, "acme-qs", "after the resume");
            Await.until("a live event after the replay", () -> resumed.eventsFor(after), e -> !e.isEmpty());
        }
    }

    @Test
    void streamsCarryOnlyTheCallersTenantAndProjects() {
        try (SseReader globex = new SseReader(api, factory.token("globex-admin"), null);
             SseReader qsEngineer = new SseReader(api, factory.token("acme-eng"), null);
             SseReader acme = new SseReader(api, admin, null)) {
            Await.until("streams to open", () -> globex.connected() && qsEngineer.connected() && acme.connected(), c -> c);
            String maintenance = submit(admin, "acme-maint", "not for the QS engineer");
            String quality = submit(admin, "acme-qs", "for the QS engineer");
            String globexOwn = submit(factory.token("globex-admin"), "globex-lab", "globex only");
            Await.until("acme to see both", () -> acme.eventsFor(quality).size() + acme.eventsFor(maintenance).size(), n -> n >= 2);
            Await.until("the engineer to see the QS run", () -> qsEngineer.eventsFor(quality), e -> !e.isEmpty());
            Await.until("globex to see its own run", () -> globex.eventsFor(globexOwn), e -> !e.isEmpty());
            assertThat(globex.events).noneMatch(e -> List.of(maintenance, quality).contains(e.data().path("workloadId").asText()));
            assertThat(qsEngineer.eventsFor(maintenance)).isEmpty();
            assertThat(acme.eventsFor(globexOwn)).isEmpty();
        }
    }

    @Test
    void okHttpsEventSourceReadsTheStream() throws Exception {
        OkHttpClient client = new OkHttpClient.Builder().readTimeout(Duration.ofMinutes(1)).build();
        List<String> received = new CopyOnWriteArrayList<>();
        Request request = new Request.Builder().url(factory.server.baseUri() + "/v1/events")
                .header("Authorization", "Bearer " + admin).build();
        EventSource source = EventSources.createFactory(client).newEventSource(request, new EventSourceListener() {
            @Override
            public void onEvent(EventSource eventSource, String id, String type, String data) {
                received.add(type + " " + id + " " + data);
            }
        });
        try {
            String id = "";
            for (int attempt = 0; attempt < 50 && received.isEmpty(); attempt++) {
                // Keep submitting until the source is connected and hears one.
                id = submit(admin, "acme-qs", "heard by OkHttp " + attempt);
                Thread.sleep(100);
            }
            String last = id;
            Await.until("OkHttp to hear an event", () -> received, r -> r.stream().anyMatch(e -> e.contains(last)));
            assertThat(received.get(0)).startsWith("workload ");
        } finally {
            source.cancel();
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    @Test
    void aBadLastEventIdIsAValidationProblem() {
        Api.Response r = api.get("/v1/events", admin, "Last-Event-ID", "yesterday");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.problemType()).isEqualTo("validation");
    }
}
