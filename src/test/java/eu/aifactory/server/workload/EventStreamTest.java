package eu.aifactory.server.workload;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.Await;
import eu.aifactory.server.support.SseReader;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
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

    /** An engineer of acme-qs added through the admin API, for a test of its own. */
    private String addEngineer(String name) {
        Api.Response created = api.post("/v1/admin/users", admin, String.format(
                "{\"name\":\"%s\",\"email\":\"%s@acme.example\",\"roles\":[\"engineer\"],\"projectIds\":[\"acme-qs\"]}",
                name, UUID.randomUUID()));
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    /** A new token of the user: its id and its secret. */
    private String[] addToken(String userId) {
        Api.Response created = api.post("/v1/admin/tokens", admin, "{\"userId\":\"" + userId + "\"}");
        assertThat(created.status()).isEqualTo(201);
        return new String[] {created.json().path("token").path("id").asText(), created.json().path("secret").asText()};
    }

    @Test
    void revokingATokenEndsItsStreamsAndOnlyThose() {
        String user = addEngineer("Rita Revoked");
        String[] revoked = addToken(user);
        String[] kept = addToken(user);
        try (SseReader doomed = new SseReader(api, revoked[1], null); SseReader other = new SseReader(api, kept[1], null)) {
            Await.until("both streams to open", () -> doomed.connected() && other.connected(), c -> c);
            assertThat(api.method("DELETE", "/v1/admin/tokens/" + revoked[0], admin).status()).isEqualTo(204);
            Await.until("the revoked token's stream to end", doomed::ended, e -> e);
            assertThat(other.ended()).as("the user's other token still streams").isFalse();
            assertThat(api.get("/v1/events", revoked[1]).status()).isEqualTo(401);
        }
    }

    @Test
    void disablingAUserEndsTheirStreams() {
        String user = addEngineer("Dora Disabled");
        String token = addToken(user)[1];
        try (SseReader stream = new SseReader(api, token, null)) {
            Await.until("the stream to open", stream::connected, c -> c);
            Api.Response disabled = api.send(api.request("/v1/admin/users/" + user, admin, "Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"disabled\":true}")).build());
            assertThat(disabled.status()).isEqualTo(200);
            Await.until("the disabled user's stream to end", stream::ended, e -> e);
            assertThat(api.get("/v1/events", token).status()).isEqualTo(401);
        }
    }

    @Test
    void oneUserMayHoldEightStreamsAcrossTokens() {
        String user = addEngineer("Otto Eight");
        String first = addToken(user)[1];
        String second = addToken(user)[1];
        List<SseReader> streams = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < EventStream.MAX_PER_USER; i++) {
                streams.add(new SseReader(api, i % 2 == 0 ? first : second, null));
            }
            Await.until("eight streams to open", () -> streams.stream().allMatch(SseReader::connected), c -> c);
            Api.Response ninth = api.get("/v1/events", second);
            assertThat(ninth.status()).isEqualTo(429);
            assertThat(ninth.problemType()).isEqualTo("too-many-streams");
            assertThat(ninth.headers().firstValue("Retry-After")).isPresent();
            // Someone else is not counted against this user.
            try (SseReader colleague = new SseReader(api, factory.token("acme-eng"), null)) {
                Await.until("a colleague's stream to open", colleague::connected, c -> c);
            }
        } finally {
            streams.forEach(SseReader::close);
        }
    }

    @Test
    void eventIdsCountEachTenantsOwnEventsWithoutGaps() {
        String globexAdmin = factory.token("globex-admin");
        long acmeFrom;
        String acmeFirst;
        String acmeLater;
        String globexRun;
        try (SseReader acme = new SseReader(api, admin, null); SseReader globex = new SseReader(api, globexAdmin, null)) {
            Await.until("streams to open", () -> acme.connected() && globex.connected(), c -> c);
            acmeFirst = submit(admin, "acme-qs", "numbered first");
            acmeFrom = Await.until("acme's event", () -> acme.eventsFor(acmeFirst), e -> !e.isEmpty()).get(0).id();
            // Globex is busy in between (a run, cancelled at once so it costs nothing); acme's numbering must not notice.
            globexRun = submit(globexAdmin, "globex-lab", "globex in between");
            assertThat(globexRun).isNotEmpty();
            api.post("/v1/workloads/" + globexRun + "/cancel", globexAdmin, null);
            Await.until("globex's run to be cancelled", () -> globex.eventsFor(globexRun),
                    e -> e.stream().anyMatch(x -> x.data().path("status").asText().equals("CANCELLED")));
            acmeLater = submit(admin, "acme-qs", "numbered later");
            Await.until("acme's later event", () -> acme.eventsFor(acmeLater), e -> !e.isEmpty());
        }
        long globexLast = factory.jdbi.withHandle(h -> h.createQuery(
                "SELECT last_seq FROM event_sequences WHERE tenant_id = 'globex'").mapTo(Long.class).one());
        // Replayed from the database: everything of the tenant after the given id, each number once, no one else's.
        try (SseReader acme = new SseReader(api, admin, acmeFrom); SseReader globex = new SseReader(api, globexAdmin, 1L)) {
            List<SseReader.Event> acmeEvents = Await.until("acme's replay", () -> upTo(acme, acmeLater), e -> !e.isEmpty());
            assertDense(acmeFrom, acmeEvents);
            assertThat(acmeEvents).noneMatch(e -> e.data().path("workloadId").asText().equals(globexRun));
            List<SseReader.Event> globexEvents = Await.until("globex's replay", () -> List.copyOf(globex.events),
                    e -> !e.isEmpty() && e.get(e.size() - 1).id() >= globexLast).stream()
                    .filter(e -> e.id() <= globexLast).toList();
            assertDense(1, globexEvents);
            assertThat(globexEvents).noneMatch(e -> List.of(acmeFirst, acmeLater).contains(e.data().path("workloadId").asText()));
        }
        // And in the database, from the seeded history on: each tenant's numbers are 1..n.
        Map<String, List<Long>> perTenant = factory.jdbi.withHandle(h -> h.createQuery(
                        "SELECT tenant_id, COUNT(*) AS n, MIN(seq) AS lo, MAX(seq) AS hi FROM events GROUP BY tenant_id")
                .map((rs, ctx) -> Map.entry(rs.getString("tenant_id"), List.of(rs.getLong("n"), rs.getLong("lo"), rs.getLong("hi"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(perTenant.keySet()).containsAll(Set.of("acme", "globex"));
        perTenant.forEach((tenant, f) -> assertThat(List.of(f.get(1), f.get(2))).as(tenant).containsExactly(1L, f.get(0)));
    }

    /** The stream's events up to and including the first one of {@code workloadId}; empty until that one arrived. */
    private static List<SseReader.Event> upTo(SseReader stream, String workloadId) {
        List<SseReader.Event> events = List.copyOf(stream.events);
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).data().path("workloadId").asText().equals(workloadId)) {
                return events.subList(0, i + 1);
            }
        }
        return List.of();
    }

    /** A tenant admin sees every event of the tenant, so the ids after {@code from} run from+1, from+2, ... */
    private static void assertDense(long from, List<SseReader.Event> events) {
        List<Long> ids = events.stream().map(SseReader.Event::id).toList();
        List<Long> expected = java.util.stream.LongStream.rangeClosed(from + 1, from + ids.size()).boxed().toList();
        assertThat(ids).isEqualTo(expected);
    }

    @Test
    void aBadLastEventIdIsAValidationProblem() {
        Api.Response r = api.get("/v1/events", admin, "Last-Event-ID", "yesterday");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.problemType()).isEqualTo("validation");
    }
}
