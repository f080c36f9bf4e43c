package eu.aifactory.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.guard.AbuseLimits;
import eu.aifactory.server.support.Api;
import eu.aifactory.testing.TestClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve} and its tenant, user and token commands on an H2 file database. */
class ServeCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(ServeCommand command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        outputs.put(command, out);
        int exit = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void tenantUserAndTokenCommandsSetUpAFactoryWithoutDemoData() {
        String dataDir = dir.toString();
        Run tenant = run(new ServeCommand(), "--data-dir", dataDir, "create-tenant", "--name", "Fräsen & Söhne KG");
        assertThat(tenant.exit()).as(tenant.err()).isZero();
        String tenantId = tenant.out().trim();
        assertThat(tenantId).isEqualTo("frasen-sohne-kg");

        Run user = run(new ServeCommand(), "--data-dir", dataDir, "create-user", "--tenant", tenantId, "--name", "Ida Ingenieurin",
                "--email", "ida@example.com", "--role", "engineer", "--project", "Qualität");
        assertThat(user.exit()).as(user.err()).isZero();
        List<String> lines = user.out().lines().toList();
        String userId = lines.get(lines.size() - 1);

        Run token = run(new ServeCommand(), "--data-dir", dataDir, "create-token", "--user", userId);
        assertThat(token.exit()).as(token.err()).isZero();
        String secret = token.out().trim();
        assertThat(secret).startsWith("afp_").hasSizeGreaterThan(40);

        try (FactoryServer server = FactoryServer.start(new ServerConfig("127.0.0.1", 0, ServerConfig.h2FileUrl(dir), dir,
                false, 1), TestClock.clock())) {
            Api api = new Api(server.baseUri());
            JsonNode me = api.get("/v1/me", secret).json();
            assertThat(me.path("user").path("name").asText()).isEqualTo("Ida Ingenieurin");
            assertThat(me.path("tenant").path("id").asText()).isEqualTo(tenantId);
            assertThat(me.path("projects").get(0).path("name").asText()).isEqualTo("Qualität");
            assertThat(api.get("/v1/workloads", secret).json().path("items").size()).isZero();
            assertThat(api.get("/v1/apps?limit=500", secret).json().path("items").size()).isGreaterThanOrEqualTo(30);
            assertThat(server.demoUsers()).isEmpty();
        }
    }

    @Test
    void badArgumentsAreUsageErrors() {
        String dataDir = dir.toString();
        assertThat(run(new ServeCommand(), "--data-dir", dataDir, "create-user", "--tenant", "none", "--name", "X",
                "--email", "x@example.com", "--role", "boss").exit()).isEqualTo(2);
        assertThat(run(new ServeCommand(), "--data-dir", dataDir, "create-user", "--tenant", "none", "--name", "X",
                "--email", "x@example.com", "--role", "engineer").exit()).isEqualTo(2);
        assertThat(run(new ServeCommand(), "--data-dir", dataDir, "create-token", "--user", "nobody").exit()).isEqualTo(2);
    }

    @Test
    void theSlurmEngineNeedsItsDaemonAndUserAndAnUnknownEngineIsAUsageError() {
        String dataDir = dir.toString();
        Run noUrl = run(new ServeCommand(), "--data-dir", dataDir, "--engine", "slurm", "--slurm-user", "root");
        assertThat(noUrl.exit()).isEqualTo(2);
        assertThat(noUrl.err()).contains("--engine slurm needs --slurmrestd URL and --slurm-user NAME");
        Run unknown = run(new ServeCommand(), "--data-dir", dataDir, "--engine", "kubernetes");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("--engine must be simulated or slurm");
        Run unreachable = run(new ServeCommand(), "--data-dir", dataDir, "--port", "0", "--engine", "slurm",
                "--slurmrestd", "http://127.0.0.1:1", "--slurm-user", "root", "--slurm-jwt-env", "PATH");
        assertThat(unreachable.exit()).isEqualTo(1);
        assertThat(unreachable.err()).contains("The factory did not start").contains("does not answer");
    }

    @Test
    void singleSignOnNeedsAnAudienceAndAClientAndAnHttpsIssuerOffLoopback() {
        String dataDir = dir.toString();
        Run incomplete = run(new ServeCommand(), "--data-dir", dataDir, "--oidc-issuer", "https://login.example.com/realms/a");
        assertThat(incomplete.exit()).isEqualTo(2);
        assertThat(incomplete.err()).contains("--oidc-issuer needs --oidc-audience NAME and --oidc-client-id NAME");
        Run clearText = run(new ServeCommand(), "--data-dir", dataDir, "--oidc-issuer", "http://login.example.com/realms/a",
                "--oidc-audience", "factory", "--oidc-client-id", "portal");
        assertThat(clearText.exit()).isEqualTo(2);
        assertThat(clearText.err()).contains("must be an https URL");
        Run skew = run(new ServeCommand(), "--data-dir", dataDir, "--oidc-issuer", "https://login.example.com/realms/a",
                "--oidc-audience", "factory", "--oidc-client-id", "portal", "--oidc-clock-skew", "3600");
        assertThat(skew.exit()).isEqualTo(2);
        assertThat(skew.err()).contains("clock skew");
    }

    @Test
    void serveDemoPrintsOneLinePerDemoUserWithAWorkingToken() {
        ServeCommand serve = new ServeCommand();
        AtomicReference<String> checked = new AtomicReference<>();
        serve.awaitShutdown = server -> {
            try (server) {
                String token = server.demoUsers().get(0).token();
                checked.set(new Api(server.baseUri()).get("/v1/me", token).json().path("user").path("id").asText());
            }
        };
        Run run = run(serve, "--data-dir", dir.toString(), "--port", "0", "--demo", "--print-tokens");
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> userLines = run.out().lines().filter(l -> l.contains(" afp_")).toList();
        assertThat(userLines).hasSizeGreaterThanOrEqualTo(9);
        String[] first = userLines.get(0).split(" ");
        assertThat(first).hasSize(4);
        assertThat(first[2]).isIn("engineer", "account-manager", "tenant-admin");
        assertThat(checked.get()).isEqualTo(first[1]);
        assertThat(dir.resolve("install-secret")).exists();
    }

    @Test
    void serveDemoListsTheDemoUsersButPrintsNoTokenWithoutPrintTokens() {
        ServeCommand serve = new ServeCommand();
        AtomicReference<List<String>> tokens = new AtomicReference<>();
        serve.awaitShutdown = server -> {
            try (server) {
                tokens.set(server.demoUsers().stream().map(eu.aifactory.server.seed.DemoUser::token).toList());
            }
        };
        Run run = run(serve, "--data-dir", dir.toString(), "--port", "0", "--demo");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("--print-tokens prints their tokens").doesNotContain("afp_").doesNotContain("afo_");
        assertThat(tokens.get()).hasSizeGreaterThanOrEqualTo(9).allSatisfy(token -> assertThat(run.out()).doesNotContain(token));
        assertThat(run(new ServeCommand(), "--data-dir", dir.toString(), "--port", "0", "--print-tokens").err())
                .contains("--print-tokens needs --demo");
    }

    @Test
    void onAnotherInterfaceTheFactoryServesHttpsWithASelfSignedCertificateKeptBetweenStarts() {
        List<String> fingerprints = new java.util.ArrayList<>();
        for (int start = 0; start < 2; start++) {
            ServeCommand serve = new ServeCommand();
            AtomicReference<JsonNode> health = new AtomicReference<>();
            serve.awaitShutdown = server -> {
                try (server) {
                    assertThat(server.baseUri().getScheme()).isEqualTo("https");
                    try (eu.aifactory.client.HttpFactoryClient client = new eu.aifactory.client.HttpFactoryClient(
                            eu.aifactory.client.FactoryClientConfig.builder(server.baseUri())
                                    .pinnedCertificate(fingerprintIn(serveOutput(serve))).build())) {
                        health.set(Api.JSON.valueToTree(client.health()));
                    }
                }
            };
            Run run = run(serve, "--data-dir", dir.toString(), "--host", "0.0.0.0", "--port", "0");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(health.get().path("status").asText()).isEqualTo("ok");
            fingerprints.add(fingerprintIn(run.out()));
            assertThat(run.out().contains("Made a self-signed TLS certificate")).isEqualTo(start == 0);
        }
        assertThat(fingerprints.get(1)).isEqualTo(fingerprints.get(0));
        assertThat(dir.resolve("tls").resolve("private-key.pem")).exists();
    }

    @Test
    void plainHttpOnAnotherInterfaceNeedsInsecureHttpAndTheTlsOptionsAreChecked() {
        // The self-signed certificate is the default, so the refusal is the configuration's own guard.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ServerConfig("0.0.0.0", 0,
                        ServerConfig.h2FileUrl(dir), dir, false, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--insecure-http");
        assertThat(new ServerConfig("0.0.0.0", 0, ServerConfig.h2FileUrl(dir), dir, false, 1, 10, null, null, null, true, AbuseLimits.DEFAULTS)
                .insecureHttp()).isTrue();
        assertThat(ServerConfig.isLoopback("127.0.0.1")).isTrue();
        assertThat(ServerConfig.isLoopback("::1")).isTrue();
        assertThat(ServerConfig.isLoopback("localhost")).isTrue();
        assertThat(ServerConfig.isLoopback("192.168.1.20")).isFalse();
        assertThat(ServerConfig.isLoopback("factory.example.eu")).isFalse();

        ServeCommand insecure = new ServeCommand();
        AtomicReference<String> scheme = new AtomicReference<>();
        insecure.awaitShutdown = server -> {
            try (server) {
                scheme.set(server.baseUri().getScheme());
            }
        };
        assertThat(run(insecure, "--data-dir", dir.toString(), "--host", "0.0.0.0", "--port", "0", "--insecure-http").exit())
                .isZero();
        assertThat(scheme.get()).isEqualTo("http");
        assertThat(dir.resolve("tls")).doesNotExist();

        Run halfPair = run(new ServeCommand(), "--data-dir", dir.toString(), "--tls-cert", "cert.pem");
        assertThat(halfPair.exit()).isEqualTo(2);
        assertThat(halfPair.err()).contains("--tls-cert and --tls-key go together");
        Run missing = run(new ServeCommand(), "--data-dir", dir.toString(), "--port", "0",
                "--tls-cert", dir.resolve("none.pem").toString(), "--tls-key", dir.resolve("none-key.pem").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("The factory did not start: The TLS certificate file")
                .contains("none.pem does not exist");
    }

    private static String serveOutput(ServeCommand serve) {
        return ((StringWriter) outputs.get(serve)).toString();
    }

    private static final java.util.Map<ServeCommand, java.io.Writer> outputs = new java.util.concurrent.ConcurrentHashMap<>();

    private static String fingerprintIn(String out) {
        return out.lines().filter(l -> l.startsWith("TLS certificate SHA-256 fingerprint: "))
                .map(l -> l.substring(l.indexOf(": ") + 2)).findFirst().orElseThrow();
    }
}
