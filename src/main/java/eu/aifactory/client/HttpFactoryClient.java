package eu.aifactory.client;

import eu.aifactory.api.transparency.ConsistencyProof;
import eu.aifactory.api.transparency.InclusionProof;
import eu.aifactory.api.transparency.TreeHead;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import eu.aifactory.api.Health;
import eu.aifactory.api.access.AccessDecision;
import eu.aifactory.api.access.AccessRequest;
import eu.aifactory.api.access.AccessRequestState;
import eu.aifactory.api.admin.ApiToken;
import eu.aifactory.api.admin.CreatedToken;
import eu.aifactory.api.admin.ProjectCreate;
import eu.aifactory.api.admin.ProjectInfo;
import eu.aifactory.api.admin.TokenCreate;
import eu.aifactory.api.admin.UserAccount;
import eu.aifactory.api.admin.UserCreate;
import eu.aifactory.api.admin.UserUpdate;
import eu.aifactory.api.audit.AuditEntry;
import eu.aifactory.api.audit.AuditQuery;
import eu.aifactory.api.Json;
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
import eu.aifactory.api.usage.BudgetOverride;
import eu.aifactory.api.usage.BudgetOverrideRequest;
import eu.aifactory.api.usage.BudgetStatus;
import eu.aifactory.api.usage.BudgetUpdate;
import eu.aifactory.api.usage.Headroom;
import eu.aifactory.api.usage.QuotaStatus;
import eu.aifactory.api.usage.QuotaUpdate;
import eu.aifactory.api.usage.UsageGroupBy;
import eu.aifactory.api.usage.UsageReport;
import eu.aifactory.api.workload.Artifact;
import eu.aifactory.api.workload.Estimate;
import eu.aifactory.api.workload.EstimateRequest;
import eu.aifactory.api.workload.LogPage;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadEvent;
import eu.aifactory.api.workload.WorkloadQuery;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.api.workload.WorkloadSubmission;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import eu.aifactory.client.trust.PinnedCertificateTrust;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The factory SDK over OkHttp and Jackson. Thread-safe; create one per factory and share it.
 *
 * <p>Each call is one logical request with its own {@code X-Request-Id}; safe requests (GET, submit with its
 * Idempotency-Key, estimate, cancel) are retried with backoff after a transport failure or a 502/503/504, never
 * after another 4xx. Errors arrive as {@link ApiException} (the factory answered with an error, or with something
 * that is not a readable answer) or {@link FactoryUnreachableException} (no answer). A call on an interrupted
 * thread ends with a {@link java.util.concurrent.CancellationException}.
 */
public final class HttpFactoryClient implements FactoryClient {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFactoryClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String ACCEPT_JSON = "application/json, application/problem+json";
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final long ERROR_BODY_LIMIT = 64 * 1024;
    /** The factory sends a keep-alive comment every 15 s; three missed ones mean the stream is dead. */
    private static final Duration MIN_EVENTS_READ_TIMEOUT = Duration.ofSeconds(45);

    private final FactoryClientConfig config;
    private final HttpUrl baseUrl;
    private final String origin;
    private final ObjectMapper mapper = Json.mapper();
    /** Reads signed documents: a duplicate member name could show a reader other values than were signed. */
    private final ObjectMapper signedReader = Json.mapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private final OkHttpClient http;
    private final OkHttpClient streaming;
    private final OkHttpClient events;
    private final OkHttpClient owned;
    private final Backoff backoff;
    private final Set<EventStream> subscriptions = ConcurrentHashMap.newKeySet();
    private final JavaType appPage;
    private final JavaType workloadPage;
    private final JavaType planList;
    private final JavaType artifactList;
    private final JavaType datasetPage;
    private final JavaType budgetList;
    private final JavaType overrideList;
    private final JavaType userList;
    private final JavaType tokenList;
    private final JavaType projectList;
    private final JavaType auditPage;
    private final JavaType accessRequestList;
    private volatile boolean closed;

