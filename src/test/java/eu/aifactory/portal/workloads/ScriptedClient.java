package eu.aifactory.portal.workloads;

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
import eu.aifactory.api.dataset.Dataset;
import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppQuery;
import eu.aifactory.api.catalog.AppSummary;
import eu.aifactory.api.catalog.ResourcePlan;
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
import eu.aifactory.api.workload.LogLine;
import eu.aifactory.api.workload.LogPage;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadEvent;
import eu.aifactory.api.workload.WorkloadQuery;
import eu.aifactory.api.workload.WorkloadSubmission;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.portal.testing.FakeFactoryClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The shell's {@link FakeFactoryClient} plus what the workloads tests need to see and script: the Idempotency-Key of
 * every submit, the queries sent, submits that fail a given number of times, a growing log, cancels, and the
 * event subscription's callbacks so a test can play the factory's event stream.
 */
final class ScriptedClient implements FactoryClient {

    final FakeFactoryClient fake = new FakeFactoryClient();
    final List<String> submitKeys = new CopyOnWriteArrayList<>();
    final List<WorkloadSubmission> submissions = new CopyOnWriteArrayList<>();
    final List<WorkloadQuery> queries = new CopyOnWriteArrayList<>();
    final List<EstimateRequest> estimates = new CopyOnWriteArrayList<>();
    final List<String> cancelled = new CopyOnWriteArrayList<>();
    final List<LogLine> log = new CopyOnWriteArrayList<>();
    volatile boolean logComplete;
    volatile Supplier<RuntimeException> submitFailure;
    volatile int submitFailuresLeft;
    volatile Consumer<WorkloadEvent> events;
    volatile Consumer<ConnectionState> states;

    /** The next {@code times} submits throw what {@code failure} supplies, then submits succeed again. */
    ScriptedClient failSubmits(int times, Supplier<RuntimeException> failure) {
        this.submitFailuresLeft = times;
        this.submitFailure = failure;
        return this;
    }

    void addLogLines(int count) {
        long start = log.size() + 1;
        for (long i = start; i < start + count; i++) {
            log.add(new LogLine(i, Instant.parse("2026-03-02T09:00:00Z").plusSeconds(i), i % 10 == 0
                    ? "epoch " + i + " checkpoint written" : "step " + i + " loss 0.1" + (i % 7)));
        }
    }

    @Override
    public Health health() {
        return fake.health();
    }

    @Override
    public Me me() {
        return fake.me();
    }

    @Override
    public Page<AppSummary> listApps(AppQuery query) {
        return fake.listApps(query);
    }

    @Override
    public AppDetail getApp(String appId) {
        return fake.getApp(appId);
    }

    @Override
    public List<ResourcePlan> listResourcePlans() {
        return fake.listResourcePlans();
    }

    @Override
    public Estimate estimate(EstimateRequest request) {
        estimates.add(request);
        return fake.estimate(request);
    }

    @Override
    public Workload submit(WorkloadSubmission submission, String idempotencyKey) {
        submitKeys.add(idempotencyKey);
        submissions.add(submission);
        if (submitFailuresLeft > 0) {
            submitFailuresLeft--;
            throw submitFailure.get();
        }
        return fake.submit(submission, idempotencyKey);
    }

    @Override
    public Page<Workload> listWorkloads(WorkloadQuery query) {
        queries.add(query);
        return fake.listWorkloads(query);
    }

    @Override
    public Workload getWorkload(String workloadId) {
        return fake.getWorkload(workloadId);
    }

    @Override
    public Workload cancel(String workloadId) {
        cancelled.add(workloadId);
        return fake.cancel(workloadId);
    }

    @Override
    public LogPage logs(String workloadId, long fromLine, Instant since, String q, int limit) {
        fake.logs(workloadId, fromLine, since, q, limit);
        long from = Math.max(1, fromLine);
        List<LogLine> page = new ArrayList<>();
        for (LogLine line : log) {
            if (line.line() >= from && page.size() < limit) {
                page.add(line);
            }
        }
        long next = page.isEmpty() ? from : page.get(page.size() - 1).line() + 1;
        return new LogPage(page, next, logComplete && next > log.size());
    }

    @Override
    public List<Artifact> listArtifacts(String workloadId) {
        return fake.listArtifacts(workloadId);
    }

    @Override
    public long downloadArtifact(String artifactId, Path target, LongConsumer progress) {
        return fake.downloadArtifact(artifactId, target, progress);
    }

