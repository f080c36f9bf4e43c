package eu.aifactory.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.release.ReleaseManifest;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.client.update.UpdateCheck;
import eu.aifactory.contract.OpenApiValidator;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.support.Api;
import eu.aifactory.testing.TestClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve publish-release} and {@code GET /.well-known/portal-release}, read the way a portal reads them. */
class PublishReleaseCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new ServeCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private FactoryServer start() {
        String jdbcUrl = "jdbc:h2:mem:release-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return FactoryServer.start(new ServerConfig("127.0.0.1", 0, jdbcUrl, dir, false, 1), TestClock.clock());
    }

    private static Optional<ReleaseManifest> announced(FactoryServer server) throws IOException {
        JwkSet keys = JwkSet.parse(new Api(server.baseUri()).get("/.well-known/factory-keys", null).bytes());
        return new UpdateCheck(new OkHttpClient()).newerRelease(UpdateCheck.atFactory(server.baseUri()), keys, "0.1.0");
    }

    @Test
    void aPublishedReleaseIsServedSignedToARunningFactorysPortalsWithoutARestart() throws IOException {
        try (FactoryServer server = start()) {
            Api.Response none = new Api(server.baseUri()).get("/.well-known/portal-release", null);
            assertThat(none.status()).isEqualTo(404);
            assertThat(none.body()).contains("announces no portal release");
            assertThat(announced(server)).isEmpty();

            Run publish = run("--data-dir", dir.toString(), "publish-release", "--version", "0.2.0",
                    "--download", "https://portal.example/download", "--notes", "Trade-fair mode");

            assertThat(publish.exit()).as(publish.err()).isZero();
            assertThat(publish.out()).contains("published portal 0.2.0").contains(server.signingKeys().currentKid());
            assertThat(announced(server)).contains(new ReleaseManifest("0.2.0",
                    URI.create("https://portal.example/download"), "Trade-fair mode"));
            Api.Response served = new Api(server.baseUri()).get("/.well-known/portal-release", null);
            assertThat(OpenApiValidator.shared().validateResponse("GET", "/.well-known/portal-release", 200,
                    "application/json", served.body())).isEmpty();

            assertThat(run("--data-dir", dir.toString(), "publish-release", "--version", "0.3.0",
                    "--download", "https://portal.example/0.3").exit()).isZero();
            assertThat(announced(server)).map(ReleaseManifest::version).contains("0.3.0");
        }
    }

    @Test
    void aBadVersionOrAddressIsAUsageErrorAndReplacesNothing() throws IOException {
        try (FactoryServer server = start()) {
            assertThat(run("--data-dir", dir.toString(), "publish-release", "--version", "0.2.0",
                    "--download", "https://portal.example/download").exit()).isZero();

            Run badVersion = run("--data-dir", dir.toString(), "publish-release", "--version", "two",
                    "--download", "https://portal.example/download");
            Run badAddress = run("--data-dir", dir.toString(), "publish-release", "--version", "0.4.0",
                    "--download", "file:///etc/passwd");

            assertThat(badVersion.exit()).isEqualTo(2);
            assertThat(badVersion.err()).contains("version");
            assertThat(badAddress.exit()).isEqualTo(2);
            assertThat(badAddress.err()).contains("http(s)");
            assertThat(announced(server)).map(ReleaseManifest::version).contains("0.2.0");
        }
    }

    @Test
    void withoutSigningKeysNothingIsPublished() {
        Run publish = run("--data-dir", dir.toString(), "publish-release", "--version", "0.2.0",
                "--download", "https://portal.example/download");

        assertThat(publish.exit()).isEqualTo(2);
        assertThat(publish.err()).contains("no signing keys in");
        assertThat(dir.resolve("portal-release.json")).doesNotExist();
    }
}
