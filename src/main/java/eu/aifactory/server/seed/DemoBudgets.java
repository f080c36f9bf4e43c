package eu.aifactory.server.seed;

import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.api.usage.BudgetStatus;
import eu.aifactory.server.db.Transactions;
import eu.aifactory.server.tenant.Principal;
import eu.aifactory.server.tenant.TenantStore;
import eu.aifactory.server.usage.BudgetService;
import eu.aifactory.server.usage.BudgetStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Budgets and quotas for the demo, set right after the history is seeded: for the current month, the last project
 * of each tenant (in seed order) is at 86 % of its budget and the others at about a third, so the Usage page and
 * the submit dialog show both; that last project may also hold at most 16 GPUs per plan (or one run of a larger plan).
 * Budgets are set from the month's actual spending, and every budget leaves room for a demo user's first runs (the
 * last project for one large run): early in a month, when little is spent, it is below 86 % rather than blocking.
 */
public final class DemoBudgets {

    private static final Logger LOG = LoggerFactory.getLogger(DemoBudgets.class);
    /** The share of its budget the first project has used; the others use about a third. */
    private static final BigDecimal TIGHT = new BigDecimal("0.86");
    private static final BigDecimal COMFORTABLE = new BigDecimal("0.35");
    private static final BigDecimal EMPTY_MONTH_BUDGET = new BigDecimal("5000.00");
    /** Room a comfortable budget leaves when it is set: several runs of the demo's apps, the largest plans included. */
    static final BigDecimal FIRST_RUNS_EUR = new BigDecimal("2500.00");
    /** Room the tight budget leaves: a first run of any demo app on a large plan, but not many more. */
    static final BigDecimal FIRST_RUN_EUR = new BigDecimal("500.00");
    static final int DEMO_QUOTA_GPUS = 16;
    static final String SEEDER = "demo-seed";

    private final TenantStore tenants;
    private final BudgetStore store;
    private final Transactions transactions;
    private final BudgetService budgets;
    private final Clock clock;

    public DemoBudgets(TenantStore tenants, BudgetStore store, Transactions transactions, BudgetService budgets,
                       Clock clock) {
        this.tenants = tenants;
        this.store = store;
        this.transactions = transactions;
        this.budgets = budgets;
        this.clock = clock;
    }

    /**
     * Sets this month's budgets of every demo tenant that has none yet for it (so a demo database kept into the next
     * month shows budgets again), and on the first seed the quotas and token labels too.
     */
    public void seed(List<SeedSource.SeedTenant> seedTenants, List<ResourcePlan> plans, boolean firstSeed) {
        long started = System.nanoTime();
        String month = budgets.currentMonth().toString();
        int seeded = 0;
        for (SeedSource.SeedTenant tenant : seedTenants) {
            if (tenants.tenant(tenant.id()).isEmpty() || !store.budgets(tenant.id(), month).isEmpty()) {
                continue;
            }
            List<Me.Project> projects = tenants.projects(tenant.id());
            // Seed order, and only projects the database has (it may have been seeded from older seed files).
            List<Me.Project> ordered = tenant.projects().stream()
                    .flatMap(p -> projects.stream().filter(q -> q.id().equals(p.id())).findFirst().stream())
                    .toList();
            if (ordered.isEmpty()) {
                continue;
            }
            Principal reader = new Principal(SEEDER, "Demo seed", "", tenant.id(), tenant.name(),
                    Set.of(Role.ACCOUNT_MANAGER), ordered);
            List<BudgetStatus> statuses = budgets.statuses(reader, ordered, budgets.currentMonth());
            long now = clock.millis();
            int tight = statuses.size() - 1;
            transactions.useTransaction(h -> {
                for (int i = 0; i < statuses.size(); i++) {
                    BudgetStatus s = statuses.get(i);
                    BigDecimal used = s.spentEur().add(s.committedEur());
                    BigDecimal budget = used.signum() == 0 ? EMPTY_MONTH_BUDGET
                            : used.divide(i == tight ? TIGHT : COMFORTABLE, 0, RoundingMode.CEILING).setScale(2)
                                    .max(used.add(i == tight ? FIRST_RUN_EUR : FIRST_RUNS_EUR)
                                            .setScale(0, RoundingMode.CEILING).setScale(2));
                    store.putBudget(h, tenant.id(), s.projectId(), month, budget, null, SEEDER, now);
                }
                if (firstSeed) {
                    for (ResourcePlan plan : plans) {
                        store.putQuota(h, tenant.id(), ordered.get(tight).id(), plan.id(),
                                Math.max(DEMO_QUOTA_GPUS, plan.gpuCount()), SEEDER, now);
                    }
                    h.createUpdate("UPDATE api_tokens SET label = :l WHERE label IS NULL").bind("l", "demo sign-in").execute();
                }
            });
            seeded++;
        }
        if (seeded > 0) {
            LOG.info("Demo budgets for {} set for {} tenants in {} ms", month, seeded,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
