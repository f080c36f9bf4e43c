package eu.aifactory.server.workload;

import eu.aifactory.api.Page;
import eu.aifactory.api.ProblemType;
import eu.aifactory.api.workload.EstimateRequest;
import eu.aifactory.api.workload.LogLine;
import eu.aifactory.api.workload.LogPage;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.api.workload.WorkloadSubmission;
import eu.aifactory.server.audit.AuditRoutes;
import eu.aifactory.server.audit.AuditService;
import eu.aifactory.server.http.Http;
import eu.aifactory.server.http.Messages;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.http.Text;
import eu.aifactory.server.http.Routes;
import eu.aifactory.server.tenant.Auth;
import eu.aifactory.server.tenant.Principal;
import eu.aifactory.server.util.TextFold;
import eu.aifactory.server.http.FieldError;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Estimates, workloads, their logs and artifacts. */
public final class WorkloadRoutes implements Routes {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    private final Auth auth;
    private final WorkloadService service;
    private final WorkloadQueries queries;
    private final EstimateService estimates;

    public WorkloadRoutes(Auth auth, WorkloadService service, WorkloadQueries queries, EstimateService estimates) {
        this.auth = auth;
        this.service = service;
        this.queries = queries;
        this.estimates = estimates;
    }

    @Override
    public void register(Javalin app) {
        app.post("/v1/estimates", this::estimate);
        app.post("/v1/workloads", this::submit);
        app.get("/v1/workloads", this::list);
        app.get("/v1/workloads/{workloadId}", this::get);
        app.post("/v1/workloads/{workloadId}/cancel", this::cancel);
        app.get("/v1/workloads/{workloadId}/logs", this::logs);
        app.get("/v1/workloads/{workloadId}/artifacts", this::artifacts);
        app.get("/v1/artifacts/{artifactId}/content", this::content);
    }

