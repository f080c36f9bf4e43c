package eu.aifactory.server.cli;

import eu.aifactory.api.tenant.Role;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.admin.AdminStore;
import eu.aifactory.server.db.Database;
import eu.aifactory.server.exec.slurm.SlurmSettings;
import eu.aifactory.server.tenant.OidcSettings;
import eu.aifactory.server.seed.DemoUser;
import eu.aifactory.server.tenant.TenantStore;
import eu.aifactory.server.tenant.Tokens;
import eu.aifactory.server.tls.SelfSignedCertificate;
import eu.aifactory.server.tls.TlsException;
import eu.aifactory.server.tls.TlsIdentity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code serve}: runs the reference factory until Ctrl+C. With {@code --demo} it seeds demo tenants into an empty
 * database and lists the demo users; with {@code --print-tokens} too, each line ends in the user's token, the one place
 * demo tokens are printed. On an interface other than loopback it serves HTTPS (the operator's certificate, or one it
 * makes for itself) unless told {@code --insecure-http}. Subcommands manage tenants, users and tokens of a database
 * directly.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the reference AI factory (HTTP API, database, simulated executor or Slurm).",
        subcommands = {ServeCommand.CreateTenant.class, ServeCommand.CreateUser.class, ServeCommand.CreateToken.class,
                RotateKeysCommand.class, PublishReleaseCommand.class, OperatorTokenCommand.class})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "18080", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--db", description = "JDBC URL of the database (H2 or PostgreSQL). Default: an H2 file in --data-dir. "
            + "H2 runs with WRITE_DELAY=0 and PostgreSQL with synchronous_commit on, so an answered write survives a crash.")
    String db;

    @Option(names = "--data-dir", description = "Directory for the H2 database and the install secret. Default: the user's data directory.")
    Path dataDir;

    @Option(names = "--demo", description = "Seed demo tenants, users and 90 days of history into an empty database.")
    boolean demo;

    @Option(names = "--time-scale", description = "How much faster than real time simulated work runs (default: "
            + ServerConfig.DEMO_PACE + " with --demo, so a four-hour run takes two minutes; else 1).")
    Double timeScale;

    @Option(names = "--max-event-streams", defaultValue = "" + ServerConfig.DEFAULT_MAX_EVENT_STREAMS,
            description = "How many /v1/events streams to serve at once, of all users together (default: ${DEFAULT-VALUE}).")
    int maxEventStreams;

    @Option(names = "--engine", defaultValue = "simulated",
            description = "What runs the workloads: simulated or slurm (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--slurmrestd", description = "With --engine slurm: slurmrestd's URL, e.g. http://127.0.0.1:6820.")
    java.net.URI slurmrestd;

    @Option(names = "--slurm-user", description = "With --engine slurm: the Slurm user jobs are submitted as.")
    String slurmUser;

    @Option(names = "--slurm-jwt-file", description = "With --engine slurm: file holding the user's JWT "
            + "(scontrol token). Default: the environment variable named by --slurm-jwt-env.")
    Path slurmJwtFile;

    @Option(names = "--slurm-jwt-env", defaultValue = "SLURM_JWT",
            description = "Environment variable holding the JWT when no --slurm-jwt-file is given (default: ${DEFAULT-VALUE}).")
    String slurmJwtEnv;

    @Option(names = "--slurm-job-dir", description = "With --engine slurm: where each workload gets its job directory; "
            + "the nodes must see it at the same path. Default: slurm-jobs in --data-dir.")
    Path slurmJobDir;

    @Option(names = "--slurm-gres-type", description = "With --engine slurm: the GPU type in --gres=gpu:TYPE:N. "
            + "Default: the plan's GPU class (e.g. b200).")
    String slurmGresType;

    @Option(names = "--slurm-app-command", description = "With --engine slurm: APP=COMMAND, the shell command an app's "
            + "jobs run instead of the built-in reference program (repeatable).")
    java.util.Map<String, String> slurmAppCommands = new java.util.LinkedHashMap<>();

    @Option(names = "--tls-cert", description = "PEM file with the factory's TLS certificate chain, its own certificate "
            + "first (with --tls-key). Without both, a factory on an interface other than loopback makes a self-signed "
            + "certificate in --data-dir once and prints its SHA-256 fingerprint at each start.")
    Path tlsCert;

    @Option(names = "--tls-key", description = "PEM file with the certificate's private key (PKCS#8, unencrypted).")
    Path tlsKey;

    @Option(names = "--insecure-http", description = "Serve plain HTTP on an interface other than loopback, e.g. behind "
            + "a TLS proxy. Tokens cross the network in clear text between the two.")
    boolean insecureHttp;

    @Option(names = "--print-tokens", description = "With --demo: print each demo user's API token (anyone who sees "
            + "the output can sign in as them, administrators included).")
    boolean printTokens;

    @Option(names = "--oidc-issuer", description = "Single sign-on: also accept access tokens of this OpenID Connect "
            + "issuer, e.g. https://login.example.com/realms/acme (its /.well-known/openid-configuration names the keys).")
    java.net.URI oidcIssuer;

    @Option(names = "--oidc-audience", description = "With --oidc-issuer: the audience (aud) access tokens must carry, "
            + "the factory's name at the provider.")
    String oidcAudience;

    @Option(names = "--oidc-client-id", description = "With --oidc-issuer: the public client the portal signs in with "
            + "(authorization code + PKCE).")
    String oidcClientId;

    @Option(names = "--oidc-tenant-claim", defaultValue = OidcSettings.DEFAULT_TENANT_CLAIM,
            description = "With --oidc-issuer: the claim holding the factory tenant id (default: ${DEFAULT-VALUE}).")
    String oidcTenantClaim;

    @Option(names = "--oidc-role-claim", description = "With --oidc-issuer: the claim (dotted path, e.g. "
            + "realm_access.roles) listing tenant-admin, account-manager or engineer. Default: roles kept in the factory.")
    String oidcRoleClaim;

    @Option(names = "--oidc-clock-skew", defaultValue = "30",
            description = "With --oidc-issuer: seconds the provider's clock may be off (default: ${DEFAULT-VALUE}).")
    long oidcClockSkewSeconds;

    @Option(names = "--rate-per-token", paramLabel = "PER_SECOND[/BURST]", defaultValue = "200/1000",
            description = "Requests one API token may make per second, and at once after a quiet spell "
                    + "(default: ${DEFAULT-VALUE}); beyond that 429 with Retry-After.")
    String ratePerToken;

    @Option(names = "--rate-per-address", paramLabel = "PER_SECOND[/BURST]", defaultValue = "500/2000",
            description = "Requests one client address may make per second, and at once (default: ${DEFAULT-VALUE}).")
    String ratePerAddress;

    @Option(names = "--max-concurrent-per-token", defaultValue = "32",
            description = "Requests of one token in progress at once (default: ${DEFAULT-VALUE}).")
    int maxConcurrentPerToken;

    @Option(names = "--max-body-bytes", defaultValue = "" + eu.aifactory.server.http.Http.MAX_BODY_BYTES,
            description = "Largest JSON request body, 1024..1048576 bytes (default: ${DEFAULT-VALUE}); beyond it 413.")
    long maxBodyBytes;

    @Option(names = "--free-sign-in-failures", defaultValue = "10",
            description = "Failed sign-ins an address may have before its sign-ins are paused, 1 s at first, doubling "
                    + "with each further failure up to 5 min (default: ${DEFAULT-VALUE}).")
    int freeSignInFailures;

    Path dataDir() {
        return dataDir != null ? dataDir : DataDirs.factoryDataDir();
    }

    String jdbcUrl() {
        return db != null ? db : ServerConfig.h2FileUrl(dataDir());
    }

    /** The abuse limits of the options; a bad value is the user's error, said in the option's name. */
    eu.aifactory.server.guard.AbuseLimits limits() {
        double[] token = rate("--rate-per-token", ratePerToken);
        double[] address = rate("--rate-per-address", ratePerAddress);
        try {
            return eu.aifactory.server.guard.AbuseLimits.DEFAULTS.withTokenRate(token[0], (int) token[1])
                    .withAddressRate(address[0], (int) address[1]).withConcurrentPerToken(maxConcurrentPerToken)
                    .withMaxBodyBytes(maxBodyBytes).withFreeFailures(freeSignInFailures);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Abuse limits: " + e.getMessage());
        }
    }

    /** PER_SECOND or PER_SECOND/BURST; without a burst, five seconds' worth. */
    private double[] rate(String option, String value) {
        String[] parts = value.split("/", 2);
        try {
            double perSecond = Double.parseDouble(parts[0].trim());
            double burst = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : Math.max(1, Math.ceil(perSecond * 5));
            if (!(perSecond > 0) || Double.isInfinite(perSecond) || burst < 1) {
                throw new NumberFormatException();
            }
            return new double[] {perSecond, burst};
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    option + " must be PER_SECOND or PER_SECOND/BURST with positive numbers, was " + value);
        }
    }

    /** What happens once the server runs and the demo users are printed; tests replace the wait for Ctrl+C. */
    Consumer<FactoryServer> awaitShutdown = ServeCommand::blockUntilShutdown;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        double scale = timeScale != null ? timeScale : demo ? ServerConfig.DEMO_PACE : 1;
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--time-scale must be a positive number");
        }
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0..65535");
        }
        if (maxEventStreams < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-event-streams must be at least 1");
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together");
        }
        if (insecureHttp && tlsCert != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--insecure-http and --tls-cert exclude each other");
        }
        if (printTokens && !demo) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--print-tokens needs --demo");
        }
        SlurmSettings slurm = slurmSettings();
        OidcSettings oidc = oidcSettings();
        ServerConfig config;
        FactoryServer server;
        try {
            config = new ServerConfig(host, port, jdbcUrl(), dataDir(), demo, scale, maxEventStreams, slurm, oidc,
                    tls(out), insecureHttp, limits());
            server = FactoryServer.start(config);
        } catch (TlsException e) {
            spec.commandLine().getErr().println("The factory did not start: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("The factory did not start: " + rootMessage(e));
            return 1;
        }
        if (config.tls() != null) {
            out.println("TLS certificate SHA-256 fingerprint: " + config.tls().fingerprint());
        }
        out.println("AI factory listening on " + server.baseUri() + "  (Ctrl+C stops it)");
        if (!server.demoUsers().isEmpty()) {
            out.println(printTokens ? "Demo users (tenant user role token):"
                    : "Demo users (tenant user role; --print-tokens prints their tokens):");
            for (DemoUser user : server.demoUsers()) {
                out.println(user.tenantId() + " " + user.userId() + " " + user.role().wire()
                        + (printTokens ? " " + user.token() : ""));
            }
        }
        if (printTokens) {
            server.demoOperatorToken().ifPresent(token -> out.println("Demo operator token (for the operator command): " + token));
        }
        out.flush();
        awaitShutdown.accept(server);
        return 0;
    }

    /**
     * The certificate to serve HTTPS with: the operator's, or on an interface other than loopback without
     * {@code --insecure-http} the self-signed one in {@code <data-dir>/tls}, made on first start; null for plain HTTP.
     */
    private TlsIdentity tls(PrintWriter out) {
        if (tlsCert != null) {
            return TlsIdentity.load(tlsCert, tlsKey);
        }
        if (insecureHttp || ServerConfig.isLoopback(host)) {
            return null;
        }
        Path dir = dataDir().resolve("tls");
        SelfSignedCertificate.Loaded loaded = SelfSignedCertificate.loadOrCreate(dir, host, Clock.systemUTC());
        if (loaded.created()) {
            out.println("Made a self-signed TLS certificate in " + dir + "; clients pin it on first use after "
                    + "comparing its fingerprint");
        }
        return loaded.identity();
    }

    /** The Slurm engine's settings, or null for the simulated engine. The JWT never passes the command line. */
    private SlurmSettings slurmSettings() {
        if ("simulated".equals(engine)) {
            return null;
        }
        if (!"slurm".equals(engine)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--engine must be simulated or slurm");
        }
        if (slurmrestd == null || slurmUser == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--engine slurm needs --slurmrestd URL and --slurm-user NAME");
        }
        SlurmSettings.Token token = slurmJwtFile != null
                ? SlurmSettings.Token.fromFile(slurmJwtFile)
                : SlurmSettings.Token.fromEnvironment(slurmJwtEnv);
        Path jobDir = slurmJobDir != null ? slurmJobDir : dataDir().resolve("slurm-jobs");
        try {
            return new SlurmSettings(slurmrestd, slurmUser, token, jobDir.toAbsolutePath(), slurmGresType)
                    .withAppCommands(slurmAppCommands);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Single sign-on settings, or null without --oidc-issuer. */
    OidcSettings oidcSettings() {
        if (oidcIssuer == null) {
            return null;
        }
        if (oidcAudience == null || oidcClientId == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--oidc-issuer needs --oidc-audience NAME and --oidc-client-id NAME");
        }
        try {
            return new OidcSettings(oidcIssuer, oidcAudience, oidcClientId, oidcTenantClaim, oidcRoleClaim,
                    java.time.Duration.ofSeconds(oidcClockSkewSeconds));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static void blockUntilShutdown(FactoryServer server) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "factory-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
    }

    /** Opens the database of the parent command's options for a management subcommand. */
    private static <T> T withStore(ServeCommand parent, java.util.function.BiFunction<Database, TenantStore, T> action) {
        try (Database database = Database.open(parent.jdbcUrl())) {
            return action.apply(database, new TenantStore(database.jdbi(), Clock.systemUTC()));
        }
    }

    static String slug(String name) {
        String s = java.text.Normalizer.normalize(name.toLowerCase(Locale.ROOT).replace("ß", "ss"), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "x" : s.length() > 48 ? s.substring(0, 48) : s;
    }

    @Command(name = "create-tenant", mixinStandardHelpOptions = true, description = "Create a tenant; prints its id.")
    static final class CreateTenant implements Callable<Integer> {
        @ParentCommand
        ServeCommand parent;
        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true, description = "Display name, e.g. 'Müller Präzisionsteile GmbH'.")
        String name;

        @Option(names = "--id", description = "Tenant id (default: derived from the name).")
        String id;

        @Override
        public Integer call() {
            String tenantId = id != null ? id : slug(name);
            withStore(parent, (database, store) -> {
                database.transactions().useTransaction(h -> store.createTenant(h, tenantId, name));
                return null;
            });
            spec.commandLine().getOut().println(tenantId);
            return 0;
        }
    }

    @Command(name = "create-user", mixinStandardHelpOptions = true,
            description = "Create a user in a tenant; projects that do not exist yet are created. Prints the user id.")
    static final class CreateUser implements Callable<Integer> {
        @ParentCommand
        ServeCommand parent;
        @Spec
        CommandSpec spec;

        @Option(names = "--tenant", required = true, description = "Tenant id.")
        String tenant;

        @Option(names = "--name", required = true, description = "Full name.")
        String name;

        @Option(names = "--email", required = true, description = "E-mail address.")
        String email;

        @Option(names = "--role", required = true, description = "engineer, account-manager or tenant-admin.")
        String role;

        @Option(names = "--project", description = "Project id or name the user belongs to (repeatable).")
        List<String> projects = new ArrayList<>();

        @Option(names = "--id", description = "User id (default: derived from the name).")
        String id;

        @Override
        public Integer call() {
            Role parsedRole;
            try {
                parsedRole = Role.fromWire(role);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--role must be engineer, account-manager or tenant-admin");
            }
            String userId = id != null ? id : slug(tenant + "-" + name);
            PrintWriter out = spec.commandLine().getOut();
            String result = withStore(parent, (database, store) -> {
                if (store.tenant(tenant).isEmpty()) {
                    return "unknown tenant " + tenant;
                }
                AdminStore admin = new AdminStore(database.jdbi());
                database.transactions().useTransaction(h -> {
                    List<String> projectIds = new ArrayList<>();
                    for (String project : projects) {
                        String projectId = store.projects(tenant).stream()
                                .filter(p -> p.id().equals(project) || p.name().equals(project))
                                .map(p -> p.id()).findFirst().orElse(null);
                        if (projectId == null) {
                            projectId = slug(tenant + "-" + project);
                            admin.createProject(h, projectId, tenant, project);
                            out.println("created project " + projectId);
                        }
                        projectIds.add(projectId);
                    }
                    admin.createUser(h, userId, tenant, name, email, List.of(parsedRole), projectIds,
                            Clock.systemUTC().millis());
                });
                return null;
            });
            if (result != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), result);
            }
            out.println(userId);
            return 0;
        }
    }

    @Command(name = "create-token", mixinStandardHelpOptions = true,
            description = "Issue a new API token for a user. The token is printed once and stored only as a hash.")
    static final class CreateToken implements Callable<Integer> {
        @ParentCommand
        ServeCommand parent;
        @Spec
        CommandSpec spec;

        @Option(names = "--user", required = true, description = "User id.")
        String user;

        @Override
        public Integer call() {
            String token = Tokens.random();
            boolean known = withStore(parent, (database, store) -> {
                if (store.user(user).isEmpty()) {
                    return false;
                }
                database.transactions().useTransaction(h -> store.addToken(h, user, token));
                return true;
            });
            if (!known) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown user " + user);
            }
            spec.commandLine().getOut().println(token);
            return 0;
        }
    }
}
