package eu.aifactory.server.workload;

import eu.aifactory.api.catalog.Pricing;
import eu.aifactory.api.workload.Estimate;
import eu.aifactory.api.workload.EstimateRequest;
import eu.aifactory.api.workload.Priority;
import eu.aifactory.server.catalog.CatalogService;
import eu.aifactory.server.catalog.Pool;
import eu.aifactory.server.energy.model.EnergyFactors;
import eu.aifactory.server.energy.model.PowerModel;
import eu.aifactory.server.exec.SimulationScript;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.http.FieldError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Forecasts of cost, GPU-hours, energy, CO2e and queue wait.
 *
 * <ul>
 *   <li>runtime = baseRuntimeMinutes × 8 / gpuCount (the base refers to one DGX B200; a linear model)</li>
 *   <li>cost = plan EUR/h × hours + version licence EUR per GPU-hour × GPU-hours</li>
 *   <li>IT power = gpuCount × (idle + (peak − idle) × typical utilisation) + node overhead share;
 *       facility energy = IT energy × PUE</li>
 *   <li>CO2e location-based = facility energy × German grid factor; market-based = facility energy × the site's
 *       market-based factor (0: the site buys 100 % renewable power with guarantees of origin)</li>
 *   <li>queue wait: the pool's running and queued work (ahead by priority, then age) is replayed on the free GPUs</li>
 * </ul>
 * All factors come from the {@code energy_factors} table.
 */
public final class EstimateService {

    private final WorkloadService workloads;
    private final WorkloadStore store;
    private final CatalogService catalog;
    private final EnergyFactors factors;

    public EstimateService(WorkloadService workloads, WorkloadStore store, CatalogService catalog, EnergyFactors factors) {
        this.workloads = workloads;
        this.store = store;
        this.catalog = catalog;
        this.factors = factors;
    }

    public Estimate estimate(EstimateRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.appId() == null || request.appId().isBlank()) {
            errors.add(new FieldError("appId", "field.required"));
        }
        if (request.appVersion() == null || request.appVersion().isBlank()) {
            errors.add(new FieldError("appVersion", "field.required"));
        }
        if (request.planId() == null || request.planId().isBlank()) {
            errors.add(new FieldError("planId", "field.required"));
        }
        WorkloadService.Resolved r = workloads.resolve(request.appId(), request.appVersion(), request.planId(),
                request.parameters(), errors);
        if (!errors.isEmpty() || r == null) {
            throw ProblemException.validation(errors);
        }
        int gpus = r.plan().gpuCount();
        long runtimeS = PowerModel.runtimeSeconds(r.version().baseRuntimeMinutes(),
                factors.value(EnergyFactors.REFERENCE_GPUS).intValue(), gpus);
        BigDecimal hours = BigDecimal.valueOf(runtimeS).divide(BigDecimal.valueOf(3600), 10, RoundingMode.HALF_UP);
        BigDecimal gpuHours = hours.multiply(BigDecimal.valueOf(gpus));
        // What the executor would charge for the whole run, to the cent.
        BigDecimal cost = Pricing.costEur(r.plan(), r.version(), gpus, runtimeS * 1000);
        BigDecimal itKwh = BigDecimal.valueOf(PowerModel.watts(r.plan(), r.version().gpuUtilisation()))
                .multiply(hours).divide(BigDecimal.valueOf(1000), 10, RoundingMode.HALF_UP);
        BigDecimal facilityKwh = itKwh.multiply(factors.value(EnergyFactors.PUE));
        BigDecimal co2Location = facilityKwh.multiply(factors.value(EnergyFactors.GRID_LOCATION))
                .divide(BigDecimal.valueOf(1000), 10, RoundingMode.HALF_UP);
        BigDecimal co2Market = facilityKwh.multiply(factors.value(EnergyFactors.GRID_MARKET))
                .divide(BigDecimal.valueOf(1000), 10, RoundingMode.HALF_UP);
        Priority priority = request.priority() == null ? Priority.NORMAL : request.priority();
        long waitS = queueWaitSeconds(r.plan().gpuClass(), gpus, WorkloadRow.rank(priority));
        return new Estimate(cost.setScale(2, RoundingMode.HALF_UP), gpuHours.setScale(3, RoundingMode.HALF_UP),
                facilityKwh.setScale(3, RoundingMode.HALF_UP), co2Location.setScale(3, RoundingMode.HALF_UP),
                co2Market.setScale(3, RoundingMode.HALF_UP), runtimeS, waitS, EnergyFactors.METHODOLOGY_VERSION);
    }

    /** Replays the pool: running work frees its GPUs when done, queued work ahead starts in order, then ours. */
    private long queueWaitSeconds(String gpuClass, int gpus, int rank) {
        int total = catalog.pool(gpuClass).map(Pool::totalGpus).orElse(Integer.MAX_VALUE);
        if (total == Integer.MAX_VALUE) {
            return 0;
        }
        record Release(long atMs, int gpus) {
        }
        PriorityQueue<Release> releases = new PriorityQueue<>((a, b) -> Long.compare(a.atMs(), b.atMs()));
        int free = total;
        List<WorkloadStore.Demand> queued = new ArrayList<>();
        for (WorkloadStore.Demand d : store.demand(gpuClass)) {
            if ("QUEUED".equals(d.status())) {
                if (d.priorityRank() >= rank) {
                    queued.add(d);
                }
            } else {
                long startup = "STARTING".equals(d.status()) ? SimulationScript.STARTUP_MS : 0;
                releases.add(new Release(d.remainingMs() + startup, d.gpuCount()));
                free -= d.gpuCount();
            }
        }
        long now = 0;
        for (WorkloadStore.Demand d : queued) {
            while (free < d.gpuCount() && !releases.isEmpty()) {
                Release next = releases.poll();
                now = Math.max(now, next.atMs());
                free += next.gpus();
            }
            free -= d.gpuCount();
            releases.add(new Release(now + SimulationScript.STARTUP_MS + d.remainingMs(), d.gpuCount()));
        }
        while (free < gpus && !releases.isEmpty()) {
            Release next = releases.poll();
            now = Math.max(now, next.atMs());
            free += next.gpus();
        }
        return now / 1000;
    }
}
