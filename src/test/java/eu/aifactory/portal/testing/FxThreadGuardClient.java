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
import eu.aifactory.api.usage.BudgetOverride;
import eu.aifactory.api.usage.BudgetStatus;
import eu.aifactory.api.usage.BudgetUpdate;
import eu.aifactory.api.usage.Headroom;
import eu.aifactory.api.usage.QuotaStatus;
import eu.aifactory.api.usage.UsageGroupBy;
import eu.aifactory.api.usage.UsageReport;
import java.time.YearMonth;
import eu.aifactory.api.Health;
import eu.aifactory.api.access.AccessRequest;
import eu.aifactory.api.access.AccessRequestState;
import eu.aifactory.api.Page;
import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppQuery;
import eu.aifactory.api.catalog.AppSummary;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.api.dataset.Dataset;
import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.api.report.EnergyGroupBy;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.report.EnergyReceipt;
import eu.aifactory.api.report.SignedEnergyReceipt;
import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.api.report.EnergyStackBy;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.workload.Artifact;
import eu.aifactory.api.workload.Estimate;
import eu.aifactory.api.workload.EstimateRequest;
import eu.aifactory.api.workload.LogPage;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadEvent;
import eu.aifactory.api.workload.WorkloadQuery;
import eu.aifactory.api.workload.WorkloadSubmission;
import eu.aifactory.client.FactoryClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.application.Platform;

/**
 * Wraps a real client and fails every call made on the JavaFX Application Thread, recording it too (a failure
 * thrown inside a callback could be swallowed), so a UI test against the real factory proves the UI never blocks
 * on I/O.
 */
public final class FxThreadGuardClient implements FactoryClient {

    private final FactoryClient delegate;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> callsOnFxThread;

