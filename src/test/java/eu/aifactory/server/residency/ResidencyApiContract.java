package eu.aifactory.server.residency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.aifactory.api.Json;
import eu.aifactory.api.Problem;
import eu.aifactory.api.report.ResidencyReport;
import eu.aifactory.api.signing.Jwk;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.SignedDocument;
import eu.aifactory.api.signing.VerificationResult;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.client.ApiException;
import eu.aifactory.client.FactoryClientConfig;
import eu.aifactory.client.HttpFactoryClient;
import eu.aifactory.contract.OpenApiValidator;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.seed.DemoUser;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.Await;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import eu.aifactory.testing.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The residency report through the real HTTP API of a factory seeded with the fixture tenants (acme, globex):
 * signature, tamper, rotation, contract, input validation, seeded content, tenant isolation and roles.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ResidencyApiContract {

    private static final OpenApiValidator CONTRACT = OpenApiValidator.shared();
    private final TestDatabases.Kind kind;
    private TestFactory factory;
    private FactoryServer server;
    private Instant now;

    ResidencyApiContract(TestDatabases.Kind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void start() {
        factory = TestFactory.start(kind, 1.0);
        server = factory.server;
        now = TestClock.now();
    }

    @AfterAll
    void stop() {
        factory.close();
    }

    // ---------------------------------------------------------------- signature

    @Test
    void reportVerifiesWithThePublishedKeys() {
        Api.Response response = report(admin("acme"), now.minus(100, ChronoUnit.DAYS), now.plus(1, ChronoUnit.HOURS));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control").orElse(null)).isEqualTo("no-store");
        VerificationResult result = SignedDocument.verify(response.bytes(), keys());
        assertThat(result.valid()).as(result.message()).isTrue();
        assertThat(result.kid()).isEqualTo(server.signingKeys().currentKid());
    }

    @Test
    void changingAnyValueOfTheReportMakesItInvalid() {
        JsonNode signed = report(admin("acme"), now.minus(90, ChronoUnit.DAYS), now).json();
        JwkSet keys = keys();
        List<Consumer<ObjectNode>> edits = List.of(
                r -> ((ObjectNode) r.get("verdict")).put("status", "COMPLIANT"),
                r -> ((ObjectNode) r.get("inventory").get(0)).put("sizeBytes", r.get("inventory").get(0).get("sizeBytes").asLong() + 1),
                r -> ((ObjectNode) r.get("processing").get(0)).put("country", "DE "),
                r -> ((ArrayNode) r.get("findings")).remove(0),
                r -> ((ObjectNode) r.get("tenant")).put("name", "Someone Else GmbH"),
                r -> r.put("note", "added later"));
        for (int i = 0; i < edits.size(); i++) {
            ObjectNode copy = signed.deepCopy();
            edits.get(i).accept((ObjectNode) copy.get("report"));
            VerificationResult result = SignedDocument.verify(copy, keys);
            assertThat(result.valid()).as("edit %d", i).isFalse();
            assertThat(result.reason()).as("edit %d", i).isEqualTo(VerificationResult.Reason.BAD_SIGNATURE);
        }
    }

    @Test
    void changingOneCharacterOfTheSignatureMakesItInvalid() {
        ObjectNode signed = (ObjectNode) report(admin("acme"), now.minus(30, ChronoUnit.DAYS), now).json();
        ObjectNode signature = (ObjectNode) signed.get("signature");
        String jws = signature.get("jws").asText();
        // A character in the middle of the signature part: every one of its bits counts.
        int at = jws.length() - 20;
        char replacement = jws.charAt(at) == 'A' ? 'B' : 'A';
        signature.put("jws", jws.substring(0, at) + replacement + jws.substring(at + 1));

        VerificationResult result = SignedDocument.verify(signed, keys());

        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).isEqualTo(VerificationResult.Reason.BAD_SIGNATURE);
    }

    @Test
    void reportsSignedBeforeARotationStillVerifyAndNewOnesUseTheNewKey() throws IOException {
        DemoUser user = admin("globex");
        byte[] before = report(user, now.minus(30, ChronoUnit.DAYS), now).bytes();
        String oldKid = server.signingKeys().currentKid();

        Jwk next = server.signingKeys().rotate();

        byte[] after = report(user, now.minus(30, ChronoUnit.DAYS), now).bytes();
        JwkSet published = keys();
        VerificationResult old = SignedDocument.verify(before, published);
        VerificationResult fresh = SignedDocument.verify(after, published);
        assertThat(old.valid()).as(old.message()).isTrue();
        assertThat(old.kid()).isEqualTo(oldKid);
        assertThat(fresh.valid()).as(fresh.message()).isTrue();
        assertThat(fresh.kid()).isEqualTo(next.kid()).isNotEqualTo(oldKid);
        assertThat(published.find(oldKid).orElseThrow().rotatedTo()).isEqualTo(next.kid());
        assertThat(published.rotations()).anySatisfy(r -> {
            assertThat(r.from()).isEqualTo(oldKid);
            assertThat(r.to()).isEqualTo(next.kid());
        });
    }

    @Test
    void keysNeedNoTokenAndMatchTheContract() {
        Api.Response response = get("/.well-known/factory-keys", null);

        assertThat(response.status()).isEqualTo(200);
        CONTRACT.assertValidResponse("GET", "/.well-known/factory-keys", 200, response.contentType(), response.body());
        assertThat(keys().kids()).contains(server.signingKeys().currentKid());
    }

    @Test
    void theFactoryClientFetchesAReportThatVerifiesWithTheKeysItFetches() {
        FactoryClientConfig config = FactoryClientConfig.builder(server.baseUri())
                .token(admin("globex").token()::toCharArray).build();
        try (HttpFactoryClient client = new HttpFactoryClient(config)) {
            JsonNode signed = client.residencyReport(now.minus(60, ChronoUnit.DAYS), now);
            VerificationResult result = SignedDocument.verify(signed, client.factoryKeys());

            assertThat(result.valid()).as(result.message()).isTrue();
            assertThat(signed.path("report").path("tenant").path("id").asText()).isEqualTo("globex");

            ApiException reversed = catchThrowableOfType(ApiException.class, () -> client.residencyReport(now, now.minusSeconds(1)));
            assertThat(reversed.problem().errors()).extracting(Problem.FieldError::field).containsExactly("to");
        }
    }

    // ---------------------------------------------------------------- contract and input

    @Test
    void reportMatchesTheContract() {
        String path = path(now.minus(90, ChronoUnit.DAYS), now);
        CONTRACT.assertValidRequest("GET", path, null, null);
        Api.Response response = get(path, admin("globex").token());

        assertThat(response.status()).isEqualTo(200);
        CONTRACT.assertValidResponse("GET", path, 200, response.contentType(), response.body());
    }

    @Test
    void withoutATokenTheReportIsUnauthenticated() {
        Api.Response response = get(path(now.minus(1, ChronoUnit.DAYS), now), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("type").asText()).endsWith("/unauthenticated");
        CONTRACT.assertValidResponse("GET", "/v1/reports/residency", 401, response.contentType(), response.body());
    }

    @ParameterizedTest(name = "from={0} to={1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null                      | 2026-03-01T00:00:00Z      | from",
            "2026-03-01T00:00:00Z      | null                      | to",
            "null                      | null                      | from,to",
            "2026-03-02T00:00:00Z      | 2026-03-01T00:00:00Z      | to",
            "2026-03-01T00:00:00Z      | 2026-03-01T00:00:00Z      | to",
            "2025-01-01T00:00:00Z      | 2026-01-03T00:00:00Z      | to",
            "yesterday                 | 2026-03-01T00:00:00Z      | from",
            "2026-03-01                | 2026-03-02T00:00:00Z      | from",
            "2026-02-30T00:00:00Z      | 2026-03-02T00:00:00Z      | from",
            "2026-03-01T00:00:00Z      | 1772323200                | to",
            "1969-12-31T00:00:00Z      | 1970-01-02T00:00:00Z      | from",
            "+999999999-01-01T00:00:00Z | 2026-03-01T00:00:00Z     | from",
            "-999999999-01-01T00:00:00Z | 2026-03-01T00:00:00Z     | from",
            "9999-12-31T00:00:00Z      | +10000-01-01T00:00:00Z    | to",
    })
    void badPeriodsAreValidationProblemsNamingTheField(String from, String to, String fields) {
        StringBuilder path = new StringBuilder("/v1/reports/residency");
        List<String> query = new ArrayList<>();
        if (from != null) {
            query.add("from=" + URLEncoder.encode(from, StandardCharsets.UTF_8));
        }
        if (to != null) {
            query.add("to=" + URLEncoder.encode(to, StandardCharsets.UTF_8));
        }
        if (!query.isEmpty()) {
            path.append('?').append(String.join("&", query));
        }

        Api.Response response = get(path.toString(), admin("acme").token());

        assertThat(response.status()).isEqualTo(400);
        JsonNode problem = response.json();
        assertThat(problem.path("type").asText()).isEqualTo("https://aifactory.eu/problems/validation");
        List<String> named = StreamSupport.stream(problem.path("errors").spliterator(), false)
                .map(e -> e.path("field").asText()).toList();
        assertThat(named).containsExactlyInAnyOrder(fields.split(","));
        CONTRACT.assertValidResponse("GET", "/v1/reports/residency", 400, response.contentType(), response.body());
    }

    @Test
    void aFullYearIsAllowed() {
        Api.Response response = report(admin("acme"), Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(response.status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- content

    @Test
    void seededReportShowsGermanProcessingBackupReplicasAndTheResolvedFinding() {
        JsonNode report = report(admin("acme"), now.minus(90, ChronoUnit.DAYS), now).json().get("report");

        assertThat(report.path("tenant").path("name").asText()).isEqualTo("Acme Präzision GmbH");
        assertThat(report.path("scope").path("wholeTenant").asBoolean()).isTrue();
        assertThat(report.path("processing")).isNotEmpty().allSatisfy(p -> {
            assertThat(p.path("country").asText()).isEqualTo("DE");
            assertThat(p.path("siteId").asText()).isEqualTo("muc-tucherpark");
            assertThat(p.path("nodes")).isNotEmpty();
        });
        assertThat(report.path("inventory")).isNotEmpty().allSatisfy(o -> assertThat(o.path("country").asText()).isEqualTo("DE"));
        assertThat(report.path("inventory")).anySatisfy(o -> assertThat(o.path("replicas")).anySatisfy(r -> {
            assertThat(r.path("siteId").asText()).isEqualTo("biere");
            assertThat(r.path("country").asText()).isEqualTo("DE");
        }));
        assertThat(report.path("inventory")).anySatisfy(o -> assertThat(o.path("kind").asText()).isEqualTo("dataset"));
        assertThat(report.path("sites")).anySatisfy(s -> {
            assertThat(s.path("id").asText()).isEqualTo("biere");
            assertThat(s.path("role").asText()).isEqualTo("backup");
            assertThat(s.path("processing").asBoolean()).isFalse();
            assertThat(s.path("storedBytes").asLong()).isPositive();
        });
        assertThat(report.path("transfers")).anySatisfy(t -> {
            assertThat(t.path("kind").asText()).isEqualTo("replication");
            assertThat(t.path("toSiteId").asText()).isEqualTo("biere");
        });
        assertThat(report.path("transfers")).anySatisfy(t -> {
            assertThat(t.path("kind").asText()).isEqualTo("download");
            assertThat(t.path("clientCountry").asText()).isEqualTo("AT");
        });
        assertThat(report.path("findings")).anySatisfy(f -> {
            assertThat(f.path("state").asText()).isEqualTo("RESOLVED");
            assertThat(f.path("category").asText()).isEqualTo("access");
            assertThat(f.path("remediation").asText()).isNotBlank();
            assertThat(f.path("derived").asBoolean()).isFalse();
        });
        assertThat(report.path("verdict").path("status").asText()).isEqualTo("FINDINGS");
        assertThat(report.path("verdict").path("processingCountries")).containsExactly(Json.mapper().getNodeFactory().textNode("DE"));
        assertThat(report.path("verdict").path("summary").asText())
                .startsWith("All data of Acme Präzision GmbH was stored and processed in Germany from ");
    }

    @Test
    void theSignedReportCarriesGermanSiteNamesAndAttestationsAndDoesNotChangeWithAcceptLanguage() throws IOException {
        String path = path(now.minus(90, ChronoUnit.DAYS), now);
        String token = admin("acme").token();
        JsonNode german = get(path, token, "Accept-Language", "de-DE,de;q=0.9").json().get("report");
        JsonNode english = get(path, token, "Accept-Language", "en").json().get("report");

        // Each report has its own id, time and signed log head; everything else, translations included, is the same.
        for (JsonNode report : List.of(german, english)) {
            ((ObjectNode) report).remove(List.of("reportId", "generatedAt"));
            ((ObjectNode) report.path("transparency").path("treeHead")).remove(List.of("timestamp", "jws"));
        }
        assertThat(german).isEqualTo(english);
        ResidencyReport report = Json.mapper().treeToValue(german, ResidencyReport.class);
        ResidencyReport.Site munich = report.sites().stream().filter(s -> s.id().equals("muc-tucherpark")).findFirst()
                .orElseThrow();
        assertThat(munich.city()).isEqualTo("Munich");
        assertThat(report.text(munich.city(), Locale.GERMAN)).isEqualTo("München");
        assertThat(report.text(munich.name(), Locale.GERMAN)).isEqualTo("München (Tucherpark)");
        assertThat(report.text(munich.name(), Locale.ENGLISH)).isEqualTo("Munich (Tucherpark)");
        assertThat(report.attestations()).isNotEmpty().allSatisfy(a -> {
            assertThat(report.text(a.scope(), Locale.GERMAN)).as(a.scope()).isNotEqualTo(a.scope()).contains("München");
            assertThat(report.text(a.issuer(), Locale.GERMAN)).as(a.issuer()).endsWith("(Beispiel)");
        });
        assertThat(report.transfers()).filteredOn(t -> t.kind() == ResidencyReport.TransferKind.REPLICATION)
                .isNotEmpty().allSatisfy(t -> assertThat(report.text(t.legalBasis(), Locale.GERMAN))
                        .startsWith("Sicherungskopie innerhalb Deutschlands"));
    }

    @Test
    void seedHasEveryReasonCodeAndAnAttestationExpiringWithinSixtyDays() {
        Set<String> reasons = new HashSet<>();
        for (String tenant : List.of("acme", "globex")) {
            JsonNode report = report(admin(tenant), now.minus(100, ChronoUnit.DAYS), now).json().get("report");
            report.path("operatorAccess").forEach(a -> {
                reasons.add(a.path("reasonCode").asText());
                assertThat(a.path("insideEu").asBoolean()).isTrue();
            });
            assertThat(report.path("findings")).as(tenant).anySatisfy(f -> assertThat(f.path("state").asText()).isEqualTo("RESOLVED"));
        }
        assertThat(reasons).containsExactlyInAnyOrder("CUSTOMER_INITIATED_SUPPORT", "SERVICE_MAINTENANCE",
                "SECURITY_RESPONSE", "LEGAL_REQUEST");

        JsonNode attestations = report(admin("globex"), now.minus(30, ChronoUnit.DAYS), now).json().path("report").path("attestations");
        LocalDate today = LocalDate.now(TestClock.clock());
        assertThat(attestations).extracting(a -> a.path("standard").asText())
                .anySatisfy(s -> assertThat(s).startsWith("BSI C5"))
                .anySatisfy(s -> assertThat(s).startsWith("ISO/IEC 27001:2022"))
                .anySatisfy(s -> assertThat(s).startsWith("TISAX"))
                .anySatisfy(s -> assertThat(s).startsWith("ISO 50001"));
        assertThat(attestations).anySatisfy(a -> assertThat(LocalDate.parse(a.path("validTo").asText()))
                .isAfterOrEqualTo(today).isBefore(today.plusDays(60)));
    }

    @Test
    void aDownloadAndAPartialDownloadAreLoggedAsTransfersWithTheBytesSent() {
        DemoUser user = admin("globex");
        JsonNode inventory = report(user, now.minus(90, ChronoUnit.DAYS), now).json().path("report").path("inventory");
        JsonNode artifact = StreamSupport.stream(inventory.spliterator(), false)
                .filter(o -> o.has("workloadId") && o.path("sizeBytes").asLong() > 10).findFirst().orElseThrow();
        String id = artifact.path("id").asText();
        // Seeded downloads all lie an hour or more in the past: from here on only the new ones can appear.
        Instant before = TestClock.now().minusSeconds(1);

        assertThat(get("/v1/artifacts/" + id + "/content", user.token()).status()).isEqualTo(200);
        assertThat(factory.api.get("/v1/artifacts/" + id + "/content", user.token(), "Range", "bytes=0-9").status()).isEqualTo(206);

        Predicate<JsonNode> thisDownload = t -> t.path("objectId").asText().equals(id) && t.path("kind").asText().equals("download");
        List<JsonNode> transfers = Await.until("both downloads in the transfer log",
                () -> StreamSupport.stream(report(user, before, TestClock.now().plusSeconds(60)).json().path("report")
                        .path("transfers").spliterator(), false).filter(thisDownload).toList(),
                t -> t.size() == 2);
        assertThat(transfers).allSatisfy(t -> {
            assertThat(t.path("fromCountry").asText()).isEqualTo("DE");
            assertThat(t.path("legalBasis").asText()).isNotBlank();
        });
        assertThat(transfers).extracting(t -> t.path("bytes").asLong())
                .containsExactlyInAnyOrder(artifact.path("sizeBytes").asLong(), 10L);
    }

    // ---------------------------------------------------------------- isolation and roles

    @Test
    void aTenantsReportNeverContainsAnotherTenantsRecords() {
        Instant from = now.minus(100, ChronoUnit.DAYS);
        List<String> tenants = List.of("acme", "globex");
        for (String a : tenants) {
            String body = report(admin(a), from, now).body();
            for (String b : tenants) {
                if (a.equals(b)) {
                    continue;
                }
                JsonNode other = report(admin(b), from, now).json().get("report");
                for (String id : ids(other)) {
                    assertThat(body).as("%s's report mentions %s of %s", a, id, b).doesNotContain(id);
                }
                assertThat(body).doesNotContain(other.path("tenant").path("name").asText());
            }
        }
    }

    @Test
    void anEngineerSeesOnlyTheRecordsOfTheirProjects() {
        DemoUser engineer = user("acme-eng");
        assertThat(engineer.role()).isEqualTo(Role.ENGINEER);

        JsonNode report = report(engineer, now.minus(90, ChronoUnit.DAYS), now).json().get("report");
        JsonNode whole = report(admin("acme"), now.minus(90, ChronoUnit.DAYS), now).json().get("report");

        assertThat(report.path("scope").path("wholeTenant").asBoolean()).isFalse();
        assertThat(report.path("scope").path("projectIds")).extracting(JsonNode::asText).containsExactly("acme-qs");
        for (String section : List.of("inventory", "processing", "transfers", "operatorAccess", "findings")) {
            assertThat(report.path(section)).as(section).allSatisfy(r -> {
                if (r.has("projectId")) {
                    assertThat(r.path("projectId").asText()).isEqualTo("acme-qs");
                }
            });
        }
        assertThat(report.path("processing")).isNotEmpty();
        assertThat(report.path("processing").size()).isLessThan(whole.path("processing").size());
        assertThat(report.path("verdict").path("summary").asText()).contains("(project Qualitätssicherung)");
    }

    @Test
    void aStoredNameWithAnUnpairedSurrogateIsServedAsWellFormedJsonInTheReportAndTheList() {
        // A row from before the factory refused such names: "Lauf " + a lone high surrogate, run in 2020.
        String id = "wl-legacy-surrogate";
        long started = Instant.parse("2020-03-02T08:00:00Z").toEpochMilli();
        factory.jdbi.useHandle(h -> h.createUpdate("INSERT INTO workloads (id, tenant_id, project_id, submitted_by, name, "
                        + "search_text, app_id, app_version, plan_id, gpu_class, gpu_count, priority, priority_rank, "
                        + "parameters_json, inputs_json, status, created_at, started_at, ended_at, expected_runtime_s, "
                        + "progress_ms, cost_eur, energy_wh, energy_mj, gpu_seconds, log_lines, updated_at, started_sort) "
                        + "VALUES (:id, 'acme', 'acme-qs', 'acme-eng', :name, 'lauf', 'visual-quality-inspection', '2.3.0', "
                        + "'rtx-pro-6000-x1', 'rtx-pro-6000', 1, 'NORMAL', 1, :params, '{}', 'SUCCEEDED', :created, :started, "
                        + ":ended, 60, 60000, 1.5, 100, 0, 3600, 0, :ended, :started)")
                .bind("id", id).bind("name", "Lauf \ud800").bind("params", "{\"lineId\":\"L\ud800\"}")
                .bind("created", started - 60_000).bind("started", started).bind("ended", started + 3_600_000)
                .execute());
        // H2 keeps the lone surrogate; PostgreSQL's driver already stores '?' in its place.
        String stored = factory.jdbi.withHandle(h -> h.createQuery("SELECT name FROM workloads WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
        String served = stored.equals("Lauf \ud800") ? "Lauf \ufffd" : stored;
        String servedLine = served.equals("Lauf \ufffd") ? "L\ufffd" : "L?";
        DemoUser admin = admin("acme");

        Api.Response response = report(admin, Instant.parse("2020-03-01T00:00:00Z"), Instant.parse("2020-04-01T00:00:00Z"));

        assertWellFormedUtf8Json(response.bytes());
        JsonNode run = StreamSupport.stream(response.json().path("report").path("processing").spliterator(), false)
                .filter(p -> p.path("workloadId").asText().equals(id)).findFirst().orElseThrow();
        assertThat(run.path("workloadName").asText()).isEqualTo(served);
        VerificationResult result = SignedDocument.verify(response.bytes(), keys());
        assertThat(result.valid()).as(result.message()).isTrue();

        Api.Response list = get("/v1/workloads?to=2020-04-01T00:00:00Z", admin.token());
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertWellFormedUtf8Json(list.bytes());
        JsonNode listed = list.json().path("items").get(0);
        assertThat(listed.path("id").asText()).isEqualTo(id);
        assertThat(listed.path("name").asText()).isEqualTo(served);
        assertThat(listed.path("parameters").path("lineId").asText()).isEqualTo(servedLine);
        assertThat(get("/v1/workloads/" + id, admin.token()).json().path("name").asText()).isEqualTo(served);
    }

    /** Strict UTF-8 (a lone surrogate cannot be encoded) and no escaped surrogate, which I-JSON parsers refuse. */
    private static void assertWellFormedUtf8Json(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new AssertionError("not UTF-8", e);
        }
        assertThat(new String(body, StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT)).doesNotContain("\\ud8", "\\udc");
    }

    // ---------------------------------------------------------------- helpers

    /** Every id and object name in a report's tenant-owned sections. */
    private static Set<String> ids(JsonNode report) {
        Set<String> ids = new HashSet<>();
        report.path("inventory").forEach(o -> {
            ids.add(o.path("id").asText());
            if (o.has("workloadId")) {
                ids.add(o.path("workloadId").asText());
            }
        });
        report.path("processing").forEach(p -> ids.add(p.path("workloadId").asText()));
        report.path("transfers").forEach(t -> ids.add(t.path("id").asText()));
        report.path("operatorAccess").forEach(a -> ids.add(a.path("id").asText()));
        report.path("findings").forEach(f -> ids.add(f.path("id").asText()));
        report.path("scope").path("projectIds").forEach(p -> ids.add(p.asText()));
        ids.add(report.path("tenant").path("id").asText());
        return ids;
    }

    private DemoUser admin(String tenant) {
        return server.demoUsers().stream()
                .filter(u -> u.tenantId().equals(tenant) && u.role() == Role.TENANT_ADMIN)
                .findFirst().orElseThrow();
    }

    private DemoUser user(String userId) {
        return server.demoUsers().stream().filter(u -> u.userId().equals(userId)).findFirst().orElseThrow();
    }

    private JwkSet keys() {
        try {
            return JwkSet.parse(get("/.well-known/factory-keys", null).bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String path(Instant from, Instant to) {
        return "/v1/reports/residency?from=" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8)
                + "&to=" + URLEncoder.encode(to.toString(), StandardCharsets.UTF_8);
    }

    private Api.Response report(DemoUser user, Instant from, Instant to) {
        Api.Response response = get(path(from, to), user.token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    private Api.Response get(String path, String token, String... headers) {
        return factory.api.get(path, token, headers);
    }
}
