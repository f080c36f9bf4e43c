package eu.aifactory.server.service;

import eu.aifactory.api.ProblemType;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.Pricing;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.api.report.EnergyGroup;
import eu.aifactory.api.report.EnergyGroupBy;
import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.api.usage.BudgetDenial;
import eu.aifactory.api.usage.BudgetLevel;
import eu.aifactory.api.usage.BudgetStatus;
import eu.aifactory.api.usage.Contact;
import eu.aifactory.api.usage.QuotaStatus;
import eu.aifactory.server.auth.Principal;
import eu.aifactory.server.routes.ProblemException;
import eu.aifactory.server.store.AdminStore;
import eu.aifactory.server.store.BudgetStore;
import eu.aifactory.server.store.CatalogStore;
import eu.aifactory.server.store.WorkloadRow;
import eu.aifactory.server.store.WorkloadStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Budgets per project and site-local month, and GPU quotas per project and plan (issue 7).
 *
 * <ul>
 *   <li>spent = the project's charges accrued in the month by run time, from the energy report's cells (so it is
 *       the figure the usage and energy reports show)</li>
 *   <li>committed (current month only) = for each queued, starting or running workload, its full estimated charge
 *       (plan EUR/h and licence over the expected run time, as the executor charges it) minus what it was charged so
 *       far</li>
 *   <li>level from (spent + committed) / budget: 50 %, 80 %, 100 %; a submit whose estimate takes spent + committed
 *       above the budget is refused (landing exactly on it is allowed), unless a one-off override is unused</li>
 *   <li>the kWh budget only warns: its level counts in {@code level}, it never refuses a submit</li>
 * </ul>
 * Money is compared in whole cents.
 */
public final class BudgetService implements WorkloadService.SubmitGuard {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BudgetStore store;
    private final AdminStore admin;
    private final CatalogStore catalog;
    private final EnergyService energy;
    private final Clock clock;
    /** Serialises the budget check and the insert of submits to one project (within this factory process). */
    private final Map<String, Object> projectLocks = new ConcurrentHashMap<>();

    public BudgetService(BudgetStore store, AdminStore admin, CatalogStore catalog, EnergyService energy, Clock clock) {
        this.store = store;
        this.admin = admin;
        this.catalog = catalog;
        this.energy = energy;
        this.clock = clock;
    }

    public ZoneId zone() {
        return energy.zone();
    }

    public YearMonth currentMonth() {
        return YearMonth.from(Instant.ofEpochMilli(clock.millis()).atZone(zone()));
    }

    public List<Contact> contacts(String tenantId) {
        return admin.admins(tenantId);
    }

    // ---------------------------------------------------------------- status

    /** The budget status of each of {@code projects} (of the caller's tenant) for {@code month}, in the given order. */
    public List<BudgetStatus> statuses(Principal principal, List<Me.Project> projects, YearMonth month) {
        if (projects.isEmpty()) {
            return List.of();
        }
        ZoneId zone = zone();
        String key = month.toString();
        Map<String, BudgetStore.Budget> budgets = store.budgets(principal.tenantId(), key);
        Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Instant now = Instant.ofEpochMilli(clock.millis());
        Map<String, EnergyGroup> spent = new HashMap<>();
        if (start.isBefore(now)) {
            EnergyReport report = energy.report(scoped(principal, projects), start, end, EnergyGroupBy.PROJECT);
            report.groups().forEach(g -> spent.put(g.key(), g));
        }
        boolean current = month.equals(currentMonth());
        Map<String, BigDecimal> committed = current ? committed(principal.tenantId(),
                projects.stream().map(Me.Project::id).toList()) : Map.of();
        Set<String> withOverride = current || start.isAfter(now) ? projects.stream()
                .filter(p -> store.jdbi().withHandle(h -> store.unusedOverride(h, principal.tenantId(), p.id(), key))
                        .isPresent())
                .map(Me.Project::id).collect(Collectors.toSet()) : Set.of();
        List<BudgetStatus> result = new ArrayList<>();
        for (Me.Project project : projects) {
            EnergyGroup g = spent.get(project.id());
            BigDecimal spentEur = g == null ? cents(BigDecimal.ZERO) : cents(g.costEur());
            BigDecimal spentKwh = g == null ? BigDecimal.ZERO.setScale(3) : g.facilityKwh();
            BigDecimal committedEur = cents(committed.getOrDefault(project.id(), BigDecimal.ZERO));
            BigDecimal forecast = spentEur.add(committedEur);
            if (current) {
                long elapsed = now.toEpochMilli() - start.toEpochMilli();
                long remaining = end.toEpochMilli() - now.toEpochMilli();
                if (elapsed > 0) {
                    forecast = forecast.add(spentEur.multiply(BigDecimal.valueOf(remaining))
                            .divide(BigDecimal.valueOf(elapsed), 2, RoundingMode.HALF_UP));
                }
            }
            BudgetStore.Budget budget = budgets.get(project.id());
            result.add(status(project, key, budget, spentEur, committedEur, spentKwh, cents(forecast),
                    withOverride.contains(project.id())));
        }
        return result;
    }

