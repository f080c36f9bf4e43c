package eu.aifactory.server.exec.sim;

import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.Pricing;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.api.workload.Artifact;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.server.catalog.CatalogService;
import eu.aifactory.server.catalog.Pool;
import eu.aifactory.server.db.RawBatch;
import eu.aifactory.server.db.Transactions;
import eu.aifactory.server.exec.Engine;
import eu.aifactory.server.exec.EngineLoop;
import eu.aifactory.server.exec.SimulationScript;
import eu.aifactory.server.util.Hashing;
import eu.aifactory.server.util.Ids;
import eu.aifactory.server.util.StatusReasons;
import eu.aifactory.server.workload.WorkloadRow;
import eu.aifactory.server.workload.WorkloadStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs workloads on a simulated clock: one scheduler thread moves them QUEUED → STARTING → RUNNING → SUCCEEDED
 * or FAILED (or CANCELLING → CANCELLED), writing log lines, one power sample per simulated minute, running
 * totals and, at the end, result files. Simulated time runs {@code timeScale} times faster than real time.
 *
 * <p>Each pool (GPU class) is a strict priority queue: HIGH before NORMAL before LOW, first come first served
 * within a priority, and the head blocks those behind it, so "position 2 in queue" means what it says.
 *
 * <p>Restart: all state is in the database. RUNNING work resumes from its last recorded simulated minute (at most
 * one simulated minute is redone; the time the factory was down is not charged), STARTING work starts again,
 * CANCELLING work ends CANCELLED.
 */
