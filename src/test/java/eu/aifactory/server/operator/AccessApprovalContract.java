package eu.aifactory.server.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.api.report.ResidencyReport;
import eu.aifactory.api.report.ResidencyReport.AccessRequestRecord;
import eu.aifactory.api.report.ResidencyReport.Finding;
import eu.aifactory.api.report.ResidencyReport.FindingState;
import eu.aifactory.api.report.ResidencyReport.OperatorAccess;
import eu.aifactory.api.report.ResidencyReport.RequestOutcome;
import eu.aifactory.contract.OpenApiValidator;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.seed.DemoUser;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import eu.aifactory.testing.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Operator access approval through the real HTTP API of a factory seeded with the fixture tenants (acme, globex) and
 * the demo operator: a request approved, denied, expired, and an emergency access, each in the residency report as
 * expected; accesses refused without approval; another tenant never sees a request; roles; operator and tenant tokens
 * kept apart. The factory runs on a clock the test moves forward to pass deadlines and access windows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccessApprovalContract {

    private static final OpenApiValidator CONTRACT = OpenApiValidator.shared();
    private final TestDatabases.Kind kind;
    private final ShiftedClock clock = new ShiftedClock(TestClock.clock());
    private FactoryServer server;
    private Api api;
    private String operator;
    private String jdbcUrl;

    AccessApprovalContract(TestDatabases.Kind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void start() {
        jdbcUrl = TestDatabases.freshUrl(kind);
        server = FactoryServer.start(new ServerConfig("127.0.0.1", 0, jdbcUrl, null, true, 1.0),
                TestFactory.FIXTURE, 15_000, clock);
        api = new Api(server.baseUri());
        operator = server.demoOperatorToken().orElseThrow();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    // ---------------------------------------------------------------- the four outcomes

    @Test
    void anApprovedRequestAllowsAccessForItsDurationAndBothAppearInTheReport() {
        JsonNode request = create("acme", "acme-qs", 60, clock.instant().plus(1, ChronoUnit.DAYS));
        String id = request.get("id").asText();
        assertThat(request.get("state").asText()).isEqualTo("PENDING");
        assertThat(request.get("accessorName").asText()).isEqualTo("Jonas Berger");
        assertThat(request.get("projectName").asText()).isEqualTo("Qualitätssicherung");

        Api.Response early = use(id);
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.json().get("detail").asText()).contains("not approved yet");

        Api.Response approved = checked("POST", "/v1/access-requests/" + id + "/approve", admin("acme"),
                api.post("/v1/access-requests/" + id + "/approve", admin("acme"), "{\"comment\":\"fine, logs only\"}"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("state").asText()).isEqualTo("APPROVED");
        assertThat(approved.json().get("decidedBy").asText()).isEqualTo("Adam Admin");
        Instant until = Instant.parse(approved.json().get("accessUntil").asText());
        assertThat(Duration.between(Instant.parse(approved.json().get("decidedAt").asText()), until)).hasMinutes(60);

        Api.Response access = use(id);
        assertThat(access.status()).as(access.toString()).isEqualTo(201);
        assertThat(access.json().get("requestId").asText()).isEqualTo(id);
        assertThat(access.json().get("emergency").asBoolean()).isFalse();

        ResidencyReport report = report("acme");
        OperatorAccess listed = report.operatorAccess().stream().filter(a -> id.equals(a.requestId())).findFirst().orElseThrow();
        assertThat(listed.id()).isEqualTo(access.json().get("id").asText());
        assertThat(listed.employer()).isEqualTo("T-Systems International GmbH");
        assertThat(listed.officeCountry()).isEqualTo("DE");
        assertThat(listed.operatorCountry()).isEqualTo("AT");
        assertThat(listed.ticketRef()).isEqualTo(request.get("caseId").asText());
        assertThat(listed.operatorRole()).isEqualTo("Support engineer (2nd level)");
        AccessRequestRecord record = record(report, id);
        assertThat(record.outcome()).isEqualTo(RequestOutcome.APPROVED);
        assertThat(record.decidedBy()).isEqualTo("Adam Admin");
        assertThat(record.comment()).isEqualTo("fine, logs only");
        assertThat(record.accesses()).isEqualTo(1);
        assertThat(report.findings()).noneMatch(f -> listed.id().equals(f.subjectRef()));

        clock.advance(Duration.ofMinutes(61));
        Api.Response late = use(id);
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.json().get("detail").asText()).contains("window");
        assertThat(report("acme").operatorAccess()).filteredOn(a -> id.equals(a.requestId())).hasSize(1);
    }

    @Test
    void aDeniedRequestAllowsNoAccessAndIsListedAsDenied() {
        String id = create("acme", null, 120, clock.instant().plus(2, ChronoUnit.HOURS)).get("id").asText();

        Api.Response noComment = api.post("/v1/access-requests/" + id + "/deny", admin("acme"), "{}");
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.json().get("errors").get(0).get("field").asText()).isEqualTo("comment");
        Api.Response denied = checked("POST", "/v1/access-requests/" + id + "/deny", admin("acme"),
                api.post("/v1/access-requests/" + id + "/deny", admin("acme"), "{\"comment\":\"not without our IT present\"}"));
        assertThat(denied.status()).as(denied.toString()).isEqualTo(200);
        assertThat(denied.json().get("state").asText()).isEqualTo("DENIED");
        assertThat(api.post("/v1/access-requests/" + id + "/approve", admin("acme"), "{}").status())
                .as("a decision is final").isEqualTo(409);

        Api.Response access = use(id);
        assertThat(access.status()).isEqualTo(409);
        assertThat(access.json().get("detail").asText()).contains("denied");

        ResidencyReport report = report("acme");
        assertThat(record(report, id).outcome()).isEqualTo(RequestOutcome.DENIED);
        assertThat(record(report, id).comment()).isEqualTo("not without our IT present");
        assertThat(report.operatorAccess()).noneMatch(a -> id.equals(a.requestId()));
    }

    @Test
    void anUndecidedRequestExpiresAtItsDeadlineAndCanNoLongerBeDecidedOrUsed() {
        Instant deadline = clock.instant().plus(1, ChronoUnit.HOURS);
        String id = create("acme", "acme-maint", 30, deadline).get("id").asText();
        assertThat(ids(api.get("/v1/access-requests?state=PENDING", admin("acme")))).contains(id);

        clock.advance(Duration.ofMinutes(61));
        Api.Response expired = api.get("/v1/access-requests/" + id, admin("acme"));
        assertThat(expired.json().get("state").asText()).isEqualTo("EXPIRED");
        assertThat(ids(checked("GET", "/v1/access-requests?state=EXPIRED", admin("acme"),
                api.get("/v1/access-requests?state=EXPIRED", admin("acme"))))).contains(id);
        assertThat(ids(api.get("/v1/access-requests?state=PENDING", admin("acme")))).doesNotContain(id);
        Api.Response approve = api.post("/v1/access-requests/" + id + "/approve", admin("acme"), "{}");
        assertThat(approve.status()).isEqualTo(409);
        assertThat(approve.json().get("detail").asText()).contains("expired");
        assertThat(use(id).status()).isEqualTo(409);

        AccessRequestRecord record = record(report("acme"), id);
        assertThat(record.outcome()).isEqualTo(RequestOutcome.EXPIRED);
        assertThat(record.settledAt()).isEqualTo(deadline.truncatedTo(ChronoUnit.MILLIS));
        assertThat(record.decidedBy()).isNull();
    }

    @Test
    void anEmergencyAccessNeedsNoApprovalAndIsAFindingInTheReport() {
        String body = "{\"tenantId\":\"acme\",\"projectId\":\"acme-qs\",\"resource\":\"Storage volume of project Qualitätssicherung\","
                + "\"emergencyCode\":\"DATA_INTEGRITY_RISK\",\"reasonCode\":\"HARDWARE_FAULT\",\"justification\":\"Drive failing now\","
                + "\"caseId\":\"INC-4711\",\"locationCountry\":\"DE\"}";
        Api.Response created = checked("POST", "/v1/operator/emergency-accesses", operator,
                api.post("/v1/operator/emergency-accesses", operator, body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.json().get("emergency").asBoolean()).isTrue();
        assertThat(created.json().has("requestId")).isFalse();

        ResidencyReport report = report("acme");
        OperatorAccess access = report.operatorAccess().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
        assertThat(access.emergency()).isTrue();
        assertThat(access.emergencyCode()).isEqualTo(ResidencyReport.EmergencyCode.DATA_INTEGRITY_RISK);
        Finding finding = report.findings().stream().filter(f -> id.equals(f.subjectRef())).findFirst().orElseThrow();
        assertThat(finding.id()).isEqualTo("derived-emergency-" + id);
        assertThat(finding.state()).isEqualTo(FindingState.EXCEPTION);
        assertThat(finding.description()).contains("Emergency access", "DATA_INTEGRITY_RISK", "INC-4711");
        assertThat(report.verdict().status()).isNotEqualTo(ResidencyReport.Status.COMPLIANT);
    }

    // ---------------------------------------------------------------- isolation, roles, credentials

    @Test
    void anotherTenantNeverSeesTheRequest() {
        String id = create("acme", null, 60, clock.instant().plus(1, ChronoUnit.DAYS)).get("id").asText();
        String globex = admin("globex");
        assertThat(api.get("/v1/access-requests/" + id, globex).status()).isEqualTo(404);
        assertThat(api.post("/v1/access-requests/" + id + "/approve", globex, "{}").status()).isEqualTo(404);
        assertThat(api.post("/v1/access-requests/" + id + "/deny", globex, "{\"comment\":\"no\"}").status()).isEqualTo(404);
        assertThat(ids(api.get("/v1/access-requests", globex))).doesNotContain(id).isEmpty();
        assertThat(api.get("/v1/access-requests/" + id, admin("acme")).json().get("state").asText())
                .as("the other tenant's attempts changed nothing").isEqualTo("PENDING");

        assertThat(api.post("/v1/access-requests/" + id + "/approve", admin("acme"), "{}").status()).isEqualTo(200);
        assertThat(use(id).status()).isEqualTo(201);
        ResidencyReport other = report("globex");
        assertThat(other.accessRequests()).isEmpty();
        assertThat(other.operatorAccess()).noneMatch(a -> a.requestId() != null);
        assertThat(record(report("acme"), id).outcome()).isEqualTo(RequestOutcome.APPROVED);
    }

    @Test
    void engineersCannotReadOrDecideAndAccountManagersOnlyRead() {
        String id = create("acme", "acme-qs", 60, clock.instant().plus(1, ChronoUnit.DAYS)).get("id").asText();
        String engineer = user("acme-eng");
        assertThat(api.get("/v1/access-requests", engineer).status()).isEqualTo(403);
        assertThat(api.get("/v1/access-requests/" + id, engineer).status()).isEqualTo(403);
        assertThat(api.post("/v1/access-requests/" + id + "/approve", engineer, "{}").status()).isEqualTo(403);
        assertThat(api.post("/v1/access-requests/" + id + "/deny", engineer, "{\"comment\":\"no\"}").status()).isEqualTo(403);

        String manager = user("acme-am");
        assertThat(ids(api.get("/v1/access-requests", manager))).contains(id);
        assertThat(api.get("/v1/access-requests/" + id, manager).status()).isEqualTo(200);
        Api.Response approve = api.post("/v1/access-requests/" + id + "/approve", manager, "{}");
        assertThat(approve.status()).isEqualTo(403);
        assertThat(approve.json().get("detail").asText()).contains("Only tenant admins");
        assertThat(api.get("/v1/access-requests/" + id, manager).json().get("state").asText()).isEqualTo("PENDING");
    }

    @Test
    void operatorAndTenantTokensOpenOnlyTheirOwnEndpoints() {
        assertThat(api.get("/v1/operator/access-requests", admin("acme")).status()).isEqualTo(401);
        assertThat(api.post("/v1/operator/emergency-accesses", admin("acme"), "{}").status()).isEqualTo(401);
        assertThat(api.get("/v1/access-requests", operator).status()).isEqualTo(401);
        assertThat(api.get("/v1/me", operator).status()).isEqualTo(401);
        assertThat(api.get("/v1/operator/access-requests", null).status()).isEqualTo(401);
    }

    @Test
    void onlyTheOperatorWhoAskedMayAccessUnderTheRequest() {
        String id = create("acme", null, 60, clock.instant().plus(1, ChronoUnit.DAYS)).get("id").asText();
        assertThat(api.post("/v1/access-requests/" + id + "/approve", admin("acme"), "{}").status()).isEqualTo(200);
        String other = OperatorTokens.random();
        // A plain connection: closing a second Database on the same in-memory H2 would close the factory's too.
        org.jdbi.v3.core.Jdbi.create(jdbcUrl).useTransaction(h -> new OperatorStore(null).addToken(h, "op-other", other,
                "Otto Other", "Network engineer", "Polarise GmbH", "DE", clock.millis()));
        Api.Response refused = api.post("/v1/operator/access-requests/" + id + "/accesses", other, "{}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(report("acme").operatorAccess()).noneMatch(a -> id.equals(a.requestId()));
    }

    @Test
    void badRequestsNameEveryBadField() {
        String body = "{\"tenantId\":\"nobody\",\"resource\":\" \",\"reasonCode\":\"CUSTOMER_INITIATED_SUPPORT\","
                + "\"justification\":\"x\",\"caseId\":\"C-1\",\"locationCountry\":\"Germany\",\"durationMinutes\":0,"
                + "\"deadline\":\"2026-01-01T00:00:00Z\"}";
        Api.Response bad = checked("POST", "/v1/operator/access-requests", operator,
                api.post("/v1/operator/access-requests", operator, body));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(StreamSupport.stream(bad.json().get("errors").spliterator(), false).map(e -> e.get("field").asText()))
                .containsExactlyInAnyOrder("resource", "locationCountry", "durationMinutes");
        Api.Response unknownTenant = api.post("/v1/operator/access-requests", operator, requestBody("nobody", null, 60,
                clock.instant().plus(1, ChronoUnit.DAYS)));
        assertThat(unknownTenant.json().get("errors").get(0).get("field").asText()).isEqualTo("tenantId");
        Api.Response otherProject = api.post("/v1/operator/access-requests", operator, requestBody("acme", "globex-lab", 60,
                clock.instant().plus(1, ChronoUnit.DAYS)));
        assertThat(otherProject.json().get("errors").get(0).get("field").asText()).isEqualTo("projectId");
        Api.Response past = api.post("/v1/operator/access-requests", operator, requestBody("acme", null, 60,
                clock.instant().minus(1, ChronoUnit.MINUTES)));
        assertThat(past.json().get("errors").get(0).get("field").asText()).isEqualTo("deadline");
        assertThat(api.get("/v1/access-requests?state=LATER", admin("acme")).status()).isEqualTo(400);
    }

    @Test
    void theDemoTenantHasOnePendingAndOneApprovedRequest() {
        JsonNode pending = api.get("/v1/operator/access-requests?tenantId=acme&state=PENDING", operator).json();
        assertThat(StreamSupport.stream(pending.spliterator(), false)
                .filter(r -> r.get("reasonCode").asText().equals("HARDWARE_FAULT"))).hasSize(1);
        JsonNode approved = checked("GET", "/v1/operator/access-requests?tenantId=acme&state=APPROVED", operator,
                api.get("/v1/operator/access-requests?tenantId=acme&state=APPROVED", operator)).json();
        JsonNode seeded = StreamSupport.stream(approved.spliterator(), false)
                .filter(r -> r.get("caseId").asText().startsWith("SUP-")).findFirst().orElseThrow();
        assertThat(seeded.get("accesses").asInt()).isEqualTo(1);
        assertThat(seeded.get("decidedBy").asText()).isEqualTo("Adam Admin");
        assertThat(ids(api.get("/v1/operator/access-requests?tenantId=globex", operator))).isEmpty();
        assertThat(api.get("/v1/operator/access-requests/" + seeded.get("id").asText(), operator).status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode create(String tenant, String project, int minutes, Instant deadline) {
        Api.Response response = checked("POST", "/v1/operator/access-requests", operator,
                api.post("/v1/operator/access-requests", operator, requestBody(tenant, project, minutes, deadline)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static String requestBody(String tenant, String project, int minutes, Instant deadline) {
        return "{\"tenantId\":\"" + tenant + "\"" + (project == null ? "" : ",\"projectId\":\"" + project + "\"")
                + ",\"resource\":\"Log lines of the failed runs\",\"reasonCode\":\"CUSTOMER_INITIATED_SUPPORT\","
                + "\"justification\":\"The customer asked why runs failed.\",\"caseId\":\"SUP-" + Math.abs(deadline.hashCode() % 100000)
                + "\",\"locationCountry\":\"AT\",\"durationMinutes\":" + minutes + ",\"deadline\":\"" + deadline + "\"}";
    }

    private Api.Response use(String id) {
        String path = "/v1/operator/access-requests/" + id + "/accesses";
        return checked("POST", path, operator, api.post(path, operator, "{}"));
    }

    private ResidencyReport report(String tenant) {
        String path = "/v1/reports/residency?from=" + TestClock.START.minus(100, ChronoUnit.DAYS) + "&to="
                + clock.instant().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Api.Response response = checked("GET", path, admin(tenant), api.get(path, admin(tenant)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        try {
            return Api.JSON.treeToValue(response.json().get("report"), ResidencyReport.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static AccessRequestRecord record(ResidencyReport report, String id) {
        return report.accessRequests().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("request " + id + " not in the report: " + report.accessRequests()));
    }

    private static List<String> ids(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return StreamSupport.stream(response.json().spliterator(), false).map(r -> r.get("id").asText()).toList();
    }

    /** The response, after checking it against the OpenAPI document. */
    private static Api.Response checked(String method, String path, String token, Api.Response response) {
        assertThat(CONTRACT.validateResponse(method, path, response.status(), response.contentType(), response.body()))
                .as("%s %s answered per the contract", method, path).isEmpty();
        return response;
    }

    private String admin(String tenant) {
        return user(tenant + "-admin");
    }

    private String user(String userId) {
        return server.demoUsers().stream().filter(u -> u.userId().equals(userId)).map(DemoUser::token).findFirst()
                .orElseThrow();
    }


    /** A clock that runs like {@link TestClock} and jumps forward when told to. */
    static final class ShiftedClock extends Clock {
        private final Clock base;
        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        ShiftedClock(Clock base) {
            this.base = base;
        }

        void advance(Duration by) {
            offset.updateAndGet(o -> o.plus(by));
        }

        @Override
        public Instant instant() {
            return base.instant().plus(offset.get());
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