    /** Builds a status from its figures; {@code level} and {@code percent} follow the rules above exactly. */
    static BudgetStatus status(Me.Project project, String month, BudgetStore.Budget budget, BigDecimal spentEur,
                               BigDecimal committedEur, BigDecimal spentKwh, BigDecimal forecastEur,
                               boolean overrideAvailable) {
        BigDecimal used = spentEur.add(committedEur);
        BigDecimal budgetEur = budget == null ? null : cents(budget.budgetEur());
        BigDecimal budgetKwh = budget == null || budget.budgetKwh() == null ? null
                : budget.budgetKwh().setScale(3, RoundingMode.HALF_UP);
        BigDecimal percent = null;
        BudgetLevel level = BudgetLevel.OK;
        if (budgetEur != null) {
            percent = budgetEur.signum() == 0 ? (used.signum() == 0 ? BigDecimal.ZERO.setScale(1) : null)
                    : used.multiply(HUNDRED).divide(budgetEur, 1, RoundingMode.DOWN);
            level = level(used, budgetEur);
        }
        if (budgetKwh != null) {
            BudgetLevel energyLevel = level(spentKwh, budgetKwh);
            level = energyLevel.compareTo(level) > 0 ? energyLevel : level;
        }
        if (percent == null && budgetEur != null) {
            // A zero budget with charges: "infinitely" over; report it as 100 % and above.
            percent = HUNDRED.setScale(1);
        }
        return new BudgetStatus(project.id(), project.name(), month, budgetEur, budgetKwh, spentEur, committedEur,
                spentKwh, percent, level, forecastEur, overrideAvailable);
    }

    /** The level of {@code used} against {@code limit}, compared exactly (no rounding): 80.00 % is WARN_80. */
    static BudgetLevel level(BigDecimal used, BigDecimal limit) {
        if (used.compareTo(limit) >= 0) {
            return BudgetLevel.EXCEEDED;
        }
        BigDecimal scaled = used.multiply(HUNDRED);
        if (scaled.compareTo(limit.multiply(BigDecimal.valueOf(80))) >= 0) {
            return BudgetLevel.WARN_80;
        }
        if (scaled.compareTo(limit.multiply(BigDecimal.valueOf(50))) >= 0) {
            return BudgetLevel.WARN_50;
        }
        return BudgetLevel.OK;
    }

    /** Remaining estimated charges of the projects' unfinished workloads, per project. */
    private Map<String, BigDecimal> committed(String tenantId, List<String> projectIds) {
        Map<String, BigDecimal> result = new HashMap<>();
        for (BudgetStore.OpenWork w : store.openWork(tenantId, projectIds)) {
            BigDecimal total = estimatedCharge(w.planId(), w.appId(), w.appVersion(), w.gpuCount(), w.expectedRuntimeS());
            BigDecimal rest = total.subtract(w.costEur()).max(BigDecimal.ZERO);
            result.merge(w.projectId(), rest, BigDecimal::add);
        }
        return result;
    }

