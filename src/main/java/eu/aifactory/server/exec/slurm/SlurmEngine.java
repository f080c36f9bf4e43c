package eu.aifactory.server.exec.slurm;

import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.ArtifactKind;
import eu.aifactory.api.catalog.ArtifactSlot;
import eu.aifactory.api.catalog.Pricing;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.api.workload.Artifact;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.server.catalog.CatalogService;
import eu.aifactory.server.dataset.DatasetService;
import eu.aifactory.server.db.GroupCommit;
import eu.aifactory.server.db.RawBatch;
import eu.aifactory.server.db.Transactions;
import eu.aifactory.server.energy.model.PowerModel;
import eu.aifactory.server.exec.Engine;
import eu.aifactory.server.exec.EngineLoop;
import eu.aifactory.server.exec.SimulationScript;
import eu.aifactory.server.util.Hashing;
import eu.aifactory.server.util.Ids;
import eu.aifactory.server.workload.WorkloadRow;
import eu.aifactory.server.workload.WorkloadStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each workload as one Slurm batch job through slurmrestd. One thread runs the passes: it hands queued
 * workloads to Slurm (partition = the plan's GPU class, {@code gres=gpu:TYPE:N} from the plan, a time limit, a job
 * directory with the inputs, stdout, stderr and an output directory), follows all jobs with one request per poll
 * (Slurm answers "no change" cheaply), maps their states onto the workloads, copies new stdout and stderr lines into
 * the log table, sends cancels, and turns the files a finished job wrote into artifacts. The hand-over is the one
 * step that waits on Slurm per workload, so a pass runs up to {@link #SUBMITTERS} of them at once (as many
 * connections to slurmrestd), and their bookkeeping commits with the API's submits in one group commit.
 *
 * <p>All state is in the database (table slurm_jobs), so a restarted factory picks up where it stopped: jobs that
 * ended meanwhile get their final state, from Slurm or, once Slurm has forgotten them, from the exit record the job
 * script writes; a job that left neither fails its workload with a reason. A job submitted just before a crash,
 * before its id was stored, is found again by its name (the workload id) rather than submitted twice.
 *
 * <p>Energy: Slurm 22.05's REST API reports no consumed energy without slurmdbd, so a run's energy is modelled from
 * its plan's power at the app's typical GPU utilisation and its run time, and every sample says so.
 */
public final class SlurmEngine implements Engine {

    private static final Logger LOG = LoggerFactory.getLogger(SlurmEngine.class);
    static final String PROVENANCE = "modelled: plan power at typical GPU utilisation x run time";
    static final String EXIT_RECORD = "exit-code";
    private static final int RETRY_AFTER_S = 5;
    private static final long PROGRESS_WRITE_MS = 5_000;
    private static final long SAMPLE_EVERY_MS = 60_000;
    private static final long IDLE_POLL_MS = 5_000;
    /**
     * While busy, the job table is read again only after this many times what the last read took: slurmctld answers a
     * changed table with every job it holds, so on a busy minute one read costs Slurm, slurmrestd and the factory more
     * than the passes that hand submits over in between.
     */
    private static final int POLL_COST_FACTOR = 4;
    private static final long MAX_ARTIFACT_BYTES = 64L * 1024 * 1024;
    private static final int MAX_QUEUE_READ = 10_000;
    private static final long POPULARITY_REFRESH_MS = 60_000;
    private static final long POPULARITY_WINDOW_MS = 90L * 24 * 3600 * 1000;
    /** Concurrent hand-overs, and so connections to slurmrestd; slurmctld takes submits one at a time anyway. */
    static final int SUBMITTERS = 8;
    /** The most hand-overs of one pass, so following running jobs never waits behind a long queue. */
    private static final int SUBMITS_PER_PASS = 4_000;
    /** Tasks of one array job: Slurm's default MaxArraySize of 1001 allows task ids 0 to 1000. */
    static final int MAX_ARRAY_TASKS = 1_000;
    /** Where array jobs keep their manifest and their tasks' own stdout and stderr, under the job root. */
    static final String ARRAYS = "arrays";
    /** Array jobs are named {@code aif-array-<random id>}; a plain job is named after its workload. */
    static final String ARRAY_NAME = "aif-array";
    static final String MANIFEST = "manifest";
    /** In a workload's directory: the name of the array job it is a task of and its task index. */
    static final String ARRAY_TASK = "array-task";

    private final SlurmSettings settings;
    private final SlurmRest rest;
    private final WorkloadStore store;
    private final SlurmJobStore jobs;
    private final Transactions transactions;
    private final GroupCommit groupCommit;
    private final ExecutorService submitters;
    private final CatalogService catalog;
    private final DatasetService datasets;
    private final Clock clock;
    private final Clock slurmClock;
    private final EngineLoop loop;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    /** The reasons of pending jobs written in this pass, awaited at its end. */
    private final List<CompletableFuture<?>> reasonWrites = new ArrayList<>();
    /** The pass's new reasons of pending workloads, by tenant and project, written when the pass has followed all jobs. */
    private final Map<String, List<WorkloadStore.ReasonChange>> reasonChanges = new TreeMap<>();
    /** Why Slurm cannot take work now, or null while it answers. */
    private volatile String down;
    /** Slurm's job records by the jobs they stand for ({@code 123}, {@code 123_4}), as of the last listing. */
    private Map<String, SlurmRest.Job> known = Map.of();
    private long listedAt = Long.MIN_VALUE;
    private long cursor;
    private long lastPoll = Long.MIN_VALUE;
    /** How long the last read of the job table took. */
    private long listingMs;
    private long lastPopularityRefresh;

