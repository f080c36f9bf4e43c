package eu.aifactory.server.seed;

import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.ParameterSpec;
import eu.aifactory.api.catalog.Pricing;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.api.workload.Artifact;
import eu.aifactory.api.workload.Priority;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.server.admin.AdminStore;
import eu.aifactory.server.catalog.AppHit;
import eu.aifactory.server.catalog.AppSearch;
import eu.aifactory.server.catalog.AppSort;
import eu.aifactory.server.catalog.CatalogStore;
import eu.aifactory.server.catalog.ParameterValidator;
import eu.aifactory.server.db.RawBatch;
import eu.aifactory.server.db.Transactions;
import eu.aifactory.server.energy.model.PowerModel;
import eu.aifactory.server.exec.Engine;
import eu.aifactory.server.exec.SimulationScript;
import eu.aifactory.server.residency.ResidencyStore;
import eu.aifactory.server.tenant.TenantStore;
import eu.aifactory.server.tenant.Tokens;
import eu.aifactory.server.util.Hashing;
import eu.aifactory.server.util.Ids;
import eu.aifactory.server.workload.WorkloadRow;
import eu.aifactory.server.workload.WorkloadStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo: tenants, projects and users from {@code tenants.json}, one API token per user derived from the
 * installation secret, and about 90 days of finished workload history per tenant with per-minute power samples,
 * log lines and result files. Deterministic: a fixed random seed per tenant, and the history ends at midnight (Munich
 * time) of the day it is seeded.
 */
