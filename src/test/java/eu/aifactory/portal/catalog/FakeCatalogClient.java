package eu.aifactory.portal.catalog;

import eu.aifactory.api.access.AccessRequest;
import eu.aifactory.api.access.AccessRequestState;
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
import eu.aifactory.api.usage.BudgetOverride;
import eu.aifactory.api.usage.BudgetStatus;
import eu.aifactory.api.usage.BudgetUpdate;
import eu.aifactory.api.usage.Headroom;
import eu.aifactory.api.usage.QuotaStatus;
import eu.aifactory.api.usage.UsageGroupBy;
import eu.aifactory.api.usage.UsageReport;
import java.time.YearMonth;
import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.api.Health;
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
import eu.aifactory.api.workload.Artifact;
import eu.aifactory.api.workload.Estimate;
import eu.aifactory.api.workload.EstimateRequest;
import eu.aifactory.api.workload.LogPage;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadEvent;
import eu.aifactory.api.workload.WorkloadQuery;
import eu.aifactory.api.workload.WorkloadSubmission;
import eu.aifactory.client.ApiException;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.client.FactoryUnreachableException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * A factory with a fixed catalog, for the catalog's tests: pages like the real one (opaque cursor, limit), can be
 * switched off to play an unreachable factory, and records each call with the thread it came on. Calls outside the
 * catalog are not part of these tests and fail.
 */
final class FakeCatalogClient implements FactoryClient {

    record Call(String method, String argument, String thread) {
    }

    private final List<AppDetail> apps;
    private final List<ResourcePlan> plans;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile boolean reachable = true;
    private volatile int maxPageSize = Integer.MAX_VALUE;

    FakeCatalogClient(List<AppDetail> apps, List<ResourcePlan> plans) {
        this.apps = List.copyOf(apps);
        this.plans = List.copyOf(plans);
    }

    static FakeCatalogClient seed() {
        return new FakeCatalogClient(SeedCatalog.apps(), SeedCatalog.plans());
    }

    FakeCatalogClient reachable(boolean now) {
        reachable = now;
        return this;
    }

    /** The factory returns at most this many items per page, whatever limit is asked for. */
    FakeCatalogClient maxPageSize(int size) {
        maxPageSize = size;
        return this;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    @Override
    public Page<AppSummary> listApps(AppQuery query) {
        record("listApps", query.limit() + "@" + query.cursor());
        int from = query.cursor() == null ? 0 : Integer.parseInt(query.cursor());
        int limit = Math.min(query.limit() == null ? 50 : query.limit(), maxPageSize);
        int to = Math.min(apps.size(), from + limit);
        List<AppSummary> items = apps.subList(from, to).stream().map(AppDetail::summary).toList();
        return new Page<>(items, to < apps.size() ? Integer.toString(to) : null);
    }

    @Override
    public AppDetail getApp(String appId) {
        record("getApp", appId);
        return apps.stream().filter(app -> app.summary().id().equals(appId)).findFirst()
                .orElseThrow(() -> new ApiException(new Problem(ProblemType.NOT_FOUND.uri(),
                        ProblemType.NOT_FOUND.title(), 404, "No application " + appId, "/v1/apps/" + appId, null)));
    }

    @Override
    public List<ResourcePlan> listResourcePlans() {
        record("listResourcePlans", null);
        return plans;
    }

    private void record(String method, String argument) {
        calls.add(new Call(method, argument, Thread.currentThread().getName()));
        if (!reachable) {
            throw new FactoryUnreachableException("Connection refused",
                    new ConnectException("Connection refused"));
        }
    }

    @Override
    public Health health() {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public Me me() {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public Estimate estimate(EstimateRequest request) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public Workload submit(WorkloadSubmission submission, String idempotencyKey) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public Page<Workload> listWorkloads(WorkloadQuery query) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public Workload getWorkload(String workloadId) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public Workload cancel(String workloadId) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public LogPage logs(String workloadId, long fromLine, Instant since, String q, int limit) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public List<Artifact> listArtifacts(String workloadId) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public long downloadArtifact(String artifactId, Path target, LongConsumer progress) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public Page<Dataset> listDatasets(String projectId, String cursor, int limit) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public Dataset uploadDataset(String projectId, Path file, LongConsumer progress) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public EnergyReceipt energyReceipt(String workloadId) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public SignedEnergyReceipt signedEnergyReceipt(String workloadId) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public EnergyReport energyReport(Instant from, Instant to, EnergyGroupBy groupBy) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public EnergyReport energyReport(Instant from, Instant to, EnergyGroupBy groupBy, EnergyStackBy stackBy) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public EventSubscription subscribe(long lastEventId, Consumer<WorkloadEvent> events,
                                       Consumer<ConnectionState> state) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public JsonNode residencyReport(Instant from, Instant to) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public TreeHead transparencyHead() {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public ConsistencyProof transparencyConsistency(long fromSize, long toSize) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public InclusionProof transparencyInclusion(long index, long treeSize) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public JwkSet factoryKeys() {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public UsageReport usage(Instant from, Instant to, UsageGroupBy groupBy, String projectId) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public List<BudgetStatus> budgets(YearMonth month) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public Headroom headroom(String projectId) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public BudgetStatus putBudget(String projectId, YearMonth month, BudgetUpdate update) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public List<BudgetOverride> budgetOverrides(String projectId) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public BudgetOverride grantBudgetOverride(String projectId, String reason) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public QuotaStatus putQuota(String projectId, String planId, Integer maxGpus) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public List<UserAccount> listUsers() {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public UserAccount createUser(UserCreate user) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public UserAccount updateUser(String userId, UserUpdate update) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public List<ApiToken> listTokens() {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public CreatedToken createToken(TokenCreate request) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public void revokeToken(String tokenId) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public List<ProjectInfo> listProjects() {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public ProjectInfo createProject(String name) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public Page<AuditEntry> listAudit(AuditQuery query) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public List<AccessRequest> listAccessRequests(AccessRequestState state) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public long exportAudit(AuditQuery query, java.io.OutputStream out) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public AccessRequest getAccessRequest(String requestId) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public AccessRequest approveAccessRequest(String requestId, String comment) {
        throw new UnsupportedOperationException("not used by the catalog");
    }

    @Override
    public AccessRequest denyAccessRequest(String requestId, String comment) {
        throw new UnsupportedOperationException("not used by the catalog");
    }
}
