package eu.aifactory.server.usage;

import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.Pricing;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.server.catalog.CatalogService;
import eu.aifactory.server.db.Database;
import eu.aifactory.server.db.Transactions;
import eu.aifactory.server.energy.EnergyService;
import eu.aifactory.server.energy.EnergyStore;
import eu.aifactory.server.energy.model.EnergyLedger;
import eu.aifactory.server.energy.model.EnergyModel;
import eu.aifactory.server.workload.WorkloadRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the budget ledger ({@link LedgerStore}) in step with the workloads, in the transaction of each change:
 *
 * <ul>
 *   <li>spent of a project's month = the sum of its workloads' cost cells in that month, computed exactly as the
 *       energy report computes them ({@link EnergyLedger#figures}), so the ledger, the energy report and the usage
 *       report agree to the cent; likewise facility Wh</li>
 *   <li>committed = per queued, starting or running workload, its estimate at submit minus what it was charged so
 *       far (never below zero), booked on the month it was submitted in; cancelling and ended work commits nothing</li>
 * </ul>
 * Each workload's bookings are kept (per month), and a change books the difference, so a workload is booked once
 * however often it changes.
 */
public final class BudgetLedger {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetLedger.class);
    private static final Set<String> OPEN = Set.of("QUEUED", "STARTING", "RUNNING");
    private static final int BACKFILL_CHUNK = 500;

    private final LedgerStore store;
    private final Transactions transactions;
    private final EnergyStore energy;
    private final CatalogService catalog;
    /** Site, indicators and factors change only with a migration, so one read per process is enough. */
    private volatile EnergyModel model;

    public BudgetLedger(LedgerStore store, Transactions transactions, EnergyStore energy, CatalogService catalog) {
        this.store = store;
        this.transactions = transactions;
        this.energy = energy;
        this.catalog = catalog;
    }

    public LedgerStore store() {
        return store;
    }

    private EnergyModel model() {
        EnergyModel m = model;
        if (m == null) {
            m = energy.model();
            model = m;
        }
        return m;
    }

    public ZoneId zone() {
        return model().zone();
    }

    public String monthOf(long epochMs) {
        return YearMonth.from(Instant.ofEpochMilli(epochMs).atZone(zone())).toString();
    }

    /** Books a new workload's whole estimate as committed, in the transaction that stores it. */
    public void commit(Handle h, WorkloadRow w, BigDecimal estimate) {
        String month = monthOf(w.createdAt());
        store.insertCommitment(h, w.tenantId(), new LedgerStore.Commitment(w.id(), w.projectId(), month, estimate,
                estimate));
        store.add(h, w.tenantId(), w.projectId(), month, 0, 0, estimate);
    }

    /**
     * Books a workload's change (new samples and totals, or a new status) in the transaction that made it. A workload
     * the ledger does not know yet is booked whole.
     */
    public void changed(Handle h, String workloadId) {
        Optional<LedgerStore.Booked> w = store.workload(h, workloadId);
        if (w.isPresent()) {
            rebook(h, w.get(), store.commitment(h, workloadId).orElse(null));
        }
    }

    private void rebook(Handle h, LedgerStore.Booked w, LedgerStore.Commitment before) {
        EnergyModel m = model();
        BigDecimal estimate = before != null ? before.estimateEur() : estimate(w);
        BigDecimal committed = OPEN.contains(w.status()) ? estimate.subtract(w.costEur()).max(BigDecimal.ZERO)
                : BigDecimal.ZERO;
        // Month → {cents, Wh} to add, and the commitment's change; applied in month order, so two transactions
        // booking into the same project lock its rows in the same order.
        Map<String, long[]> deltas = new TreeMap<>();
        Map<String, BigDecimal> committedDelta = new HashMap<>();
        String commitMonth = before != null ? before.month() : monthOf(w.createdAt());
        if (before == null) {
            store.insertCommitment(h, w.tenantId(), new LedgerStore.Commitment(w.id(), w.projectId(), commitMonth,
                    estimate, committed));
            committedDelta.put(commitMonth, committed);
        } else if (before.committedEur().compareTo(committed) != 0) {
            store.updateCommitted(h, w.id(), committed);
            committedDelta.put(commitMonth, committed.subtract(before.committedEur()));
        }
        committedDelta.keySet().forEach(month -> deltas.computeIfAbsent(month, k -> new long[2]));
        Map<String, LedgerStore.Charge> charges = "QUEUED".equals(w.status()) && w.costEur().signum() == 0
                ? Map.of() : charges(h, w, m);
        Map<String, LedgerStore.Charge> booked = before == null ? Map.of() : store.charges(h, w.id());
        Set<String> months = new HashSet<>(charges.keySet());
        months.addAll(booked.keySet());
        for (String month : months) {
            LedgerStore.Charge now = charges.getOrDefault(month, new LedgerStore.Charge(0, 0));
            LedgerStore.Charge was = booked.getOrDefault(month, new LedgerStore.Charge(0, 0));
            if (now.equals(was)) {
                continue;
            }
            store.putCharge(h, w, month, now);
            long[] d = deltas.computeIfAbsent(month, k -> new long[2]);
            d[0] += now.spentCents() - was.spentCents();
            d[1] += now.facilityWh() - was.facilityWh();
        }
        deltas.forEach((month, d) -> {
            BigDecimal c = committedDelta.getOrDefault(month, BigDecimal.ZERO);
            if (d[0] != 0 || d[1] != 0 || c.signum() != 0) {
                store.add(h, w.tenantId(), w.projectId(), month, d[0], d[1], c);
            }
        });
    }

    /** The workload's cost cells summed per month, as the energy report sums them. */
    private Map<String, LedgerStore.Charge> charges(Handle h, LedgerStore.Booked w, EnergyModel m) {
        BigDecimal location = m.locationFactor().value();
        BigDecimal residual = m.residualFactor().value();
        Map<String, long[]> sums = new HashMap<>();
        for (EnergyStore.CellRow row : energy.workloadCells(h, w.tenantId(), w.id(), m.zone())) {
            YearMonth month = YearMonth.from(row.day());
            EnergyLedger.Figures f = EnergyLedger.figures(EnergyService.cell(row, null), m.month(month), location,
                    residual);
            long[] s = sums.computeIfAbsent(month.toString(), k -> new long[2]);
            s[0] += f.costCents();
            s[1] += f.facilityWh();
        }
        Map<String, LedgerStore.Charge> result = new HashMap<>();
        sums.forEach((month, s) -> result.put(month, new LedgerStore.Charge(s[0], s[1])));
        return result;
    }

    /** The full charge of a run as the executor bills it; zero when its plan or version left the catalog. */
    private BigDecimal estimate(LedgerStore.Booked w) {
        Optional<ResourcePlan> plan = catalog.plan(w.planId());
        AppVersion version = catalog.cachedApp(w.appId()).map(a -> a.version(w.appVersion())).orElse(null);
        if (plan.isEmpty() || version == null) {
            return BigDecimal.ZERO;
        }
        return Pricing.costEur(plan.get(), version, w.gpuCount(), w.expectedRuntimeS() * 1000);
    }

    /**
     * Books every workload the ledger does not know yet: all of them on a database from before the ledger, and what
     * was bulk-loaded (demo seed) since. Each chunk is one transaction; when another factory process on the same
     * database books a workload of the chunk first, the chunk is rolled back and read again.
     */
    public void backfill() {
        long started = System.nanoTime();
        int booked = 0;
        int conflicts = 0;
        String after = "";
        while (true) {
            List<LedgerStore.Booked> chunk = store.unbooked(after, BACKFILL_CHUNK);
            if (chunk.isEmpty()) {
                break;
            }
            try {
                transactions.useTransaction(h -> chunk.forEach(w -> rebook(h, w, null)));
                booked += chunk.size();
                after = chunk.get(chunk.size() - 1).id();
            } catch (RuntimeException e) {
                if (!Database.isUniqueViolation(e) || ++conflicts > 10) {
                    throw e;
                }
            }
        }
        if (booked > 0) {
            LOG.info("Budget ledger: booked {} workloads in {} ms", booked, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