public final class DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
    private static final long MINUTE = 60_000;
    private static final long DAY = 24 * 3600 * 1000L;
    private static final int HISTORY_DAYS = 90;
    /** Long runs move to the version's largest plan, as customers do; this and a cap keep the seed quick to write. */
    private static final long LONG_RUN_MS = 4 * 3600 * 1000L;
    private static final long MAX_HISTORY_RUN_MS = 8 * 3600 * 1000L;
    private static final int WORKLOADS_PER_USER = 45;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    // Run names are stored once, as their users would have typed them: the demo tenants are German companies.
    private static final List<String> RUN_LABELS = List.of("Linie 1", "Linie 2", "Linie 3", "Nachtschicht", "Frühschicht",
            "Pilotlos", "Kundenaudit", "Wiederholung", "Referenzlauf", "Werk Bremen", "Werk Ulm");

    private final TenantStore tenants;
    private final AdminStore admin;
    private final CatalogStore catalog;
    private final ResidencyStore residency;
    private final Transactions transactions;
    private final WorkloadStore workloads;
    private final Clock clock;
    private final int referenceGpus;

    public DemoSeeder(TenantStore tenants, AdminStore admin, CatalogStore catalog, WorkloadStore workloads,
                      ResidencyStore residency, Transactions transactions, Clock clock, int referenceGpus) {
        this.tenants = tenants;
        this.admin = admin;
        this.residency = residency;
        this.transactions = transactions;
        this.catalog = catalog;
        this.workloads = workloads;
        this.clock = clock;
        this.referenceGpus = referenceGpus;
    }

    /** Seeds tenants, users, tokens and history; call only on a database without tenants. */
    public void seed(List<SeedSource.SeedTenant> seedTenants, byte[] installSecret) {
        long started = System.nanoTime();
        // History ends at today's midnight in Munich, so two installations seeded on the same day get the same data.
        long until = Instant.ofEpochMilli(clock.millis()).atZone(BERLIN).truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                .toInstant().toEpochMilli();
        int total = 0;
        for (SeedSource.SeedTenant tenant : seedTenants) {
            int count = WORKLOADS_PER_USER * tenant.users().size();
            total += transactions.inTransaction(h -> {
                tenants.createTenant(h, tenant.id(), tenant.name());
                for (SeedSource.SeedProject project : tenant.projects()) {
                    admin.createProject(h, project.id(), tenant.id(), project.name());
                }
                for (SeedSource.SeedUser user : tenant.users()) {
                    admin.createUser(h, user.id(), tenant.id(), user.name(), user.email(), List.of(user.role()),
                            user.projects(), clock.millis());
                    tenants.addToken(h, user.id(), Tokens.derived(installSecret, user.id()));
                }
                return history(h, tenant, count, until);
            });
        }
        catalog.refreshPopularity(clock.millis() - HISTORY_DAYS * DAY);
        new ResidencySeeder(residency, transactions).seed(seedTenants, until);
        LOG.info("Demo data seeded: {} tenants, {} historical workloads in {} ms", seedTenants.size(), total,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The demo users that exist in the database, each with their token (re-issued if its hash went missing). */
    public List<DemoUser> demoUsers(List<SeedSource.SeedTenant> seedTenants, byte[] installSecret) {
        List<DemoUser> users = new ArrayList<>();
        for (SeedSource.SeedTenant tenant : seedTenants) {
            if (tenants.tenant(tenant.id()).isEmpty()) {
                continue;
            }
            for (SeedSource.SeedUser user : tenant.users()) {
                if (tenants.user(user.id()).isEmpty()) {
                    continue;
                }
                String token = Tokens.derived(installSecret, user.id());
                if (!tenants.hasToken(token)) {
                    transactions.useTransaction(h -> tenants.addToken(h, user.id(), token));
                }
                users.add(new DemoUser(tenant.id(), tenant.name(), user.id(), user.name(), user.email(), user.role(), token));
            }
        }
        return users;
    }

    private record Transition(String workloadId, String projectId, WorkloadStatus status, String reason, long at) {
    }

    private int history(Handle h, SeedSource.SeedTenant tenant, int count, long until) {
        Random random = new Random(0x5eedL * 31 + tenant.id().hashCode());
        List<AppDetail> apps = new ArrayList<>();
        for (AppDetail app : catalogApps()) {
            // Each tenant favours some applications, as real customers do.
            int weight = 1 + random.nextInt(4) * random.nextInt(3);
            for (int i = 0; i < weight; i++) {
                apps.add(app);
            }
        }
        if (apps.isEmpty() || tenant.projects().isEmpty()) {
            return 0;
        }
        List<Long> createdTimes = new ArrayList<>();
        while (createdTimes.size() < count) {
            long at = until - HISTORY_DAYS * DAY + (long) (random.nextDouble() * (HISTORY_DAYS * DAY - 2 * 3600_000L));
            ZonedDateTime local = Instant.ofEpochMilli(at).atZone(BERLIN);
            boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean office = local.getHour() >= 6 && local.getHour() < 20;
            if ((weekend && random.nextInt(10) < 8) || (!office && random.nextInt(10) < 7)) {
                continue;
            }
            createdTimes.add(at);
        }
        createdTimes.sort(Comparator.naturalOrder());

        PreparedBatch rows = WorkloadStore.insertBatch(h);
        RawBatch logs = WorkloadStore.logBatch(h);
        RawBatch samples = WorkloadStore.sampleBatchWithProvenance(h);
        PreparedBatch artifactMeta = WorkloadStore.artifactBatch(h);
        PreparedBatch artifactContent = WorkloadStore.artifactContentBatch(h);
        List<Transition> transitions = new ArrayList<>();
        int written = 0;
        int serial = 0;
        for (long createdAt : createdTimes) {
            AppDetail app = apps.get(random.nextInt(apps.size()));
            AppVersion version = app.versions().size() > 1 && random.nextInt(5) == 0
                    ? app.versions().get(1 + random.nextInt(app.versions().size() - 1))
                    : app.versions().get(0);
            List<ResourcePlan> plans = version.planIds().stream().map(catalog::plan).flatMap(Optional::stream).toList();
            if (plans.isEmpty()) {
                continue;
            }
            ResourcePlan plan = plans.get(random.nextInt(plans.size()));
            long runtimeMs = runtimeMs(version, plan, random);
            if (runtimeMs > LONG_RUN_MS) {
                plan = plans.stream().max(Comparator.comparingInt(ResourcePlan::gpuCount)).orElse(plan);
                runtimeMs = Math.min(MAX_HISTORY_RUN_MS, runtimeMs(version, plan, random));
            }
            SeedSource.SeedProject project = tenant.projects().get(random.nextInt(tenant.projects().size()));
            SeedSource.SeedUser user = submitter(tenant, project.id(), random);
            long queueWait = (plan.gpuCount() >= 32 ? 30 + random.nextInt(150) : random.nextInt(20)) * MINUTE
                    + random.nextInt(60) * 1000L;
            long startedAt = createdAt + queueWait + SimulationScript.STARTUP_MS;
            int outcome = random.nextInt(100);
            long runMs = outcome < 5 ? Math.round(runtimeMs * (0.25 + 0.5 * random.nextDouble()))
                    : outcome < 9 ? Math.round(runtimeMs * (0.1 + 0.5 * random.nextDouble())) : runtimeMs;
            runMs = Math.max(MINUTE, runMs);
            long endedAt = startedAt + runMs;
            if (endedAt > until) {
                continue;
            }
            serial++;
            String id = Ids.next("wl", random);
            String name = app.summary().name().in(Locale.GERMAN) + " – " + label(createdAt, serial, random);
            Map<String, Object> parameters = parameters(version, random);
            WorkloadStatus status = outcome < 5 ? WorkloadStatus.FAILED
                    : outcome < 9 ? WorkloadStatus.CANCELLED : WorkloadStatus.SUCCEEDED;
            String failReason = status == WorkloadStatus.FAILED
                    ? SimulationScript.plannedFailure(id, name + "#fail", runtimeMs).map(Engine.PlannedFailure::reason)
                    .orElse("the run failed") : null;

            // Power samples, one per minute, and the running DCGM-style energy counter.
            long energyMj = 0;
            long minutes = runMs / MINUTE;
            for (long m = 1; m <= minutes; m++) {
                SimulationScript.Sample s = SimulationScript.sample(id, m, version.gpuUtilisation(), plan);
                energyMj += s.powerWatts() * MINUTE;
                WorkloadStore.addSample(samples, id, tenant.id(), startedAt + m * MINUTE, plan.gpuCount(), s.gpuUtilPercent(),
                        s.powerWatts(), energyMj, SimulationScript.provenance(plan));
            }
            long partial = runMs - minutes * MINUTE;
            if (partial > 0) {
                SimulationScript.Sample s = SimulationScript.sample(id, minutes + 1, version.gpuUtilisation(), plan);
                energyMj += s.powerWatts() * partial;
                WorkloadStore.addSample(samples, id, tenant.id(), startedAt + runMs, plan.gpuCount(), s.gpuUtilPercent(),
                        s.powerWatts(), energyMj, SimulationScript.provenance(plan));
            }

            long line = 0;
            for (String text : SimulationScript.startLines(app, version, plan, id, parameters, Map.of())) {
                WorkloadStore.addLog(logs, id, ++line, startedAt, text);
            }
            long totalMinutes = Math.max(1, runtimeMs / MINUTE);
            for (long m = SimulationScript.LOG_EVERY_MINUTES; m <= minutes; m += SimulationScript.LOG_EVERY_MINUTES) {
                WorkloadStore.addLog(logs, id, ++line, startedAt + m * MINUTE,
                        SimulationScript.progressLine(app, id, m, totalMinutes, plan, version.gpuUtilisation()));
            }
            String finalReason;
            if (status == WorkloadStatus.SUCCEEDED) {
                List<SimulationScript.ResultFile> files = SimulationScript.results(app, version, id, name, parameters);
                for (String text : SimulationScript.endLines(runMs, plan.gpuCount(),
                        files.stream().map(SimulationScript.ResultFile::name).toList())) {
                    WorkloadStore.addLog(logs, id, ++line, endedAt, text);
                }
                for (SimulationScript.ResultFile file : files) {
                    Artifact artifact = new Artifact(Ids.next("art", random), id, file.slot(), file.kind(), file.name(),
                            file.mediaType(), file.content().length, Hashing.sha256Hex(file.content()), SimulationScript.SITE,
                            Instant.ofEpochMilli(endedAt));
                    WorkloadStore.addArtifact(artifactMeta, artifactContent, tenant.id(), artifact, file.content());
                }
                finalReason = String.format(Locale.ROOT, "finished; %d result file%s written", files.size(),
                        files.size() == 1 ? "" : "s");
            } else if (status == WorkloadStatus.FAILED) {
                WorkloadStore.addLog(logs, id, ++line, endedAt, "ERROR: " + failReason);
                finalReason = failReason;
            } else {
                WorkloadStore.addLog(logs, id, ++line, endedAt, "stopped at the request of the user");
                finalReason = String.format(Locale.ROOT,
                        "cancelled on request after %d min of run time; charges stopped at the cancel", runMs / MINUTE);
            }

            long end = status == WorkloadStatus.CANCELLED ? endedAt + 5_000 : endedAt;
            BigDecimal cost = Pricing.costEur(plan, version, plan.gpuCount(), runMs);
            WorkloadRow row = new WorkloadRow(id, tenant.id(), project.id(), user.id(), user.name(), name, app.summary().id(),
                    version.version(), plan.id(), plan.gpuClass(), plan.gpuCount(), priority(random), parameters, Map.of(),
                    status, finalReason, createdAt, startedAt, end, runtimeMs / 1000, runMs,
                    status == WorkloadStatus.FAILED ? runMs : null, failReason, cost.setScale(4, RoundingMode.HALF_UP),
                    energyMj / 3_600_000L, energyMj, runMs / 1000 * plan.gpuCount(), line);
            WorkloadStore.addTo(rows, row);

            transitions.add(new Transition(id, project.id(), WorkloadStatus.QUEUED, "waiting for the scheduler", createdAt));
            transitions.add(new Transition(id, project.id(), WorkloadStatus.STARTING, SimulationScript.startingReason(plan),
                    startedAt - SimulationScript.STARTUP_MS));
            transitions.add(new Transition(id, project.id(), WorkloadStatus.RUNNING, SimulationScript.runningReason(plan),
                    startedAt));
            if (status == WorkloadStatus.CANCELLED) {
                transitions.add(new Transition(id, project.id(), WorkloadStatus.CANCELLING,
                        "stopping at the request of " + user.name(), endedAt));
            }
            transitions.add(new Transition(id, project.id(), status, finalReason, end));
            written++;
        }
        rows.execute();
        samples.close();
        logs.close();
        artifactMeta.execute();
        artifactContent.execute();
        transitions.sort(Comparator.comparingLong(Transition::at));
        PreparedBatch history = h.prepareBatch("INSERT INTO status_history (workload_id, status, reason, at) "
                + "VALUES (:w, :s, :r, :at)");
        PreparedBatch events = h.prepareBatch("INSERT INTO events (tenant_id, seq, project_id, workload_id, status, reason, at) "
                + "VALUES (:t, :seq, :p, :w, :s, :r, :at)");
        long seq = transitions.isEmpty() ? 0 : WorkloadStore.nextEventSeqs(h, tenant.id(), transitions.size());
        for (Transition t : transitions) {
            history.bind("w", t.workloadId()).bind("s", t.status().name()).bind("r", t.reason()).bind("at", t.at()).add();
            events.bind("t", tenant.id()).bind("seq", seq++).bind("p", t.projectId()).bind("w", t.workloadId())
                    .bind("s", t.status().name()).bind("r", t.reason()).bind("at", t.at()).add();
        }
        history.execute();
        events.execute();
        return written;
    }

    private List<AppDetail> catalogApps() {
        List<AppDetail> apps = new ArrayList<>();
        for (AppHit hit : catalog.search(new AppSearch(List.of(), null, null, null, null,
                AppSort.NAME, 10_000, null))) {
            catalog.cachedApp(hit.summary().id()).ifPresent(apps::add);
        }
        return apps;
    }

    private long runtimeMs(AppVersion version, ResourcePlan plan, Random random) {
        long base = PowerModel.runtimeSeconds(version.baseRuntimeMinutes(), referenceGpus, plan.gpuCount()) * 1000;
        return Math.max(2 * MINUTE, Math.round(base * (0.85 + 0.3 * random.nextDouble())));
    }

    private static SeedSource.SeedUser submitter(SeedSource.SeedTenant tenant, String projectId, Random random) {
        List<SeedSource.SeedUser> members = tenant.users().stream()
                .filter(u -> u.role() == Role.ENGINEER && u.projects().contains(projectId))
                .toList();
        if (members.isEmpty() || random.nextInt(10) == 0) {
            members = tenant.users().stream().filter(u -> u.role() == Role.TENANT_ADMIN).toList();
        }
        if (members.isEmpty()) {
            members = tenant.users();
        }
        return members.get(random.nextInt(members.size()));
    }

    private static String label(long createdAt, int serial, Random random) {
        int week = Instant.ofEpochMilli(createdAt).atZone(BERLIN).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return switch (random.nextInt(3)) {
            case 0 -> "KW " + week;
            case 1 -> RUN_LABELS.get(random.nextInt(RUN_LABELS.size()));
            default -> "Lauf " + serial;
        };
    }

    private static Priority priority(Random random) {
        int r = random.nextInt(20);
        return r == 0 ? Priority.HIGH : r == 1 ? Priority.LOW : Priority.NORMAL;
    }

    /** The version's defaults, with some numbers and choices varied within their allowed range. */
    private static Map<String, Object> parameters(AppVersion version, Random random) {
        Map<String, Object> values = new LinkedHashMap<>(ParameterValidator.withDefaults(version, Map.of()));
        for (ParameterSpec spec : version.parameters()) {
            boolean vary = random.nextInt(10) < 3 || !values.containsKey(spec.name());
            switch (spec.type()) {
                case INTEGER, NUMBER -> {
                    if (vary && spec.minimum() != null && spec.maximum() != null) {
                        double min = spec.minimum().doubleValue();
                        double max = spec.maximum().doubleValue();
                        double value = min + (max - min) * random.nextDouble();
                        values.put(spec.name(), spec.type() == eu.aifactory.api.catalog.ParameterType.INTEGER
                                ? (Object) Math.round(value)
                                : (Object) Math.max(min, Math.min(max,
                                        BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue())));
                    }
                }
                case ENUM -> {
                    if (vary && !spec.enumValues().isEmpty()) {
                        values.put(spec.name(), spec.enumValues().get(random.nextInt(spec.enumValues().size())));
                    }
                }
                case BOOLEAN -> {
                    if (vary) {
                        values.put(spec.name(), random.nextBoolean());
                    }
                }
                default -> { }
            }
        }
        return values;
    }
}
