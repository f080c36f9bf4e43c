package eu.aifactory.client;

import eu.aifactory.api.transparency.ConsistencyProof;
import eu.aifactory.api.transparency.InclusionProof;
import eu.aifactory.api.transparency.TreeHead;
import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.api.Health;
import eu.aifactory.api.access.AccessRequest;
import eu.aifactory.api.access.AccessRequestState;
import eu.aifactory.api.admin.ApiToken;
import eu.aifactory.api.admin.CreatedToken;
import eu.aifactory.api.admin.ProjectInfo;
import eu.aifactory.api.admin.TokenCreate;
import eu.aifactory.api.admin.UserAccount;
import eu.aifactory.api.admin.UserCreate;
import eu.aifactory.api.admin.UserUpdate;
import eu.aifactory.api.audit.AuditEntry;
import eu.aifactory.api.audit.AuditQuery;
import eu.aifactory.api.Page;
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
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadEvent;
import eu.aifactory.api.workload.WorkloadQuery;
import eu.aifactory.api.workload.WorkloadSubmission;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The factory SDK. Every call blocks and must be made off the UI thread. Failures are
 * {@link ApiException} (the factory answered with a problem) or {@link FactoryUnreachableException}
 * (no answer: connection refused, timed out, dropped). A call made on, or interrupted on, an interrupted
 * thread ends with a {@link java.util.concurrent.CancellationException} and leaves the interrupt flag set.
 * Implementations never put the token into a message, a log line or {@code toString()}.
 */
public interface FactoryClient extends AutoCloseable {

    Health health();

    Me me();

    Page<AppSummary> listApps(AppQuery query);

    AppDetail getApp(String appId);

    List<ResourcePlan> listResourcePlans();

    Estimate estimate(EstimateRequest request);

    /**
     * The signed residency report of the caller's tenant (or, for engineers, their projects) for
     * {@code [from, to)}: {@code {"report": …, "signature": …}} exactly as received, to verify with
     * {@link eu.aifactory.api.signing.SignedDocument#verify} and to save as evidence. A period that is empty,
     * reversed or longer than 366 days is an {@link ApiException} with field errors on {@code from}/{@code to}.
     */
    JsonNode residencyReport(Instant from, Instant to);

    /**
     * As {@link #residencyReport(Instant, Instant)}, asking the factory to embed in the report's transparency section
     * the consistency proof from the tree size {@code since} (the last head the caller accepted) to the current one;
     * null asks for none. A client that cannot ask answers the report without a proof, which the caller reports as a
     * log that could not be checked.
     */
    default JsonNode residencyReport(Instant from, Instant to, Long since) {
        return residencyReport(from, to);
    }

    /** The signed head of the caller's tenant's transparency log now. */
    TreeHead transparencyHead();

    /** The consistency proof between two sizes of the caller's tenant's log; a size beyond it is a 404. */
    ConsistencyProof transparencyConsistency(long fromSize, long toSize);

    /** Leaf {@code index} of the caller's tenant's log with its inclusion proof in the tree of {@code treeSize}. */
    InclusionProof transparencyInclusion(long index, long treeSize);

    /** The factory's published report-signing keys with their rotation records ({@code /.well-known/factory-keys}). */
    JwkSet factoryKeys();

    /**
     * Submits a workload. Retries on a dropped connection with the same {@code idempotencyKey}, so the
     * factory creates at most one workload per key; the caller keeps the key to retry safely itself.
     */
    Workload submit(WorkloadSubmission submission, String idempotencyKey);

    Page<Workload> listWorkloads(WorkloadQuery query);

    Workload getWorkload(String workloadId);

    Workload cancel(String workloadId);

    /**
     * @param fromLine first line, 1-based; 0 or less for the factory's default (the first line)
     * @param since    only lines written at or after, or null
     * @param q        only lines containing this text, or null
     * @param limit    most lines to return; 0 or less for the factory's default
     */
    LogPage logs(String workloadId, long fromLine, Instant since, String q, int limit);

    List<Artifact> listArtifacts(String workloadId);

    /**
     * Downloads an artifact to {@code target}. Bytes go first to {@code target + ".part"}; when that file
     * exists from an interrupted download, only the rest is fetched (HTTP Range). Returns the total size.
     * A dropped connection ({@link FactoryUnreachableException}) or an interrupt
     * ({@link java.util.concurrent.CancellationException}) keeps the part file, so calling again resumes.
     *
     * @param progress receives the number of bytes on disk so far (compare with {@link Artifact#sizeBytes()}),
     *                 on the calling thread; may be null
     * @throws java.io.UncheckedIOException when the local file cannot be written
     */
    long downloadArtifact(String artifactId, Path target, LongConsumer progress);

    /**
     * One page of the datasets the caller may see, newest first.
     *
     * @param projectId only this project's datasets, or null for all the caller may see
     * @param cursor    the {@code nextCursor} of the previous page, or null for the first
     * @param limit     most datasets on the page; 0 or less for the factory's default
     */
    Page<Dataset> listDatasets(String projectId, String cursor, int limit);

    /**
     * Uploads {@code file} as a new dataset of {@code projectId}, named after the file. The file is streamed from
     * disk, never held in memory, and the upload is never retried by itself (a second attempt would store a second
     * dataset). Interrupting the calling thread stops it and ends the call with a
     * {@link java.util.concurrent.CancellationException}; the factory then keeps nothing.
     *
     * @param progress receives the number of bytes sent so far (compare with the file's size), on the calling thread;
     *                 may be null
     * @throws java.io.UncheckedIOException when the local file cannot be read
     */
    Dataset uploadDataset(String projectId, Path file, LongConsumer progress);