    void submit(Context ctx) {
        Principal principal = auth.require(ctx);
        String key = ctx.header("Idempotency-Key");
        if (key == null || key.isBlank()) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_MISSING, "problem.idempotencyKey.missing");
        }
        if (key.length() < 8 || key.length() > 200) {
            throw ProblemException.validation("Idempotency-Key", "field.idempotencyKey");
        }
        if (!principal.canSubmit()) {
            throw ProblemException.forbidden("problem.forbidden.submit");
        }
        WorkloadSubmission submission = Http.body(ctx, WorkloadSubmission.class);
        if (submission.projectId() != null) {
            AuditRoutes.target(ctx, AuditService.Target.project(submission.projectId(), null));
        }
        WorkloadService.Submitted submitted = service.submit(principal, key, submission,
                Messages.negotiate(ctx.header("Accept-Language")));
        if (submitted.created()) {
            ctx.header("Location", "/v1/workloads/" + submitted.workload().id());
        }
        Http.json(ctx, submitted.created() ? 201 : 200, inLanguage(ctx, submitted.workload()));
    }

    void list(Context ctx) {
        Principal principal = auth.require(ctx);
        Set<WorkloadStatus> statuses = EnumSet.noneOf(WorkloadStatus.class);
        String statusParam = Http.string(ctx, "status", 200);
        if (statusParam != null) {
            for (String s : statusParam.split(",")) {
                if (s.isBlank()) {
                    continue;
                }
                try {
                    statuses.add(WorkloadStatus.valueOf(s.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.validation("status", "field.unknownStatus", s.trim(),
                            String.join(", ", java.util.Arrays.stream(WorkloadStatus.values()).map(Enum::name).toList()));
                }
            }
        }
        String sortParam = Http.string(ctx, "sort", 20);
        String sortName = sortParam == null ? "createdAt" : sortParam.startsWith("-") ? sortParam.substring(1) : sortParam;
        Sort sort = Sort.fromWire(sortName);
        if (sort == null) {
            throw ProblemException.validation("sort", "field.sort", String.join(", ",
                    java.util.Arrays.stream(Sort.values()).map(Sort::wire).toList()));
        }
        boolean descending = sort.descendingByDefault() != (sortParam != null && sortParam.startsWith("-"));
        String submittedBy = Http.string(ctx, "submittedBy", 100);
        if ("me".equals(submittedBy)) {
            submittedBy = principal.userId();
        }
        List<FieldError> errors = new ArrayList<>();
        Instant from = Http.instant(ctx, "from", errors);
        Instant to = Http.instant(ctx, "to", errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("to", "field.notBeforeFrom"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        int limit = Http.integer(ctx, "limit", 1, 500, 50);
        String cursor = Http.string(ctx, "cursor", 500);
        String projectId = Http.string(ctx, "projectId", 100);
        List<String> visible = principal.seesAllProjects() ? null : principal.projectIds();
        Long fromMs = from == null ? null : from.toEpochMilli();
        Long toMs = to == null ? null : to.toEpochMilli();
        List<String> terms = TextFold.terms(Http.string(ctx, "q", 200));
        String appId = Http.string(ctx, "appId", 100);
        ListQuery query = sort == Sort.CREATED
                ? new ListQuery(principal.tenantId(), visible, statuses, appId, projectId, submittedBy,
                        fromMs, toMs, terms, descending, limit + 1, WorkloadCursor.parse(cursor, descending))
                : ListQuery.sorted(principal.tenantId(), visible, statuses, appId, projectId, submittedBy,
                        fromMs, toMs, terms, sort, descending, limit + 1, SortCursor.parse(cursor, sort, descending));
        List<WorkloadRow> rows = queries.list(query);
        boolean more = rows.size() > limit;
        List<WorkloadRow> page = more ? rows.subList(0, limit) : rows;
        String next = null;
        if (more) {
            WorkloadRow last = page.get(page.size() - 1);
            next = sort == Sort.CREATED
                    ? new WorkloadCursor(last.createdAt(), last.id()).wire(descending)
                    : new SortCursor(sort.valueOf(last), last.id()).wire(sort, descending);
        }
        Locale language = Messages.negotiate(ctx.header("Accept-Language"));
        List<Workload> items = page.stream().map(w -> queries.inLanguage(w.toApi(List.of()), language)).toList();
        Http.json(ctx, 200, new Page<>(items, next));
    }

    void get(Context ctx) {
        Principal principal = auth.require(ctx);
        Http.json(ctx, 200, inLanguage(ctx, service.withHistory(service.visible(principal, ctx.pathParam("workloadId")))));
    }

    void cancel(Context ctx) {
        Principal principal = auth.require(ctx);
        Http.json(ctx, 202, inLanguage(ctx, service.cancel(principal, ctx.pathParam("workloadId"))));
    }

    private Workload inLanguage(Context ctx, Workload w) {
        return queries.inLanguage(w, Messages.negotiate(ctx.header("Accept-Language")));
    }

    void logs(Context ctx) {
        Principal principal = auth.require(ctx);
        long fromLine = Http.longValue(ctx, "fromLine", 1, 1);
        Instant since = Http.instant(ctx, "since");
        String q = Http.string(ctx, "q", 200);
        int limit = Http.integer(ctx, "limit", 1, 10_000, 1_000);
        // Read the line counter first: every line up to it is committed, so a page never skips a late line.
        WorkloadRow w = service.visible(principal, ctx.pathParam("workloadId"));
        List<LogLine> lines = queries.logs(w.id(), fromLine, w.logLines(), since == null ? null : since.toEpochMilli(), q, limit);
        long nextLine = lines.size() == limit
                ? lines.get(lines.size() - 1).line() + 1
                : Math.max(fromLine, w.logLines() + 1);
        boolean complete = w.status().isTerminal() && nextLine > w.logLines();
        Http.json(ctx, 200, new LogPage(lines, nextLine, complete));
    }

    void artifacts(Context ctx) {
        Principal principal = auth.require(ctx);
        WorkloadRow w = service.visible(principal, ctx.pathParam("workloadId"));
        Http.json(ctx, 200, queries.artifacts(principal.tenantId(), w.id()));
    }

    void content(Context ctx) {
        Principal principal = auth.require(ctx);
        String artifactId = ctx.pathParam("artifactId");
        ArtifactRef ref = queries.artifact(principal.tenantId(), artifactId)
                .filter(a -> a.projectId() == null || principal.sees(a.projectId()))
                .orElseThrow(() -> ProblemException.notFound("problem.notFound.artifact", artifactId));
        byte[] content = queries.artifactContent(artifactId);
        long size = content.length;
        long start = 0;
        long end = size - 1;
        boolean partial = false;
        String range = ctx.header("Range");
        if (range != null && !range.isBlank()) {
            Matcher m = RANGE.matcher(range.trim());
            if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
                throw rangeProblem(ctx, size, "problem.range.single");
            }
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0) {
                    throw rangeProblem(ctx, size, "problem.range.emptySuffix");
                }
                start = Math.max(0, size - suffix);
            } else {
                start = Long.parseLong(m.group(1));
                if (!m.group(2).isEmpty()) {
                    end = Math.min(end, Long.parseLong(m.group(2)));
                    if (Long.parseLong(m.group(2)) < start) {
                        throw rangeProblem(ctx, size, "problem.range.backwards");
                    }
                }
            }
            if (start >= size) {
                throw rangeProblem(ctx, size, "problem.range.pastEnd");
            }
            partial = true;
        }
        long length = end - start + 1;
        ctx.status(partial ? 206 : 200);
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("Content-Type", "application/octet-stream");
        ctx.header("Content-Disposition", "attachment; filename=\"" + ref.artifact().name().replace("\"", "") + "\"");
        ctx.header("ETag", "\"" + ref.artifact().sha256() + "\"");
        if (partial) {
            ctx.header("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        // Uncompressed, so Content-Length and ranges count the artifact's own bytes.
        ctx.disableCompression();
        ctx.result(java.util.Arrays.copyOfRange(content, (int) start, (int) (start + length)));
    }

    private static ProblemException rangeProblem(Context ctx, long size, String key) {
        ctx.header("Content-Range", "bytes */" + size);
        return new ProblemException(ProblemType.RANGE_NOT_SATISFIABLE, "problem.range", Text.of(key), size);
    }

    void estimate(Context ctx) {
        auth.require(ctx);
        EstimateRequest request = Http.body(ctx, EstimateRequest.class);
        Http.json(ctx, 200, estimates.estimate(request));
    }
}