    public HttpFactoryClient(FactoryClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        HttpUrl parsed = HttpUrl.get(config.baseUrl().toString());
        // A base without a trailing slash ("http://host/factory") must still keep its last segment.
        this.baseUrl = parsed.pathSegments().get(parsed.pathSize() - 1).isEmpty()
                ? parsed : parsed.newBuilder().addPathSegment("").build();
        String text = baseUrl.toString();
        this.origin = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;

        this.owned = config.httpClient() == null ? new OkHttpClient() : null;
        OkHttpClient shared = owned != null ? owned : config.httpClient();
        this.backoff = new Backoff(config.retryBase(), config.retryCap());
        OkHttpClient.Builder transport = shared.newBuilder();
        if (baseUrl.isHttps()) {
            PinnedCertificateTrust.of(config.pinnedCertificate()).applyTo(transport, shared.hostnameVerifier());
        }
        OkHttpClient common = transport
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                // Our retry interceptor decides what may be sent twice, counts and backs off; OkHttp's own would not.
                .retryOnConnectionFailure(false)
                .addInterceptor(new RequestIdInterceptor(config.userAgent()))
                .addInterceptor(new LanguageInterceptor(config.language()))
                .build();
        OkHttpClient retrying = common.newBuilder()
                .addInterceptor(new RetryInterceptor(config.maxRetries(), backoff, config.sleeper(), config.clock()))
                .addInterceptor(new AuthInterceptor(config.token()))
                .build();
        this.http = retrying.newBuilder().callTimeout(config.callTimeout()).build();
        this.streaming = retrying.newBuilder().callTimeout(Duration.ZERO).build();
        Duration eventsReadTimeout = config.readTimeout().isZero()
                || config.readTimeout().compareTo(MIN_EVENTS_READ_TIMEOUT) >= 0
                ? config.readTimeout() : MIN_EVENTS_READ_TIMEOUT;
        // The event stream reconnects by itself; retrying inside a connect attempt would only delay that.
        this.events = common.newBuilder()
                .addInterceptor(new AuthInterceptor(config.token()))
                .callTimeout(Duration.ZERO)
                .readTimeout(eventsReadTimeout)
                .build();

        TypeFactory types = mapper.getTypeFactory();
        this.appPage = types.constructParametricType(Page.class, AppSummary.class);
        this.workloadPage = types.constructParametricType(Page.class, Workload.class);
        this.planList = types.constructCollectionType(List.class, ResourcePlan.class);
        this.artifactList = types.constructCollectionType(List.class, Artifact.class);
        this.datasetPage = types.constructParametricType(Page.class, Dataset.class);
        this.budgetList = types.constructCollectionType(List.class, BudgetStatus.class);
        this.overrideList = types.constructCollectionType(List.class, BudgetOverride.class);
        this.userList = types.constructCollectionType(List.class, UserAccount.class);
        this.tokenList = types.constructCollectionType(List.class, ApiToken.class);
        this.projectList = types.constructCollectionType(List.class, ProjectInfo.class);
        this.auditPage = types.constructParametricType(Page.class, AuditEntry.class);
        this.accessRequestList = types.constructCollectionType(List.class, AccessRequest.class);
    }

    public FactoryClientConfig config() {
        return config;
    }

    @Override
    public Health health() {
        return get(url("v1", "health").build(), mapper.constructType(Health.class));
    }

    @Override
    public Me me() {
        return get(url("v1", "me").build(), mapper.constructType(Me.class));
    }

    @Override
    public Page<AppSummary> listApps(AppQuery query) {
        AppQuery q = query == null ? AppQuery.all() : query;
        HttpUrl.Builder url = url("v1", "apps");
        param(url, "q", q.q());
        param(url, "category", q.category());
        param(url, "vendor", q.vendor());
        param(url, "gpuClass", q.gpuClass());
        param(url, "tag", q.tag());
        param(url, "sort", q.sort());
        param(url, "limit", q.limit());
        param(url, "cursor", q.cursor());
        return get(url.build(), appPage);
    }

    @Override
    public AppDetail getApp(String appId) {
        return get(url("v1", "apps", requireId(appId, "appId")).build(), mapper.constructType(AppDetail.class));
    }

