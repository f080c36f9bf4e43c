package eu.aifactory.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.support.Api;
import eu.aifactory.testing.TestClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve rotate-keys} on the key directory of a factory with a data directory. */
class RotateKeysCommandTest {

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

    private ServerConfig config(String jdbcUrl) {
        return new ServerConfig("127.0.0.1", 0, jdbcUrl, dir, false, 1);
    }

    private static JwkSet publishedKeys(FactoryServer server) throws IOException {
        Api.Response response = new Api(server.baseUri()).get("/.well-known/factory-keys", null);
        assertThat(response.status()).isEqualTo(200);
        return JwkSet.parse(response.bytes());
    }

    @Test
    void theKeyLivesInTheDataDirectorySurvivesARestartAndRotatesWithARecord() throws IOException {
        String jdbcUrl = "jdbc:h2:mem:rotate-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        String first;
        try (FactoryServer server = FactoryServer.start(config(jdbcUrl), TestClock.clock())) {
            first = server.signingKeys().currentKid();
            assertThat(publishedKeys(server).kids()).containsExactly(first);
        }
        assertThat(dir.resolve("signing-keys").resolve("factory-keys.json")).exists();
        try (var files = Files.list(dir.resolve("signing-keys"))) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("signing-key-" + first + ".pem");
        }
        try (FactoryServer server = FactoryServer.start(config(jdbcUrl), TestClock.clock())) {
            assertThat(server.signingKeys().currentKid()).as("the same key after a restart").isEqualTo(first);
        }

        Run rotate = run("--data-dir", dir.toString(), "rotate-keys");

        assertThat(rotate.exit()).as(rotate.err()).isZero();
        String second = rotate.out().lines().filter(l -> l.startsWith("current ")).findFirst().orElseThrow().substring(8);
        assertThat(rotate.out()).contains("retired " + first).contains("fingerprint ");
        try (FactoryServer server = FactoryServer.start(config(jdbcUrl), TestClock.clock())) {
            JwkSet keys = publishedKeys(server);
            assertThat(server.signingKeys().currentKid()).isEqualTo(second).isNotEqualTo(first);
            assertThat(keys.kids()).containsExactly(first, second);
            assertThat(keys.find(first).orElseThrow().rotatedTo()).isEqualTo(second);
            assertThat(keys.rotations()).singleElement().satisfies(r -> assertThat(r.from()).isEqualTo(first));
        }
        assertThat(dir.resolve("signing-keys").resolve("signing-key-" + first + ".pem")).doesNotExist();
    }

    @Test
    void rotatingWithoutAKeyDirectoryIsAUsageErrorAndCreatesNoKey() {
        Run rotate = run("--data-dir", dir.toString(), "rotate-keys");

        assertThat(rotate.exit()).isEqualTo(2);
        assertThat(rotate.err()).contains("no signing keys in");
        assertThat(dir.resolve("signing-keys")).doesNotExist();
    }
}
