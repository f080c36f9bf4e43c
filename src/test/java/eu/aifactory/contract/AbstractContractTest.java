package eu.aifactory.contract;

import eu.aifactory.api.transparency.TreeHead;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayOutputStream;
import eu.aifactory.api.audit.AuditQuery;
import eu.aifactory.api.audit.AuditOutcome;
import eu.aifactory.api.audit.AuditEntry;
import eu.aifactory.api.audit.AuditAction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.aifactory.api.Json;
import eu.aifactory.api.Page;
import eu.aifactory.api.ProblemType;
import eu.aifactory.api.admin.ApiToken;
import eu.aifactory.api.admin.CreatedToken;
import eu.aifactory.api.admin.ProjectInfo;
import eu.aifactory.api.admin.TokenCreate;
import eu.aifactory.api.admin.UserAccount;
import eu.aifactory.api.admin.UserCreate;
import eu.aifactory.api.admin.UserUpdate;
import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppQuery;
import eu.aifactory.api.catalog.AppSummary;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.ParameterSpec;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.api.dataset.Dataset;
import eu.aifactory.api.report.EnergyGroup;
import eu.aifactory.api.report.EnergyGroupBy;
import eu.aifactory.api.report.EnergyReceipt;
import eu.aifactory.api.report.EnergyReceiptSummary;
import eu.aifactory.api.report.SignedEnergyReceipt;
import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.api.report.EnergySeries;
import eu.aifactory.api.report.EnergyStackBy;
import eu.aifactory.api.report.SiteIndicator;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.SignedDocument;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.api.tenant.SignInOptions;
import eu.aifactory.api.usage.BudgetLevel;
import eu.aifactory.api.usage.BudgetOverride;
import eu.aifactory.api.usage.BudgetStatus;
import eu.aifactory.api.usage.BudgetUpdate;
import eu.aifactory.api.usage.Headroom;
import eu.aifactory.api.usage.QuotaStatus;
import eu.aifactory.api.usage.UsageGroupBy;
import eu.aifactory.api.usage.UsageReport;
import eu.aifactory.api.workload.Artifact;
import eu.aifactory.api.workload.Estimate;
import eu.aifactory.api.workload.EstimateRequest;
import eu.aifactory.api.workload.LogPage;
import eu.aifactory.api.workload.Priority;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadEvent;
import eu.aifactory.api.workload.WorkloadQuery;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.api.workload.WorkloadSubmission;
import eu.aifactory.client.ApiException;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.client.FactoryClientConfig;
import eu.aifactory.client.OperatorClient;
import eu.aifactory.api.access.AccessRequest;
import eu.aifactory.api.access.AccessRequestCreate;
import eu.aifactory.api.access.AccessRequestState;
import eu.aifactory.api.access.EmergencyAccessCreate;
import eu.aifactory.api.report.ResidencyReport.AccessReason;
import eu.aifactory.api.report.ResidencyReport.EmergencyCode;
import eu.aifactory.client.HttpFactoryClient;
import eu.aifactory.client.sso.SsoProvider;
import eu.aifactory.client.update.UpdateCheck;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.seed.DemoUser;
import eu.aifactory.server.support.Await;
import eu.aifactory.server.tenant.OidcSettings;
import eu.aifactory.testing.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract test: the real server on port 0, driven through the real client; every request and response
 * that crosses the wire is checked against the OpenAPI document, and every operation of the document must
 * have been exercised. Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractContractTest {

    private final RecordingInterceptor recorder = new RecordingInterceptor();
    private final OpenApiValidator validator = OpenApiValidator.shared();
    private final Set<String> exercised = new HashSet<>();
    /** Every call of these tests goes through it: recorded for the contract check, and trusting the factory's TLS. */
    private OkHttpClient http;

    private FactoryServer server;
    private DemoUser engineer;
    private DemoUser otherTenantEngineer;
    private FactoryClient client;
    /** Before any test submits work: the demo history lies before it, live runs after. */
    private Instant factoryStarted;

    @TempDir
    Path temp;

    /** The JDBC URL of a fresh, empty database. */
    abstract String freshJdbcUrl();

    /** How the factory under test is configured; a subclass may serve it over TLS. */
    ServerConfig factoryConfig(ServerConfig plain) {
        return plain;
    }

    /** How the clients under test are configured; a subclass may pin the factory's certificate. */
    FactoryClientConfig.Builder clientConfig(FactoryClientConfig.Builder builder) {
        return builder;
    }

    /** How plain HTTP calls outside the factory client reach the factory; a subclass may pin its certificate. */
    OkHttpClient.Builder transport(OkHttpClient.Builder builder) {
        return builder;
    }

    /** Where the factory under test listens. */
    URI factoryUri() {
        return server.baseUri();
    }

    @BeforeAll
    void startFactory() {
        factoryStarted = TestClock.now();
        // With single sign-on configured, so the sign-in options carry the provider (never contacted by these tests).
        server = FactoryServer.start(factoryConfig(new ServerConfig("127.0.0.1", 0, freshJdbcUrl(), null, true, 3600)
                .withOidc(new OidcSettings(URI.create("http://127.0.0.1:9/realms/acme"), "factory", "portal",
                        OidcSettings.DEFAULT_TENANT_CLAIM, null, OidcSettings.DEFAULT_CLOCK_SKEW))), TestClock.clock());
        http = transport(new OkHttpClient.Builder().addNetworkInterceptor(recorder)).build();
        engineer = server.demoUsers().stream().filter(u -> u.role() == Role.ENGINEER).findFirst().orElseThrow();
        otherTenantEngineer = server.demoUsers().stream()
                .filter(u -> u.role() == Role.ENGINEER && !u.tenantId().equals(engineer.tenantId()))
                .findFirst().orElseThrow();
        client = clientFor(engineer.token());
    }

    @AfterAll
    void stopFactoryAndCheckCoverage() throws IOException {
        client.close();
        server.close();
        assertThat(exercised).as("operations exercised through the client").containsAll(documentedOperations());
    }

    @AfterEach
    void everyExchangeMatchesTheContract() {
        List<String> problems = new ArrayList<>();
        for (RecordingInterceptor.Exchange e : recorder.drain()) {
            exercised.add(e.method() + " " + template(e.pathAndQuery()));
            problems.addAll(validator.validateRequest(e.method(), e.pathAndQuery(), e.requestHeaders(),
                    e.requestContentType(), e.requestBody()));
            problems.addAll(validator.validateResponse(e.method(), e.pathAndQuery(), e.status(),
                    e.responseContentType(), e.responseBody()));
        }
        assertThat(problems).as("contract violations").isEmpty();
    }

    @Test
    void healthAndMeDescribeTheFactoryAndTheCaller() {
        assertThat(client.health().status()).isEqualTo("ok");
        Me me = client.me();
        assertThat(me.user().id()).isEqualTo(engineer.userId());
        assertThat(me.tenant().name()).isEqualTo(engineer.tenantName());
        assertThat(me.roles()).containsExactly(Role.ENGINEER);
        assertThat(me.projects()).isNotEmpty();
    }

    @Test
    void signInOptionsNeedNoTokenAndNameTheIdentityProvider() {
        SignInOptions options = SsoProvider.signInOptions(http, server.baseUri());
        assertThat(options.apiTokens()).isTrue();
        assertThat(options.sso().issuer()).isEqualTo("http://127.0.0.1:9/realms/acme");
        assertThat(options.sso().clientId()).isEqualTo("portal");
        assertThat(client.me().user().id()).isEqualTo(engineer.userId());
    }

    @Test
    void catalogSearchFindsGermanTextWithUmlautsFolded() {
        for (String query : List.of("Qualität", "qualitaet", "QUALITAT")) {
            Page<AppSummary> page = client.listApps(new AppQuery(query, null, null, null, null, null, null, null));
            assertThat(page.items()).as(query).extracting(AppSummary::id).contains("visual-quality-inspection");
        }
        Page<AppSummary> inspection = client.listApps(
                new AppQuery(null, "quality-inspection", null, null, null, "price", null, null));
        assertThat(inspection.items()).isNotEmpty().allMatch(a -> a.category().equals("quality-inspection"));
        assertThat(inspection.items()).extracting(AppSummary::priceFromEurPerHour)
                .isSortedAccordingTo(BigDecimal::compareTo);
    }

    @Test
    void catalogPagesWalkEveryApplicationOnceInAStableOrder() {
        List<String> ids = new ArrayList<>();
        AppQuery query = AppQuery.all().withLimit(7);
        Page<AppSummary> page;
        do {
            page = client.listApps(query);
            page.items().forEach(a -> ids.add(a.id()));
            query = query.withCursor(page.nextCursor());
        } while (page.hasMore());
        List<String> all = client.listApps(AppQuery.all().withLimit(500)).items().stream().map(AppSummary::id).toList();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates().isEqualTo(all);
    }

    @Test
    void applicationDetailAndPlansCarryTypedParametersAndPrices() {
        AppDetail app = client.getApp("visual-quality-inspection");
        assertThat(app.summary().name().de()).contains("Qualität");
        assertThat(app.latest().parameters()).isNotEmpty();
        List<ResourcePlan> plans = client.listResourcePlans();
        assertThat(plans).extracting(ResourcePlan::id).containsAll(app.latest().planIds());
        assertThatThrownBy(() -> client.getApp("no-such-app"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND));
    }

    @Test
    void estimateForecastsCostEnergyAndCarbon() {
        AppDetail app = client.getApp("visual-quality-inspection");
        AppVersion version = app.latest();
        Estimate estimate = client.estimate(new EstimateRequest(app.summary().id(), version.version(),
                version.planIds().get(0), Priority.NORMAL, defaults(version)));
        assertThat(estimate.costEur()).isPositive();
        assertThat(estimate.energyKwh()).isPositive();
        assertThat(estimate.co2eKgLocationBased()).isPositive();
        assertThat(estimate.methodologyVersion()).isNotBlank();
    }

    @Test
    void submitIsIdempotentPerKeyAndRefusesAReusedKeyWithAnotherBody() {
        WorkloadSubmission submission = submission("contract idempotency");
        String key = UUID.randomUUID().toString();
        Workload first = client.submit(submission, key);
        Workload replay = client.submit(submission, key);
        assertThat(replay.id()).isEqualTo(first.id());
        WorkloadSubmission other = submission("another body");
        assertThatThrownBy(() -> client.submit(other, key)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.IDEMPOTENCY_KEY_REUSED));
    }

    @Test
    void invalidParametersAreRefusedFieldByField() {
        WorkloadSubmission valid = submission("invalid");
        Map<String, Object> parameters = new HashMap<>(valid.parameters());
        parameters.put("noSuchParameter", 1);
        WorkloadSubmission invalid = new WorkloadSubmission(valid.name(), valid.appId(), valid.appVersion(),
                valid.projectId(), "no-such-plan", valid.priority(), parameters, Map.of());
        assertThatThrownBy(() -> client.submit(invalid, UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
                    assertThat(e.problem().errors()).extracting(f -> f.field())
                            .contains("parameters.noSuchParameter", "planId");
                });
    }

    @Test
    void aWorkloadRunsToCompletionWithHistoryLogsArtifactsAndEvents() throws Exception {
        List<WorkloadEvent> events = new CopyOnWriteArrayList<>();
        try (FactoryClient.EventSubscription subscription = client.subscribe(0, events::add, state -> { })) {
            Workload submitted = client.submit(submission("contract run"), UUID.randomUUID().toString());
            assertThat(submitted.status()).isEqualTo(WorkloadStatus.QUEUED);

            Await.until("the run to succeed", () -> client.getWorkload(submitted.id()).status(), s -> s == WorkloadStatus.SUCCEEDED);
            Workload done = client.getWorkload(submitted.id());
            assertThat(done.history()).extracting(Workload.StatusChange::status).containsSubsequence(
                    WorkloadStatus.QUEUED, WorkloadStatus.STARTING, WorkloadStatus.RUNNING, WorkloadStatus.SUCCEEDED);
            assertThat(done.energyKwh()).isPositive();
            // Every reason the executor wrote has a code a client can translate.
            assertThat(done.history()).allSatisfy(change -> assertThat(change.reasonCode()).as(change.reason()).isNotNull());
            assertThat(done.statusReasonCode()).isEqualTo("finished");

            Await.until("the run's SUCCEEDED event", () -> events.stream().anyMatch(e -> e.workloadId().equals(submitted.id())
                    && e.status() == WorkloadStatus.SUCCEEDED), seen -> seen);
            assertThat(subscription.lastEventId()).isPositive();
            for (WorkloadEvent event : events) {
                assertThat(validator.validateSchema("WorkloadEvent", Json.mapper().writeValueAsString(event)))
                        .isEmpty();
            }

            Page<Workload> mine = client.listWorkloads(
                    new WorkloadQuery(Set.of(WorkloadStatus.SUCCEEDED), null, null, "me", null, null, null, null, 50, null));
            assertThat(mine.items()).extracting(Workload::id).contains(submitted.id());

            LogPage logs = client.logs(submitted.id(), 1, null, null, 1000);
            assertThat(logs.lines()).isNotEmpty();
            assertThat(logs.complete()).isTrue();
            String word = logs.lines().get(0).text().split("\\s+")[0];
            LogPage filtered = client.logs(submitted.id(), 1, null, word, 1000);
            assertThat(filtered.lines()).isNotEmpty()
                    .allMatch(l -> l.text().toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT)));

            List<Artifact> artifacts = client.listArtifacts(submitted.id());
            assertThat(artifacts).isNotEmpty();
            Artifact artifact = artifacts.get(0);
            Path whole = temp.resolve("whole.bin");
            assertThat(client.downloadArtifact(artifact.id(), whole, bytes -> { })).isEqualTo(artifact.sizeBytes());
            assertThat(sha256(whole)).isEqualTo(artifact.sha256());

            Path resumed = temp.resolve("resumed.bin");
            byte[] content = Files.readAllBytes(whole);
            Files.write(Path.of(resumed + ".part"), java.util.Arrays.copyOf(content, content.length / 2));
            client.downloadArtifact(artifact.id(), resumed, bytes -> { });
            assertThat(Files.readAllBytes(resumed)).isEqualTo(content);
        }
    }

    @Test
    void cancellingEndsAWorkloadAndASecondCancelConflicts() {
        Workload submitted = client.submit(submission("contract cancel"), UUID.randomUUID().toString());
        Workload cancelling = client.cancel(submitted.id());
        assertThat(cancelling.status()).isIn(WorkloadStatus.CANCELLING, WorkloadStatus.CANCELLED);
        Await.until("the run to be cancelled", () -> client.getWorkload(submitted.id()).status(), s -> s == WorkloadStatus.CANCELLED);
        assertThatThrownBy(() -> client.cancel(submitted.id())).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.CONFLICT));
    }

    @Test
    void anotherTenantsWorkloadDoesNotExistForTheCaller() {
        Workload mine = client.submit(submission("contract isolation"), UUID.randomUUID().toString());
        try (FactoryClient other = clientFor(otherTenantEngineer.token())) {
            assertThatThrownBy(() -> other.getWorkload(mine.id())).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.status()).isEqualTo(404));
            assertThat(other.listWorkloads(WorkloadQuery.all().withLimit(500)).items())
                    .extracting(Workload::id).doesNotContain(mine.id());
        }
    }

    @Test
    void anUploadedDatasetIsListedAndTakenAsAWorkloadInputButNotByAnotherTenant() throws Exception {
        Path file = temp.resolve("Prüfbilder Linie 7.csv");
        byte[] content = "station,image\nS1,img-0001.png\n".repeat(5_000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(file, content);
        String project = client.me().projects().get(0).id();
        List<Long> progress = new CopyOnWriteArrayList<>();
        Dataset dataset = client.uploadDataset(project, file, progress::add);
        assertThat(dataset.name()).isEqualTo("Prüfbilder Linie 7.csv");
        assertThat(dataset.sizeBytes()).isEqualTo(content.length);
        assertThat(dataset.sha256()).isEqualTo(sha256(file));
        assertThat(progress).last().isEqualTo((long) content.length);

        Page<Dataset> listed = client.listDatasets(project, null, 500);
        assertThat(listed.items()).extracting(Dataset::id).contains(dataset.id());
        WorkloadSubmission base = submission("contract dataset input");
        Workload withInput = client.submit(new WorkloadSubmission(base.name(), base.appId(), base.appVersion(),
                base.projectId(), base.planId(), base.priority(), base.parameters(), Map.of("images", dataset.id())),
                UUID.randomUUID().toString());
        assertThat(withInput.inputs()).containsEntry("images", dataset.id());

        try (FactoryClient other = clientFor(otherTenantEngineer.token())) {
            assertThat(other.listDatasets(null, null, 500).items()).extracting(Dataset::id).doesNotContain(dataset.id());
            String theirProject = other.me().projects().get(0).id();
            AppVersion version = other.getApp("visual-quality-inspection").latest();
            WorkloadSubmission stolen = new WorkloadSubmission("cross-tenant input", "visual-quality-inspection",
                    version.version(), theirProject, version.planIds().get(0), Priority.NORMAL, defaults(version),
                    Map.of("images", dataset.id()));
            assertThatThrownBy(() -> other.submit(stolen, UUID.randomUUID().toString()))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.problem().errors())
                            .extracting(f -> f.field()).containsExactly("inputs.images"));
            assertThatThrownBy(() -> other.uploadDataset(project, file, null))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.problem().errors())
                            .extracting(f -> f.field()).containsExactly("projectId"));
        }
    }

    @Test
    void energyReceiptsOfWorkloadsInsideAPeriodEqualTheirRowsOfTheReport() {
        // The demo history: about 90 days of the engineer's finished work, with per-minute power samples; the
        // period ends before the runs other tests submit, so both reports below see the same samples.
        Instant to = factoryStarted;
        Instant from = to.minus(Duration.ofDays(120));
        EnergyReport report = client.energyReport(from, to, EnergyGroupBy.WORKLOAD);
        assertThat(report.groups()).isNotEmpty();
        assertThat(report.indicators()).extracting(SiteIndicator::name).containsExactly("PUE", "REF", "ERF", "WUE");
        BigDecimal facility = report.groups().stream().map(EnergyGroup::facilityKwh).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(facility).isEqualByComparingTo(report.totals().facilityKwh());
        for (EnergyGroup row : report.groups().subList(0, Math.min(3, report.groups().size()))) {
            EnergyReceipt receipt = client.energyReceipt(row.key());
            assertThat(receipt.start()).isAfterOrEqualTo(from);
            assertThat(receipt.itKwh()).isEqualByComparingTo(row.itKwh());
            assertThat(receipt.facilityKwh()).isEqualByComparingTo(row.facilityKwh());
            assertThat(receipt.co2eKgLocationBased()).isEqualByComparingTo(row.co2eKgLocationBased());
            assertThat(receipt.co2eKgMarketBased()).isEqualByComparingTo(row.co2eKgMarketBased());
        }
        assertThat(client.energyReport(from, to, EnergyGroupBy.MONTH).totals()).isEqualTo(report.totals());
        assertThatThrownBy(() -> client.energyReport(to, from, EnergyGroupBy.DAY)).isInstanceOfSatisfying(
                ApiException.class, e -> assertThat(e.problem().errors()).extracting(f -> f.field()).containsExactly("to"));
        try (FactoryClient other = clientFor(otherTenantEngineer.token())) {
            assertThatThrownBy(() -> other.energyReceipt(report.groups().get(0).key()))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        }
    }

    @Test
    void aSignedEnergyReceiptCarriesTheReceiptsFiguresAndVerifiesWithThePublishedKeys() {
        EnergyReport report = client.energyReport(factoryStarted.minus(Duration.ofDays(120)), factoryStarted,
                EnergyGroupBy.WORKLOAD);
        String workloadId = report.groups().get(0).key();
        SignedEnergyReceipt signed = client.signedEnergyReceipt(workloadId);
        EnergyReceipt receipt = client.energyReceipt(workloadId);
        EnergyReceiptSummary summary = SignedEnergyReceipt.read(signed.qrText());
        assertThat(summary).isEqualTo(signed.summary());
        assertThat(summary.workloadId()).isEqualTo(workloadId);
        assertThat(summary.site()).isEqualTo(receipt.site()).isEqualTo(report.site());
        assertThat(summary.from()).isEqualTo(receipt.start());
        assertThat(summary.to()).isEqualTo(receipt.end());
        assertThat(summary.facilityKwh()).isEqualByComparingTo(receipt.facilityKwh());
        assertThat(summary.co2eKg()).isEqualByComparingTo(receipt.co2eKgLocationBased());
        assertThat(SignedEnergyReceipt.verify(signed.qrText(), client.factoryKeys()).valid()).isTrue();
        try (FactoryClient other = clientFor(otherTenantEngineer.token())) {
            assertThatThrownBy(() -> other.signedEnergyReceipt(workloadId))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        }
    }

    @Test
    void stackedEnergyReportSplitsEveryWeekByProjectExactlyAndShowsNoOtherTenantsProjects() {
        Instant to = factoryStarted;
        Instant from = to.minus(Duration.ofDays(120));
        EnergyReport stacked = client.energyReport(from, to, EnergyGroupBy.WEEK, EnergyStackBy.PROJECT);
        assertThat(stacked.stackBy()).isEqualTo(EnergyStackBy.PROJECT);
        assertThat(stacked.series()).isNotEmpty();
        for (int i = 0; i < stacked.groups().size(); i++) {
            int week = i;
            assertThat(stacked.series().stream().map(s -> s.values().get(week)).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(stacked.groups().get(i).facilityKwh());
        }
        EnergyReport byProject = client.energyReport(from, to, EnergyGroupBy.PROJECT);
        assertThat(stacked.series()).extracting(EnergySeries::key)
                .containsExactlyInAnyOrderElementsOf(byProject.groups().stream().map(EnergyGroup::key).toList());
        EnergyReport byApp = client.energyReport(from, to, EnergyGroupBy.DAY, EnergyStackBy.APPLICATION);
        assertThat(byApp.series().stream().map(EnergySeries::facilityKwh).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(byApp.totals().facilityKwh());
        assertThatThrownBy(() -> client.energyReport(from, to, EnergyGroupBy.USER, EnergyStackBy.PROJECT))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.problem().errors())
                        .extracting(f -> f.field()).containsExactly("stackBy"));
        try (FactoryClient other = clientFor(otherTenantEngineer.token())) {
            EnergyReport theirs = other.energyReport(from, to, EnergyGroupBy.WEEK, EnergyStackBy.PROJECT);
            assertThat(theirs.series()).extracting(EnergySeries::key)
                    .doesNotContainAnyElementsOf(stacked.series().stream().map(EnergySeries::key).toList());
        }
    }

    @Test
    void residencyReportVerifiesOfflineWithThePublishedKeysAndAnEditBreaksIt() {
        Instant now = TestClock.now();
        JsonNode signed = client.residencyReport(now.minus(Duration.ofDays(90)), now);
        JwkSet keys = client.factoryKeys();
        assertThat(SignedDocument.verify(signed, keys).valid()).isTrue();
        ObjectNode edited = signed.deepCopy();
        ((ObjectNode) edited.path("report").path("tenant")).put("name", "Someone Else GmbH");
        assertThat(SignedDocument.verify(edited, keys).valid()).isFalse();
    }

    @Test
    void theTransparencyLogAnswersItsSignedHeadAndProofsThatHoldAndOnlyForTheCallersTenant() {
        TreeHead head = client.transparencyHead();
        assertThat(head.isSignedBy(client.factoryKeys())).isTrue();
        assertThat(head.tenantId()).isEqualTo(engineer.tenantId());
        TreeHead later = client.transparencyHead();
        assertThat(client.transparencyConsistency(head.treeSize(), later.treeSize()).proves(head, later)).isTrue();
        assertThat(client.transparencyInclusion(head.treeSize() - 1, head.treeSize()).proves(head)).isTrue();
        try (FactoryClient other = clientFor(otherTenantEngineer.token())) {
            long beyond = Math.max(head.treeSize(), other.transparencyHead().treeSize()) + 1;
            assertThatThrownBy(() -> other.transparencyConsistency(0, beyond)).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.status()).isEqualTo(404));
        }
    }

    @Test
    void aFactoryThatPublishedNoReleaseAnnouncesNoneToTheUpdateCheck() {
        // This factory has no data directory; the signed 200 is checked against the contract in PublishReleaseCommandTest.
        assertThat(new UpdateCheck(http).read(UpdateCheck.atFactory(server.baseUri()), client.factoryKeys())).isEmpty();
    }

    @Test
    void aWrongTokenIsRefusedWithAProblem() {
        try (FactoryClient stranger = clientFor("afp_not-a-real-token")) {
            assertThatThrownBy(stranger::me).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.type()).isEqualTo(ProblemType.UNAUTHENTICATED));
        }
    }

    @Test
    void usageBudgetsQuotasAndAdministrationFollowTheContract() {
        DemoUser adminUser = server.demoUsers().stream()
                .filter(u -> u.role() == Role.TENANT_ADMIN && u.tenantId().equals(engineer.tenantId())).findFirst().orElseThrow();
        DemoUser managerUser = server.demoUsers().stream()
                .filter(u -> u.role() == Role.ACCOUNT_MANAGER && u.tenantId().equals(engineer.tenantId())).findFirst().orElseThrow();
        try (FactoryClient admin = clientFor(adminUser.token()); FactoryClient manager = clientFor(managerUser.token())) {
            Instant to = TestClock.now();
            Instant from = to.minus(Duration.ofDays(40));
            for (UsageGroupBy groupBy : UsageGroupBy.values()) {
                UsageReport report = manager.usage(from, to, groupBy);
                assertThat(report.groupBy()).isEqualTo(groupBy);
                assertThat(report.groups()).isNotEmpty();
                assertThat(report.totals().costEur()).isEqualByComparingTo(
                        manager.energyReport(from, to, EnergyGroupBy.PROJECT).totals().costEur());
            }
            String someProject = client.me().projects().get(0).id();
            UsageReport oneProject = manager.usage(from, to, UsageGroupBy.DAY, someProject);
            assertThat(oneProject.budgets()).extracting(BudgetStatus::projectId).containsOnly(someProject);
            assertThat(oneProject.groups()).allMatch(g -> g.start() != null && g.end() != null);
            assertThat(client.usage(from, to, null).budgets()).extracting(BudgetStatus::projectId)
                    .allMatch(id -> client.me().projects().stream().anyMatch(p -> p.id().equals(id)));

            // The demo shows a project near its limit (above 80 % once the month's spending leaves room for a large
            // first run at that level, above 50 % before) and others comfortably below; none blocks a first run.
            List<BudgetStatus> budgets = manager.budgets(null);
            assertThat(budgets).extracting(BudgetStatus::level).containsAnyOf(BudgetLevel.WARN_50, BudgetLevel.WARN_80);
            assertThat(budgets).extracting(BudgetStatus::level).contains(BudgetLevel.OK);
            assertThat(budgets).allMatch(b -> b.budgetEur().subtract(b.spentEur()).subtract(b.committedEur())
                    .compareTo(new BigDecimal("500")) >= 0, "leaves EUR 500 for a first run");
            assertThat(manager.budgets(TestClock.siteMonth())).hasSameSizeAs(budgets);

            Headroom headroom = client.headroom(client.me().projects().get(0).id());
            assertThat(headroom.contacts()).extracting(c -> c.name()).contains(adminUser.userName());
            assertThat(headroom.quotas()).hasSameSizeAs(client.listResourcePlans());

            ProjectInfo project = admin.createProject("Contract " + UUID.randomUUID());
            assertThat(admin.listProjects()).extracting(ProjectInfo::id).contains(project.id());
            UserAccount user = admin.createUser(new UserCreate("Conny Contract", "conny-" + UUID.randomUUID() + "@example.com",
                    List.of(Role.ENGINEER), List.of(project.id())));
            assertThat(admin.updateUser(user.id(), new UserUpdate(null, null, false)).projectIds()).containsExactly(project.id());
            assertThat(admin.listUsers()).extracting(UserAccount::id).contains(user.id());
            CreatedToken token = admin.createToken(new TokenCreate(user.id(), "contract"));
            assertThat(admin.listTokens()).extracting(ApiToken::id).contains(token.token().id());
            admin.revokeToken(token.token().id());
            admin.updateUser(user.id(), new UserUpdate(null, null, true));
            int tokens = admin.listTokens().size();
            assertThatThrownBy(() -> admin.createToken(new TokenCreate(user.id(), "dormant")))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.CONFLICT));
            assertThat(admin.listTokens()).as("no dormant token for a disabled user").hasSize(tokens);

            BudgetStatus set = admin.putBudget(project.id(), TestClock.siteMonth(),
                    new BudgetUpdate(new BigDecimal("0.00"), new BigDecimal("10.000")));
            assertThat(set.budgetEur()).isEqualByComparingTo("0");
            AppDetail app = client.getApp("visual-quality-inspection");
            AppVersion version = app.latest();
            WorkloadSubmission overBudget = new WorkloadSubmission("over budget", app.summary().id(), version.version(),
                    project.id(), version.planIds().get(0), Priority.NORMAL, defaults(version), Map.of());
            assertThatThrownBy(() -> admin.submit(overBudget, UUID.randomUUID().toString()))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.type()).isEqualTo(ProblemType.BUDGET_EXCEEDED);
                        assertThat(e.problem().budget().estimateEur()).isPositive();
                        assertThat(e.problem().budget().contacts()).isNotEmpty();
                    });
            BudgetOverride override = admin.grantBudgetOverride(project.id(), "contract test");
            assertThat(manager.budgetOverrides(project.id())).extracting(BudgetOverride::id).containsExactly(override.id());
            QuotaStatus quota = admin.putQuota(project.id(), version.planIds().get(0), 8);
            assertThat(quota.maxGpus()).isEqualTo(8);

            assertThatThrownBy(manager::listUsers).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.type()).isEqualTo(ProblemType.FORBIDDEN));
        }
    }

    @Test
    void theAuditTrailFollowsTheContractAndStaysInItsTenant() {
        DemoUser adminUser = server.demoUsers().stream()
                .filter(u -> u.role() == Role.TENANT_ADMIN && u.tenantId().equals(engineer.tenantId())).findFirst().orElseThrow();
        DemoUser otherAdmin = server.demoUsers().stream()
                .filter(u -> u.role() == Role.TENANT_ADMIN && !u.tenantId().equals(engineer.tenantId())).findFirst().orElseThrow();
        try (FactoryClient admin = clientFor(adminUser.token()); FactoryClient other = clientFor(otherAdmin.token())) {
            ProjectInfo project = admin.createProject("Audited " + UUID.randomUUID());
            assertThatThrownBy(() -> client.createProject("Not mine")).isInstanceOf(ApiException.class);

            Page<AuditEntry> created = admin.listAudit(new AuditQuery(AuditAction.PROJECT_CREATE, adminUser.userId(),
                    AuditOutcome.OK, factoryStarted, null, null, 1));
            Page<AuditEntry> refused = admin.listAudit(new AuditQuery(null, engineer.userId(), AuditOutcome.REFUSED,
                    null, null, null, 500));
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            admin.exportAudit(new AuditQuery(AuditAction.PROJECT_CREATE, null, null, null, null, null, null), csv);

            assertThat(created.items()).extracting(AuditEntry::targetId).containsExactly(project.id());
            assertThat(refused.items()).anySatisfy(e -> assertThat(e.problemType()).isEqualTo(ProblemType.FORBIDDEN.uri()));
            assertThat(csv.toString(StandardCharsets.UTF_8)).startsWith("at,action,").contains(project.id());
            Set<String> mine = new HashSet<>();
            admin.listAudit(new AuditQuery(null, null, null, null, null, null, 500)).items().forEach(e -> mine.add(e.id()));
            assertThat(other.listAudit(new AuditQuery(null, null, null, null, null, null, 500)).items())
                    .extracting(AuditEntry::id).doesNotContainAnyElementsOf(mine);
            assertThatThrownBy(() -> client.listAudit(AuditQuery.all())).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.type()).isEqualTo(ProblemType.FORBIDDEN));
            if (created.nextCursor() != null) {
                assertThat(admin.listAudit(new AuditQuery(AuditAction.PROJECT_CREATE, null, null, null, null,
                        created.nextCursor(), 1)).items()).doesNotContainAnyElementsOf(created.items());
            }
        }
    }

    @Test
    void operatorAccessApprovalFollowsTheContract() {
        DemoUser adminUser = server.demoUsers().stream().filter(u -> u.role() == Role.TENANT_ADMIN).findFirst().orElseThrow();
        String tenant = adminUser.tenantId();
        String operatorToken = server.demoOperatorToken().orElseThrow();
        try (FactoryClient admin = clientFor(adminUser.token());
             OperatorClient operator = new OperatorClient(clientConfig(FactoryClientConfig.builder(server.baseUri()))
                     .token(operatorToken::toCharArray).httpClient(http).build())) {
            Instant deadline = TestClock.now().plus(Duration.ofDays(2));
            AccessRequestCreate ask = new AccessRequestCreate(tenant, null, "Contract test logs",
                    AccessReason.CUSTOMER_INITIATED_SUPPORT, "contract", "SUP-1", "DE", 60, deadline);
            AccessRequest approved = operator.requestAccess(ask);
            AccessRequest denied = operator.requestAccess(ask);
            assertThat(admin.listAccessRequests(AccessRequestState.PENDING)).extracting(AccessRequest::id)
                    .contains(approved.id(), denied.id());
            assertThat(admin.getAccessRequest(approved.id()).state()).isEqualTo(AccessRequestState.PENDING);
            assertThat(admin.approveAccessRequest(approved.id(), null).state()).isEqualTo(AccessRequestState.APPROVED);
            assertThat(admin.denyAccessRequest(denied.id(), "not now").state()).isEqualTo(AccessRequestState.DENIED);
            assertThat(operator.access(approved.id(), null).requestId()).isEqualTo(approved.id());
            assertThatThrownBy(() -> operator.access(denied.id(), "DE")).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.type()).isEqualTo(ProblemType.CONFLICT));
            assertThat(operator.accessRequest(approved.id()).accesses()).isEqualTo(1);
            assertThat(operator.accessRequests(tenant, AccessRequestState.DENIED)).extracting(AccessRequest::id)
                    .contains(denied.id());
            assertThat(operator.declareEmergency(new EmergencyAccessCreate(tenant, null, "Storage volume",
                    EmergencyCode.SERVICE_OUTAGE, AccessReason.HARDWARE_FAULT, "contract", "INC-1", "DE")).emergency())
                    .isTrue();
        }
    }

    private FactoryClient clientFor(String token) {
        return new HttpFactoryClient(clientConfig(FactoryClientConfig.builder(server.baseUri()))
                .token(token::toCharArray)
                .httpClient(http)
                .build());
    }

    private WorkloadSubmission submission(String name) {
        AppDetail app = client.getApp("visual-quality-inspection");
        AppVersion version = app.latest();
        String project = client.me().projects().get(0).id();
        return new WorkloadSubmission(name, app.summary().id(), version.version(), project,
                version.planIds().get(0), Priority.NORMAL, defaults(version), Map.of());
    }

    private static Map<String, Object> defaults(AppVersion version) {
        Map<String, Object> values = new HashMap<>();
        for (ParameterSpec spec : version.parameters()) {
            if (spec.defaultValue() != null) {
                values.put(spec.name(), spec.defaultValue());
            }
        }
        return values;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            digest.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Every "METHOD /path/{template}" of the OpenAPI document. */
    private static Set<String> documentedOperations() throws IOException {
        Set<String> operations = new HashSet<>();
        try (InputStream in = AbstractContractTest.class.getResourceAsStream(OpenApiValidator.RESOURCE)) {
            JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(in).path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                path.getValue().fieldNames().forEachRemaining(method -> {
                    if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                        operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                });
            }
        }
        return operations;
    }

    private static final Map<String, Pattern> TEMPLATES = new HashMap<>();

    /** The documented template of a concrete path, e.g. /v1/workloads/wl-1/logs → /v1/workloads/{workloadId}/logs. */
    private static synchronized String template(String pathAndQuery) {
        if (TEMPLATES.isEmpty()) {
            try {
                for (String operation : documentedOperations()) {
                    String template = operation.substring(operation.indexOf(' ') + 1);
                    TEMPLATES.put(template, Pattern.compile("^" + template.replaceAll("\\{[^/]+}", "[^/]+") + "$"));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        if (TEMPLATES.containsKey(path)) {
            return path;
        }
        return TEMPLATES.entrySet().stream().filter(t -> t.getValue().matcher(path).matches())
                .map(Map.Entry::getKey).findFirst().orElse(path);
    }
}
