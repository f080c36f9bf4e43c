package eu.aifactory.server.usage;

import eu.aifactory.api.ProblemType;
import eu.aifactory.api.audit.AuditAction;
import eu.aifactory.api.catalog.Pricing;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.api.usage.BudgetDenial;
import eu.aifactory.api.usage.BudgetLevel;
import eu.aifactory.api.usage.BudgetOverride;
import eu.aifactory.api.usage.BudgetStatus;
import eu.aifactory.api.usage.Contact;
import eu.aifactory.api.usage.QuotaStatus;
import eu.aifactory.server.admin.AdminService;
import eu.aifactory.server.audit.AuditService;
import eu.aifactory.server.audit.AuditService.Target;
import eu.aifactory.server.catalog.CatalogService;
import eu.aifactory.server.db.Transactions;
import eu.aifactory.server.energy.model.EnergyLedger;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.http.Text;
import eu.aifactory.server.tenant.Principal;
import eu.aifactory.server.workload.WorkloadRow;
import eu.aifactory.server.workload.WorkloadService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Budgets per project and site-local month, and GPU quotas per project and plan (issue 7).
 *
 * <ul>
 *   <li>spent = the project's charges accrued in the month by run time, the sum of its cost cells in the energy
 *       report (so it is the figure the usage and energy reports show), read from the budget ledger</li>
 *   <li>committed (current month only) = for each queued, starting or running workload, its estimated charge at
 *       submit (plan EUR/h and licence over the expected run time, as the executor charges it) minus what it was
 *       charged so far, read from the ledger as well ({@link BudgetLedger})</li>
 *   <li>level from (spent + committed) / budget: 50 %, 80 %, 100 %; a submit whose estimate takes spent + committed
 *       above the budget is refused (landing exactly on it is allowed), unless a one-off override is unused</li>
 *   <li>the kWh budget only warns: its level counts in {@code level}, it never refuses a submit</li>
 * </ul>
 * Money is compared in whole cents. The submit check locks the project's ledger row of the month in the submit's
 * transaction, so submits to one project are checked one after the other in every factory process on the database,
 * and each sees the commitments of those before it.
 */
public final class BudgetService implements WorkloadService.SubmitGuard {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BudgetStore store;
    private final Transactions transactions;
    private final AdminService admin;
    private final CatalogService catalog;
    private final BudgetLedger ledger;
    private final LedgerStore ledgerStore;
    private final Clock clock;

    private final AuditService audit;

    public BudgetService(BudgetStore store, Transactions transactions, AdminService admin, CatalogService catalog,
                         BudgetLedger ledger, Clock clock, AuditService audit) {
        this.audit = audit;
        this.store = store;
        this.transactions = transactions;
        this.admin = admin;
        this.catalog = catalog;
        this.ledger = ledger;
        this.ledgerStore = ledger.store();
        this.clock = clock;
    }

