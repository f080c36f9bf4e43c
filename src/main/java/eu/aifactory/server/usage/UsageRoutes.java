package eu.aifactory.server.usage;

import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.usage.BudgetOverride;
import eu.aifactory.api.usage.BudgetOverrideRequest;
import eu.aifactory.api.usage.BudgetUpdate;
import eu.aifactory.api.usage.Headroom;
import eu.aifactory.api.usage.QuotaStatus;
import eu.aifactory.api.usage.QuotaUpdate;
import eu.aifactory.api.usage.UsageGroupBy;
import eu.aifactory.server.energy.EnergyService;
import eu.aifactory.server.http.Http;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.http.Routes;
import eu.aifactory.server.tenant.Auth;
import eu.aifactory.server.tenant.Principal;
import eu.aifactory.server.http.FieldError;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Usage, budgets, headroom, overrides and quotas (issue 7). */
public final class UsageRoutes implements Routes {

    /** A month within the years date-time parameters accept (see {@link Http#instant(Context, String)}). */
    private static final Pattern MONTH = Pattern.compile("(19[7-9]\\d|[2-9]\\d{3})-(0[1-9]|1[0-2])");
    private static final BigDecimal MAX_EUR = new BigDecimal("100000000");
    private static final BigDecimal MAX_KWH = new BigDecimal("1000000000");
    private static final int MAX_GPUS = 100_000;
    private static final int MAX_REASON = 500;

    private final Auth auth;
    private final UsageService usage;
    private final BudgetService budgets;

    public UsageRoutes(Auth auth, UsageService usage, BudgetService budgets) {
        this.auth = auth;
        this.usage = usage;
        this.budgets = budgets;
    }

    @Override
    public void register(Javalin app) {
        app.get("/v1/usage", this::usage);
        app.get("/v1/budgets", this::budgets);
        app.get("/v1/projects/{projectId}/headroom", this::headroom);
        app.put("/v1/projects/{projectId}/budgets/{month}", this::putBudget);
        app.get("/v1/projects/{projectId}/budget-overrides", this::listOverrides);
        app.post("/v1/projects/{projectId}/budget-overrides", this::grantOverride);
        app.put("/v1/projects/{projectId}/quotas/{planId}", this::putQuota);
    }