    /** What the engine keeps between database writes about a job it follows. */
    private static final class Run {
        long stdoutOffset;
        long stderrOffset;
        long logLines;
        long lastWrite;
        long lastSampleTs;
        long energyMj;

        Run(SlurmJobStore.JobRecord record, WorkloadRow w) {
            this.stdoutOffset = record.stdoutOffset();
            this.stderrOffset = record.stderrOffset();
            this.logLines = w.logLines();
            this.energyMj = w.energyMj();
            // After a restart: every sample written so far is at or before the run time last stored with it.
            this.lastSampleTs = w.startedAt() == null ? 0 : w.startedAt() + w.progressMs();
        }
    }

    private SlurmEngine(SlurmSettings settings, SlurmRest rest, WorkloadStore store, SlurmJobStore jobs,
                        Transactions transactions, GroupCommit groupCommit, CatalogService catalog,
                        DatasetService datasets, Clock clock, Clock slurmClock) {
        this.settings = settings;
        this.loop = new EngineLoop("factory-slurm", 20, settings.pollInterval().toMillis(), IDLE_POLL_MS, 20_000,
                this::tick);
        this.rest = rest;
        this.store = store;
        this.jobs = jobs;
        this.transactions = transactions;
        this.groupCommit = groupCommit;
        AtomicInteger threads = new AtomicInteger();
        this.submitters = Executors.newFixedThreadPool(SUBMITTERS, r -> {
            Thread t = new Thread(r, "factory-slurm-submit-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.catalog = catalog;
        this.datasets = datasets;
        this.clock = clock;
        this.slurmClock = slurmClock;
    }

    /**
     * Connects to slurmrestd and checks it offers the REST version the factory speaks.
     *
     * @throws IllegalStateException with a message for the operator when slurmrestd does not answer or speaks
     *                               another version
     */
    public static SlurmEngine connect(SlurmSettings settings, WorkloadStore store, SlurmJobStore jobs,
                                      Transactions transactions, GroupCommit groupCommit, CatalogService catalog,
                                      DatasetService datasets, Clock clock) {
        SlurmRest rest = new SlurmRest(settings.restUrl(), settings.user(), settings.token());
        List<String> offered;
        try {
            offered = rest.offeredVersions();
        } catch (SlurmRest.Unreachable e) {
            throw new IllegalStateException("Cannot read slurmrestd's OpenAPI description at " + settings.restUrl()
                    + ": " + e.getMessage(), e);
        }
        if (!offered.contains(SlurmRest.VERSION)) {
            throw new IllegalStateException("slurmrestd at " + settings.restUrl() + " offers REST API "
                    + (offered.isEmpty() ? "none" : String.join(", ", offered)) + ", but this factory speaks "
                    + SlurmRest.VERSION + "; start slurmrestd with -s openapi/" + SlurmRest.VERSION);
        }
        try {
            Files.createDirectories(settings.jobRoot());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Slurm job directory " + settings.jobRoot(), e);
        }
        LOG.info("Slurm engine: slurmrestd {} (REST {}), jobs as {} in {}", settings.restUrl(), SlurmRest.VERSION,
                settings.user(), settings.jobRoot());
        return new SlurmEngine(settings, rest, store, jobs, transactions, groupCommit, catalog, datasets, clock,
                Clock.systemUTC());
    }

    @Override
    public Optional<PlannedFailure> admit(Submission submission) {
        if (down != null) {
            throw new Unavailable("The factory's scheduler (Slurm) does not answer right now; nothing was stored. "
                    + "Try again in a few seconds.", RETRY_AFTER_S);
        }
        return Optional.empty();
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
        loop.betweenPasses(change);
        loop.wake();
    }

    @Override
    public void close() {
        loop.close();
        submitters.shutdown();
    }

    /** One pass; returns whether work is queued or in flight. */
    boolean tick() {
        long now = clock.millis();
        List<WorkloadRow> queued = new ArrayList<>();
        for (String gpuClass : gpuClasses()) {
            queued.addAll(store.byIds(jobs.queuedWithoutJob(gpuClass, MAX_QUEUE_READ)));
        }
        List<WorkloadRow> inFlight = store.inFlight();
        Map<String, WorkloadRow> open = new HashMap<>();
        queued.forEach(w -> open.put(w.id(), w));
        inFlight.forEach(w -> open.put(w.id(), w));
        Map<String, SlurmJobStore.JobRecord> records = new LinkedHashMap<>();
        for (SlurmJobStore.JobRecord record : jobs.unfinished()) {
            records.put(record.workloadId(), record);
        }
        // Workloads waiting in Slurm are queued but not in the read above: their rows come by id, so that a record is
        // closed below only when its workload has really ended.
        List<String> waiting = records.keySet().stream().filter(id -> !open.containsKey(id)).toList();
        store.byIds(waiting).stream().filter(w -> !w.status().isTerminal()).forEach(w -> open.put(w.id(), w));
        boolean busy = !open.isEmpty() || !records.isEmpty();
        // Jobs handed over before a crash are adopted by their names, from a listing newer than them: the first pass
        // lists whatever it finds, and so does one with a queued workload whose job directory exists (made just
        // before a submit, which may have reached Slurm).
        boolean listed = down != null || lastPoll == Long.MIN_VALUE || now - lastPoll >= IDLE_POLL_MS
                || busy && pollDue(now) || queued.stream().anyMatch(w -> Files.isDirectory(settings.jobRoot().resolve(w.id())));
        if (listed) {
            poll(now);
        }
        if (down != null) {
            return true;
        }
        for (WorkloadRow w : inFlight) {
            if (w.status() == WorkloadStatus.CANCELLING && !records.containsKey(w.id())) {
                endUnsubmitted(w, now);
            }
        }
        submitQueued(queued, records, now);
        // A pass cut short (Slurm unreachable) leaves no reasons behind for the next one, which reads its own.
        reasonChanges.clear();
        for (SlurmJobStore.JobRecord record : records.values()) {
            WorkloadRow w = open.get(record.workloadId());
            // Without a new listing this pass could only repeat the last one's conclusions; a cancel cannot wait.
            if (!listed && w != null && (w.status() != WorkloadStatus.CANCELLING || record.cancelSent())) {
                continue;
            }
            try {
                if (w == null) {
                    // Its workload ended outside the engine (or before this record was closed): nothing to follow.
                    transactions.useTransaction(h -> jobs.finish(h, record.workloadId()));
                    runs.remove(record.workloadId());
                } else {
                    follow(w, record, now);
                }
            } catch (SlurmRest.Unreachable e) {
                markDown(e.getMessage());
                return true;
            } catch (RuntimeException e) {
                LOG.error("Following Slurm job {} of workload {} failed", record.ref(), record.workloadId(), e);
            }
        }
        // One piece of group-commit work per project (its lock order), each a batch, sharing commits with the submits.
        for (Map.Entry<String, List<WorkloadStore.ReasonChange>> project : reasonChanges.entrySet()) {
            List<WorkloadStore.ReasonChange> changes = project.getValue();
            reasonWrites.add(groupCommit.inTransactionLater(project.getKey(), h -> {
                store.updateReasons(h, changes, now);
                return null;
            }));
        }
        reasonChanges.clear();
        for (CompletableFuture<?> write : reasonWrites) {
            try {
                write.join();
            } catch (RuntimeException e) {
                LOG.error("Writing the reason of a pending Slurm job failed", e);
            }
        }
        reasonWrites.clear();
        runs.keySet().retainAll(records.keySet());
        if (now - lastPopularityRefresh > POPULARITY_REFRESH_MS) {
            lastPopularityRefresh = now;
            catalog.refreshPopularity(now - POPULARITY_WINDOW_MS);
        }
        return busy;
    }

    private List<String> gpuClasses() {
        Set<String> classes = new TreeSet<>();
        catalog.plans().forEach(p -> classes.add(p.gpuClass()));
        return List.copyOf(classes);
    }

    /**
     * Whether a busy pass reads the job table: at most once per poll interval (half of it, so a pass that comes a
     * little early does not wait a whole interval more) and at most a {@link #POLL_COST_FACTOR}th of the time.
     */
    private boolean pollDue(long now) {
        return now - lastPoll >= Math.max(settings.pollInterval().toMillis() / 2, POLL_COST_FACTOR * listingMs);
    }

    /** Reads the job table if it changed since the last read; Slurm's timestamps are seconds on its own clock. */
    private void poll(long now) {
        long sentAt = slurmClock.millis() / 1000;
        long started = System.nanoTime();
        try {
            Optional<List<SlurmRest.Job>> listing = rest.jobs(cursor);
            listingMs = (System.nanoTime() - started) / 1_000_000;
            if (listing.isPresent()) {
                Map<String, SlurmRest.Job> byRef = new HashMap<>();
                for (SlurmRest.Job j : listing.get()) {
                    j.refs().forEach(ref -> byRef.put(ref, j));
                }
                known = byRef;
            }
            // Two seconds back: a change within the second of the last read, or a little clock skew, is read again.
            cursor = Math.max(0, sentAt - 2);
            listedAt = now;
            lastPoll = now;
            if (down != null) {
                LOG.info("Slurm answers again");
            }
            down = null;
        } catch (SlurmRest.Unreachable e) {
            lastPoll = now;
            markDown(e.getMessage());
        }
    }

    private void markDown(String why) {
        if (down == null) {
            LOG.warn("Slurm cannot take work: {}", why);
        }
        down = why;
        cursor = 0;
    }

    // ---------------------------------------------------------------- submit

    /**
     * Hands the queued workloads without a job to Slurm and waits for all: those of one shape (partition, GPUs, time
     * limit) as one array job of up to {@link #MAX_ARRAY_TASKS} tasks, a workload alone as a plain job, up to
     * {@link #SUBMITTERS} submits at once.
     */
    private void submitQueued(List<WorkloadRow> queued, Map<String, SlurmJobStore.JobRecord> records, long now) {
        Map<String, SlurmRest.Job> byName = new HashMap<>();
        known.values().forEach(j -> byName.merge(j.name(), j, (a, b) -> a.id() > b.id() ? a : b));
        // The queue read holds only workloads without an unfinished job: every one of them is still to hand over.
        List<WorkloadRow> heads = queued;
        if (heads.size() > SUBMITS_PER_PASS) {
            heads = heads.subList(0, SUBMITS_PER_PASS);
            loop.wake();
        }
        List<Callable<List<SlurmJobStore.JobRecord>>> work = new ArrayList<>();
        Map<JobScript.Shape, List<WorkloadRow>> shapes = new LinkedHashMap<>();
        for (WorkloadRow head : heads) {
            Optional<ResourcePlan> plan = catalog.plan(head.planId());
            Optional<Adoption> adoption = adoption(head, byName);
            if (adoption.isPresent() || plan.isEmpty()) {
                // Already in Slurm from before a crash, or refused below: handled one by one.
                work.add(() -> single(head, adoption.orElse(null), now));
            } else {
                shapes.computeIfAbsent(JobScript.shape(settings, head, plan.get()), s -> new ArrayList<>()).add(head);
            }
        }
        shapes.forEach((shape, rows) -> {
            for (int from = 0; from < rows.size(); from += MAX_ARRAY_TASKS) {
                List<WorkloadRow> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_ARRAY_TASKS));
                work.add(() -> chunk.size() == 1 ? single(chunk.get(0), null, now) : array(shape, chunk, now));
            }
        });
        List<Future<List<SlurmJobStore.JobRecord>>> handOvers = new ArrayList<>();
        for (Callable<List<SlurmJobStore.JobRecord>> piece : work) {
            handOvers.add(submitters.submit(() -> down != null ? List.<SlurmJobStore.JobRecord>of() : piece.call()));
        }
        for (Future<List<SlurmJobStore.JobRecord>> handOver : handOvers) {
            try {
                handOver.get().forEach(record -> records.put(record.workloadId(), record));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SlurmRest.Unreachable unreachable) {
                    // The hand-overs still queued see it and stop; the next pass retries them.
                    markDown(unreachable.getMessage());
                } else {
                    LOG.error("Handing workloads to Slurm failed", e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A job in Slurm that a queued workload already is: submitted before a crash that came before its record. */
    private record Adoption(long jobId, Integer arrayTask, String jobName) {
    }

    /**
     * The job a queued workload already is, found by its name (a plain job is named after its workload) or, for a
     * task of an array job, by the array's name and task index the workload's directory keeps from before the submit.
     */
    private Optional<Adoption> adoption(WorkloadRow w, Map<String, SlurmRest.Job> byName) {
        SlurmRest.Job plain = byName.get(w.id());
        if (plain != null) {
            return Optional.of(new Adoption(plain.id(), null, null));
        }
        Path marker = settings.jobRoot().resolve(w.id()).resolve(ARRAY_TASK);
        if (!Files.isRegularFile(marker)) {
            return Optional.empty();
        }
        try {
            String[] nameAndTask = Files.readString(marker).strip().split(" ");
            SlurmRest.Job array = byName.get(nameAndTask[0]);
            return array == null ? Optional.empty()
                    : Optional.of(new Adoption(array.arrayJobId() == 0 ? array.id() : array.arrayJobId(),
                    Integer.parseInt(nameAndTask[1]), nameAndTask[0]));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot read {}; workload {} is submitted again", marker, w.id(), e);
            return Optional.empty();
        }
    }

    /** The workload as it is now if it still waits for Slurm (a cancel may have come since the queue was read). */
    private Optional<WorkloadRow> stillQueued(WorkloadRow head) {
        return store.find(head.tenantId(), head.id()).filter(w -> w.status() == WorkloadStatus.QUEUED);
    }

    /** The whole rows of those of {@code heads} still queued, read again by id (one query per tenant, not per row). */
    private Map<String, WorkloadRow> stillQueued(List<WorkloadRow> heads) {
        Map<String, List<String>> byTenant = new LinkedHashMap<>();
        heads.forEach(w -> byTenant.computeIfAbsent(w.tenantId(), t -> new ArrayList<>()).add(w.id()));
        Map<String, WorkloadRow> queued = new HashMap<>();
        byTenant.forEach((tenant, ids) -> store.find(tenant, ids).values().stream()
                .filter(w -> w.status() == WorkloadStatus.QUEUED).forEach(w -> queued.put(w.id(), w)));
        return queued;
    }

    private List<SlurmJobStore.JobRecord> single(WorkloadRow head, Adoption adopted, long now) throws SlurmRest.Unreachable {
        Optional<WorkloadRow> found = stillQueued(head);
        if (found.isEmpty()) {
            return List.of();
        }
        WorkloadRow w = found.get();
        Path dir = settings.jobRoot().resolve(w.id());
        if (adopted != null) {
            LOG.info("Workload {} is already Slurm job {}", w.id(), SlurmRest.ref(adopted.jobId(), adopted.arrayTask()));
            return List.of(record(w, adopted.jobId(), adopted.arrayTask(), adopted.jobName(), dir, now).join());
        }
        Optional<ResourcePlan> plan = catalog.plan(w.planId());
        Optional<AppVersion> version = catalog.cachedApp(w.appId()).map(a -> a.version(w.appVersion()));
        if (plan.isEmpty() || version.isEmpty()) {
            fail(w, "the resource plan " + w.planId() + " is no longer offered", now);
            return List.of();
        }
        try {
            stageInputs(w, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the job directory " + dir, e);
        }
        long jobId;
        try {
            jobId = rest.submit(JobScript.request(settings, w, plan.get(), version.get(), dir));
        } catch (SlurmRest.Refused e) {
            fail(w, SlurmStates.refused(e.getMessage()), now);
            return List.of();
        }
        return List.of(record(w, jobId, null, null, dir, now).join());
    }

    /**
     * One array job for workloads of one shape, task i running the i-th. Each workload's directory notes the array's
     * name and its task before the submit, so a factory that crashes before the records are stored finds the tasks
     * again instead of submitting them twice.
     */
    private List<SlurmJobStore.JobRecord> array(JobScript.Shape shape, List<WorkloadRow> heads, long now)
            throws SlurmRest.Unreachable {
        String name = Ids.next(ARRAY_NAME);
        Path arrayDir = settings.jobRoot().resolve(ARRAYS).resolve(name);
        List<WorkloadRow> tasks = new ArrayList<>();
        StringBuilder manifest = new StringBuilder();
        try {
            Files.createDirectories(arrayDir);
            Map<String, WorkloadRow> queued = stillQueued(heads);
            for (WorkloadRow head : heads) {
                Optional<WorkloadRow> found = Optional.ofNullable(queued.get(head.id()));
                Optional<AppVersion> version = found.flatMap(w -> catalog.cachedApp(w.appId()).map(a -> a.version(w.appVersion())));
                if (version.isEmpty()) {
                    found.ifPresent(w -> fail(w, "the resource plan " + w.planId() + " is no longer offered", now));
                    continue;
                }
                WorkloadRow w = found.get();
                Path dir = settings.jobRoot().resolve(w.id());
                stageInputs(w, dir);
                JobScript.writeTask(settings, w, version.get(), dir);
                Files.writeString(dir.resolve(ARRAY_TASK), name + " " + tasks.size() + "\n");
                manifest.append(dir).append('\n');
                tasks.add(w);
            }
            if (tasks.isEmpty()) {
                return List.of();
            }
            Files.writeString(arrayDir.resolve(MANIFEST), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the job directories of array " + name, e);
        }
        long jobId;
        try {
            jobId = rest.submit(JobScript.arrayRequest(name, shape, tasks.size(), arrayDir, arrayDir.resolve(MANIFEST)));
        } catch (SlurmRest.Refused e) {
            tasks.forEach(w -> fail(w, SlurmStates.refused(e.getMessage()), now));
            return List.of();
        }
        // One batch insert per tenant and project (the group commit's lock order), handed in at once so they share
        // its commits with the submits. A batch that fails leaves its workloads queued: the next pass adopts them.
        List<SlurmJobStore.JobRecord> records = new ArrayList<>();
        Map<String, List<SlurmJobStore.JobRecord>> byProject = new LinkedHashMap<>();
        for (int task = 0; task < tasks.size(); task++) {
            WorkloadRow w = tasks.get(task);
            SlurmJobStore.JobRecord record = SlurmJobStore.JobRecord.submitted(w.id(), jobId, task, name,
                    settings.jobRoot().resolve(w.id()).toString(), now);
            records.add(record);
            byProject.computeIfAbsent(w.lockOrder(), k -> new ArrayList<>()).add(record);
        }
        List<CompletableFuture<Object>> stored = new ArrayList<>();
        byProject.forEach((lockOrder, batch) -> stored.add(groupCommit.inTransactionLater(lockOrder, h -> {
            jobs.insert(h, batch);
            return null;
        })));
        stored.forEach(CompletableFuture::join);
        LOG.info("{} workloads are the tasks of Slurm array job {} ({})", tasks.size(), jobId, name);
        return records;
    }

    /**
     * Stores the job of a workload, with a durable commit shared with the submits of its tenant and project. The
     * workload's reason names its job from the next listing on, with Slurm's own reason: written here as well, it
     * would be written twice, and these writes share the one thread that commits the API's submits.
     */
    private CompletableFuture<SlurmJobStore.JobRecord> record(WorkloadRow w, long jobId, Integer task, String jobName,
                                                             Path dir, long now) {
        SlurmJobStore.JobRecord record = SlurmJobStore.JobRecord.submitted(w.id(), jobId, task, jobName, dir.toString(), now);
        return groupCommit.inTransactionLater(w.lockOrder(), h -> {
            jobs.insert(h, List.of(record));
            return record;
        });
    }

    private void stageInputs(WorkloadRow w, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("output"));
        for (Map.Entry<String, String> input : w.inputs().entrySet()) {
            Path slotDir = Files.createDirectories(dir.resolve("inputs").resolve(JobScript.safeName(input.getKey())));
            Optional<eu.aifactory.api.dataset.Dataset> dataset = datasets.find(w.tenantId(), input.getValue());
            if (dataset.isPresent()) {
                Files.copy(datasets.file(w.tenantId(), input.getValue()), slotDir.resolve(JobScript.safeName(dataset.get().name())),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                continue;
            }
            Optional<eu.aifactory.server.workload.ArtifactRef> artifact = store.artifact(w.tenantId(), input.getValue());
            if (artifact.isPresent()) {
                Files.write(slotDir.resolve(JobScript.safeName(artifact.get().artifact().name())),
                        store.artifactContent(input.getValue()));
            }
        }
    }

    // ---------------------------------------------------------------- follow

    private void follow(WorkloadRow w, SlurmJobStore.JobRecord record, long now) throws SlurmRest.Unreachable {
        String ref = record.ref();
        SlurmRest.Job job = known.get(ref);
        if (job != null && !job.name().equals(record.name())) {
            job = null;
        }
        boolean ended = job != null && SlurmStates.phase(job.state()) == SlurmStates.Phase.ENDED;
        if (w.status() == WorkloadStatus.CANCELLING && !record.cancelSent() && !ended) {
            rest.cancel(ref);
            jobs.cancelSent(w.id());
            loop.wake();
        }
        if (job == null) {
            if (listedAt > record.submittedAt()) {
                endVanished(w, record, now);
            }
            return;
        }
        switch (SlurmStates.phase(job.state())) {
            case PENDING -> {
                String reason = SlurmStates.pendingReason(ref, job.reason());
                if (w.status() == WorkloadStatus.QUEUED && !reason.equals(w.statusReason())) {
                    // The tasks of an array wait together and change their reason together: written together after the pass.
                    reasonChanges.computeIfAbsent(w.lockOrder(), k -> new ArrayList<>())
                            .add(new WorkloadStore.ReasonChange(w, reason));
                }
            }
            case STARTING -> {
                if (w.status() == WorkloadStatus.QUEUED) {
                    SlurmRest.Job j = job;
                    transactions.useTransaction(h -> store.transition(h, w, WorkloadStatus.QUEUED, WorkloadStatus.STARTING,
                            SlurmStates.startingReason(ref, j.nodes()), now, Map.of()));
                }
            }
            case RUNNING -> running(w, record, job, now);
            case ENDED -> end(w, record, job, SlurmStates.ended(ref, job), now);
        }
    }

    /** Moves a workload whose job runs to RUNNING (through STARTING) in {@code h}; returns when it started. */
    private long toRunning(Handle h, WorkloadRow w, String ref, SlurmRest.Job job, long now) {
        if (w.status() == WorkloadStatus.QUEUED) {
            store.transition(h, w, WorkloadStatus.QUEUED, WorkloadStatus.STARTING,
                    SlurmStates.startingReason(ref, job.nodes()), now, Map.of());
        }
        if (w.status() == WorkloadStatus.QUEUED || w.status() == WorkloadStatus.STARTING) {
            store.transition(h, w, WorkloadStatus.STARTING, WorkloadStatus.RUNNING,
                    SlurmStates.runningReason(ref, job.nodes()), now, Map.of("started_at", now));
            return now;
        }
        return w.startedAt() == null ? now : w.startedAt();
    }

    private void running(WorkloadRow w, SlurmJobStore.JobRecord record, SlurmRest.Job job, long now) {
        Run run = runs.computeIfAbsent(w.id(), id -> new Run(record, w));
        Path dir = Path.of(record.jobDir());
        LogTail.Chunk out = LogTail.read(dir.resolve(JobScript.STDOUT), run.stdoutOffset, false);
        LogTail.Chunk err = LogTail.read(dir.resolve(JobScript.STDERR), run.stderrOffset, false);
        boolean starts = w.status() == WorkloadStatus.QUEUED || w.status() == WorkloadStatus.STARTING;
        if (!starts && out.lines().isEmpty() && err.lines().isEmpty() && now - run.lastWrite < PROGRESS_WRITE_MS) {
            return;
        }
        transactions.useTransaction(h -> {
            long startedAt = toRunning(h, w, record.ref(), job, now);
            try (RawBatch logs = WorkloadStore.logBatch(h); RawBatch samples = WorkloadStore.sampleBatchWithProvenance(h)) {
                if (starts) {
                    WorkloadStore.addLog(logs, w.id(), ++run.logLines, now, startedLine(record, job, w));
                }
                addLines(logs, w, run, out, err, now);
                logs.flush();
                progress(h, samples, w, run, startedAt, now - startedAt, now, false);
            }
            run.stdoutOffset = out.offset();
            run.stderrOffset = err.offset();
            jobs.offsets(h, w.id(), run.stdoutOffset, run.stderrOffset);
        });
        run.lastWrite = now;
    }

    private static void addLines(RawBatch logs, WorkloadRow w, Run run, LogTail.Chunk out, LogTail.Chunk err, long now) {
        for (String line : out.lines()) {
            WorkloadStore.addLog(logs, w.id(), ++run.logLines, now, line);
        }
        for (String line : err.lines()) {
            WorkloadStore.addLog(logs, w.id(), ++run.logLines, now, "stderr: " + line);
        }
    }

    /** Writes run time, charges and modelled energy, with a power sample each minute of run time and at the end. */
    private void progress(Handle h, RawBatch samples, WorkloadRow w, Run run, long startedAt, long runMs, long now,
                          boolean last) {
        Optional<ResourcePlan> plan = catalog.plan(w.planId());
        Optional<AppVersion> version = catalog.cachedApp(w.appId()).map(a -> a.version(w.appVersion()));
        BigDecimal cost = BigDecimal.ZERO;
        if (plan.isPresent() && version.isPresent() && version.get() != null) {
            double utilisation = version.get().gpuUtilisation();
            int watts = (int) Math.round(PowerModel.watts(plan.get(), utilisation));
            run.energyMj = (long) watts * runMs;
            cost = Pricing.costEur(plan.get(), version.get(), w.gpuCount(), runMs);
            long ts = startedAt + runMs;
            if ((last || ts - run.lastSampleTs >= SAMPLE_EVERY_MS) && ts > run.lastSampleTs) {
                WorkloadStore.addSample(samples, w.id(), w.tenantId(), ts, w.gpuCount(),
                        (int) Math.round(utilisation * 100), watts, run.energyMj, PROVENANCE);
                samples.flush();
                run.lastSampleTs = ts;
            }
        }
        store.updateProgress(h, w.id(), runMs, cost, run.energyMj, runMs / 1000 * w.gpuCount(), run.logLines, now);
    }

    // ---------------------------------------------------------------- end

    private void end(WorkloadRow w, SlurmJobStore.JobRecord record, SlurmRest.Job job, SlurmStates.Ending ending, long now) {
        Run run = runs.computeIfAbsent(w.id(), id -> new Run(record, w));
        Path dir = Path.of(record.jobDir());
        LogTail.Chunk out = LogTail.read(dir.resolve(JobScript.STDOUT), run.stdoutOffset, true);
        LogTail.Chunk err = LogTail.read(dir.resolve(JobScript.STDERR), run.stderrOffset, true);
        boolean ran = job == null ? w.startedAt() != null : job.startTime() > 0;
        long runMs = job != null && job.startTime() > 0 && job.endTime() >= job.startTime()
                ? (job.endTime() - job.startTime()) * 1000
                : w.startedAt() == null ? 0 : now - w.startedAt();
        List<Result> results = ending.status() == WorkloadStatus.SUCCEEDED ? results(w, dir) : List.of();
        String reason = switch (ending.status()) {
            case SUCCEEDED -> String.format(Locale.ROOT, "finished; %d result file%s written", results.size(),
                    results.size() == 1 ? "" : "s");
            case CANCELLED -> w.status() != WorkloadStatus.CANCELLING ? ending.reason()
                    : ran ? String.format(Locale.ROOT, "cancelled on request after %d min of run time; charges stopped at "
                            + "the cancel", runMs / 60_000)
                    : "cancelled on request before it started; nothing was charged";
            default -> ending.reason();
        };
        transactions.useTransaction(h -> {
            WorkloadStatus from = w.status();
            long startedAt = now;
            if (ran && from != WorkloadStatus.CANCELLING) {
                startedAt = toRunning(h, w, record.ref(), job, now);
                from = WorkloadStatus.RUNNING;
            } else if (w.startedAt() != null) {
                startedAt = w.startedAt();
            }
            // The transition before the charges: the lock order of every write is workload row, tenant's event
            // counter, budget ledger (a submit's order); charges first would take the ledger before the counter.
            Map<String, Object> columns = ran && w.startedAt() == null && from == WorkloadStatus.CANCELLING
                    ? Map.of("ended_at", now, "started_at", now) : Map.of("ended_at", now);
            if (store.transition(h, w, from, ending.status(), reason, now, columns) && !results.isEmpty()) {
                writeResults(h, w, results, now);
            }
            try (RawBatch logs = WorkloadStore.logBatch(h); RawBatch samples = WorkloadStore.sampleBatchWithProvenance(h)) {
                if (ran && job != null && (w.status() == WorkloadStatus.QUEUED || w.status() == WorkloadStatus.STARTING)) {
                    // It ran between two reads of the job table: its start is logged here, before its output.
                    WorkloadStore.addLog(logs, w.id(), ++run.logLines, now, startedLine(record, job, w));
                }
                addLines(logs, w, run, out, err, now);
                if (ending.status() != WorkloadStatus.SUCCEEDED) {
                    WorkloadStore.addLog(logs, w.id(), ++run.logLines, now, reason);
                }
                logs.flush();
                if (ran) {
                    progress(h, samples, w, run, startedAt, runMs, now, true);
                } else {
                    store.updateProgress(h, w.id(), 0, BigDecimal.ZERO, 0, 0, run.logLines, now);
                }
            }
            jobs.finish(h, w.id());
        });
        runs.remove(w.id());
        LOG.info("Workload {} (Slurm job {}) ended {}: {}", w.id(), record.ref(), ending.status(), reason);
    }

    private static String startedLine(SlurmJobStore.JobRecord record, SlurmRest.Job job, WorkloadRow w) {
        return String.format(Locale.ROOT, "Slurm job %s started on %s (partition %s)", record.ref(), job.nodes(),
                w.gpuClass());
    }

    /** A job Slurm no longer lists: its exit record says how it ended; without one it vanished. */
    private void endVanished(WorkloadRow w, SlurmJobStore.JobRecord record, long now) {
        Path exit = Path.of(record.jobDir()).resolve(EXIT_RECORD);
        SlurmStates.Ending ending;
        if (Files.isRegularFile(exit)) {
            int code;
            try {
                code = Integer.parseInt(Files.readString(exit).strip());
            } catch (IOException | NumberFormatException e) {
                code = -1;
            }
            ending = SlurmStates.fromExitRecord(record.ref(), code, w.status() == WorkloadStatus.CANCELLING);
        } else if (w.status() == WorkloadStatus.CANCELLING) {
            ending = new SlurmStates.Ending(WorkloadStatus.CANCELLED, null);
        } else {
            ending = new SlurmStates.Ending(WorkloadStatus.FAILED, SlurmStates.vanished(record.ref()));
        }
        end(w, record, null, ending, now);
    }

    private void endUnsubmitted(WorkloadRow w, long now) {
        transactions.useTransaction(h -> {
            // Transition first, for the lock order (see end()).
            store.transition(h, w, WorkloadStatus.CANCELLING, WorkloadStatus.CANCELLED,
                    "cancelled on request before it started; nothing was charged", now, Map.of("ended_at", now));
            try (RawBatch logs = WorkloadStore.logBatch(h)) {
                WorkloadStore.addLog(logs, w.id(), w.logLines() + 1, now, "stopped at the request of the user");
            }
            store.updateProgress(h, w.id(), 0, BigDecimal.ZERO, 0, 0, w.logLines() + 1, now);
        });
    }

    private void fail(WorkloadRow w, String reason, long now) {
        transactions.useTransaction(h -> store.transition(h, w, w.status(), WorkloadStatus.FAILED, reason, now,
                Map.of("ended_at", now)));
    }

    // ---------------------------------------------------------------- results

    private record Result(String slot, ArtifactKind kind, String name, String mediaType, byte[] content) {
    }

    /** The regular files the job wrote into its output directory, each in the output slot its name starts with. */
    private List<Result> results(WorkloadRow w, Path dir) {
        Path output = dir.resolve("output");
        if (!Files.isDirectory(output)) {
            return List.of();
        }
        List<ArtifactSlot> slots = catalog.cachedApp(w.appId()).map(a -> a.version(w.appVersion()))
                .map(AppVersion::outputs).orElse(List.of());
        List<Result> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(output)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (Files.size(file) > MAX_ARTIFACT_BYTES) {
                    LOG.warn("Result {} of workload {} is larger than {} bytes and was not kept", name, w.id(),
                            MAX_ARTIFACT_BYTES);
                    continue;
                }
                String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                ArtifactSlot slot = slots.stream().filter(s -> s.name().equals(stem)).findFirst().orElse(null);
                results.add(new Result(slot == null ? stem : slot.name(), slot == null ? ArtifactKind.OTHER : slot.kind(),
                        name, JobScript.mediaType(name), Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the results of workload " + w.id(), e);
        }
        return results;
    }

    private static void writeResults(Handle h, WorkloadRow w, List<Result> results, long now) {
        PreparedBatch meta = WorkloadStore.artifactBatch(h);
        PreparedBatch content = WorkloadStore.artifactContentBatch(h);
        for (Result r : results) {
            Artifact artifact = new Artifact(Ids.next("art"), w.id(), r.slot(), r.kind(), r.name(), r.mediaType(),
                    r.content().length, Hashing.sha256Hex(r.content()), SimulationScript.SITE, Instant.ofEpochMilli(now));
            WorkloadStore.addArtifact(meta, content, w.tenantId(), artifact, r.content());
        }
        meta.execute();
        content.execute();
    }
}