public final class SimulatedEngine implements Engine {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedEngine.class);
    private static final int QUEUE_POSITIONS_SHOWN = 50;
    private static final long MINUTE_MS = 60_000;
    private static final long POPULARITY_REFRESH_MS = 60_000;
    private static final long MIN_TICK_MS = 50;
    private static final long POPULARITY_WINDOW_MS = 90L * 24 * 3600 * 1000;

    private final WorkloadStore store;
    private final Transactions transactions;
    private final CatalogService catalog;
    private final Clock clock;
    private final double timeScale;
    private final long tickMs;
    private final EngineLoop loop;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final java.util.function.Supplier<Map<String, Integer>> quotas;
    private long lastPopularityRefresh;

    /** In-memory state of a started workload between database writes. */
    private static final class Run {
        long lastRealMs;
        long progressMs;
        long energyMj;
        long logLines;
        boolean resumed;

        Run(long lastRealMs, WorkloadRow w) {
            this.lastRealMs = lastRealMs;
            this.progressMs = w.progressMs();
            this.energyMj = w.energyMj();
            this.logLines = w.logLines();
        }
    }

    /**
     * @param quotas the projects' GPU quotas keyed {@code projectId + "|" + planId}, read once per pass: a queued
     *               workload that would take its project over the quota on its plan waits (without holding up the
     *               pool's queue) with the reason "project quota reached (8 of 8 GPUs in use)"
     */
    public SimulatedEngine(WorkloadStore store, Transactions transactions, CatalogService catalog, Clock clock,
                           double timeScale, java.util.function.Supplier<Map<String, Integer>> quotas) {
        this.quotas = quotas;
        this.store = store;
        this.transactions = transactions;
        this.catalog = catalog;
        this.clock = clock;
        this.timeScale = timeScale;
        // Tick about twice per simulated minute, but never busier than 20 times nor lazier than once a second.
        this.tickMs = Math.max(50, Math.min(1000, Math.round(MINUTE_MS / timeScale / 2)));
        // A burst of submits wakes the engine once per MIN_TICK_MS, not once per submit.
        this.loop = new EngineLoop("factory-executor", MIN_TICK_MS, tickMs, 1000, 10_000, this::tick);
    }

    @Override
    public Optional<Engine.PlannedFailure> admit(Engine.Submission s) {
        String fingerprint = s.appId() + "|" + s.appVersion() + "|" + s.planId() + "|" + s.name() + "|" + s.parametersJson();
        return SimulationScript.plannedFailure(fingerprint, s.name(), s.expectedRuntimeMs());
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void wake() {
        loop.wake();
    }

    @Override
    public void whilePaused(Runnable change) {
        loop.betweenPasses(() -> {
            change.run();
            // A run's progress kept here may belong to a workload the change removed or put back.
            runs.clear();
        });
        loop.wake();
    }

    @Override
    public void close() {
        loop.close();
    }

    /** One pass over all unfinished work; returns whether anything is still in flight or queued. */
    boolean tick() {
        long now = clock.millis();
        Map<String, Integer> busyGpus = new HashMap<>();
        Map<String, Integer> projectGpus = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<WorkloadRow> inFlight = store.inFlight();
        for (WorkloadRow w : inFlight) {
            seen.add(w.id());
            try {
                boolean holdsGpus = switch (w.status()) {
                    case CANCELLING -> {
                        finishCancel(w, now);
                        yield false;
                    }
                    case STARTING -> {
                        advanceStarting(w, now);
                        yield true;
                    }
                    case RUNNING -> advanceRunning(w, now);
                    default -> false;
                };
                if (holdsGpus) {
                    busyGpus.merge(w.gpuClass(), w.gpuCount(), Integer::sum);
                    projectGpus.merge(quotaKey(w), w.gpuCount(), Integer::sum);
                }
            } catch (RuntimeException e) {
                LOG.error("Executor step failed for workload {}", w.id(), e);
            }
        }
        runs.keySet().retainAll(seen);
        boolean queued = false;
        Map<String, Integer> limits = quotas.get();
        for (String gpuClass : gpuClasses()) {
            queued |= schedule(gpuClass, busyGpus.getOrDefault(gpuClass, 0), now, limits, projectGpus);
        }
        if (now - lastPopularityRefresh > POPULARITY_REFRESH_MS) {
            lastPopularityRefresh = now;
            catalog.refreshPopularity(now - POPULARITY_WINDOW_MS);
        }
        return queued || !inFlight.isEmpty();
    }

    private List<String> gpuClasses() {
        Set<String> classes = new java.util.TreeSet<>();
        catalog.plans().forEach(p -> classes.add(p.gpuClass()));
        return List.copyOf(classes);
    }

    private void advanceStarting(WorkloadRow w, long now) {
        Run run = runs.computeIfAbsent(w.id(), id -> new Run(now, w));
        if ((now - run.lastRealMs) * timeScale < SimulationScript.STARTUP_MS) {
            return;
        }
        Optional<ResourcePlan> plan = catalog.plan(w.planId());
        Optional<AppDetail> app = catalog.cachedApp(w.appId());
        if (plan.isEmpty() || app.isEmpty() || app.get().version(w.appVersion()) == null) {
            fail(w, now, "the application or resource plan was removed from the catalog before the run started");
            return;
        }
        AppVersion version = app.get().version(w.appVersion());
        transactions.useTransaction(h -> {
            if (store.transition(h, w, WorkloadStatus.STARTING, WorkloadStatus.RUNNING, SimulationScript.runningReason(plan.get()),
                    now, Map.of("started_at", now))) {
                try (RawBatch logs = WorkloadStore.logBatch(h)) {
                    for (String line : SimulationScript.startLines(app.get(), version, plan.get(), w.id(), w.parameters(),
                            w.inputs())) {
                        WorkloadStore.addLog(logs, w.id(), ++run.logLines, now, line);
                    }
                }
                store.updateProgress(h, w.id(), run.progressMs, cost(w, version, plan.get(), run.progressMs), run.energyMj,
                        gpuSeconds(w, run.progressMs), run.logLines, now);
            }
        });
        run.lastRealMs = now;
    }

    /** Returns whether the workload still holds its GPUs after this step. */
    private boolean advanceRunning(WorkloadRow w, long now) {
        Optional<ResourcePlan> planOpt = catalog.plan(w.planId());
        Optional<AppDetail> appOpt = catalog.cachedApp(w.appId());
        if (planOpt.isEmpty() || appOpt.isEmpty() || appOpt.get().version(w.appVersion()) == null) {
            fail(w, now, "the application or resource plan was removed from the catalog during the run");
            return false;
        }
        ResourcePlan plan = planOpt.get();
        AppDetail app = appOpt.get();
        AppVersion version = app.version(w.appVersion());
        Run run = runs.get(w.id());
        if (run == null) {
            // First sight of a RUNNING workload: the factory restarted. Resume from the stored progress; the time
            // the factory was down is neither run time nor charged.
            run = new Run(now, w);
            run.resumed = true;
            runs.put(w.id(), run);
        }
        long runtimeMs = w.expectedRuntimeS() * 1000;
        long target = w.failAtMs() == null ? runtimeMs : Math.min(runtimeMs, w.failAtMs());
        long before = run.progressMs;
        long after = Math.min(target, before + Math.round((now - run.lastRealMs) * timeScale));
        long realStart = run.lastRealMs;
        run.lastRealMs = now;
        long firstMinute = before / MINUTE_MS + 1;
        long lastMinute = after / MINUTE_MS;
        boolean finished = after >= target;
        boolean resumed = run.resumed;
        if (lastMinute < firstMinute && !finished && !resumed) {
            run.progressMs = after;
            return true;
        }
        run.resumed = false;
        Run r = run;
        long totalMinutes = Math.max(1, runtimeMs / MINUTE_MS);
        boolean[] stillHolds = {true};
        transactions.useTransaction(h -> {
            try (RawBatch samples = WorkloadStore.sampleBatchWithProvenance(h); RawBatch logs = WorkloadStore.logBatch(h)) {
                if (resumed) {
                    WorkloadStore.addLog(logs, w.id(), ++r.logLines, now, String.format(Locale.ROOT,
                            "factory restarted; resuming at minute %d of %d", before / MINUTE_MS, totalMinutes));
                }
                long startedAt = w.startedAt() == null ? now : w.startedAt();
                for (long minute = firstMinute; minute <= lastMinute; minute++) {
                    SimulationScript.Sample s = SimulationScript.sample(w.id(), minute, version.gpuUtilisation(), plan);
                    r.energyMj += s.powerWatts() * MINUTE_MS;
                    WorkloadStore.addSample(samples, w.id(), w.tenantId(), startedAt + minute * MINUTE_MS, w.gpuCount(),
                            s.gpuUtilPercent(), s.powerWatts(), r.energyMj, SimulationScript.provenance(plan));
                    if (minute % SimulationScript.LOG_EVERY_MINUTES == 0) {
                        long ts = realStart + Math.round((minute * MINUTE_MS - before) / timeScale);
                        WorkloadStore.addLog(logs, w.id(), ++r.logLines, Math.min(ts, now),
                                SimulationScript.progressLine(app, w.id(), minute, totalMinutes, plan, version.gpuUtilisation()));
                    }
                }
                long partial = after - lastMinute * MINUTE_MS;
                if (finished && partial > 0) {
                    // The last, partial minute of the run.
                    SimulationScript.Sample s = SimulationScript.sample(w.id(), lastMinute + 1, version.gpuUtilisation(), plan);
                    r.energyMj += s.powerWatts() * partial;
                    WorkloadStore.addSample(samples, w.id(), w.tenantId(), startedAt + after, w.gpuCount(), s.gpuUtilPercent(),
                            s.powerWatts(), r.energyMj, SimulationScript.provenance(plan));
                }
                r.progressMs = after;
                if (!finished) {
                    flush(samples, logs);
                    persist(h, w, version, plan, r, now);
                } else if (w.failAtMs() != null && after >= w.failAtMs()) {
                    WorkloadStore.addLog(logs, w.id(), ++r.logLines, now, "ERROR: " + w.failReason());
                    flush(samples, logs);
                    persist(h, w, version, plan, r, now);
                    stillHolds[0] = !store.transition(h, w, WorkloadStatus.RUNNING, WorkloadStatus.FAILED, w.failReason(), now,
                            Map.of("ended_at", now));
                } else {
                    List<SimulationScript.ResultFile> files = SimulationScript.results(app, version, w.id(), w.name(),
                            w.parameters());
                    for (String line : SimulationScript.endLines(after, w.gpuCount(),
                            files.stream().map(SimulationScript.ResultFile::name).toList())) {
                        WorkloadStore.addLog(logs, w.id(), ++r.logLines, now, line);
                    }
                    flush(samples, logs);
                    persist(h, w, version, plan, r, now);
                    String reason = String.format(Locale.ROOT, "finished; %d result file%s written", files.size(),
                            files.size() == 1 ? "" : "s");
                    if (store.transition(h, w, WorkloadStatus.RUNNING, WorkloadStatus.SUCCEEDED, reason, now,
                            Map.of("ended_at", now))) {
                        writeResults(h, w, files, now);
                        stillHolds[0] = false;
                    }
                }
            }
        });
        return stillHolds[0];
    }

    private static void flush(RawBatch samples, RawBatch logs) {
        samples.flush();
        logs.flush();
    }

    private void persist(Handle h, WorkloadRow w, AppVersion version, ResourcePlan plan, Run r, long now) {
        store.updateProgress(h, w.id(), r.progressMs, cost(w, version, plan, r.progressMs), r.energyMj,
                gpuSeconds(w, r.progressMs), r.logLines, now);
    }

    private static void writeResults(Handle h, WorkloadRow w, List<SimulationScript.ResultFile> files, long now) {
        PreparedBatch meta = WorkloadStore.artifactBatch(h);
        PreparedBatch content = WorkloadStore.artifactContentBatch(h);
        for (SimulationScript.ResultFile file : files) {
            Artifact artifact = new Artifact(Ids.next("art"), w.id(), file.slot(), file.kind(), file.name(), file.mediaType(),
                    file.content().length, Hashing.sha256Hex(file.content()), SimulationScript.SITE, Instant.ofEpochMilli(now));
            WorkloadStore.addArtifact(meta, content, w.tenantId(), artifact, file.content());
        }
        meta.execute();
        content.execute();
    }

    private void finishCancel(WorkloadRow w, long now) {
        Run run = runs.remove(w.id());
        long progress = run == null ? w.progressMs() : run.progressMs;
        String reason = progress > 0 || w.startedAt() != null
                ? String.format(Locale.ROOT, "cancelled on request after %d min of run time; charges stopped at the cancel",
                        progress / MINUTE_MS)
                : "cancelled on request before it started; nothing was charged";
        transactions.useTransaction(h -> {
            if (run != null) {
                Optional<ResourcePlan> plan = catalog.plan(w.planId());
                AppVersion version = catalog.cachedApp(w.appId()).map(a -> a.version(w.appVersion())).orElse(null);
                if (plan.isPresent() && version != null) {
                    persist(h, w, version, plan.get(), run, now);
                }
            }
            long lines = run == null ? w.logLines() : run.logLines;
            try (RawBatch logs = WorkloadStore.logBatch(h)) {
                WorkloadStore.addLog(logs, w.id(), lines + 1, now, "stopped at the request of the user");
            }
            h.createUpdate("UPDATE workloads SET log_lines = :l WHERE id = :id").bind("l", lines + 1).bind("id", w.id()).execute();
            store.transition(h, w, WorkloadStatus.CANCELLING, WorkloadStatus.CANCELLED, reason, now, Map.of("ended_at", now));
        });
    }

    private void fail(WorkloadRow w, long now, String reason) {
        runs.remove(w.id());
        transactions.useTransaction(h -> store.transition(h, w, w.status(), WorkloadStatus.FAILED, reason, now,
                Map.of("ended_at", now)));
    }

    /** Starts what fits at the head of a pool's queue and tells the rest where they stand; true if any wait. */
    private boolean schedule(String gpuClass, int busy, long now, Map<String, Integer> limits,
                             Map<String, Integer> projectGpus) {
        Optional<Pool> pool = catalog.pool(gpuClass);
        if (pool.isEmpty()) {
            return false;
        }
        List<WorkloadRow> head = store.queueHead(gpuClass, QUEUE_POSITIONS_SHOWN + 1);
        int free = pool.get().totalGpus() - busy;
        boolean blocked = false;
        int position = 0;
        for (WorkloadRow w : head) {
            Integer limit = limits.get(quotaKey(w));
            int held = projectGpus.getOrDefault(quotaKey(w), 0);
            if (limit != null && held + w.gpuCount() > limit) {
                // Over its project's quota: it waits for its own project, not for the pool, so it holds nobody up.
                String reason = StatusReasons.quotaReached(held, limit);
                if (!reason.equals(w.statusReason())) {
                    transactions.useTransaction(h -> store.updateReason(h, w, reason, now));
                }
                continue;
            }
            if (!blocked && w.gpuCount() <= free) {
                ResourcePlan plan = catalog.plan(w.planId()).orElse(null);
                if (plan == null) {
                    fail(w, now, "the resource plan " + w.planId() + " is no longer offered");
                    continue;
                }
                boolean started = transactions.inTransaction(h -> store.transition(h, w, WorkloadStatus.QUEUED,
                        WorkloadStatus.STARTING, SimulationScript.startingReason(plan), now, Map.of()));
                if (started) {
                    free -= w.gpuCount();
                    projectGpus.merge(quotaKey(w), w.gpuCount(), Integer::sum);
                    runs.put(w.id(), new Run(now, w));
                }
                continue;
            }
            blocked = true;
            position++;
            if (position > QUEUE_POSITIONS_SHOWN) {
                break;
            }
            String reason = String.format(Locale.ROOT, "waiting for %d free %s GPU%s (position %d in queue)", w.gpuCount(),
                    shortModel(pool.get().gpuModel()), w.gpuCount() == 1 ? "" : "s", position);
            if (!reason.equals(w.statusReason())) {
                transactions.useTransaction(h -> store.updateReason(h, w, reason, now));
            }
        }
        return !head.isEmpty();
    }

    private static String quotaKey(WorkloadRow w) {
        return w.projectId() + "|" + w.planId();
    }

    private static String shortModel(String model) {
        return model.startsWith("NVIDIA ") ? model.substring("NVIDIA ".length()) : model;
    }

    private static BigDecimal cost(WorkloadRow w, AppVersion version, ResourcePlan plan, long progressMs) {
        return Pricing.costEur(plan, version, w.gpuCount(), progressMs);
    }

    private static long gpuSeconds(WorkloadRow w, long progressMs) {
        return progressMs / 1000 * w.gpuCount();
    }
}
