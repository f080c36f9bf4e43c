package eu.aifactory.server.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Server-side sorting of the workload list: every sort key in both directions, walked page by page through the
 * cursors, must give each workload once and in the order of the key with ties broken by id, on H2 and PostgreSQL.
 */
class WorkloadSortTest {

    /** The demo history has many workloads sharing a status, an application, or zero cost: ties across pages. */
    private static final Map<String, Comparator<JsonNode>> KEYS = Map.of(
            "createdAt", Comparator.comparing(w -> w.path("createdAt").asText()),
            "status", Comparator.comparing(w -> w.path("status").asText()),
            "appId", Comparator.comparing(w -> w.path("appId").asText()),
            "startedAt", Comparator.comparing(w -> w.path("startedAt").isMissingNode() || w.path("startedAt").isNull()
                    ? "" : w.path("startedAt").asText()),
            "costEur", Comparator.comparing((Function<JsonNode, BigDecimal>) w -> w.path("costEur").decimalValue()),
            "energyKwh", Comparator.comparing((Function<JsonNode, BigDecimal>) w -> w.path("energyKwh").decimalValue()));
    private static final List<String> DESCENDING_BY_DEFAULT = List.of("createdAt", "startedAt", "costEur", "energyKwh");

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {

        private final TestDatabases.Kind kind;
        private TestFactory factory;
        private Api api;

        Contract(TestDatabases.Kind kind) {
            this.kind = kind;
        }

        @BeforeAll
        void start() {
            factory = TestFactory.start(kind, 1);
            api = factory.api;
        }

        @AfterAll
        void stop() {
            factory.close();
        }

        @ParameterizedTest
        @ValueSource(strings = {"createdAt", "status", "appId", "startedAt", "costEur", "energyKwh"})
        void pagesFollowTheKeyInBothDirectionsWithTiesBrokenById(String key) {
            // The admin's list is one query; the engineer's merges one query per project.
            for (String user : List.of("acme-admin", "acme-eng")) {
                String token = factory.token(user);
                for (boolean reversed : List.of(false, true)) {
                    String sort = (reversed ? "-" : "") + key;
                    List<JsonNode> all = walk(token, sort, 500);
                    List<JsonNode> paged = walk(token, sort, 7);
                    assertThat(all).as("%s sees workloads", user).hasSizeGreaterThan(7);
                    assertThat(ids(paged)).as("%s %s paged", user, sort).doesNotHaveDuplicates().isEqualTo(ids(all));
                    boolean descending = DESCENDING_BY_DEFAULT.contains(key) != reversed;
                    // The factory keeps cost to the hundredth of a cent but sends cents: equal cents may differ there.
                    Comparator<JsonNode> order = key.equals("costEur") ? KEYS.get(key)
                            : KEYS.get(key).thenComparing(w -> w.path("id").asText());
                    assertThat(paged).as("%s %s order", user, sort)
                            .isSortedAccordingTo(descending ? order.reversed() : order);
                }
            }
        }

        @Test
        void aWorkloadThatStartsMovesToItsStartTimeInTheStartedOrder() {
            String tenant = factory.jdbi.withHandle(h -> h.createQuery("SELECT tenant_id FROM users WHERE id = 'acme-admin'")
                    .mapTo(String.class).one());
            WorkloadStore store = new WorkloadStore(factory.jdbi);
            String template = factory.jdbi.withHandle(h -> h.createQuery("SELECT id FROM workloads WHERE tenant_id = :t "
                    + "ORDER BY id LIMIT 1").bind("t", tenant).mapTo(String.class).one());
            WorkloadRow t = store.find(tenant, template).orElseThrow();
            // Cancelled before it started: the executor leaves it alone while the test starts it by hand.
            WorkloadRow row = new WorkloadRow("wl-sort-started", tenant, t.projectId(), t.submittedBy(), null, "never started",
                    t.appId(), t.appVersion(), t.planId(), t.gpuClass(), t.gpuCount(), t.priority(), t.parameters(), t.inputs(),
                    WorkloadStatus.CANCELLED, "cancelled while queued", t.createdAt(), null, null, t.expectedRuntimeS(), 0,
                    null, null, BigDecimal.ZERO, 0, 0, 0, 0);
            factory.jdbi.useHandle(h -> store.insert(h, row));
            String token = factory.token("acme-admin");
            long later = 4_000_000_000_000L;
            boolean moved = factory.jdbi.inTransaction(h -> store.transition(h, row, row.status(), row.status(),
                    row.statusReason(), later, Map.of("started_at", later)));

            assertThat(moved).isTrue();
            JsonNode first = api.get("/v1/workloads?limit=1&sort=startedAt", token).json().path("items").get(0);
            assertThat(first.path("id").asText()).isEqualTo(row.id());
        }

        @ParameterizedTest
        @ValueSource(strings = {"duration", "name;DROP", "-", "--status"})
        void unknownSortKeysAreAFieldError(String sort) {
            Api.Response response = api.get("/v1/workloads?sort=" + URLEncoder.encode(sort, StandardCharsets.UTF_8),
                    factory.token("acme-admin"));
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("sort");
        }

        @ParameterizedTest
        @ValueSource(strings = {"status", "-costEur"})
        void aCursorOfAnotherSortIsRefused(String other) {
            String token = factory.token("acme-admin");
            String cursor = api.get("/v1/workloads?limit=2&sort=appId", token).json().path("nextCursor").asText();
            Api.Response response = api.get("/v1/workloads?limit=2&sort=" + other + "&cursor=" + cursor, token);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("cursor");
        }

        private List<JsonNode> walk(String token, String sort, int limit) {
            List<JsonNode> items = new ArrayList<>();
            String cursor = null;
            do {
                JsonNode page = api.get("/v1/workloads?limit=" + limit + "&sort=" + URLEncoder.encode(sort, StandardCharsets.UTF_8)
                        + (cursor == null ? "" : "&cursor=" + cursor), token).json();
                page.path("items").forEach(items::add);
                cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
            } while (cursor != null);
            return items;
        }

        private static List<String> ids(List<JsonNode> items) {
            return items.stream().map(w -> w.path("id").asText()).toList();
        }
    }

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(TestDatabases.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(TestDatabases.Kind.POSTGRES);
        }
    }
}