    /** The energy receipt of a workload: IT and facility energy, renewable share and CO2e, with the factors used. */
    EnergyReceipt energyReceipt(String workloadId);

    /**
     * A finished workload's energy receipt summary, signed with the factory's report-signing key: the visitor's
     * take-away (a QR code of {@link SignedEnergyReceipt#qrText()}). 409 while the workload has not ended.
     */
    SignedEnergyReceipt signedEnergyReceipt(String workloadId);

    /**
     * The caller's energy report over {@code [from, to)} (at most one year and one day), grouped.
     *
     * @param groupBy how rows are grouped; null for the factory's default (month)
     */
    EnergyReport energyReport(Instant from, Instant to, EnergyGroupBy groupBy);

    // ---- usage, budgets and quotas (issue 7)

    /**
     * GPU-hours, cost, facility energy and workload counts of the caller's visible projects over {@code [from, to)},
     * grouped, with every visible project's budget status for each month the period touches.
     *
     * @param groupBy null for the factory's default (project)
     */
    default UsageReport usage(Instant from, Instant to, UsageGroupBy groupBy) {
        return usage(from, to, groupBy, null);
    }

    /**
     * The usage report of one visible project only ({@code projectId} null: every visible project); a project the
     * caller does not see is answered 404 ({@link ApiException}).
     */
    UsageReport usage(Instant from, Instant to, UsageGroupBy groupBy, String projectId);

    /** The budget status of every visible project for {@code month} (null: the current site-local month). */
    List<BudgetStatus> budgets(YearMonth month);

    /** The project's budget status this month, its quota per plan and the tenant admins who can help. */
    Headroom headroom(String projectId);

    /** Sets a project's budget for a month (tenant admins). Returns the status under the new budget. */
    BudgetStatus putBudget(String projectId, YearMonth month, BudgetUpdate update);

    /** The project's recorded one-off budget overrides, newest first (tenant admins, account managers). */
    List<BudgetOverride> budgetOverrides(String projectId);

    /** Lets exactly one over-budget submit of the project through this month; recorded with the reason. */
    BudgetOverride grantBudgetOverride(String projectId, String reason);

    /** Sets the most GPUs the project may hold at once on a plan; null removes the limit (tenant admins). */
    QuotaStatus putQuota(String projectId, String planId, Integer maxGpus);

    // ---- administration (tenant admins)

    List<UserAccount> listUsers();

    UserAccount createUser(UserCreate user);

    UserAccount updateUser(String userId, UserUpdate update);

    /** The tenant's tokens: prefix, owner, created, last used; never a secret. */
    List<ApiToken> listTokens();

    /** Creates a token; {@link CreatedToken#secret()} is the only time the secret is shown. */
    CreatedToken createToken(TokenCreate request);

    /** Revokes a token at once; revoking a revoked token does nothing. */
    void revokeToken(String tokenId);

    List<ProjectInfo> listProjects();

    ProjectInfo createProject(String name);

    /** One page of the tenant's audit trail, newest first (tenant admins and account managers). */
    Page<AuditEntry> listAudit(AuditQuery query);

    /**
     * Streams every entry of the audit trail matching {@code query}'s filters (not its cursor or limit) as CSV into
     * {@code out}, which stays open. Returns the number of bytes written.
     *
     * @throws java.io.UncheckedIOException when {@code out} cannot be written
     */
    long exportAudit(AuditQuery query, java.io.OutputStream out);
    // ---- operator access approval

    /** The operator's access requests to the tenant, newest first (tenant admins and account managers). */
    List<AccessRequest> listAccessRequests(AccessRequestState state);

    AccessRequest getAccessRequest(String requestId);

    /** Approves a pending request before its deadline (tenant admins); the comment may be null. */
    AccessRequest approveAccessRequest(String requestId, String comment);

    /** Denies a pending request before its deadline (tenant admins); the comment says why. */
    AccessRequest denyAccessRequest(String requestId, String comment);

    /**
     * The caller's energy report over {@code [from, to)} grouped by day, week or month, with each period's facility
     * energy also split by application or project ({@link EnergyReport#series()}), for a stacked chart.
     *
     * @param groupBy DAY, WEEK or MONTH
     * @param stackBy what the series stand for
     */
    EnergyReport energyReport(Instant from, Instant to, EnergyGroupBy groupBy, EnergyStackBy stackBy);

    /**
     * Follows the tenant's workload events. Reconnects by itself with {@code Last-Event-ID} after a drop,
     * so no event is lost; {@code state} hears of each connect and drop. Both callbacks run on the client's own
     * threads, never the caller's: hand them over to the UI thread. None runs after the subscription's
     * {@code close()} has returned. A refused token ends the subscription with {@code CLOSED}.
     *
     * @param lastEventId the last event already seen, 0 for only new events
     */
    EventSubscription subscribe(long lastEventId, Consumer<WorkloadEvent> events, Consumer<ConnectionState> state);

    @Override
    void close();

    /** An open event stream; closing it stops reconnecting. */
    interface EventSubscription extends AutoCloseable {
        long lastEventId();

        @Override
        void close();
    }

    enum ConnectionState { CONNECTED, RECONNECTING, CLOSED }
}
