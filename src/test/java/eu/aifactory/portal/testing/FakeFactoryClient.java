package eu.aifactory.portal.testing;

import eu.aifactory.api.transparency.ConsistencyProof;
import eu.aifactory.api.transparency.InclusionProof;
import eu.aifactory.api.transparency.TreeHead;
import eu.aifactory.api.admin.ApiToken;
import eu.aifactory.api.admin.CreatedToken;
import eu.aifactory.api.admin.ProjectInfo;
import eu.aifactory.api.admin.TokenCreate;
import eu.aifactory.api.admin.UserAccount;
import eu.aifactory.api.admin.UserCreate;
import eu.aifactory.api.admin.UserUpdate;
import eu.aifactory.api.audit.AuditEntry;
import eu.aifactory.api.audit.AuditQuery;
import eu.aifactory.api.usage.BudgetLevel;
import eu.aifactory.api.usage.BudgetOverride;
import eu.aifactory.api.usage.BudgetStatus;
import eu.aifactory.api.usage.BudgetUpdate;
import eu.aifactory.api.usage.Headroom;
import eu.aifactory.api.usage.QuotaStatus;
import eu.aifactory.api.usage.UsageGroupBy;
import eu.aifactory.api.usage.UsageReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import eu.aifactory.api.Health;
import eu.aifactory.api.LocalizedText;
import eu.aifactory.api.Page;
import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;
import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppQuery;
import eu.aifactory.api.catalog.AppSummary;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.api.dataset.Dataset;
import eu.aifactory.api.report.EnergyGroupBy;
import eu.aifactory.api.report.EnergyReceipt;
import eu.aifactory.api.report.SignedEnergyReceipt;
import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.api.report.EnergyStackBy;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.api.workload.Artifact;
import eu.aifactory.api.workload.Estimate;
import eu.aifactory.api.workload.EstimateRequest;
import eu.aifactory.api.workload.LogPage;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadEvent;
import eu.aifactory.api.workload.WorkloadQuery;
import eu.aifactory.api.workload.WorkloadSubmission;
import eu.aifactory.api.access.AccessRequest;
import eu.aifactory.api.access.AccessRequestState;
import eu.aifactory.client.ApiException;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.client.FactoryUnreachableException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.application.Platform;

/**
 * An in-memory {@link FactoryClient} for portal tests. Returns whatever the test configured (user, apps, plans,
 * workloads, ...), can play an unreachable factory or one that rejects the token, records every call, and, unless
 * told otherwise, fails any call made on the JavaFX Application Thread: the UI must never block on the factory.
 *
 * <p>Use {@link #connect(URI, String)} as the portal's connector ({@code fake::connect}): the token it is given
 * is checked against {@link #acceptToken(String)} on every call, as the real factory would.
 */
public final class FakeFactoryClient implements FactoryClient {

    private volatile Me me = demoMe();
    private volatile Health health = new Health("ok", "test", "Munich", Instant.parse("2026-03-02T09:00:00Z"));
    private final Map<String, AppDetail> apps = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<ResourcePlan> plans = new CopyOnWriteArrayList<>();
    private final Map<String, Workload> workloads = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, List<Artifact>> artifacts = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile Function<WorkloadSubmission, Workload> onSubmit;
    private volatile Function<EstimateRequest, Estimate> onEstimate;
    private final Map<String, EnergyReceipt> receipts = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, SignedEnergyReceipt> signedReceipts = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile EnergyReports onEnergyReport;
    private volatile StackedEnergyReports onStackedEnergyReport;
    private volatile ResidencyReports onResidencyReport;
    private volatile JwkSet factoryKeys;
    private volatile Long lastSince;
    private final List<Dataset> datasets = new CopyOnWriteArrayList<>();
    private volatile Uploads onUpload;
    private volatile UsageReports onUsage;
    private final Map<String, BudgetStatus> budgets = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Headroom> headrooms = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<BudgetOverride> overrides = new CopyOnWriteArrayList<>();
    private final Map<String, QuotaStatus> quotas = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, UserAccount> users = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, ApiToken> tokens = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, ProjectInfo> projects = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicInteger adminIds = new AtomicInteger();
    private final Map<String, AccessRequest> accessRequests = Collections.synchronizedMap(new LinkedHashMap<>());

