package eu.aifactory.server;

import eu.aifactory.server.exec.slurm.SlurmSettings;
import eu.aifactory.server.guard.AbuseLimits;
import eu.aifactory.server.tenant.OidcSettings;
import eu.aifactory.server.tls.TlsIdentity;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.UUID;

/**
 * How a factory starts.
 *
 * @param host      interface to listen on; {@code 127.0.0.1} keeps it on this machine
 * @param port      TCP port; 0 picks a free one
 * @param jdbcUrl   any JDBC URL (H2 or PostgreSQL); credentials may be URL parameters
 * @param dataDir   where the install secret and the report-signing keys ({@code signing-keys/}) live; null for an
 *                  in-memory factory (a fresh secret and signing key per run)
 * @param demo      seed demo tenants, users and 90 days of history when the database has no tenants
 * @param timeScale how much faster than real time simulated work runs (600 = ten minutes per second)
 * @param maxEventStreams how many {@code /v1/events} streams the factory serves at once, of all users together
 * @param slurm     run workloads as Slurm jobs through slurmrestd; null: the simulated engine
 * @param oidc      also accept access tokens of this OpenID Connect provider; null: API tokens only
 * @param tls       the certificate and key to serve HTTPS with; null for plain HTTP
 * @param insecureHttp plain HTTP on an interface other than loopback, which tokens would cross in clear text
 * @param limits    rate, size and failed sign-in limits per caller ({@link AbuseLimits#DEFAULTS} unless set)
 */
public record ServerConfig(String host, int port, String jdbcUrl, Path dataDir, boolean demo, double timeScale,
                           int maxEventStreams, SlurmSettings slurm, OidcSettings oidc, TlsIdentity tls,
                           boolean insecureHttp, AbuseLimits limits) {

    /** Streams hold no thread, only a connection and a small queue: a few thousand fit one factory. */
    public static final int DEFAULT_MAX_EVENT_STREAMS = 2_000;

    public ServerConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("jdbcUrl must be a JDBC URL");
        }
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale must be a positive number, was " + timeScale);
        }
        if (maxEventStreams < 1) {
            throw new IllegalArgumentException("maxEventStreams must be at least 1, was " + maxEventStreams);
        }
        if (limits == null) {
            throw new IllegalArgumentException("limits are required");
        }
        if (tls == null && !insecureHttp && !isLoopback(host)) {
            throw new IllegalArgumentException("Plain HTTP on " + host + " would send tokens in clear text: serve HTTPS "
                    + "with a certificate (--tls-cert, --tls-key, or the self-signed one) or allow it with --insecure-http");
        }
    }

    public ServerConfig(String host, int port, String jdbcUrl, Path dataDir, boolean demo, double timeScale,
                        int maxEventStreams, SlurmSettings slurm, OidcSettings oidc) {
        this(host, port, jdbcUrl, dataDir, demo, timeScale, maxEventStreams, slurm, oidc, null, false, AbuseLimits.DEFAULTS);
    }

    public ServerConfig(String host, int port, String jdbcUrl, Path dataDir, boolean demo, double timeScale,
                        int maxEventStreams, SlurmSettings slurm) {
        this(host, port, jdbcUrl, dataDir, demo, timeScale, maxEventStreams, slurm, null);
    }

    public ServerConfig(String host, int port, String jdbcUrl, Path dataDir, boolean demo, double timeScale,
                        int maxEventStreams) {
        this(host, port, jdbcUrl, dataDir, demo, timeScale, maxEventStreams, null);
    }

    public ServerConfig(String host, int port, String jdbcUrl, Path dataDir, boolean demo, double timeScale) {
        this(host, port, jdbcUrl, dataDir, demo, timeScale, DEFAULT_MAX_EVENT_STREAMS);
    }

    /**
     * The demo's pace: two hours of simulated work per real minute, so a visitor sees runs finish (the shortest apps
     * in about half a minute, a four-hour training in two). {@code serve --demo} and the embedded factory share it.
     */
    public static final double DEMO_PACE = 120;

    /** The portal's embedded factory: loopback, a free port, an H2 file under {@code dataDir}, demo data, demo pace. */
    public static ServerConfig embedded(Path dataDir) {
        return new ServerConfig("127.0.0.1", 0, h2FileUrl(dataDir), dataDir, true, DEMO_PACE);
    }

    /** A throw-away factory for tests: in-memory H2 with a unique name, a free port. */
    public static ServerConfig inMemory(boolean demo, double timeScale) {
        String url = "jdbc:h2:mem:factory-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return new ServerConfig("127.0.0.1", 0, url, null, demo, timeScale);
    }

    /**
     * The JDBC URL of the H2 file database kept in {@code dataDir}. WRITE_DELAY=0: a commit is in the file before the
     * factory answers (the database refuses any other delay on a persistent H2 URL).
     */
    public static String h2FileUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("factory") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, jdbcUrl, dataDir, demo, timeScale, maxEventStreams, slurm, oidc, tls,
                insecureHttp, limits);
    }

    public ServerConfig withJdbcUrl(String newJdbcUrl) {
        return new ServerConfig(host, port, newJdbcUrl, dataDir, demo, timeScale, maxEventStreams, slurm, oidc, tls,
                insecureHttp, limits);
    }

    public ServerConfig withDemo(boolean newDemo) {
        return new ServerConfig(host, port, jdbcUrl, dataDir, newDemo, timeScale, maxEventStreams, slurm, oidc, tls,
                insecureHttp, limits);
    }

    public ServerConfig withTimeScale(double newTimeScale) {
        return new ServerConfig(host, port, jdbcUrl, dataDir, demo, newTimeScale, maxEventStreams, slurm, oidc, tls,
                insecureHttp, limits);
    }

    public ServerConfig withMaxEventStreams(int newMaxEventStreams) {
        return new ServerConfig(host, port, jdbcUrl, dataDir, demo, timeScale, newMaxEventStreams, slurm, oidc, tls,
                insecureHttp, limits);
    }

    public ServerConfig withSlurm(SlurmSettings newSlurm) {
        return new ServerConfig(host, port, jdbcUrl, dataDir, demo, timeScale, maxEventStreams, newSlurm, oidc, tls,
                insecureHttp, limits);
    }

    public ServerConfig withOidc(OidcSettings newOidc) {
        return new ServerConfig(host, port, jdbcUrl, dataDir, demo, timeScale, maxEventStreams, slurm, newOidc, tls,
                insecureHttp, limits);
    }

    public ServerConfig withTls(TlsIdentity newTls) {
        return new ServerConfig(host, port, jdbcUrl, dataDir, demo, timeScale, maxEventStreams, slurm, oidc, newTls,
                insecureHttp, limits);
    }

    public ServerConfig withInsecureHttp(boolean newInsecureHttp) {
        return new ServerConfig(host, port, jdbcUrl, dataDir, demo, timeScale, maxEventStreams, slurm, oidc, tls,
                newInsecureHttp, limits);
    }

    public ServerConfig withLimits(AbuseLimits newLimits) {
        return new ServerConfig(host, port, jdbcUrl, dataDir, demo, timeScale, maxEventStreams, slurm, oidc, tls,
                insecureHttp, newLimits);
    }

    /**
     * Whether {@code host} stays on this machine: {@code localhost} or a loopback address literal. Other names are
     * not looked up: a name that resolves to loopback today may not tomorrow.
     */
    public static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        boolean literal = host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (!literal) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