    /** The full charge of a run as the executor bills it; zero when the plan or version left the catalog. */
    private BigDecimal estimatedCharge(String planId, String appId, String appVersion, int gpuCount, long runtimeS) {
        Optional<ResourcePlan> plan = catalog.plan(planId);
        AppVersion version = catalog.cachedApp(appId).map(a -> a.version(appVersion)).orElse(null);
        if (plan.isEmpty() || version == null) {
            return BigDecimal.ZERO;
        }
        return Pricing.costEur(plan.get(), version, gpuCount, runtimeS * 1000);
    }

    private static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The caller narrowed to {@code projects}: the energy report then sums exactly those projects' cells. The role
     * only steers the report's scope here; it grants nothing.
     */
    static Principal scoped(Principal principal, List<Me.Project> projects) {
        return new Principal(principal.userId(), principal.userName(), principal.email(), principal.tenantId(),
                principal.tenantName(), Set.of(Role.ENGINEER), projects);
    }

    // ---------------------------------------------------------------- quotas

    /** The project's quota and GPU demand on every plan of the catalog. */
    public List<QuotaStatus> quotas(String tenantId, String projectId) {
        Map<String, Integer> limits = store.quotas(tenantId, projectId);
        Map<String, int[]> demand = store.gpuDemand(tenantId, projectId);
        List<QuotaStatus> result = new ArrayList<>();
        for (ResourcePlan plan : catalog.plans()) {
            int[] d = demand.getOrDefault(plan.id(), new int[2]);
            result.add(new QuotaStatus(projectId, plan.id(), limits.get(plan.id()), d[0], d[1]));
        }
        return result;
    }

    // ---------------------------------------------------------------- the submit check

    @Override
    public WorkloadStore.SubmitOutcome submit(Principal principal, WorkloadRow row, WorkloadService.Resolved resolved,
                                              Supplier<WorkloadStore.SubmitOutcome> insert) {
        String month = currentMonth().toString();
        if (store.budget(principal.tenantId(), row.projectId(), month).isEmpty()) {
            return insert.get();
        }
        synchronized (projectLocks.computeIfAbsent(row.projectId(), k -> new Object())) {
            // Read again under the lock: an admin may have just changed it.
            Optional<BudgetStore.Budget> budget = store.budget(principal.tenantId(), row.projectId(), month);
            if (budget.isEmpty()) {
                return insert.get();
            }
            Me.Project project = new Me.Project(row.projectId(), row.projectId());
            BudgetStatus status = statuses(principal, List.of(project), currentMonth()).get(0);
            BigDecimal estimate = cents(Pricing.costEur(resolved.plan(), resolved.version(), row.gpuCount(),
                    row.expectedRuntimeS() * 1000));
            BigDecimal after = status.spentEur().add(status.committedEur()).add(estimate);
            if (after.compareTo(status.budgetEur()) <= 0) {
                return insert.get();
            }
            Optional<String> override = store.jdbi().withHandle(h ->
                    store.unusedOverride(h, principal.tenantId(), row.projectId(), month));
            if (override.isPresent()) {
                WorkloadStore.SubmitOutcome outcome = insert.get();
                if (outcome instanceof WorkloadStore.Created) {
                    store.jdbi().useHandle(h -> store.useOverride(h, override.get(), row.id(), clock.millis()));
                }
                return outcome;
            }
            List<Contact> contacts = contacts(principal.tenantId());
            BigDecimal available = status.budgetEur().subtract(status.spentEur()).subtract(status.committedEur());
            String who = contacts.isEmpty() ? "a tenant admin"
                    : contacts.stream().map(Contact::name).collect(Collectors.joining(", "));
            throw new ProblemException(ProblemType.BUDGET_EXCEEDED, String.format(java.util.Locale.ROOT,
                    "This run's estimate of EUR %s would take project %s over its budget for %s: EUR %s budget, "
                            + "EUR %s spent, EUR %s committed to queued and running work, EUR %s left. Ask %s to raise "
                            + "the budget or grant a one-off override.",
                    estimate.toPlainString(), row.projectId(), month, status.budgetEur().toPlainString(),
                    status.spentEur().toPlainString(), status.committedEur().toPlainString(),
                    available.toPlainString(), who),
                    List.of(), new BudgetDenial(row.projectId(), month, status.budgetEur(), status.spentEur(),
                    status.committedEur(), estimate, available, contacts));
        }
    }
}