    private volatile String acceptedToken;
    private volatile String presentedToken;
    private volatile URI baseUrl = URI.create("http://127.0.0.1:1");
    private volatile boolean unreachable;
    private volatile Supplier<RuntimeException> failure;
    private volatile boolean requireBackgroundThread = true;

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> callsOnFxThread = new CopyOnWriteArrayList<>();
    private final AtomicInteger closed = new AtomicInteger();

    // ---- configuration

    /** A client "connected" with {@code token}; the portal's {@code FactoryConnector} is {@code fake::connect}. */
    public FakeFactoryClient connect(URI url, String token) {
        this.baseUrl = url;
        this.presentedToken = token;
        return this;
    }

    /** Only this token is accepted from now on; null accepts any. */
    public FakeFactoryClient acceptToken(String token) {
        this.acceptedToken = token;
        return this;
    }

    /** Every call fails as if the factory were down (true) or answers again (false). */
    public FakeFactoryClient unreachable(boolean down) {
        this.unreachable = down;
        return this;
    }

    /** Every call throws what {@code error} supplies, until {@code null} is set. */
    public FakeFactoryClient failWith(Supplier<RuntimeException> error) {
        this.failure = error;
        return this;
    }

    /** Whether a call on the JavaFX Application Thread throws {@link AssertionError} (default true). */
    public FakeFactoryClient requireBackgroundThread(boolean required) {
        this.requireBackgroundThread = required;
        return this;
    }

    /** Answers usage reports; {@link #usage} fails until one is set. */
    @FunctionalInterface
    public interface UsageReports {
        UsageReport report(Instant from, Instant to, UsageGroupBy groupBy, String projectId);
    }

    public FakeFactoryClient onUsage(UsageReports handler) {
        this.onUsage = handler;
        return this;
    }

    /** A project's budget status; {@link #putBudget} replaces it, {@link #budgets} lists them. */
    public FakeFactoryClient budget(BudgetStatus status) {
        budgets.put(status.projectId(), status);
        return this;
    }

    /** The headroom {@link #headroom} answers for its project; its budget follows {@link #putBudget}. */
    public FakeFactoryClient headroom(Headroom headroom) {
        headrooms.put(headroom.projectId(), headroom);
        return this;
    }

    public FakeFactoryClient user(UserAccount user) {
        users.put(user.id(), user);
        return this;
    }

    public FakeFactoryClient token(ApiToken token) {
        tokens.put(token.id(), token);
        return this;
    }

    public FakeFactoryClient project(ProjectInfo project) {
        projects.put(project.id(), project);
        return this;
    }

    public List<BudgetOverride> grantedOverrides() {
        return List.copyOf(overrides);
    }

    /** Answers energy reports; {@link #energyReport} fails until one is set. */
    @FunctionalInterface
    public interface EnergyReports {
        EnergyReport report(Instant from, Instant to, EnergyGroupBy groupBy);
    }

    public FakeFactoryClient onEnergyReport(EnergyReports handler) {
        this.onEnergyReport = handler;
        return this;
    }

    /** Answers energy reports with series per application or project; {@link #energyReport} fails until one is set. */
    @FunctionalInterface
    public interface StackedEnergyReports {
        EnergyReport report(Instant from, Instant to, EnergyGroupBy groupBy, EnergyStackBy stackBy);
    }

    public FakeFactoryClient onStackedEnergyReport(StackedEnergyReports handler) {
        this.onStackedEnergyReport = handler;
        return this;
    }

    /** Answers residency reports; {@link #residencyReport} fails until one is set. */
    @FunctionalInterface
    public interface ResidencyReports {
        JsonNode report(Instant from, Instant to);
    }

    public FakeFactoryClient onResidencyReport(ResidencyReports handler) {
        this.onResidencyReport = handler;
        return this;
    }

