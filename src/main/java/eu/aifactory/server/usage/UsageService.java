package eu.aifactory.server.usage;

import eu.aifactory.api.report.EnergyGroup;
import eu.aifactory.api.report.EnergyGroupBy;
import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.usage.BudgetStatus;
import eu.aifactory.api.usage.UsageGroup;
import eu.aifactory.api.usage.UsageGroupBy;
import eu.aifactory.api.usage.UsageReport;
import eu.aifactory.api.usage.UsageTotals;
import eu.aifactory.server.admin.AdminService;
import eu.aifactory.server.catalog.CatalogService;
import eu.aifactory.server.energy.EnergyService;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.tenant.Principal;
import eu.aifactory.server.tenant.TenantService;
import eu.aifactory.server.http.FieldError;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Usage reports: the energy report's GPU-hours, charges and facility energy for the same period and caller, regrouped
 * where the energy report has no such grouping (resource plans), plus counts of the workloads created in the period
 * and the budget status of every visible project for each month the period touches.
 */
public final class UsageService {

    private final EnergyService energy;
    private final BudgetService budgets;
    private final BudgetStore store;
    private final TenantService tenants;
    private final AdminService admin;
    private final CatalogService catalog;
    private final Clock clock;

    public UsageService(EnergyService energy, BudgetService budgets, BudgetStore store, TenantService tenants,
                        AdminService admin, CatalogService catalog, Clock clock) {
        this.energy = energy;
        this.budgets = budgets;
        this.store = store;
        this.tenants = tenants;
        this.admin = admin;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** One group while it is summed up. */
    private static final class Row {
        final String key;
        String label;
        Instant start;
        Instant end;
        BigDecimal gpuHours = BigDecimal.ZERO.setScale(3);
        BigDecimal costEur = BigDecimal.ZERO.setScale(2);
        BigDecimal energyKwh = BigDecimal.ZERO.setScale(3);
        final Map<String, Integer> statuses = new TreeMap<>();
        int count;

        Row(String key) {
            this.key = key;
        }

        void add(EnergyGroup g) {
            gpuHours = gpuHours.add(g.gpuHours());
            costEur = costEur.add(g.costEur());
            energyKwh = energyKwh.add(g.facilityKwh());
        }

        UsageGroup toGroup() {
            return new UsageGroup(key, label == null ? key : label, start, end, gpuHours, costEur, energyKwh, count, statuses);
        }
    }

    public UsageReport report(Principal principal, Instant from, Instant to, UsageGroupBy groupBy) {
        return report(principal, from, to, groupBy, null);
    }

    /**
     * The report, limited to one project of the caller's when {@code project} is given (the caller must see it; the
     * route checks that, so another tenant's project is a 404 before this is called).
     */
    public UsageReport report(Principal caller, Instant from, Instant to, UsageGroupBy groupBy, Me.Project project) {
        Principal principal = project == null ? caller : BudgetService.scoped(caller, List.of(project));
        ZoneId zone = energy.zone();
        List<FieldError> errors = new ArrayList<>();
        EnergyService.validatePeriod(from, to, zone, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        EnergyGroupBy energyGrouping = switch (groupBy) {
            case PROJECT -> EnergyGroupBy.PROJECT;
            case USER -> EnergyGroupBy.USER;
            case APPLICATION -> EnergyGroupBy.APPLICATION;
            case MONTH -> EnergyGroupBy.MONTH;
            case DAY -> EnergyGroupBy.DAY;
            case PLAN -> EnergyGroupBy.WORKLOAD;
        };
        EnergyReport report = energy.report(principal, from, to, energyGrouping);
        Map<String, Row> rows = new LinkedHashMap<>();
        Map<String, String> planOf = groupBy == UsageGroupBy.PLAN
                ? store.plansOf(principal.tenantId(), report.groups().stream().map(EnergyGroup::key).toList()) : Map.of();
        for (EnergyGroup g : report.groups()) {
            String key = groupBy == UsageGroupBy.PLAN ? planOf.getOrDefault(g.key(), "unknown") : g.key();
            Row row = rows.computeIfAbsent(key, Row::new);
            if (groupBy != UsageGroupBy.PLAN) {
                row.label = g.label();
                row.start = g.start();
                row.end = g.end();
            }
            row.add(g);
        }
        List<String> scope = principal.seesAllProjects() ? null : principal.projectIds();
        Map<String, Integer> totalStatuses = new TreeMap<>();
        int totalCount = 0;
        for (BudgetStore.Created w : store.created(principal.tenantId(), scope, from.toEpochMilli(), to.toEpochMilli())) {
            String key = switch (groupBy) {
                case PROJECT -> w.projectId();
                case USER -> w.submittedBy();
                case APPLICATION -> w.appId();
                case PLAN -> w.planId();
                case MONTH -> YearMonth.from(Instant.ofEpochMilli(w.createdAt()).atZone(zone)).toString();
                case DAY -> Instant.ofEpochMilli(w.createdAt()).atZone(zone).toLocalDate().toString();
            };
            Row row = rows.computeIfAbsent(key, Row::new);
            row.count++;
            row.statuses.merge(w.status(), 1, Integer::sum);
            totalStatuses.merge(w.status(), 1, Integer::sum);
            totalCount++;
        }
        label(principal, groupBy, rows);
        List<UsageGroup> groups = new ArrayList<>(rows.values().stream().map(Row::toGroup).toList());
        if (groupBy != UsageGroupBy.MONTH && groupBy != UsageGroupBy.DAY) {
            groups.sort(Comparator.comparing(UsageGroup::costEur).reversed().thenComparing(UsageGroup::key));
        }
        UsageTotals totals = new UsageTotals(report.totals().gpuHours(), report.totals().costEur(),
                report.totals().facilityKwh(), totalCount, totalStatuses);
        List<BudgetStatus> budgetStatuses = new ArrayList<>();
        List<Me.Project> projects = principal.projects();
        YearMonth last = YearMonth.from(to.minusMillis(1).atZone(zone));
        for (YearMonth m = YearMonth.from(from.atZone(zone)); !m.isAfter(last); m = m.plusMonths(1)) {
            budgetStatuses.addAll(budgets.statuses(principal, projects, m));
        }
        return new UsageReport(principal.tenantId(), principal.tenantName(), from, to, groupBy, zone.getId(),
                report.scope(), groups, totals, budgetStatuses, Instant.now(clock));
    }

    /** Names for groups that only have workload counts (no energy yet), where the energy report gave none. */
    private void label(Principal principal, UsageGroupBy groupBy, Map<String, Row> rows) {
        if (rows.values().stream().allMatch(r -> r.label != null)) {
            return;
        }
        Function<String, String> name = switch (groupBy) {
            case PROJECT -> {
                Map<String, String> names = tenants.projects(principal.tenantId()).stream()
                        .collect(Collectors.toMap(Me.Project::id, Me.Project::name));
                yield id -> names.getOrDefault(id, id);
            }
            case USER -> {
                Map<String, String> names = new HashMap<>();
                admin.users(principal.tenantId()).forEach(u -> names.put(u.id(), u.name()));
                yield id -> names.getOrDefault(id, id);
            }
            case APPLICATION -> id -> catalog.cachedApp(id).map(a -> a.summary().name().en()).orElse(id);
            case PLAN -> id -> catalog.plan(id).map(p -> p.name().en()).orElse(id);
            case MONTH, DAY -> Function.identity();
        };
        for (Row row : rows.values()) {
            if (row.label == null) {
                row.label = name.apply(row.key);
            }
        }
    }
}
