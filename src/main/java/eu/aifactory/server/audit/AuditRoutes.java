package eu.aifactory.server.audit;

import eu.aifactory.api.ProblemType;
import eu.aifactory.api.audit.AuditAction;
import eu.aifactory.api.audit.AuditEntry;
import eu.aifactory.api.audit.AuditOutcome;
import eu.aifactory.server.audit.AuditService.Target;
import eu.aifactory.server.http.FactoryApi;
import eu.aifactory.server.http.FieldError;
import eu.aifactory.server.http.Http;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.http.Routes;
import eu.aifactory.server.tenant.Auth;
import eu.aifactory.server.tenant.Principal;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/audit}: the tenant's audit trail for its admins and account managers, as JSON pages or as CSV.
 * Also records every refused change: it notes which audited endpoint a request matched, and after the request,
 * if the factory answered an authenticated caller with a problem, appends the refusal.
 */
public final class AuditRoutes implements Routes {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRoutes.class);
    static final int MAX_EXPORT = 100_000;
    private static final String PENDING = "factory.audit.pending";
    private static final String CSV = "text/csv";
    static final String CSV_HEADER = "at,action,outcome,problemType,userId,userName,tokenId,clientAddress,targetType,"
            + "targetId,targetName,detail,id";

    /** An audited endpoint: its action, and which path parameter (if any) names its target. */
    private record Audited(AuditAction action, String targetType, String parameter) {
    }

    private record Pending(AuditAction action, Target target) {
    }

    private static final Map<String, Audited> AUDITED = Map.ofEntries(
            Map.entry("POST /v1/admin/tokens", new Audited(AuditAction.TOKEN_CREATE, null, null)),
            Map.entry("DELETE /v1/admin/tokens/{tokenId}", new Audited(AuditAction.TOKEN_REVOKE, "token", "tokenId")),
            Map.entry("POST /v1/admin/users", new Audited(AuditAction.USER_CREATE, null, null)),
            Map.entry("PATCH /v1/admin/users/{userId}", new Audited(AuditAction.USER_UPDATE, "user", "userId")),
            Map.entry("POST /v1/admin/projects", new Audited(AuditAction.PROJECT_CREATE, null, null)),
            Map.entry("PUT /v1/projects/{projectId}/budgets/{month}",
                    new Audited(AuditAction.BUDGET_SET, "project", "projectId")),
            Map.entry("POST /v1/projects/{projectId}/budget-overrides",
                    new Audited(AuditAction.OVERRIDE_GRANT, "project", "projectId")),
            Map.entry("PUT /v1/projects/{projectId}/quotas/{planId}",
                    new Audited(AuditAction.QUOTA_SET, "project", "projectId")),
            Map.entry("POST /v1/workloads", new Audited(AuditAction.WORKLOAD_SUBMIT, null, null)),
            Map.entry("POST /v1/workloads/{workloadId}/cancel",
                    new Audited(AuditAction.WORKLOAD_CANCEL, "workload", "workloadId")));

    private final Auth auth;
    private final AuditService service;

    public AuditRoutes(Auth auth, AuditService service) {
        this.auth = auth;
        this.service = service;
    }

    @Override
    public void register(Javalin app) {
        app.get("/v1/audit", this::list);
        app.beforeMatched(this::remember);
        app.after(this::recordRefusal);
    }

    /** Names the target of a refused request when its path does not (a submit's project), once a route knows it. */
    public static void target(Context ctx, Target target) {
        Pending pending = ctx.attribute(PENDING);
        if (pending != null) {
            ctx.attribute(PENDING, new Pending(pending.action(), target));
        }
    }

    private void remember(Context ctx) {
        Audited audited = AUDITED.get(ctx.method().name() + " " + ctx.endpointHandlerPath());
        if (audited != null) {
            String id = audited.parameter() == null ? null : ctx.pathParam(audited.parameter());
            ctx.attribute(PENDING, new Pending(audited.action(),
                    id == null ? null : new Target(audited.targetType(), id, null)));
        }
    }

    private void recordRefusal(Context ctx) {
        Pending pending = ctx.attribute(PENDING);
        ProblemType type = FactoryApi.problemType(ctx);
        // Unauthenticated callers are recorded as failed sign-ins; an internal error is the factory's, not a refusal.
        if (pending == null || type == null || type == ProblemType.UNAUTHENTICATED || type == ProblemType.INTERNAL) {
            return;
        }
        auth.current(ctx).ifPresent(who -> {
            try {
                service.refused(who, pending.action(), pending.target(), type);
            } catch (RuntimeException e) {
                LOG.error("Could not record the refused {} of {} in the audit trail", pending.action().wire(),
                        who.userId(), e);
            }
        });
    }

    void list(Context ctx) {
        Principal principal = auth.require(ctx);
        if (!principal.seesAllProjects()) {
            throw ProblemException.forbidden("problem.forbidden.readAudit");
        }
        List<FieldError> errors = new ArrayList<>();
        AuditAction action = oneOf(ctx, "action", errors, AuditAction.values(), AuditAction::wire);
        AuditOutcome outcome = oneOf(ctx, "outcome", errors, AuditOutcome.values(), AuditOutcome::wire);
        String format = oneOf(ctx, "format", errors, new String[] {"json", "csv"}, f -> f);
        Instant from = Http.instant(ctx, "from", errors);
        Instant to = Http.instant(ctx, "to", errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("to", "field.notBeforeFrom"));
        }
        String userId = Http.string(ctx, "userId", 100);
        int limit = Http.integer(ctx, "limit", 1, 500, 50);
        String cursor = Http.string(ctx, "cursor", 500);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        AuditFilter filter = new AuditFilter(action, userId, outcome, from, to);
        ctx.header("Cache-Control", "no-store");
        String accept = ctx.header("Accept");
        if ("csv".equals(format) || (format == null && accept != null && accept.contains(CSV))) {
            csv(ctx, principal, filter);
        } else {
            Http.json(ctx, 200, service.page(principal, filter, cursor, limit));
        }
    }

    /** Every matching entry (up to {@link #MAX_EXPORT}), newest first, streamed as RFC 4180 CSV. */
    private void csv(Context ctx, Principal principal, AuditFilter filter) {
        ctx.status(200).contentType(CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8))) {
            out.write(CSV_HEADER + "\r\n");
            service.export(principal, filter, MAX_EXPORT, e -> {
                try {
                    out.write(row(e));
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String row(AuditEntry e) {
        return String.join(",", cell(e.at().toString()), cell(e.action().wire()), cell(e.outcome().wire()),
                cell(e.problemType()), cell(e.userId()), cell(e.userName()), cell(e.tokenId()), cell(e.clientAddress()),
                cell(e.targetType()), cell(e.targetId()), cell(e.targetName()), cell(e.detail()), cell(e.id())) + "\r\n";
    }

    /**
     * One quoted cell; a text a spreadsheet would run as a formula (a name starting with {@code =}) gets a leading
     * apostrophe, so opening an export never runs what a user typed.
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static <T> T oneOf(Context ctx, String name, List<FieldError> errors, T[] values,
                               java.util.function.Function<T, String> wire) {
        String value = Http.string(ctx, name, 100);
        if (value == null) {
            return null;
        }
        for (T candidate : values) {
            if (wire.apply(candidate).equals(value.trim())) {
                return candidate;
            }
        }
        errors.add(new FieldError(name, "field.oneOf",
                Arrays.stream(values).map(wire).collect(Collectors.joining(", "))));
        return null;
    }
}