    /** Answers dataset uploads; the default stores a dataset named after the file and reports its size as sent. */
    @FunctionalInterface
    public interface Uploads {
        Dataset upload(String projectId, Path file, LongConsumer progress);
    }

    public FakeFactoryClient onUpload(Uploads handler) {
        this.onUpload = handler;
        return this;
    }

    /** The datasets {@link #listDatasets} answers with, newest first. */
    public FakeFactoryClient datasets(List<Dataset> values) {
        datasets.clear();
        datasets.addAll(values);
        return this;
    }

    /** The key set {@link #factoryKeys()} answers with. */
    public FakeFactoryClient factoryKeys(JwkSet keys) {
        this.factoryKeys = keys;
        return this;
    }

    /** Adds (or replaces) the energy receipt of {@code receipt.workloadId()}. */
    /** What {@link #signedEnergyReceipt(String)} answers for the receipt's workload. */
    public FakeFactoryClient signedReceipt(SignedEnergyReceipt signed) {
        signedReceipts.put(signed.summary().workloadId(), signed);
        return this;
    }

    public FakeFactoryClient receipt(EnergyReceipt receipt) {
        receipts.put(receipt.workloadId(), receipt);
        return this;
    }

    public FakeFactoryClient me(Me value) {
        this.me = value;
        return this;
    }

    public FakeFactoryClient health(Health value) {
        this.health = value;
        return this;
    }

    public FakeFactoryClient apps(List<AppDetail> details) {
        synchronized (apps) {
            apps.clear();
            details.forEach(detail -> apps.put(detail.summary().id(), detail));
        }
        return this;
    }

    public FakeFactoryClient plans(List<ResourcePlan> values) {
        plans.clear();
        plans.addAll(values);
        return this;
    }

    public FakeFactoryClient workloads(List<Workload> values) {
        synchronized (workloads) {
            workloads.clear();
            values.forEach(workload -> workloads.put(workload.id(), workload));
        }
        return this;
    }

    public FakeFactoryClient artifacts(String workloadId, List<Artifact> values) {
        artifacts.put(workloadId, List.copyOf(values));
        return this;
    }

    /** What {@link #submit} returns; the returned workload is also added to the list. */
    public FakeFactoryClient onSubmit(Function<WorkloadSubmission, Workload> handler) {
        this.onSubmit = handler;
        return this;
    }

    public FakeFactoryClient onEstimate(Function<EstimateRequest, Estimate> handler) {
        this.onEstimate = handler;
        return this;
    }

    // ---- inspection

    /** Names of the calls made, in order ("me", "health", "listApps", ...). */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public long callCount(String name) {
        return calls.stream().filter(name::equals).count();
    }

    /** Calls that were made on the JavaFX Application Thread; should always be empty. */
    public List<String> callsOnFxThread() {
        return List.copyOf(callsOnFxThread);
    }