    /** @param callsOnFxThread shared list that collects violations of every client this test made */
    public FxThreadGuardClient(FactoryClient delegate, List<String> callsOnFxThread) {
        this.delegate = delegate;
        this.callsOnFxThread = callsOnFxThread;
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    private void enter(String call) {
        calls.add(call);
        if (Platform.isFxApplicationThread()) {
            callsOnFxThread.add(call);
            throw new AssertionError("factory call " + call + " made on the JavaFX Application Thread");
        }
    }

    @Override
    public Health health() {
        enter("health");
        return delegate.health();
    }

    @Override
    public Me me() {
        enter("me");
        return delegate.me();
    }

    @Override
    public Page<AppSummary> listApps(AppQuery query) {
        enter("listApps");
        return delegate.listApps(query);
    }

    @Override
    public AppDetail getApp(String appId) {
        enter("getApp");
        return delegate.getApp(appId);
    }

    @Override
    public List<ResourcePlan> listResourcePlans() {
        enter("listResourcePlans");
        return delegate.listResourcePlans();
    }

    @Override
    public Estimate estimate(EstimateRequest request) {
        enter("estimate");
        return delegate.estimate(request);
    }

    @Override
    public Workload submit(WorkloadSubmission submission, String idempotencyKey) {
        enter("submit");
        return delegate.submit(submission, idempotencyKey);
    }

    @Override
    public Page<Workload> listWorkloads(WorkloadQuery query) {
        enter("listWorkloads");
        return delegate.listWorkloads(query);
    }

    @Override
    public Workload getWorkload(String workloadId) {
        enter("getWorkload");
        return delegate.getWorkload(workloadId);
    }

    @Override
    public Workload cancel(String workloadId) {
        enter("cancel");
        return delegate.cancel(workloadId);
    }

    @Override
    public LogPage logs(String workloadId, long fromLine, Instant since, String q, int limit) {
        enter("logs");
        return delegate.logs(workloadId, fromLine, since, q, limit);
    }

    @Override
    public List<Artifact> listArtifacts(String workloadId) {
        enter("listArtifacts");
        return delegate.listArtifacts(workloadId);
    }

    @Override
    public long downloadArtifact(String artifactId, Path target, LongConsumer progress) {
        enter("downloadArtifact");
        return delegate.downloadArtifact(artifactId, target, progress);
    }

    @Override
    public Page<Dataset> listDatasets(String projectId, String cursor, int limit) {
        enter("listDatasets");
        return delegate.listDatasets(projectId, cursor, limit);
    }

    @Override
    public Dataset uploadDataset(String projectId, Path file, LongConsumer progress) {
        enter("uploadDataset");
        return delegate.uploadDataset(projectId, file, progress);
    }

    @Override
    public EnergyReceipt energyReceipt(String workloadId) {
        enter("energyReceipt");
        return delegate.energyReceipt(workloadId);
    }

    @Override
    public SignedEnergyReceipt signedEnergyReceipt(String workloadId) {
        enter("signedEnergyReceipt");
        return delegate.signedEnergyReceipt(workloadId);
    }

    @Override
    public EnergyReport energyReport(Instant from, Instant to, EnergyGroupBy groupBy) {
        enter("energyReport");
        return delegate.energyReport(from, to, groupBy);
    }

    @Override
    public EnergyReport energyReport(Instant from, Instant to, EnergyGroupBy groupBy, EnergyStackBy stackBy) {
        enter("energyReport");
        return delegate.energyReport(from, to, groupBy, stackBy);
    }

    @Override
    public JsonNode residencyReport(Instant from, Instant to) {
        enter("residencyReport");
        return delegate.residencyReport(from, to);
    }

    @Override
    public JsonNode residencyReport(Instant from, Instant to, Long since) {
        enter("residencyReport");
        return delegate.residencyReport(from, to, since);
    }

    @Override
    public TreeHead transparencyHead() {
        enter("transparencyHead");
        return delegate.transparencyHead();
    }

    @Override
    public ConsistencyProof transparencyConsistency(long fromSize, long toSize) {
        enter("transparencyConsistency");
        return delegate.transparencyConsistency(fromSize, toSize);
    }

    @Override
    public InclusionProof transparencyInclusion(long index, long treeSize) {
        enter("transparencyInclusion");
        return delegate.transparencyInclusion(index, treeSize);
    }

    @Override
    public JwkSet factoryKeys() {
        enter("factoryKeys");
        return delegate.factoryKeys();
    }

    @Override
    public EventSubscription subscribe(long lastEventId, Consumer<WorkloadEvent> events, Consumer<ConnectionState> state) {
        // Opening a subscription only starts a background stream; it may be done from the UI thread.
        calls.add("subscribe");
        return delegate.subscribe(lastEventId, events, state);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "FxThreadGuardClient[" + delegate + "]";
    }

    @Override
    public UsageReport usage(Instant from, Instant to, UsageGroupBy groupBy, String projectId) {
        enter("usage");
        return delegate.usage(from, to, groupBy, projectId);
    }

    @Override
    public List<BudgetStatus> budgets(YearMonth month) {
        enter("budgets");
        return delegate.budgets(month);
    }

    @Override
    public Headroom headroom(String projectId) {
        enter("headroom");
        return delegate.headroom(projectId);
    }

    @Override
    public BudgetStatus putBudget(String projectId, YearMonth month, BudgetUpdate update) {
        enter("putBudget");
        return delegate.putBudget(projectId, month, update);
    }

    @Override
    public List<BudgetOverride> budgetOverrides(String projectId) {
        enter("budgetOverrides");
        return delegate.budgetOverrides(projectId);
    }

    @Override
    public BudgetOverride grantBudgetOverride(String projectId, String reason) {
        enter("grantBudgetOverride");
        return delegate.grantBudgetOverride(projectId, reason);
    }

    @Override
    public QuotaStatus putQuota(String projectId, String planId, Integer maxGpus) {
        enter("putQuota");
        return delegate.putQuota(projectId, planId, maxGpus);
    }

    @Override
    public List<UserAccount> listUsers() {
        enter("listUsers");
        return delegate.listUsers();
    }

    @Override
    public UserAccount createUser(UserCreate user) {
        enter("createUser");
        return delegate.createUser(user);
    }

    @Override
    public UserAccount updateUser(String userId, UserUpdate update) {
        enter("updateUser");
        return delegate.updateUser(userId, update);
    }

    @Override
    public List<ApiToken> listTokens() {
        enter("listTokens");
        return delegate.listTokens();
    }

    @Override
    public CreatedToken createToken(TokenCreate request) {
        enter("createToken");
        return delegate.createToken(request);
    }

    @Override
    public void revokeToken(String tokenId) {
        enter("revokeToken");
        delegate.revokeToken(tokenId);
    }

    @Override
    public List<ProjectInfo> listProjects() {
        enter("listProjects");
        return delegate.listProjects();
    }

    @Override
    public ProjectInfo createProject(String name) {
        enter("createProject");
        return delegate.createProject(name);
    }

    @Override
    public Page<AuditEntry> listAudit(AuditQuery query) {
        enter("listAudit");
        return delegate.listAudit(query);
    }

    @Override
    public long exportAudit(AuditQuery query, java.io.OutputStream out) {
        enter("exportAudit");
        return delegate.exportAudit(query, out);
    }

    @Override
    public List<AccessRequest> listAccessRequests(AccessRequestState state) {
        enter("listAccessRequests");
        return delegate.listAccessRequests(state);
    }

    @Override
    public AccessRequest getAccessRequest(String requestId) {
        enter("getAccessRequest");
        return delegate.getAccessRequest(requestId);
    }

    @Override
    public AccessRequest approveAccessRequest(String requestId, String comment) {
        enter("approveAccessRequest");
        return delegate.approveAccessRequest(requestId, comment);
    }

    @Override
    public AccessRequest denyAccessRequest(String requestId, String comment) {
        enter("denyAccessRequest");
        return delegate.denyAccessRequest(requestId, comment);
    }
}
