package eu.aifactory.server;

import eu.aifactory.server.admin.AdminRoutes;
import eu.aifactory.server.admin.AdminService;
import eu.aifactory.server.admin.AdminStore;
import eu.aifactory.server.audit.AuditRoutes;
import eu.aifactory.server.audit.AuditService;
import eu.aifactory.server.audit.AuditStore;
import eu.aifactory.server.catalog.CatalogRoutes;
import eu.aifactory.server.catalog.CatalogService;
import eu.aifactory.server.catalog.CatalogStore;
import eu.aifactory.server.dataset.DatasetRoutes;
import eu.aifactory.server.dataset.DatasetService;
import eu.aifactory.server.dataset.DatasetStore;
import eu.aifactory.server.db.Database;
import eu.aifactory.server.db.DemoSnapshot;
import eu.aifactory.server.db.Transactions;
import eu.aifactory.server.energy.EnergyRoutes;
import eu.aifactory.server.energy.EnergyService;
import eu.aifactory.server.energy.SignedReceipts;
import eu.aifactory.server.energy.EnergyStore;
import eu.aifactory.server.energy.model.EnergyFactors;
import eu.aifactory.server.exec.Engine;
import eu.aifactory.server.exec.sim.SimulatedEngine;
import eu.aifactory.server.exec.slurm.SlurmEngine;
import eu.aifactory.server.exec.slurm.SlurmJobStore;
import eu.aifactory.server.guard.Guard;
import eu.aifactory.server.http.FactoryApi;
import eu.aifactory.server.http.HealthRoutes;
import eu.aifactory.server.operator.AccessApprovalService;
import eu.aifactory.server.operator.AccessRequestRoutes;
import eu.aifactory.server.operator.OperatorAuth;
import eu.aifactory.server.operator.OperatorRoutes;
import eu.aifactory.server.operator.OperatorStore;
import eu.aifactory.server.operator.OperatorTokens;
import eu.aifactory.server.residency.DownloadLog;
import eu.aifactory.server.residency.OperatorAccessLog;
import eu.aifactory.server.residency.ReplicationJob;
import eu.aifactory.server.residency.ResidencyReportService;
import eu.aifactory.server.release.PortalReleaseRoutes;
import eu.aifactory.server.release.PortalReleases;
import eu.aifactory.server.residency.ResidencyRoutes;
import eu.aifactory.server.residency.ResidencyStore;
import eu.aifactory.server.seed.AccessRequestSeeder;
import eu.aifactory.server.seed.DemoBudgets;
import eu.aifactory.server.seed.DemoDatasets;
import eu.aifactory.server.seed.DemoSeeder;
import eu.aifactory.server.seed.DemoUser;
import eu.aifactory.server.seed.InstallSecret;
import eu.aifactory.server.seed.SeedSource;
import eu.aifactory.server.signing.SigningKeyStore;
import eu.aifactory.server.transparency.TransparencyRoutes;
import eu.aifactory.server.transparency.TransparencyService;
import eu.aifactory.server.transparency.TransparencyStore;
import eu.aifactory.server.util.StartPhases;
import eu.aifactory.server.tenant.Auth;
import eu.aifactory.server.tenant.OidcVerifier;
import eu.aifactory.server.tenant.SignInRoutes;
import eu.aifactory.server.tenant.TenantRoutes;
import eu.aifactory.server.tenant.TenantService;
import eu.aifactory.server.tenant.TenantStore;
import eu.aifactory.server.usage.BudgetLedger;
import eu.aifactory.server.usage.BudgetService;
import eu.aifactory.server.usage.BudgetStore;
import eu.aifactory.server.usage.LedgerStore;
import eu.aifactory.server.usage.UsageRoutes;
import eu.aifactory.server.usage.UsageService;
import eu.aifactory.server.workload.EstimateService;
import eu.aifactory.server.workload.EventHub;
import eu.aifactory.server.workload.EventStream;
import eu.aifactory.server.workload.WorkloadQueries;
import eu.aifactory.server.workload.WorkloadRoutes;
import eu.aifactory.server.workload.WorkloadService;
import eu.aifactory.server.workload.WorkloadStore;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference AI factory: HTTP API, database, and a simulated executor or Slurm. Start it with {@link #start(ServerConfig)}; it
 * migrates the database, loads the catalog into an empty one, seeds demo data when asked and the database has no
 * tenants, resumes unfinished work and listens.
 */
public final class FactoryServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FactoryServer.class);
    static final long KEEP_ALIVE_MS = 15_000;

    private final Database database;
    private final EventHub events;
    private final Engine executor;
    private final Javalin http;
    private final String host;
    private final boolean https;
    private final List<DemoUser> demoUsers;
    private final SigningKeyStore signingKeys;
    private final ReplicationJob replication;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The demo operator's token when the demo database has that operator, else null. */
    private String demoOperatorToken;
    /** The dataset directory of a factory without a data directory: temporary, removed on close. */
    private Path scratch;
    /** The demo state a kiosk returns to after each visitor, once {@link #snapshotDemo()} took it. */
    private volatile DemoSnapshot demoSnapshot;
    private volatile java.util.Map<String, Long> restoredRowCounts = java.util.Map.of();

    private FactoryServer(Database database, EventHub events, Engine executor, Javalin http, String host, boolean https,
                          List<DemoUser> demoUsers, SigningKeyStore signingKeys, ReplicationJob replication) {
        this.database = database;
        this.events = events;
        this.executor = executor;
        this.http = http;
        this.host = host;
        this.https = https;
        this.demoUsers = List.copyOf(demoUsers);
        this.signingKeys = signingKeys;
        this.replication = replication;
    }

    public static FactoryServer start(ServerConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static FactoryServer start(ServerConfig config, Clock clock) {
        return start(config, SeedSource.bundled(), KEEP_ALIVE_MS, clock);
    }

    /** Starts with other seed files (test fixtures) and another SSE keep-alive interval. */
    public static FactoryServer start(ServerConfig config, SeedSource seeds, long keepAliveMs) {
        return start(config, seeds, keepAliveMs, Clock.systemUTC());
    }

    /**
     * Starts on {@code clock}: seeded history, budgets for "this month", timestamps and simulated progress all read
     * it, so a factory under test started on a clock that begins at a fixed instant gives the same answers on any day.
     */
    public static FactoryServer start(ServerConfig config, SeedSource seeds, long keepAliveMs, Clock clock) {
        StartPhases phases = new StartPhases(System::nanoTime);
        Database database = Database.open(config.jdbcUrl());
        phases.mark("database");
        EventHub events = null;
        Engine executor = null;
        ReplicationJob replication = null;
        Path scratch = null;
        try {
            Transactions transactions = database.transactions();
            TenantStore tenantStore = new TenantStore(database.jdbi(), clock);
            CatalogStore catalogStore = new CatalogStore(database.jdbi());
            WorkloadStore workloads = new WorkloadStore(database.jdbi(), database.groupCommit());
            AdminStore adminStore = new AdminStore(database.jdbi());
            if (catalogStore.isEmpty()) {
                // The catalog and plans are the factory's offer, not demo data: a factory without them is useless.
                catalogStore.load(seeds.plans(), seeds.catalog());
            }
            TenantService tenants = new TenantService(tenantStore, clock);
            CatalogService catalog = new CatalogService(catalogStore);
            phases.mark("catalog");
            SigningKeyStore signingKeys = signingKeys(config, clock);
            phases.mark("signing key");
            EnergyFactors factors = new EnergyStore(database.jdbi()).factors();
            int referenceGpus = factors.value(EnergyFactors.REFERENCE_GPUS).intValue();
            List<DemoUser> demoUsers = List.of();
            List<SeedSource.SeedTenant> demoTenants = List.of();
            boolean firstSeed = false;
            OperatorStore operatorStore = new OperatorStore(database.jdbi());
            String demoOperatorToken = null;
            if (config.demo()) {
                byte[] secret = InstallSecret.load(config.dataDir());
                DemoSeeder seeder = new DemoSeeder(tenantStore, adminStore, catalogStore, workloads,
                        new ResidencyStore(database.jdbi()), transactions, clock, referenceGpus);
                List<SeedSource.SeedTenant> seedTenants = seeds.tenants();
                if (tenantStore.countTenants() == 0) {
                    seeder.seed(seedTenants, secret);
                    new AccessRequestSeeder(operatorStore, new ResidencyStore(database.jdbi()), transactions)
                            .seed(seedTenants.get(0), secret, clock.millis());
                    firstSeed = true;
                }
                String operatorToken = OperatorTokens.derived(secret, AccessRequestSeeder.DEMO_OPERATOR);
                if (operatorStore.tokenByHash(OperatorTokens.hash(operatorToken)).isPresent()) {
                    demoOperatorToken = operatorToken;
                }
                demoTenants = seedTenants;
                demoUsers = seeder.demoUsers(seedTenants, secret);
                phases.mark(firstSeed ? "demo seed" : "demo users");
            }
            events = new EventHub(workloads, clock);
            events.start();
            BudgetStore budgetStore = new BudgetStore(database.jdbi());
            Path datasetDir;
            if (config.dataDir() != null) {
                datasetDir = datasetDir(config.dataDir());
            } else {
                scratch = scratchDir();
                datasetDir = scratch;
            }
            DatasetService datasets = new DatasetService(new DatasetStore(database.jdbi()), tenants, datasetDir, clock);
            new DemoDatasets(datasets).seed(demoTenants);
            phases.mark("datasets");
            executor = config.slurm() == null
                    ? new SimulatedEngine(workloads, transactions, catalog, clock, config.timeScale(), budgetStore::allQuotas)
                    : SlurmEngine.connect(config.slurm(), workloads, new SlurmJobStore(database.jdbi()), transactions,
                            database.groupCommit(), catalog, datasets, clock);
            WorkloadQueries queries = new WorkloadQueries(workloads);
            EnergyService energy = new EnergyService(new EnergyStore(database.jdbi()), queries, catalog, clock);
            BudgetLedger ledger = new BudgetLedger(new LedgerStore(database.jdbi()), transactions,
                    new EnergyStore(database.jdbi()), catalog);
            workloads.onChange(ledger::changed);
            phases.mark("engine");
            ledger.backfill();
            phases.mark("ledger");
            AuditService audit = new AuditService(new AuditStore(database.jdbi()), transactions, tenants, clock);
            AdminService admin = new AdminService(adminStore, transactions, clock, audit);
            BudgetService budgets = new BudgetService(budgetStore, transactions, admin, catalog, ledger, clock, audit);
            WorkloadService workloadService = new WorkloadService(catalog, tenants, workloads, transactions, executor,
                    factors, clock, budgets, audit);
            if (!demoTenants.isEmpty()) {
                new DemoBudgets(tenantStore, budgetStore, transactions, budgets, clock).seed(demoTenants, catalog.plans(), firstSeed);
                phases.mark("budgets");
            }
            EstimateService estimates = new EstimateService(workloadService, workloads, catalog, factors);
            ResidencyStore residencyStore = new ResidencyStore(database.jdbi());
            replication = new ReplicationJob(residencyStore, clock);
            replication.start();
            phases.mark("replication");
            TransparencyService transparency = new TransparencyService(new TransparencyStore(database.jdbi()), transactions,
                    signingKeys, clock);
            transparency.catchUpAll();
            phases.mark("transparency");
            AccessApprovalService approvals = new AccessApprovalService(operatorStore, transactions, tenants,
                    new OperatorAccessLog(residencyStore), clock);
            ResidencyReportService residency = new ResidencyReportService(residencyStore, tenants, signingKeys, transparency,
                    clock, approvals);
            Guard guard = new Guard(config.limits(), clock);
            Auth auth = new Auth(tenants, config.oidc() == null ? null : new OidcVerifier(config.oidc(), clock), clock,
                    List.of(guard, audit));
            EventStream eventStream = new EventStream(auth, events, queries, tenants, keepAliveMs, config.maxEventStreams());
            UsageService usage = new UsageService(energy, budgets, budgetStore, tenants, admin, catalog, clock);
            Javalin http = FactoryApi.create(List.of(
                    guard,
                    new HealthRoutes(database, version(), clock),
                    new TenantRoutes(auth),
                    new SignInRoutes(config.oidc()),
                    new CatalogRoutes(auth, catalog),
                    new WorkloadRoutes(auth, workloadService, queries, estimates),
                    eventStream,
                    new EnergyRoutes(auth, energy, new SignedReceipts(energy, signingKeys)),
                    new ResidencyRoutes(auth, residency, signingKeys, new DownloadLog(residencyStore, clock)),
                    new DatasetRoutes(auth, datasets),
                    new UsageRoutes(auth, usage, budgets),
                    new AdminRoutes(auth, admin, eventStream),
                    new AuditRoutes(auth, audit),
                    new PortalReleaseRoutes(PortalReleases.in(config.dataDir())),
                    new TransparencyRoutes(auth, transparency),
                    new AccessRequestRoutes(auth, approvals),
                    new OperatorRoutes(new OperatorAuth(operatorStore), approvals)), config.tls(), config.host(), config.port());
            if (config.tls() == null && !ServerConfig.isLoopback(config.host())) {
                LOG.warn("Plain HTTP on {} (--insecure-http): API tokens and everything else cross the network in clear "
                        + "text; serve HTTPS unless a TLS proxy in front of the factory does", config.host());
            }
            phases.mark("routes");
            http.start(config.host(), config.port());
            phases.mark("http");
            executor.start();
            phases.mark("engine start");
            FactoryServer server = new FactoryServer(database, events, executor, http, config.host(), config.tls() != null,
                    demoUsers, signingKeys, replication);
            server.scratch = scratch;
            if (config.tls() != null) {
                LOG.info("TLS certificate {}, SHA-256 fingerprint {}",
                        config.tls().certificate().getSubjectX500Principal().getName(), config.tls().fingerprint());
            }
            server.demoOperatorToken = demoOperatorToken;
            LOG.info("Factory listening on {} ({} database, {}, started in {} ms: {})", server.baseUri(),
                    database.product(), config.slurm() == null ? "simulated engine, time scale " + config.timeScale()
                            : "Slurm engine at " + config.slurm().restUrl(), phases.totalMillis(), phases);
            return server;
        } catch (RuntimeException e) {
            deleteTree(scratch);
            if (replication != null) {
                replication.close();
            }
            if (executor != null) {
                executor.close();
            }
            if (events != null) {
                events.close();
            }
            database.close();
            throw e;
        }
    }

    /** The build's version: from the jar manifest, else from Maven's pom.properties, else "dev". */
    static String version() {
        String version = FactoryServer.class.getPackage().getImplementationVersion();
        if (version != null) {
            return version;
        }
        try (java.io.InputStream in = FactoryServer.class.getResourceAsStream(
                "/META-INF/maven/eu.aifactory/tenant-portal/pom.properties")) {
            if (in != null) {
                java.util.Properties properties = new java.util.Properties();
                properties.load(in);
                return properties.getProperty("version", "dev");
            }
        } catch (java.io.IOException e) {
            LOG.debug("No pom.properties: {}", e.getMessage());
        }
        return "dev";
    }

    public int port() {
        return http.port();
    }

    /** The engine that runs the workloads (a test holds its passes to hand it several workloads at once). */
    public Engine engine() {
        return executor;
    }

    public URI baseUri() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        if ("0.0.0.0".equals(host) || "::".equals(host)) {
            h = "127.0.0.1";
        }
        return URI.create((https ? "https://" : "http://") + h + ":" + port());
    }

    public List<DemoUser> demoUsers() {
        return demoUsers;
    }

    /** The demo operator's token ({@code serve --demo} prints it), or empty without a demo operator. */
    public java.util.Optional<String> demoOperatorToken() {
        return java.util.Optional.ofNullable(demoOperatorToken);
    }

    /** The key that signs reports; {@code rotate()} on it takes effect at once for the running factory. */
    public SigningKeyStore signingKeys() {
        return signingKeys;
    }

    /**
     * The signing key lives in {@code <dataDir>/signing-keys}, outside the database and readable only by this
     * user; a factory without a data directory gets a fresh in-memory key.
     */
    private static SigningKeyStore signingKeys(ServerConfig config, Clock clock) {
        if (config.dataDir() == null) {
            return SigningKeyStore.inMemory(clock);
        }
        try {
            return SigningKeyStore.open(signingKeyDir(config.dataDir()), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the signing key store: " + e.getMessage(), e);
        }
    }

    /** Where the signing keys of a factory with data directory {@code dataDir} are kept. */
    public static Path signingKeyDir(Path dataDir) {
        return dataDir.resolve("signing-keys");
    }

    /** Where the uploaded datasets of a factory with data directory {@code dataDir} are kept. */
    public static Path datasetDir(Path dataDir) {
        return dataDir.resolve("datasets");
    }

    private static Path scratchDir() {
        try {
            return Files.createTempDirectory("factory-datasets");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a dataset directory: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", dir, e.getMessage());
        }
    }

    /**
     * Keeps the database as it is now (the engine paused meanwhile) for {@link #restoreDemo()}: a trade-fair kiosk
     * takes it at its start, while no visitor has touched anything yet. A snapshot kept in the database by an earlier
     * start of the same schema is used again, so a kiosk that was switched off mid-visit comes back seeded.
     */
    public void snapshotDemo() {
        executor.whilePaused(() -> demoSnapshot = DemoSnapshot.takeOrReuse(database.jdbi()));
    }

    /**
     * Puts the database back to the snapshot in one transaction while the engine waits between two passes; the
     * engine then reads its work afresh. Answers how many tables differed.
     */
    public int restoreDemo() {
        DemoSnapshot snapshot = demoSnapshot;
        if (snapshot == null) {
            throw new IllegalStateException("No demo snapshot was taken");
        }
        int[] changed = new int[1];
        executor.whilePaused(() -> {
            changed[0] = snapshot.restore();
            // Counted before the engine goes on: a run the demo keeps going writes samples right after.
            restoredRowCounts = snapshot.rowCounts();
        });
        return changed[0];
    }

    /** Row counts per table as the last {@link #restoreDemo()} left them, before the engine went on; empty before one. */
    public java.util.Map<String, Long> demoRowCountsAtRestore() {
        return restoredRowCounts;
    }

    /** Row counts per table now, to compare with the seeded state after a restore. */
    public java.util.Map<String, Long> demoRowCounts() {
        DemoSnapshot snapshot = demoSnapshot;
        if (snapshot == null) {
            throw new IllegalStateException("No demo snapshot was taken");
        }
        return snapshot.rowCounts();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // Event streams first, so Jetty is not left waiting for handlers that block on them.
        events.close();
        http.stop();
        executor.close();
        replication.close();
        database.close();
        deleteTree(scratch);
        LOG.info("Factory stopped");
    }
}