    public ZoneId zone() {
        return ledger.zone();
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
        Map<String, LedgerStore.Row> rows = ledgerStore.rows(principal.tenantId(), key);
        boolean current = month.equals(currentMonth());
        Map<String, BigDecimal> committed = current ? ledgerStore.committedUpTo(principal.tenantId(), key) : Map.of();
        Set<String> withOverride = current || start.isAfter(now) ? projects.stream()
                .filter(p -> store.unusedOverride(principal.tenantId(), p.id(), key)
                        .isPresent())
                .map(Me.Project::id).collect(Collectors.toSet()) : Set.of();
        List<BudgetStatus> result = new ArrayList<>();
        for (Me.Project project : projects) {
            LedgerStore.Row row = rows.getOrDefault(project.id(), LedgerStore.Row.EMPTY);
            BigDecimal spentEur = EnergyLedger.cents(row.spentCents());
            BigDecimal spentKwh = EnergyLedger.thousandths(row.facilityWh());
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

    /**
     * Runs last in the submit's transaction: locks the project's ledger row of the month, refuses the workload if a
     * budget is set and its estimate does not fit (unless it uses an override), and books the estimate as committed.
     * The lock comes first with or without a budget, as the booking writes that row anyway; the budget is read under
     * it, so one an admin has just changed counts.
     */
    @Override
    public void admit(Handle h, Principal principal, WorkloadRow row, WorkloadService.Resolved resolved) {
        BigDecimal estimate = Pricing.costEur(resolved.plan(), resolved.version(), row.gpuCount(),
                row.expectedRuntimeS() * 1000);
        String month = ledger.monthOf(row.createdAt());
        LedgerStore.Row locked = ledgerStore.lock(h, principal.tenantId(), row.projectId(), month);
        Optional<BudgetStore.Budget> budget = store.budget(h, principal.tenantId(), row.projectId(), month);
        if (budget.isPresent()) {
            check(h, principal, row, month, budget.get(), locked, cents(estimate));
        }
        ledger.commit(h, row, estimate);
    }

    private void check(Handle h, Principal principal, WorkloadRow row, String month, BudgetStore.Budget budget,
                       LedgerStore.Row locked, BigDecimal estimate) {
        BigDecimal budgetEur = cents(budget.budgetEur());
        BigDecimal spent = EnergyLedger.cents(locked.spentCents());
        BigDecimal committed = cents(ledgerStore.committedUpTo(h, row.projectId(), month));
        if (spent.add(committed).add(estimate).compareTo(budgetEur) <= 0) {
            return;
        }
        // Overrides are per project, and this transaction holds the project's lock: nobody takes this one meanwhile.
        Optional<String> override = store.unusedOverride(h, principal.tenantId(), row.projectId(), month);
        if (override.isPresent() && store.useOverride(h, override.get(), row.id(), clock.millis())) {
            return;
        }
        List<Contact> contacts = contacts(principal.tenantId());
        BigDecimal available = budgetEur.subtract(spent).subtract(committed);
        Text who = contacts.isEmpty() ? Text.of("problem.budgetExceeded.anyAdmin")
                : Text.of("problem.verbatim", contacts.stream().map(Contact::name).collect(Collectors.joining(", ")));
        throw new ProblemException(ProblemType.BUDGET_EXCEEDED, Text.of("problem.budgetExceeded", estimate,
                row.projectId(), month, budgetEur, spent, committed, available, who),
                List.of(), new BudgetDenial(row.projectId(), month, budgetEur, spent, committed, estimate, available,
                contacts));
    }

    /** Sets a project's budget for a month (EUR, and kWh when given), as the given admin. */
    public void putBudget(Principal admin, String projectId, YearMonth month, BigDecimal budgetEur, BigDecimal budgetKwh) {
        transactions.useTransaction(h -> {
            store.putBudget(h, admin.tenantId(), projectId, month.toString(), budgetEur, budgetKwh, admin.userId(),
                    clock.millis());
            audit.record(h, admin, AuditAction.BUDGET_SET, project(admin, projectId), month + ": EUR "
                    + budgetEur.toPlainString() + (budgetKwh == null ? "" : ", kWh " + budgetKwh.toPlainString()));
        });
    }

    private static Target project(Principal admin, String projectId) {
        return Target.project(projectId, admin.projects().stream().filter(p -> p.id().equals(projectId))
                .map(Me.Project::name).findFirst().orElse(null));
    }

    public List<BudgetOverride> overrides(String tenantId, String projectId) {
        return store.overrides(tenantId, projectId);
    }

    /** Lets the project's next over-budget submit of this month through; one unused override at a time. */
    public BudgetOverride grantOverride(Principal admin, String projectId, String reason) {
        String month = currentMonth().toString();
        return transactions.inTransaction(h -> {
            if (store.unusedOverride(h, admin.tenantId(), projectId, month).isPresent()) {
                throw new ProblemException(ProblemType.CONFLICT, "problem.conflict.unusedOverride", projectId, month);
            }
            BudgetOverride granted = store.grantOverride(h, admin.tenantId(), projectId, month, reason, admin.userId(),
                    admin.userName(), clock.millis());
            audit.record(h, admin, AuditAction.OVERRIDE_GRANT, project(admin, projectId), month + ": " + reason);
            return granted;
        });
    }

    /** Caps the GPUs the project may hold at once on a plan, or lifts the cap with null. */
    public void putQuota(Principal admin, String projectId, String planId, Integer maxGpus) {
        if (catalog.plan(planId).isEmpty()) {
            throw ProblemException.notFound("problem.notFound.plan", planId);
        }
        transactions.useTransaction(h -> {
            store.putQuota(h, admin.tenantId(), projectId, planId, maxGpus, admin.userId(), clock.millis());
            audit.record(h, admin, AuditAction.QUOTA_SET, project(admin, projectId),
                    "plan " + planId + ": " + (maxGpus == null ? "no limit" : maxGpus + " GPUs"));
        });
    }
}