    void usage(Context ctx) {
        Principal principal = auth.require(ctx);
        List<FieldError> errors = new ArrayList<>();
        Instant from = Http.instant(ctx, "from", errors);
        Instant to = Http.instant(ctx, "to", errors);
        UsageGroupBy groupBy = UsageGroupBy.PROJECT;
        String groupParam = ctx.queryParam("groupBy");
        if (groupParam != null && !groupParam.isEmpty()) {
            try {
                groupBy = UsageGroupBy.fromWire(groupParam.trim());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("groupBy", "field.oneOf", Arrays.stream(UsageGroupBy.values())
                        .map(UsageGroupBy::wire).collect(Collectors.joining(", "))));
            }
        }
        if (errors.stream().noneMatch(e -> e.field().equals("from") || e.field().equals("to"))) {
            EnergyService.validatePeriod(from, to, budgets.zone(), errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        String projectParam = ctx.queryParam("projectId");
        Me.Project project = projectParam == null || projectParam.isEmpty() ? null : visibleProject(principal, projectParam);
        Http.json(ctx, 200, usage.report(principal, from, to, groupBy, project));
    }

    void budgets(Context ctx) {
        Principal principal = auth.require(ctx);
        String monthParam = Http.string(ctx, "month", 7);
        YearMonth month = monthParam == null ? budgets.currentMonth() : month("month", monthParam);
        Http.json(ctx, 200, budgets.statuses(principal, principal.projects(), month));
    }

    void headroom(Context ctx) {
        Principal principal = auth.require(ctx);
        Me.Project project = visibleProject(principal, ctx.pathParam("projectId"));
        Headroom headroom = new Headroom(project.id(), project.name(),
                budgets.statuses(principal, List.of(project), budgets.currentMonth()).get(0),
                budgets.quotas(principal.tenantId(), project.id()), budgets.contacts(principal.tenantId()));
        Http.json(ctx, 200, headroom);
    }

    void putBudget(Context ctx) {
        Principal principal = requireAdmin(ctx, "action.setBudgets");
        Me.Project project = visibleProject(principal, ctx.pathParam("projectId"));
        YearMonth month = month("month", ctx.pathParam("month"));
        BudgetUpdate update = Http.body(ctx, BudgetUpdate.class);
        List<FieldError> errors = new ArrayList<>();
        if (update.budgetEur() == null) {
            errors.add(new FieldError("budgetEur", "field.required"));
        } else {
            amount(errors, "budgetEur", update.budgetEur(), MAX_EUR, 2);
        }
        if (update.budgetKwh() != null) {
            amount(errors, "budgetKwh", update.budgetKwh(), MAX_KWH, 3);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        budgets.putBudget(principal, project.id(), month, update.budgetEur(), update.budgetKwh());
        Http.json(ctx, 200, budgets.statuses(principal, List.of(project), month).get(0));
    }

    void listOverrides(Context ctx) {
        Principal principal = auth.require(ctx);
        if (!principal.seesAllProjects()) {
            throw ProblemException.forbidden("problem.forbidden.readOverrides");
        }
        Me.Project project = visibleProject(principal, ctx.pathParam("projectId"));
        Http.json(ctx, 200, budgets.overrides(principal.tenantId(), project.id()));
    }

    void grantOverride(Context ctx) {
        Principal principal = requireAdmin(ctx, "action.grantOverrides");
        Me.Project project = visibleProject(principal, ctx.pathParam("projectId"));
        BudgetOverrideRequest request = Http.body(ctx, BudgetOverrideRequest.class);
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            throw ProblemException.validation("reason", "field.overrideReason");
        }
        if (reason.length() > MAX_REASON) {
            throw ProblemException.validation("reason", "field.maxLength", MAX_REASON);
        }
        BudgetOverride granted = budgets.grantOverride(principal, project.id(), reason);
        Http.json(ctx, 201, granted);
    }

    void putQuota(Context ctx) {
        Principal principal = requireAdmin(ctx, "action.setQuotas");
        Me.Project project = visibleProject(principal, ctx.pathParam("projectId"));
        String planId = ctx.pathParam("planId");
        QuotaUpdate update = Http.body(ctx, QuotaUpdate.class);
        if (update.maxGpus() != null && (update.maxGpus() < 0 || update.maxGpus() > MAX_GPUS)) {
            throw ProblemException.validation("maxGpus", "field.maxGpus", MAX_GPUS);
        }
        budgets.putQuota(principal, project.id(), planId, update.maxGpus());
        QuotaStatus status = budgets.quotas(principal.tenantId(), project.id()).stream()
                .filter(q -> q.planId().equals(planId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("problem.notFound.plan", planId));
        Http.json(ctx, 200, status);
    }

    // ---------------------------------------------------------------- helpers

    private Principal requireAdmin(Context ctx, String actionKey) {
        return auth.requireAdmin(ctx, actionKey);
    }

    /** A project of the caller's tenant the caller may see; anything else is 404, as if it did not exist. */
    private static Me.Project visibleProject(Principal principal, String projectId) {
        return principal.projects().stream().filter(p -> p.id().equals(projectId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("problem.notFound.project", projectId));
    }

    private static YearMonth month(String field, String value) {
        if (value == null || !MONTH.matcher(value).matches()) {
            throw ProblemException.validation(field, "field.month");
        }
        return YearMonth.parse(value);
    }

    private static void amount(List<FieldError> errors, String field, BigDecimal value, BigDecimal max,
                               int decimals) {
        if (value.signum() < 0) {
            errors.add(new FieldError(field, "field.notNegative"));
        } else if (value.compareTo(max) > 0) {
            errors.add(new FieldError(field, "field.atMostValue", max, ""));
        } else if (value.stripTrailingZeros().scale() > decimals) {
            errors.add(new FieldError(field, "field.decimals", decimals));
        }
    }
}
