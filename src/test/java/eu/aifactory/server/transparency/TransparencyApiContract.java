package eu.aifactory.server.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.api.report.ResidencyReport.AccessReason;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.TrustAnchor;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.api.transparency.ConsistencyProof;
import eu.aifactory.api.transparency.LogCheck;
import eu.aifactory.api.transparency.LogEntry;
import eu.aifactory.api.transparency.LogSection;
import eu.aifactory.api.transparency.Merkle;
import eu.aifactory.api.transparency.TreeHead;
import eu.aifactory.contract.OpenApiValidator;
import eu.aifactory.server.residency.ResidencyStore;
import eu.aifactory.server.seed.DemoUser;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import eu.aifactory.testing.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The tenants' transparency logs through the real HTTP API of a factory seeded with the fixture tenants: seeded
 * records are logged, the report carries a signed head, a new operator access extends the log consistently, a
 * dropped entry is found and named, and one tenant never sees another's log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TransparencyApiContract {

    private static final OpenApiValidator CONTRACT = OpenApiValidator.shared();
    private final TestDatabases.Kind kind;
    private TestFactory factory;
    private Instant now;

    TransparencyApiContract(TestDatabases.Kind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void start() {
        factory = TestFactory.start(kind, 1.0);
        now = TestClock.now();
    }

    @AfterAll
    void stop() {
        factory.close();
    }

    @Test
    void theSeededRecordsAreLoggedAndTheReportCarriesItsSignedHead() {
        JsonNode document = report(admin("acme"), null).json();
        LogSection section = LogSection.of(document).orElseThrow();

        assertThat(TrustAnchor.pinned(keys()).verify(document, keys()).trust()).isEqualTo(TrustAnchor.Trust.TRUSTED);
        assertThat(section.treeHead().tenantId()).isEqualTo("acme");
        assertThat(section.treeHead().isSignedBy(keys())).isTrue();
        assertThat(section.problem()).isEmpty();
        assertThat(section.entries()).extracting(e -> e.leaf().get("kind").asText())
                .contains("dataset", "artifact", "replica", "transfer", "operator-access", "processing");
        assertThat(section.entries()).allSatisfy(e -> assertThat(e.leaf().get("tenantId").asText()).isEqualTo("acme"));
        // Every operator access of the report has its leaf.
        List<String> logged = section.entries().stream().map(e -> e.leaf().get("ref").asText()).toList();
        document.path("report").path("operatorAccess").forEach(a -> assertThat(logged).contains(a.get("id").asText()));

        LogEntry first = section.entries().get(0);
        Api.Response inclusion = get("/v1/transparency/inclusion?index=" + first.index() + "&treeSize="
                + section.treeHead().treeSize(), admin("acme").token());
        assertThat(inclusion.status()).as(inclusion.body()).isEqualTo(200);
        assertContract("/v1/transparency/inclusion", inclusion);
        List<byte[]> path = hashes(inclusion.json().get("proof"));
        assertThat(Merkle.verifyInclusion(first.index(), section.treeHead().treeSize(), first.leafHash(), path,
                section.treeHead().root())).isTrue();
    }

    @Test
    void anOperatorAccessWrittenThroughTheStoreExtendsTheLogConsistently() {
        DemoUser admin = admin("acme");
        LogSection older = LogSection.of(report(admin, null).json()).orElseThrow();
        long m = older.treeHead().treeSize();
        String accessId = "oa-" + UUID.randomUUID().toString().substring(0, 8);
        insertAccess("acme", accessId);

        Api.Response response = report(admin, m);
        assertContract("/v1/reports/residency", response);
        LogSection newer = LogSection.of(response.json()).orElseThrow();

        assertThat(newer.treeHead().treeSize()).isEqualTo(m + 1);
        assertThat(newer.entries()).anySatisfy(e -> {
            assertThat(e.index()).isEqualTo(m);
            assertThat(e.leaf().get("kind").asText()).isEqualTo("operator-access");
            assertThat(e.leaf().get("ref").asText()).isEqualTo(accessId);
        });
        assertThat(LogCheck.check(older, newer, null).status()).isEqualTo(LogCheck.Status.CONSISTENT);

        Api.Response proof = get("/v1/transparency/consistency?from=" + m + "&to=" + (m + 1), admin.token());
        assertThat(proof.status()).as(proof.body()).isEqualTo(200);
        assertContract("/v1/transparency/consistency", proof);
        assertThat(ConsistencyProof.fromJson(proof.json()).proves(older.treeHead(), newer.treeHead())).isTrue();
    }

    @Test
    void anEntryDroppedFromTheLogIsDetectedAndNamed() {
        DemoUser admin = admin("globex");
        LogSection older = LogSection.of(report(admin, null).json()).orElseThrow();
        LogEntry victim = older.entries().stream().filter(e -> e.leaf().get("kind").asText().equals("operator-access"))
                .findFirst().orElseThrow();
        // The factory rewrites its log without the access and renumbers the later leaves.
        factory.jdbi.useTransaction(h -> {
            h.execute("DELETE FROM transparency_leaves WHERE tenant_id = 'globex' AND leaf_index = ?", victim.index());
            h.execute("UPDATE transparency_leaves SET leaf_index = leaf_index - 1 WHERE tenant_id = 'globex' AND leaf_index > ?",
                    victim.index());
            h.execute("UPDATE transparency_heads SET tree_size = tree_size - 1 WHERE tenant_id = 'globex'");
        });
        insertAccess("globex", "oa-" + UUID.randomUUID().toString().substring(0, 8));
        insertAccess("globex", "oa-" + UUID.randomUUID().toString().substring(0, 8));

        LogSection newer = LogSection.of(report(admin, older.treeHead().treeSize()).json()).orElseThrow();
        LogCheck.Result result = LogCheck.check(older, newer, null);

        assertThat(result.status()).isEqualTo(LogCheck.Status.INCONSISTENT);
        assertThat(result.dropped()).extracting(LogEntry::index).contains(victim.index());
        assertThat(result.message()).contains(victim.describe());
    }

    @Test
    void anotherTenantsLogAndProofsAreInvisible() {
        TreeHead acme = TreeHead.fromJson(get("/v1/transparency/head", admin("acme").token()).json());
        Api.Response globexHead = get("/v1/transparency/head", admin("globex").token());
        assertContract("/v1/transparency/head", globexHead);
        TreeHead globex = TreeHead.fromJson(globexHead.json());
        assertThat(acme.tenantId()).isEqualTo("acme");
        assertThat(globex.tenantId()).isEqualTo("globex");
        assertThat(acme.rootHash()).isNotEqualTo(globex.rootHash());

        // A size only the larger log has is not found for the other tenant.
        boolean acmeLarger = acme.treeSize() > globex.treeSize();
        DemoUser smaller = admin(acmeLarger ? "globex" : "acme");
        long beyond = Math.max(acme.treeSize(), globex.treeSize());
        Api.Response response = get("/v1/transparency/consistency?from=0&to=" + beyond, smaller.token());
        assertThat(response.status()).isEqualTo(404);
        assertContract("/v1/transparency/consistency", response);
        assertThat(get("/v1/transparency/inclusion?index=" + (beyond - 1) + "&treeSize=" + beyond, smaller.token()).status())
                .isEqualTo(404);

        LogSection section = LogSection.of(report(admin("globex"), null).json()).orElseThrow();
        assertThat(section.entries()).allSatisfy(e -> assertThat(e.leaf().get("tenantId").asText()).isEqualTo("globex"));
    }

    @Test
    void badSizesAreProblemsAndTheLogNeedsAToken() {
        String token = admin("acme").token();
        Api.Response reversed = get("/v1/transparency/consistency?from=5&to=2", token);
        assertThat(reversed.status()).isEqualTo(400);
        assertContract("/v1/transparency/consistency", reversed);
        assertThat(get("/v1/transparency/consistency?to=2", token).status()).isEqualTo(400);
        assertThat(get("/v1/transparency/inclusion?index=3&treeSize=3", token).status()).isEqualTo(400);
        assertThat(get("/v1/transparency/head", null).status()).isEqualTo(401);
        assertThat(get(path(Long.MAX_VALUE), token).status()).isEqualTo(400);
    }

    @Test
    void anEngineerGetsTheSignedHeadWithoutOtherProjectsEntries() {
        DemoUser engineer = factory.server.demoUsers().stream()
                .filter(u -> u.tenantId().equals("acme") && u.role() == Role.ENGINEER).findFirst().orElseThrow();
        LogSection section = LogSection.of(report(engineer, null).json()).orElseThrow();
        assertThat(section.treeHead().isSignedBy(keys())).isTrue();
        assertThat(section.entries()).isEmpty();
        assertThat(section.first()).isNull();
    }

    private void insertAccess(String tenantId, String id) {
        ResidencyStore store = new ResidencyStore(factory.jdbi);
        factory.jdbi.useTransaction(h -> store.insertAccess(h, new ResidencyStore.AccessRow(id, tenantId, null,
                "Storage platform engineer", now.minus(1, ChronoUnit.HOURS).toEpochMilli(), "Tenant storage volumes",
                AccessReason.SERVICE_MAINTENANCE, "Firmware update of the storage cluster.", "CHG-12345", "DE")));
    }

    private static void assertContract(String path, Api.Response response) {
        CONTRACT.assertValidResponse("GET", path, response.status(), response.contentType(), response.body());
    }

    private static List<byte[]> hashes(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(h -> HexFormat.of().parseHex(h.asText())).toList();
    }

    private DemoUser admin(String tenant) {
        return factory.server.demoUsers().stream()
                .filter(u -> u.tenantId().equals(tenant) && u.role() == Role.TENANT_ADMIN)
                .findFirst().orElseThrow();
    }

    private JwkSet keys() {
        try {
            return JwkSet.parse(get("/.well-known/factory-keys", null).bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String path(Long since) {
        return "/v1/reports/residency?from=" + URLEncoder.encode(now.minus(300, ChronoUnit.DAYS).toString(), StandardCharsets.UTF_8)
                + "&to=" + URLEncoder.encode(now.plus(1, ChronoUnit.HOURS).toString(), StandardCharsets.UTF_8)
                + (since == null ? "" : "&since=" + since);
    }

    private Api.Response report(DemoUser user, Long since) {
        Api.Response response = get(path(since), user.token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    private Api.Response get(String path, String token) {
        return factory.api.get(path, token);
    }
}