    @Override
    public List<ResourcePlan> listResourcePlans() {
        return get(url("v1", "resource-plans").build(), planList);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Read with duplicate member names rejected, so what the portal shows is what the signature covers.
     */
    @Override
    public JsonNode residencyReport(Instant from, Instant to) {
        return residencyReport(from, to, null);
    }

    @Override
    public JsonNode residencyReport(Instant from, Instant to, Long since) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        HttpUrl.Builder url = url("v1", "reports", "residency");
        param(url, "from", from);
        param(url, "to", to);
        if (since != null) {
            url.addQueryParameter("since", Long.toString(since));
        }
        return call(jsonRequest(url.build()).get().build(), mapper.constructType(JsonNode.class), signedReader);
    }

    @Override
    public TreeHead transparencyHead() {
        return call(jsonRequest(url("v1", "transparency", "head").build()).get().build(),
                mapper.constructType(TreeHead.class), signedReader);
    }

    @Override
    public ConsistencyProof transparencyConsistency(long fromSize, long toSize) {
        HttpUrl url = url("v1", "transparency", "consistency").addQueryParameter("from", Long.toString(fromSize))
                .addQueryParameter("to", Long.toString(toSize)).build();
        return call(jsonRequest(url).get().build(), mapper.constructType(ConsistencyProof.class), signedReader);
    }

    @Override
    public InclusionProof transparencyInclusion(long index, long treeSize) {
        HttpUrl url = url("v1", "transparency", "inclusion").addQueryParameter("index", Long.toString(index))
                .addQueryParameter("treeSize", Long.toString(treeSize)).build();
        return call(jsonRequest(url).get().build(), mapper.constructType(InclusionProof.class), signedReader);
    }

    @Override
    public JwkSet factoryKeys() {
        return call(jsonRequest(url(".well-known", "factory-keys").build()).get().build(),
                mapper.constructType(JwkSet.class), signedReader);
    }

    @Override
    public Estimate estimate(EstimateRequest request) {
        Objects.requireNonNull(request, "request");
        Request post = jsonRequest(url("v1", "estimates").build())
                .post(jsonBody(request))
                .tag(RetryInterceptor.Idempotent.class, RetryInterceptor.Idempotent.YES)
                .build();
        return call(post, mapper.constructType(Estimate.class));
    }

