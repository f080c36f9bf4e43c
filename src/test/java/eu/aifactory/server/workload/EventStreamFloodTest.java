package eu.aifactory.server.workload;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.tenant.Role;
import eu.aifactory.contract.OpenApiValidator;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.admin.AdminStore;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.Await;
import eu.aifactory.server.support.SseReader;
import eu.aifactory.server.support.TestFactory;
import eu.aifactory.server.tenant.TenantStore;
import eu.aifactory.server.tenant.Tokens;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A flood of {@code /v1/events} streams must not starve the rest of the API: streams hold no request thread (Jetty
 * has 250), and the per-user and factory-wide caps answer with problems the client can wait out.
 */
class EventStreamFloodTest {

    /** More streams than Jetty has request threads: with a thread per stream, health would stop answering. */
    private static final int CAPACITY = 300;
    private static final int USERS = (CAPACITY + EventStream.MAX_PER_USER - 1) / EventStream.MAX_PER_USER;

    private TestFactory factory;
    private Api api;
    private final List<String> tokens = new ArrayList<>();
    private final List<SseReader> streams = new ArrayList<>();

    @BeforeEach
    void start() {
        // No demo history to seed: two bare tenants whose users exist only to hold streams.
        factory = TestFactory.start(ServerConfig.inMemory(false, 1).withMaxEventStreams(CAPACITY), 15_000);
        api = factory.api;
        TenantStore tenants = new TenantStore(factory.jdbi, Clock.systemUTC());
        factory.jdbi.useTransaction(h -> {
            for (String tenant : List.of("t-a", "t-b")) {
                tenants.createTenant(h, tenant, "Tenant " + tenant);
                new AdminStore(factory.jdbi).createProject(h, tenant + "-p", tenant, "Project of " + tenant);
            }
            for (int i = 0; i < USERS; i++) {
                String tenant = i % 2 == 0 ? "t-a" : "t-b";
                String user = tenant + "-u" + i;
                new AdminStore(factory.jdbi).createUser(h, user, tenant, "User " + i, user + "@example.com", Set.of(Role.ENGINEER),
                        List.of(tenant + "-p"), 0L);
                String token = Tokens.random();
                tenants.addToken(h, user, token);
                tokens.add(token);
            }
        });
    }

    @AfterEach
    void stop() {
        streams.forEach(SseReader::close);
        factory.close();
    }

    private SseReader open(String token) {
        SseReader stream = new SseReader(api, token, null);
        streams.add(stream);
        return stream;
    }

    @Test
    void aFloodOfStreamsLeavesTheApiAnsweringAndTheCapsSayWhenToComeBack() {
        for (int i = 0; i < CAPACITY; i++) {
            open(tokens.get(i / EventStream.MAX_PER_USER));
        }
        Await.until("all " + CAPACITY + " streams to connect", () -> streams.stream().filter(SseReader::connected).count(),
                n -> n == CAPACITY);

        Api.Response health = api.get("/v1/health", null);
        assertThat(health.status()).isEqualTo(200);
        Api.Response me = api.get("/v1/me", tokens.get(0));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("user").path("id").asText()).isEqualTo("t-a-u0");

        // The first user holds eight streams: a ninth is theirs to close first, whatever the factory's load.
        Api.Response ninth = api.get("/v1/events", tokens.get(0));
        assertThat(ninth.status()).isEqualTo(429);
        assertThat(ninth.problemType()).isEqualTo("too-many-streams");
        assertThat(ninth.headers().firstValue("Retry-After")).hasValue(Integer.toString(EventStream.USER_RETRY_AFTER_S));
        OpenApiValidator.shared().assertValidResponse("GET", "/v1/events", 429, ninth.contentType(), ninth.body());

        // The last user holds fewer than eight, but the factory is full.
        String last = tokens.get(USERS - 1);
        assertThat(CAPACITY % EventStream.MAX_PER_USER).as("the last user has room of their own").isPositive();
        Api.Response full = api.get("/v1/events", last);
        assertThat(full.status()).isEqualTo(503);
        assertThat(full.problemType()).isEqualTo("streams-at-capacity");
        assertThat(full.headers().firstValue("Retry-After")).hasValue(Integer.toString(EventStream.FULL_RETRY_AFTER_S));
        OpenApiValidator.shared().assertValidResponse("GET", "/v1/events", 503, full.contentType(), full.body());
        assertThat(streams).noneMatch(SseReader::ended);
    }
}