    public String presentedToken() {
        return presentedToken;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public int closeCount() {
        return closed.get();
    }

    public void clearCalls() {
        calls.clear();
    }

    // ---- FactoryClient

    @Override
    public Health health() {
        enter("health");
        return health;
    }

    @Override
    public Me me() {
        enter("me");
        return me;
    }

    @Override
    public Page<AppSummary> listApps(AppQuery query) {
        enter("listApps");
        List<AppSummary> matching;
        synchronized (apps) {
            matching = apps.values().stream().map(AppDetail::summary).filter(app -> matches(app, query))
                    .sorted(order(query.sort())).toList();
        }
        return page(matching, query.limit(), query.cursor());
    }

    @Override
    public AppDetail getApp(String appId) {
        enter("getApp");
        AppDetail detail = apps.get(appId);
        if (detail == null) {
            throw notFound("/v1/apps/" + appId);
        }
        return detail;
    }

    @Override
    public List<ResourcePlan> listResourcePlans() {
        enter("listResourcePlans");
        return List.copyOf(plans);
    }

    @Override
    public Estimate estimate(EstimateRequest request) {
        enter("estimate");
        return configured(onEstimate, "onEstimate").apply(request);
    }

    @Override
    public Workload submit(WorkloadSubmission submission, String idempotencyKey) {
        enter("submit");
        Workload created = configured(onSubmit, "onSubmit").apply(submission);
        workloads.put(created.id(), created);
        return created;
    }

    @Override
    public Page<Workload> listWorkloads(WorkloadQuery query) {
        enter("listWorkloads");
        List<Workload> matching;
        synchronized (workloads) {
            matching = workloads.values().stream()
                    .filter(w -> query.status().isEmpty() || query.status().contains(w.status()))
                    .filter(w -> query.appId() == null || query.appId().equals(w.appId()))
                    .filter(w -> query.projectId() == null || query.projectId().equals(w.projectId()))
                    .filter(w -> query.q() == null || fold(w.name() + " " + w.appId() + " " + w.id()).contains(fold(query.q())))
                    .sorted(Comparator.comparing(Workload::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
                    .toList();
        }
        return page(matching, query.limit(), query.cursor());
    }

    @Override
    public Workload getWorkload(String workloadId) {
        enter("getWorkload");
        Workload workload = workloads.get(workloadId);
        if (workload == null) {
            throw notFound("/v1/workloads/" + workloadId);
        }
        return workload;
    }

    @Override
    public Workload cancel(String workloadId) {
        enter("cancel");
        return getWorkload(workloadId);
    }

    @Override
    public LogPage logs(String workloadId, long fromLine, Instant since, String q, int limit) {
        enter("logs");
        return new LogPage(List.of(), fromLine, true);
    }

    @Override
    public List<Artifact> listArtifacts(String workloadId) {
        enter("listArtifacts");
        return artifacts.getOrDefault(workloadId, List.of());
    }

    @Override
    public long downloadArtifact(String artifactId, Path target, LongConsumer progress) {
        enter("downloadArtifact");
        throw new UnsupportedOperationException("FakeFactoryClient does not download");
    }

    @Override
    public Page<Dataset> listDatasets(String projectId, String cursor, int limit) {
        enter("listDatasets");
        return new Page<>(datasets.stream().filter(d -> projectId == null || projectId.equals(d.projectId())).toList(),
                null);
    }

    @Override
    public Dataset uploadDataset(String projectId, Path file, LongConsumer progress) {
        enter("uploadDataset");
        LongConsumer report = progress == null ? n -> { } : progress;
        Uploads handler = onUpload;
        Dataset stored;
        if (handler != null) {
            stored = handler.upload(projectId, file, report);
        } else {
            long size;
            try {
                size = java.nio.file.Files.size(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            report.accept(0);
            report.accept(size);
            stored = new Dataset("ds-" + (datasets.size() + 1), projectId, file.getFileName().toString(),
                    "application/octet-stream", size, "0".repeat(64), "muc-tucherpark", "Munich (Tucherpark), DE",
                    Instant.parse("2026-03-02T09:00:00Z"));
        }
        datasets.add(0, stored);
        return stored;
    }

    @Override
    public EnergyReceipt energyReceipt(String workloadId) {
        enter("energyReceipt");
        EnergyReceipt receipt = receipts.get(workloadId);
        if (receipt == null) {
            throw notFound("/v1/workloads/" + workloadId + "/energy");
        }
        return receipt;
    }

    @Override
    public SignedEnergyReceipt signedEnergyReceipt(String workloadId) {
        enter("signedEnergyReceipt");
        SignedEnergyReceipt signed = signedReceipts.get(workloadId);
        if (signed == null) {
            throw notFound("/v1/workloads/" + workloadId + "/energy/signed");
        }
        return signed;
    }

    @Override
    public EnergyReport energyReport(Instant from, Instant to, EnergyGroupBy groupBy) {
        enter("energyReport");
        return configured(onEnergyReport, "onEnergyReport").report(from, to, groupBy);
    }

    @Override
    public EnergyReport energyReport(Instant from, Instant to, EnergyGroupBy groupBy, EnergyStackBy stackBy) {
        enter("energyReport");
        return configured(onStackedEnergyReport, "onStackedEnergyReport").report(from, to, groupBy, stackBy);
    }

    @Override
    public EventSubscription subscribe(long lastEventId, Consumer<WorkloadEvent> events, Consumer<ConnectionState> state) {
        enter("subscribe");
        state.accept(ConnectionState.CONNECTED);
        return new EventSubscription() {
            @Override
            public long lastEventId() {
                return lastEventId;
            }

            @Override
            public void close() {
                state.accept(ConnectionState.CLOSED);
            }
        };
    }

    @Override
    public void close() {
        closed.incrementAndGet();
    }

    @Override
    public String toString() {
        return "FakeFactoryClient[" + baseUrl + "]";
    }

    // ---- plumbing

    @Override
    public JsonNode residencyReport(Instant from, Instant to) {
        return residencyReport(from, to, null);
    }

    @Override
    public JsonNode residencyReport(Instant from, Instant to, Long since) {
        enter("residencyReport");
        lastSince = since;
        return configured(onResidencyReport, "onResidencyReport").report(from, to);
    }

    /** The tree size the last residency report was asked {@code since}, or null. */
    public Long lastSince() {
        return lastSince;
    }

    @Override
    public TreeHead transparencyHead() {
        throw new UnsupportedOperationException("the portal reads the log from the residency report");
    }

    @Override
    public ConsistencyProof transparencyConsistency(long fromSize, long toSize) {
        throw new UnsupportedOperationException("the portal reads the log from the residency report");
    }

    @Override
    public InclusionProof transparencyInclusion(long index, long treeSize) {
        throw new UnsupportedOperationException("the portal reads the log from the residency report");
    }

    @Override
    public JwkSet factoryKeys() {
        enter("factoryKeys");
        return configured(factoryKeys, "factoryKeys");
    }

    // ---- usage, budgets, quotas and administration: a small in-memory tenant

    @Override
    public UsageReport usage(Instant from, Instant to, UsageGroupBy groupBy, String projectId) {
        enter("usage");
        return configured(onUsage, "onUsage").report(from, to, groupBy, projectId);
    }

    @Override
    public List<BudgetStatus> budgets(YearMonth month) {
        enter("budgets");
        return List.copyOf(budgets.values());
    }

    @Override
    public Headroom headroom(String projectId) {
        enter("headroom");
        Headroom headroom = headrooms.get(projectId);
        if (headroom == null) {
            throw notFound("/v1/projects/" + projectId + "/headroom");
        }
        BudgetStatus budget = budgets.getOrDefault(projectId, headroom.budget());
        List<QuotaStatus> planQuotas = headroom.quotas().stream()
                .map(q -> quotas.getOrDefault(projectId + "/" + q.planId(), q)).toList();
        return new Headroom(projectId, headroom.projectName(), budget, planQuotas, headroom.contacts());
    }

    /** Recomputes percent and level from the stored spent and committed figures, as the factory does. */
    @Override
    public BudgetStatus putBudget(String projectId, YearMonth month, BudgetUpdate update) {
        enter("putBudget");
        BudgetStatus old = budgets.get(projectId);
        if (old == null && headrooms.containsKey(projectId)) {
            old = headrooms.get(projectId).budget();
        }
        if (old == null) {
            throw notFound("/v1/projects/" + projectId + "/budgets/" + month);
        }
        BigDecimal used = old.spentEur().add(old.committedEur());
        BigDecimal budget = update.budgetEur();
        BigDecimal percent = budget.signum() == 0 ? null
                : used.multiply(BigDecimal.valueOf(100)).divide(budget, 1, RoundingMode.DOWN);
        BudgetLevel level = budget.signum() == 0 ? BudgetLevel.EXCEEDED
                : used.compareTo(budget) >= 0 ? BudgetLevel.EXCEEDED
                : used.multiply(BigDecimal.TEN).compareTo(budget.multiply(BigDecimal.valueOf(8))) >= 0 ? BudgetLevel.WARN_80
                : used.multiply(BigDecimal.TEN).compareTo(budget.multiply(BigDecimal.valueOf(5))) >= 0 ? BudgetLevel.WARN_50
                : BudgetLevel.OK;
        BudgetStatus status = new BudgetStatus(projectId, old.projectName(), month.toString(), budget,
                update.budgetKwh(), old.spentEur(), old.committedEur(), old.spentKwh(), percent, level,
                old.forecastEur(), old.overrideAvailable());
        budgets.put(projectId, status);
        return status;
    }

    @Override
    public List<BudgetOverride> budgetOverrides(String projectId) {
        enter("budgetOverrides");
        return overrides.stream().filter(o -> o.projectId().equals(projectId)).toList();
    }

    @Override
    public BudgetOverride grantBudgetOverride(String projectId, String reason) {
        enter("grantBudgetOverride");
        BudgetOverride override = new BudgetOverride("bo-" + adminIds.incrementAndGet(), projectId,
                YearMonth.from(health.time().atZone(java.time.ZoneOffset.UTC)).toString(), reason, me.user().id(),
                me.user().name(), health.time(), null, null);
        overrides.add(0, override);
        return override;
    }

    @Override
    public QuotaStatus putQuota(String projectId, String planId, Integer maxGpus) {
        enter("putQuota");
        QuotaStatus old = quotas.getOrDefault(projectId + "/" + planId, new QuotaStatus(projectId, planId, null, 0, 0));
        QuotaStatus status = new QuotaStatus(projectId, planId, maxGpus, old.gpusInUse(), old.gpusQueued());
        quotas.put(projectId + "/" + planId, status);
        return status;
    }

    @Override
    public List<UserAccount> listUsers() {
        enter("listUsers");
        return List.copyOf(users.values());
    }

    @Override
    public UserAccount createUser(UserCreate user) {
        enter("createUser");
        UserAccount created = new UserAccount("u-" + adminIds.incrementAndGet(), user.name(), user.email(),
                user.roles(), user.projectIds() == null ? List.of() : user.projectIds(), false, health.time());
        users.put(created.id(), created);
        return created;
    }

    @Override
    public UserAccount updateUser(String userId, UserUpdate update) {
        enter("updateUser");
        UserAccount old = users.get(userId);
        if (old == null) {
            throw notFound("/v1/admin/users/" + userId);
        }
        UserAccount updated = new UserAccount(old.id(), old.name(), old.email(),
                update.roles() == null ? old.roles() : update.roles(),
                update.projectIds() == null ? old.projectIds() : update.projectIds(),
                update.disabled() == null ? old.disabled() : update.disabled(), old.createdAt());
        users.put(userId, updated);
        return updated;
    }

    @Override
    public List<ApiToken> listTokens() {
        enter("listTokens");
        return List.copyOf(tokens.values());
    }

    @Override
    public CreatedToken createToken(TokenCreate request) {
        enter("createToken");
        UserAccount owner = users.get(request.userId());
        if (owner == null) {
            throw notFound("/v1/admin/users/" + request.userId());
        }
        int n = adminIds.incrementAndGet();
        String secret = String.format(Locale.ROOT, "afp_fake%039d", n);
        ApiToken token = new ApiToken("tok-" + n, secret.substring(0, 8), owner.id(), owner.name(), request.label(),
                health.time(), null, null);
        tokens.put(token.id(), token);
        return new CreatedToken(token, secret);
    }

    @Override
    public void revokeToken(String tokenId) {
        enter("revokeToken");
        ApiToken old = tokens.get(tokenId);
        if (old == null) {
            throw notFound("/v1/admin/tokens/" + tokenId);
        }
        if (old.revokedAt() == null) {
            tokens.put(tokenId, new ApiToken(old.id(), old.prefix(), old.userId(), old.userName(), old.label(),
                    old.createdAt(), old.lastUsedAt(), health.time()));
        }
    }

    @Override
    public List<ProjectInfo> listProjects() {
        enter("listProjects");
        return List.copyOf(projects.values());
    }

    @Override
    public ProjectInfo createProject(String name) {
        enter("createProject");
        ProjectInfo project = new ProjectInfo("prj-" + adminIds.incrementAndGet(), name, 0);
        projects.put(project.id(), project);
        return project;
    }

    /** The tenant's audit trail, newest first, as {@link #listAudit} pages through it. */
    public final List<AuditEntry> audit = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public Page<AuditEntry> listAudit(AuditQuery query) {
        enter("listAudit");
        List<AuditEntry> matching = audit.stream().filter(e -> matches(query, e)).toList();
        int from = query.cursor() == null ? 0 : Integer.parseInt(query.cursor());
        int size = query.limit() == null ? 50 : query.limit();
        int to = Math.min(matching.size(), from + size);
        return new Page<>(matching.subList(from, to), to < matching.size() ? Integer.toString(to) : null);
    }

    @Override
    public long exportAudit(AuditQuery query, java.io.OutputStream out) {
        enter("exportAudit");
        StringBuilder csv = new StringBuilder("at,action,outcome\r\n");
        audit.stream().filter(e -> matches(query, e)).forEach(e -> csv.append(e.at()).append(',')
                .append(e.action().wire()).append(',').append(e.outcome().wire()).append("\r\n"));
        byte[] bytes = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            out.write(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.length;
    }

    private static boolean matches(AuditQuery query, AuditEntry e) {
        return (query.action() == null || query.action() == e.action())
                && (query.userId() == null || query.userId().equals(e.userId()))
                && (query.outcome() == null || query.outcome() == e.outcome())
                && (query.from() == null || !e.at().isBefore(query.from()))
                && (query.to() == null || e.at().isBefore(query.to()));
    }

    /** Adds an operator access request the tenant will see. */
    public FakeFactoryClient accessRequest(AccessRequest request) {
        accessRequests.put(request.id(), request);
        return this;
    }

    @Override
    public List<AccessRequest> listAccessRequests(AccessRequestState state) {
        enter("listAccessRequests");
        return accessRequests.values().stream().filter(r -> state == null || r.state() == state).toList();
    }

    @Override
    public AccessRequest getAccessRequest(String requestId) {
        enter("getAccessRequest");
        AccessRequest request = accessRequests.get(requestId);
        if (request == null) {
            throw notFound("/v1/access-requests/" + requestId);
        }
        return request;
    }

    @Override
    public AccessRequest approveAccessRequest(String requestId, String comment) {
        enter("approveAccessRequest");
        return decide(requestId, AccessRequestState.APPROVED, comment);
    }

    @Override
    public AccessRequest denyAccessRequest(String requestId, String comment) {
        enter("denyAccessRequest");
        return decide(requestId, AccessRequestState.DENIED, comment);
    }

    /** Decides as the factory would: only a pending request, by the signed-in user, now. */
    private AccessRequest decide(String requestId, AccessRequestState decision, String comment) {
        AccessRequest r = accessRequests.get(requestId);
        if (r == null) {
            throw notFound("/v1/access-requests/" + requestId);
        }
        if (r.state() != AccessRequestState.PENDING) {
            throw new ApiException(new Problem(ProblemType.CONFLICT.uri(), ProblemType.CONFLICT.title(), 409,
                    "Access request " + requestId + " is " + r.state(), "/v1/access-requests/" + requestId, List.of()));
        }
        Instant now = eu.aifactory.testing.TestClock.now();
        AccessRequest decided = new AccessRequest(r.id(), r.tenantId(), r.tenantName(), r.projectId(), r.projectName(),
                r.resource(), r.reasonCode(), r.justification(), r.caseId(), r.accessorName(), r.accessorRole(),
                r.employer(), r.officeCountry(), r.locationCountry(), r.durationMinutes(), r.requestedAt(), r.deadline(),
                decision, now, me.user().name(), comment,
                decision == AccessRequestState.APPROVED ? now.plusSeconds(60L * r.durationMinutes()) : null, 0);
        accessRequests.put(requestId, decided);
        return decided;
    }

    private void enter(String call) {
        calls.add(call);
        if (Platform.isFxApplicationThread()) {
            callsOnFxThread.add(call);
            if (requireBackgroundThread) {
                throw new AssertionError("factory call " + call + " made on the JavaFX Application Thread");
            }
        }
        if (unreachable) {
            throw new FactoryUnreachableException("connection refused: " + baseUrl + " (fake)", null);
        }
        Supplier<RuntimeException> error = failure;
        if (error != null) {
            throw error.get();
        }
        String accepted = acceptedToken;
        if (accepted != null && !accepted.equals(presentedToken)) {
            throw new ApiException(new Problem(ProblemType.UNAUTHENTICATED.uri(), ProblemType.UNAUTHENTICATED.title(),
                    401, "The token is not valid.", "/v1/" + call, List.of()));
        }
    }

    private static <T> T configured(T handler, String name) {
        if (handler == null) {
            throw new UnsupportedOperationException("FakeFactoryClient: configure " + name + " first");
        }
        return handler;
    }

    private static ApiException notFound(String path) {
        return new ApiException(new Problem(ProblemType.NOT_FOUND.uri(), ProblemType.NOT_FOUND.title(), 404,
                "Nothing at " + path, path, List.of()));
    }

    private static boolean matches(AppSummary app, AppQuery query) {
        if (query.category() != null && !query.category().equals(app.category())) {
            return false;
        }
        if (query.vendor() != null && !query.vendor().equals(app.vendor())) {
            return false;
        }
        if (query.gpuClass() != null && !query.gpuClass().equals(app.gpuClass())) {
            return false;
        }
        if (query.tag() != null && app.tags().stream().noneMatch(tag -> fold(query.tag()).equals(fold(tag.en()))
                || fold(query.tag()).equals(fold(tag.de())))) {
            return false;
        }
        if (query.q() == null || query.q().isBlank()) {
            return true;
        }
        String text = Stream.concat(Stream.of(app.name(), app.summary()), app.tags().stream())
                .flatMap(t -> Stream.of(t.en(), t.de())).filter(s -> s != null).map(FakeFactoryClient::fold)
                .reduce("", (a, b) -> a + " " + b);
        return text.contains(fold(query.q()));
    }

    private static Comparator<AppSummary> order(String sort) {
        Comparator<AppSummary> byName = Comparator.comparing(app -> fold(app.name().en()));
        if ("price".equals(sort)) {
            return Comparator.comparing(AppSummary::priceFromEurPerHour).thenComparing(byName);
        }
        if ("popularity".equals(sort)) {
            return Comparator.comparingInt(AppSummary::popularity).reversed().thenComparing(byName);
        }
        return byName;
    }

    /** Pages by position; the cursor is the index of the next item. */
    private static <T> Page<T> page(List<T> all, Integer limit, String cursor) {
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int size = limit == null ? 50 : limit;
        int to = Math.min(all.size(), from + size);
        return new Page<>(new ArrayList<>(all.subList(Math.min(from, all.size()), to)),
                to < all.size() ? Integer.toString(to) : null);
    }

    /** Lower case without accents, with German umlauts folded (ä → a), for "Qualität" = "qualitat". */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.replace("ß", "ss"), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    // ---- sample data

    /** Anna Schmidt, engineer at Bergmann Maschinenbau GmbH. */
    public static Me demoMe() {
        return new Me(new Me.User("u-anna", "Anna Schmidt", "anna.schmidt@bergmann-maschinenbau.de"),
                new Me.Tenant("t-bergmann", "Bergmann Maschinenbau GmbH"),
                List.of(Role.ENGINEER), List.of(new Me.Project("p-inspection", "Line 3 inspection")));
    }

    /** A small application summary, for catalog tests. */
    public static AppSummary app(String id, String nameEn, String nameDe, String category, String vendor,
                                 String gpuClass, String priceFrom, int popularity) {
        return new AppSummary(id, LocalizedText.of(nameEn, nameDe), LocalizedText.of(nameEn + " summary",
                nameDe + " Zusammenfassung"), category, vendor, gpuClass, List.of(), new java.math.BigDecimal(priceFrom),
                popularity, "1.0.0");
    }
}