    @Override
    public Workload submit(WorkloadSubmission submission, String idempotencyKey) {
        Objects.requireNonNull(submission, "submission");
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("an Idempotency-Key is required");
        }
        // The body is serialized once, so every retry sends the same bytes with the same key.
        Request post = jsonRequest(url("v1", "workloads").build())
                .header("Idempotency-Key", idempotencyKey)
                .post(jsonBody(submission))
                .tag(RetryInterceptor.Idempotent.class, RetryInterceptor.Idempotent.YES)
                .build();
        return call(post, mapper.constructType(Workload.class));
    }

    @Override
    public Page<Workload> listWorkloads(WorkloadQuery query) {
        WorkloadQuery q = query == null ? WorkloadQuery.all() : query;
        HttpUrl.Builder url = url("v1", "workloads");
        if (!q.status().isEmpty()) {
            param(url, "status", q.status().stream().sorted()
                    .map(WorkloadStatus::name).collect(Collectors.joining(",")));
        }
        param(url, "appId", q.appId());
        param(url, "projectId", q.projectId());
        param(url, "submittedBy", q.submittedBy());
        param(url, "from", q.from());
        param(url, "to", q.to());
        param(url, "q", q.q());
        param(url, "sort", q.sort());
        param(url, "limit", q.limit());
        param(url, "cursor", q.cursor());
        return get(url.build(), workloadPage);
    }

    @Override
    public Workload getWorkload(String workloadId) {
        return get(url("v1", "workloads", requireId(workloadId, "workloadId")).build(),
                mapper.constructType(Workload.class));
    }

    /**
     * Asks the factory to stop a workload. Retried after a dropped connection: if the first attempt did reach the
     * factory, the retry is answered with 409 (already cancelling), which arrives as an {@link ApiException}.
     */
    @Override
    public Workload cancel(String workloadId) {
        Request post = jsonRequest(url("v1", "workloads", requireId(workloadId, "workloadId"), "cancel").build())
                .post(RequestBody.create(new byte[0], null))
                .tag(RetryInterceptor.Idempotent.class, RetryInterceptor.Idempotent.YES)
                .build();
        return call(post, mapper.constructType(Workload.class));
    }

    @Override
    public LogPage logs(String workloadId, long fromLine, Instant since, String q, int limit) {
        HttpUrl.Builder url = url("v1", "workloads", requireId(workloadId, "workloadId"), "logs");
        if (fromLine > 0) {
            param(url, "fromLine", fromLine);
        }
        param(url, "since", since);
        param(url, "q", q);
        if (limit > 0) {
            param(url, "limit", limit);
        }
        return get(url.build(), mapper.constructType(LogPage.class));
    }

    @Override
    public List<Artifact> listArtifacts(String workloadId) {
        return get(url("v1", "workloads", requireId(workloadId, "workloadId"), "artifacts").build(), artifactList);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Streams with a 64 KiB buffer, never holding the artifact in memory. When the part file exists, asks for
     * {@code Range: bytes=<size>-}: a 206 is appended, a 200 restarts from zero. A dropped connection leaves the
     * part file for the next call to resume; so does an interrupt, which ends the call with a
     * {@link java.util.concurrent.CancellationException}. The finished file is moved into place atomically.
     *
     * @throws UncheckedIOException when the local file cannot be written
     */
    @Override
    public long downloadArtifact(String artifactId, Path target, LongConsumer progress) {
        Objects.requireNonNull(target, "target");
        LongConsumer report = progress == null ? n -> { } : progress;
        Path part = target.resolveSibling(target.getFileName() + ".part");
        HttpUrl url = url("v1", "artifacts", requireId(artifactId, "artifactId"), "content").build();
        return download(url, target, part, report, true);
    }

    private long download(HttpUrl url, Path target, Path part, LongConsumer progress, boolean mayRestart) {
        long existing = localSize(part);
        Request.Builder builder = request(url).header("Accept", "application/octet-stream, application/problem+json");
        if (existing > 0) {
            builder.header("Range", "bytes=" + existing + "-");
        }
        Request request = builder.get().build();
        try (Response response = execute(streaming, request)) {
            boolean stale = false;
            if (response.code() == 416 && existing > 0) {
                long total = totalOfUnsatisfiedRange(response.header("Content-Range"));
                if (total == existing) {
                    // The previous run got every byte but stopped before the move.
                    progress.accept(existing);
                    moveIntoPlace(part, target);
                    return existing;
                }
                stale = mayRestart;
            }
            if (!stale) {
                return save(response, request, existing, target, part, progress);
            }
        }
        LOG.info("Part file {} does not fit the artifact; downloading it again", part.getFileName());
        deleteQuietly(part);
        return download(url, target, part, progress, false);
    }

    private long save(Response response, Request request, long existing, Path target, Path part,
                      LongConsumer progress) {
        if (!response.isSuccessful()) {
            throw problem(response, request);
        }
        boolean append = response.code() == 206 && existing > 0;
        long written = append ? existing : 0;
        createParent(part);
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            progress.accept(written);
            written = copy(response.body(), out, written, part, progress, request);
            out.force(false);
        } catch (ClosedByInterruptException e) {
            throw Failures.cancelled("Download interrupted; kept in " + part, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + part + ": " + e.getMessage(), e);
        }
        moveIntoPlace(part, target);
        return written;
    }

    /** Copies the body into the part file; network failures and interrupts leave the part file for a resume. */
    private long copy(ResponseBody body, FileChannel out, long written, Path part, LongConsumer progress,
                      Request request) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long total = written;
        try (InputStream in = body.byteStream()) {
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    throw Failures.cancelled("Download interrupted after " + total + " bytes; kept in " + part, null);
                }
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    LOG.info("Download of {} stopped after {} bytes, kept for resuming [request {}]",
                            request.url().encodedPath(), total, request.header(RequestIdInterceptor.HEADER));
                    throw Failures.noAnswer(origin, e);
                }
                if (n < 0) {
                    return total;
                }
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                total += n;
                progress.accept(total);
            }
        }
    }

    @Override
    public Page<Dataset> listDatasets(String projectId, String cursor, int limit) {
        HttpUrl.Builder url = url("v1", "datasets");
        param(url, "projectId", projectId);
        if (limit > 0) {
            param(url, "limit", limit);
        }
        param(url, "cursor", cursor);
        return get(url.build(), datasetPage);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Sent as multipart/form-data with a known length through the client without a call timeout; not tagged
     * idempotent, so the retry interceptor never sends it twice.
     */
    @Override
    public Dataset uploadDataset(String projectId, Path file, LongConsumer progress) {
        requireId(projectId, "projectId");
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new java.io.FileNotFoundException(file + " is not a readable file"));
        }
        String mediaType;
        try {
            mediaType = Files.probeContentType(file);
        } catch (IOException e) {
            mediaType = null;
        }
        RequestBody content = new FileUploadBody(file, MediaType.parse(mediaType == null ? "application/octet-stream"
                : mediaType), progress == null ? n -> { } : progress);
        RequestBody body = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("projectId", projectId)
                .addFormDataPart("file", file.getFileName().toString(), content)
                .build();
        Request post = jsonRequest(url("v1", "datasets").build()).post(body).build();
        try (Response response = execute(streaming, post)) {
            if (!response.isSuccessful()) {
                throw problem(response, post);
            }
            try {
                return mapper.readValue(response.body().bytes(), Dataset.class);
            } catch (IOException e) {
                throw Failures.noAnswer(origin, e);
            }
        }
    }

    @Override
    public EnergyReceipt energyReceipt(String workloadId) {
        return get(url("v1", "workloads", requireId(workloadId, "workloadId"), "energy").build(),
                mapper.constructType(EnergyReceipt.class));
    }

    @Override
    public SignedEnergyReceipt signedEnergyReceipt(String workloadId) {
        return get(url("v1", "workloads", requireId(workloadId, "workloadId"), "energy", "signed").build(),
                mapper.constructType(SignedEnergyReceipt.class));
    }

    @Override
    public EnergyReport energyReport(Instant from, Instant to, EnergyGroupBy groupBy) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        HttpUrl.Builder url = url("v1", "reports", "energy");
        param(url, "from", from);
        param(url, "to", to);
        param(url, "groupBy", groupBy == null ? null : groupBy.wire());
        return get(url.build(), mapper.constructType(EnergyReport.class));
    }

    @Override
    public EnergyReport energyReport(Instant from, Instant to, EnergyGroupBy groupBy, EnergyStackBy stackBy) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(groupBy, "groupBy");
        Objects.requireNonNull(stackBy, "stackBy");
        HttpUrl.Builder url = url("v1", "reports", "energy");
        param(url, "from", from);
        param(url, "to", to);
        param(url, "groupBy", groupBy.wire());
        param(url, "stackBy", stackBy.wire());
        return get(url.build(), mapper.constructType(EnergyReport.class));
    }

    @Override
    public UsageReport usage(Instant from, Instant to, UsageGroupBy groupBy, String projectId) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        HttpUrl.Builder url = url("v1", "usage");
        param(url, "from", from);
        param(url, "to", to);
        param(url, "groupBy", groupBy == null ? null : groupBy.wire());
        param(url, "projectId", projectId);
        return get(url.build(), mapper.constructType(UsageReport.class));
    }

    @Override
    public List<BudgetStatus> budgets(YearMonth month) {
        HttpUrl.Builder url = url("v1", "budgets");
        param(url, "month", month);
        return get(url.build(), budgetList);
    }

    @Override
    public Headroom headroom(String projectId) {
        return get(url("v1", "projects", requireId(projectId, "projectId"), "headroom").build(),
                mapper.constructType(Headroom.class));
    }

    /** Retried after a dropped connection: setting the same budget twice has the effect of setting it once. */
    @Override
    public BudgetStatus putBudget(String projectId, YearMonth month, BudgetUpdate update) {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(update, "update");
        Request put = jsonRequest(url("v1", "projects", requireId(projectId, "projectId"), "budgets",
                month.toString()).build())
                .put(jsonBody(update))
                .tag(RetryInterceptor.Idempotent.class, RetryInterceptor.Idempotent.YES)
                .build();
        return call(put, mapper.constructType(BudgetStatus.class));
    }

    @Override
    public List<BudgetOverride> budgetOverrides(String projectId) {
        return get(url("v1", "projects", requireId(projectId, "projectId"), "budget-overrides").build(), overrideList);
    }

    /** Not retried: a second grant after a lost answer is refused with 409 rather than silently doubled. */
    @Override
    public BudgetOverride grantBudgetOverride(String projectId, String reason) {
        Request post = jsonRequest(url("v1", "projects", requireId(projectId, "projectId"), "budget-overrides").build())
                .post(jsonBody(new BudgetOverrideRequest(reason)))
                .build();
        return call(post, mapper.constructType(BudgetOverride.class));
    }

    @Override
    public QuotaStatus putQuota(String projectId, String planId, Integer maxGpus) {
        Request put = jsonRequest(url("v1", "projects", requireId(projectId, "projectId"), "quotas",
                requireId(planId, "planId")).build())
                .put(jsonBody(new QuotaUpdate(maxGpus)))
                .tag(RetryInterceptor.Idempotent.class, RetryInterceptor.Idempotent.YES)
                .build();
        return call(put, mapper.constructType(QuotaStatus.class));
    }

    @Override
    public List<UserAccount> listUsers() {
        return get(url("v1", "admin", "users").build(), userList);
    }

    @Override
    public UserAccount createUser(UserCreate user) {
        Objects.requireNonNull(user, "user");
        Request post = jsonRequest(url("v1", "admin", "users").build()).post(jsonBody(user)).build();
        return call(post, mapper.constructType(UserAccount.class));
    }

    @Override
    public UserAccount updateUser(String userId, UserUpdate update) {
        Objects.requireNonNull(update, "update");
        Request patch = jsonRequest(url("v1", "admin", "users", requireId(userId, "userId")).build())
                .patch(jsonBody(update))
                .tag(RetryInterceptor.Idempotent.class, RetryInterceptor.Idempotent.YES)
                .build();
        return call(patch, mapper.constructType(UserAccount.class));
    }

    @Override
    public List<ApiToken> listTokens() {
        return get(url("v1", "admin", "tokens").build(), tokenList);
    }

    /** Not retried: a lost answer would mean a second secret nobody saw. */
    @Override
    public CreatedToken createToken(TokenCreate request) {
        Objects.requireNonNull(request, "request");
        Request post = jsonRequest(url("v1", "admin", "tokens").build()).post(jsonBody(request)).build();
        return call(post, mapper.constructType(CreatedToken.class));
    }

    @Override
    public void revokeToken(String tokenId) {
        Request delete = jsonRequest(url("v1", "admin", "tokens", requireId(tokenId, "tokenId")).build())
                .delete()
                .tag(RetryInterceptor.Idempotent.class, RetryInterceptor.Idempotent.YES)
                .build();
        try (Response response = execute(http, delete)) {
            if (!response.isSuccessful()) {
                throw problem(response, delete);
            }
        }
    }

    @Override
    public List<ProjectInfo> listProjects() {
        return get(url("v1", "admin", "projects").build(), projectList);
    }

    @Override
    public ProjectInfo createProject(String name) {
        Request post = jsonRequest(url("v1", "admin", "projects").build())
                .post(jsonBody(new ProjectCreate(name)))
                .build();
        return call(post, mapper.constructType(ProjectInfo.class));
    }

    @Override
    public Page<AuditEntry> listAudit(AuditQuery query) {
        HttpUrl.Builder url = auditUrl(query);
        if (query.limit() != null) {
            param(url, "limit", query.limit());
        }
        param(url, "cursor", query.cursor());
        return get(url.build(), auditPage);
    }

    /** {@inheritDoc} Without a call timeout: a long trail takes as long as it takes. */
    @Override
    public long exportAudit(AuditQuery query, java.io.OutputStream out) {
        Objects.requireNonNull(out, "out");
        HttpUrl.Builder url = auditUrl(query);
        param(url, "format", "csv");
        Request get = request(url.build()).header("Accept", "text/csv").get().build();
        try (Response response = execute(streaming, get)) {
            if (!response.isSuccessful()) {
                throw problem(response, get);
            }
            java.io.InputStream in;
            try {
                in = response.body().byteStream();
            } catch (RuntimeException e) {
                throw Failures.noAnswer(origin, new IOException(e));
            }
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    throw Failures.noAnswer(origin, e);
                }
                if (n < 0) {
                    return total;
                }
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                total += n;
            }
        }
    }

    private HttpUrl.Builder auditUrl(AuditQuery query) {
        HttpUrl.Builder url = url("v1", "audit");
        param(url, "action", query.action() == null ? null : query.action().wire());
        param(url, "userId", query.userId());
        param(url, "outcome", query.outcome() == null ? null : query.outcome().wire());
        param(url, "from", query.from());
        param(url, "to", query.to());
        return url;
    }

    @Override
    public List<AccessRequest> listAccessRequests(AccessRequestState state) {
        HttpUrl.Builder url = url("v1", "access-requests");
        if (state != null) {
            url.addQueryParameter("state", state.name());
        }
        return get(url.build(), accessRequestList);
    }

    @Override
    public AccessRequest getAccessRequest(String requestId) {
        return get(url("v1", "access-requests", requireId(requestId, "requestId")).build(),
                mapper.constructType(AccessRequest.class));
    }

    /** Not retried: a second approval after a lost answer is refused as already decided, which would hide the first. */
    @Override
    public AccessRequest approveAccessRequest(String requestId, String comment) {
        return decide(requestId, "approve", comment);
    }

    @Override
    public AccessRequest denyAccessRequest(String requestId, String comment) {
        return decide(requestId, "deny", comment);
    }

    private AccessRequest decide(String requestId, String verb, String comment) {
        Request post = jsonRequest(url("v1", "access-requests", requireId(requestId, "requestId"), verb).build())
                .post(jsonBody(new AccessDecision(comment)))
                .build();
        return call(post, mapper.constructType(AccessRequest.class));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Callbacks arrive on OkHttp's threads and on the subscription's own daemon thread, never on the caller's:
     * hand them to the UI thread yourself. They are called one at a time, and none after {@code close()} returns.
     * A 401, 403 or 404 answer ends the subscription ({@code CLOSED}): a new token needs a new subscription.
     */
    @Override
    public EventSubscription subscribe(long lastEventId, Consumer<WorkloadEvent> events,
                                       Consumer<ConnectionState> state) {
        Objects.requireNonNull(events, "events");
        ensureOpen();
        EventStream[] self = new EventStream[1];
        EventStream stream = new EventStream(this.events, url("v1", "events").build(), mapper, backoff,
                config.sleeper(), lastEventId, events, state, () -> subscriptions.remove(self[0]));
        self[0] = stream;
        subscriptions.add(stream);
        stream.start();
        return stream;
    }

    /** Stops all subscriptions; releases the connection pool and threads only if this client created them. */
    @Override
    public void close() {
        closed = true;
        for (EventStream stream : List.copyOf(subscriptions)) {
            stream.close();
        }
        if (owned != null) {
            owned.dispatcher().executorService().shutdown();
            owned.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "HttpFactoryClient[" + origin + "]";
    }

    // ---- plumbing

    /** For {@link OperatorClient}: a GET of {@code /path?query} answered with JSON of {@code type}. */
    <T> T getJson(JavaType type, java.util.Map<String, String> query, String... segments) {
        HttpUrl.Builder url = url(segments);
        query.forEach((name, value) -> {
            if (value != null) {
                url.addQueryParameter(name, value);
            }
        });
        return get(url.build(), type);
    }

    /** For {@link OperatorClient}: a POST of {@code body} as JSON, never retried, answered with JSON of {@code type}. */
    <T> T postJson(JavaType type, Object body, String... segments) {
        return call(jsonRequest(url(segments).build()).post(jsonBody(body)).build(), type);
    }

    ObjectMapper mapper() {
        return mapper;
    }

    private <T> T get(HttpUrl url, JavaType type) {
        return call(jsonRequest(url).get().build(), type);
    }

    private <T> T call(Request request, JavaType type) {
        return call(request, type, mapper);
    }

    private <T> T call(Request request, JavaType type, ObjectMapper reader) {
        try (Response response = execute(http, request)) {
            if (!response.isSuccessful()) {
                throw problem(response, request);
            }
            byte[] bytes;
            try {
                bytes = response.body().bytes();
            } catch (IOException e) {
                throw Failures.noAnswer(origin, e);
            }
            try {
                return reader.readValue(bytes, type);
            } catch (IOException e) {
                String reason = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
                throw new ApiException(new Problem("about:blank", "Unreadable response", 502,
                        "The answer to " + request.method() + " " + request.url().encodedPath()
                                + " could not be read: " + shorten(reason),
                        request.url().encodedPath(), List.of()));
            }
        }
    }

    private Response execute(OkHttpClient client, Request request) {
        ensureOpen();
        try {
            Response response = client.newCall(request).execute();
            LOG.debug("{} {} -> {}", request.method(), request.url().encodedPath(), response.code());
            return response;
        } catch (IOException e) {
            LOG.debug("{} {} got no answer: {}", request.method(), request.url().encodedPath(), Failures.describe(e));
            throw Failures.noAnswer(origin, e);
        }
    }

    /** The factory's problem document, or one made up from the status when the body is not one. */
    private ApiException problem(Response response, Request request) {
        int status = response.code();
        String path = request.url().encodedPath();
        MediaType type = response.body() == null ? null : response.body().contentType();
        if (type != null && ("json".equals(type.subtype()) || type.subtype().endsWith("+json"))) {
            try {
                Problem problem = mapper.readValue(response.peekBody(ERROR_BODY_LIMIT).bytes(), Problem.class);
                if (problem.type() != null && problem.title() != null) {
                    if (problem.status() != status) {
                        problem = new Problem(problem.type(), problem.title(), status, problem.detail(),
                                problem.instance(), problem.errors(), problem.budget());
                    }
                    return new ApiException(problem);
                }
            } catch (IOException notAProblem) {
                LOG.debug("Error body of {} {} is not a problem document", request.method(), path);
            }
        }
        boolean unavailable = status == 502 || status == 503 || status == 504;
        String title = unavailable ? ProblemType.UNAVAILABLE.title() : reasonPhrase(response);
        String what = type == null ? "no body" : "a " + type.type() + "/" + type.subtype() + " body";
        return new ApiException(new Problem(unavailable ? ProblemType.UNAVAILABLE.uri() : "about:blank", title, status,
                "HTTP " + status + " from " + request.method() + " " + path + " with " + what
                        + " instead of a problem document",
                path, List.of()));
    }

    private static String reasonPhrase(Response response) {
        if (!response.message().isBlank()) {
            return response.message();
        }
        int status = response.code();
        return status >= 500 ? "Server error" : status >= 400 ? "Client error" : "HTTP " + status;
    }

    private Request.Builder request(HttpUrl url) {
        return new Request.Builder().url(url);
    }

    private Request.Builder jsonRequest(HttpUrl url) {
        return request(url).header("Accept", ACCEPT_JSON);
    }

    private RequestBody jsonBody(Object value) {
        try {
            return RequestBody.create(mapper.writeValueAsBytes(value), JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    private HttpUrl.Builder url(String... segments) {
        HttpUrl.Builder builder = baseUrl.newBuilder();
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder;
    }

    private static void param(HttpUrl.Builder url, String name, Object value) {
        if (value == null) {
            return;
        }
        String text = value instanceof Instant instant ? instant.toString() : value.toString();
        if (!text.isEmpty()) {
            url.addQueryParameter(name, text);
        }
    }

    private static String requireId(String id, String name) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return id;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the factory client is closed");
        }
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }

    private static long localSize(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The total of {@code Content-Range: bytes *}{@code /<total>}, or -1. */
    private static long totalOfUnsatisfiedRange(String contentRange) {
        if (contentRange == null) {
            return -1;
        }
        String value = contentRange.trim().toLowerCase(Locale.ROOT);
        int slash = value.lastIndexOf('/');
        if (!value.startsWith("bytes") || slash < 0) {
            return -1;
        }
        try {
            return Long.parseLong(value.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void createParent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create " + parent + ": " + e.getMessage(), e);
            }
        }
    }

    private static void moveIntoPlace(Path part, Path target) {
        try {
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not move " + part + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }
}