    @Override
    public Page<Dataset> listDatasets(String projectId, String cursor, int limit) {
        return fake.listDatasets(projectId, cursor, limit);
    }

    @Override
    public Dataset uploadDataset(String projectId, Path file, LongConsumer progress) {
        return fake.uploadDataset(projectId, file, progress);
    }

    @Override
    public EventSubscription subscribe(long lastEventId, Consumer<WorkloadEvent> eventConsumer,
                                       Consumer<ConnectionState> stateConsumer) {
        this.events = eventConsumer;
        this.states = stateConsumer;
        return fake.subscribe(lastEventId, eventConsumer, stateConsumer);
    }

    @Override
    public void close() {
        fake.close();
    }

    @Override
    public EnergyReceipt energyReceipt(String workloadId) {
        return fake.energyReceipt(workloadId);
    }

    @Override
    public SignedEnergyReceipt signedEnergyReceipt(String workloadId) {
        return fake.signedEnergyReceipt(workloadId);
    }

    @Override
    public EnergyReport energyReport(Instant from, Instant to, EnergyGroupBy groupBy) {
        return fake.energyReport(from, to, groupBy);
    }

    @Override
    public EnergyReport energyReport(Instant from, Instant to, EnergyGroupBy groupBy, EnergyStackBy stackBy) {
        return fake.energyReport(from, to, groupBy, stackBy);
    }

    @Override
    public JsonNode residencyReport(Instant from, Instant to) {
        return fake.residencyReport(from, to);
    }

    @Override
    public TreeHead transparencyHead() {
        return fake.transparencyHead();
    }

    @Override
    public ConsistencyProof transparencyConsistency(long fromSize, long toSize) {
        return fake.transparencyConsistency(fromSize, toSize);
    }

    @Override
    public InclusionProof transparencyInclusion(long index, long treeSize) {
        return fake.transparencyInclusion(index, treeSize);
    }

    @Override
    public JwkSet factoryKeys() {
        return fake.factoryKeys();
    }

    @Override
    public UsageReport usage(Instant from, Instant to, UsageGroupBy groupBy, String projectId) {
        return fake.usage(from, to, groupBy, projectId);
    }

    @Override
    public List<BudgetStatus> budgets(YearMonth month) {
        return fake.budgets(month);
    }

    @Override
    public Headroom headroom(String projectId) {
        return fake.headroom(projectId);
    }

    @Override
    public BudgetStatus putBudget(String projectId, YearMonth month, BudgetUpdate update) {
        return fake.putBudget(projectId, month, update);
    }

    @Override
    public List<BudgetOverride> budgetOverrides(String projectId) {
        return fake.budgetOverrides(projectId);
    }

    @Override
    public BudgetOverride grantBudgetOverride(String projectId, String reason) {
        return fake.grantBudgetOverride(projectId, reason);
    }

    @Override
    public QuotaStatus putQuota(String projectId, String planId, Integer maxGpus) {
        return fake.putQuota(projectId, planId, maxGpus);
    }

    @Override
    public List<UserAccount> listUsers() {
        return fake.listUsers();
    }

    @Override
    public UserAccount createUser(UserCreate user) {
        return fake.createUser(user);
    }

    @Override
    public UserAccount updateUser(String userId, UserUpdate update) {
        return fake.updateUser(userId, update);
    }

    @Override
    public List<ApiToken> listTokens() {
        return fake.listTokens();
    }

    @Override
    public CreatedToken createToken(TokenCreate request) {
        return fake.createToken(request);
    }

    @Override
    public void revokeToken(String tokenId) {
        fake.revokeToken(tokenId);
    }

    @Override
    public List<ProjectInfo> listProjects() {
        return fake.listProjects();
    }

    @Override
    public ProjectInfo createProject(String name) {
        return fake.createProject(name);
    }

    @Override
    public Page<AuditEntry> listAudit(AuditQuery query) {
        return fake.listAudit(query);
    }

    @Override
    public long exportAudit(AuditQuery query, java.io.OutputStream out) {
        return fake.exportAudit(query, out);
    }

    @Override
    public List<AccessRequest> listAccessRequests(AccessRequestState state) {
        return fake.listAccessRequests(state);
    }

    @Override
    public AccessRequest getAccessRequest(String requestId) {
        return fake.getAccessRequest(requestId);
    }

    @Override
    public AccessRequest approveAccessRequest(String requestId, String comment) {
        return fake.approveAccessRequest(requestId, comment);
    }

    @Override
    public AccessRequest denyAccessRequest(String requestId, String comment) {
        return fake.denyAccessRequest(requestId, comment);
    }
}
