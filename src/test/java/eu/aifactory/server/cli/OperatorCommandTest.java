package eu.aifactory.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.api.Json;
import eu.aifactory.client.operator.OperatorCommand;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.testing.TestClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve operator-token} on an H2 file database and the {@code operator} command against a running factory. */
class OperatorCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(out);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + out + err, e);
            }
        }
    }

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void anOperatorTokenAsksUsesAndDeclaresThroughTheOperatorCommand() throws Exception {
        String dataDir = dir.toString();
        assertThat(run(new ServeCommand(), "--data-dir", dataDir, "create-tenant", "--name", "Fräsen KG", "--id", "fraesen")
                .exit()).isZero();
        Run created = run(new ServeCommand(), "--data-dir", dataDir, "operator-token", "create", "--name", "Jonas Berger",
                "--role", "Support engineer (2nd level)", "--employer", "T-Systems International GmbH", "--office-country", "DE");
        assertThat(created.exit()).as(created.err()).isZero();
        String[] idAndToken = created.out().trim().split(" ");
        assertThat(idAndToken[1]).startsWith("afo_").hasSizeGreaterThan(40);
        Path tokenFile = Files.writeString(dir.resolve("operator.token"), idAndToken[1]);
        Run listed = run(new ServeCommand(), "--data-dir", dataDir, "operator-token", "list");
        assertThat(listed.out()).contains(idAndToken[0], "Jonas Berger", "active").doesNotContain(idAndToken[1]);
        assertThat(run(new ServeCommand(), "--data-dir", dataDir, "operator-token", "create", "--name", "X", "--role", "Y",
                "--employer", "Z", "--office-country", "Germany").exit()).as("a bad country is a usage error").isEqualTo(2);

        try (FactoryServer server = FactoryServer.start(new ServerConfig("127.0.0.1", 0, ServerConfig.h2FileUrl(dir), dir,
                false, 1), TestClock.clock())) {
            String factory = server.baseUri().toString();
            OperatorCommand operator = new OperatorCommand(TestClock.clock());
            Run request = run(operator, "--factory", factory, "--token-file", tokenFile.toString(), "request",
                    "--tenant", "fraesen", "--resource", "Storage volume metadata", "--justification", "hardware-fault",
                    "--detail", "Drive reports media errors", "--case", "INC-7", "--location", "DE", "--duration", "2h",
                    "--deadline", "48h");
            assertThat(request.exit()).as(request.err()).isZero();
            JsonNode asked = request.json();
            assertThat(asked.get("state").asText()).isEqualTo("PENDING");
            assertThat(asked.get("durationMinutes").asInt()).isEqualTo(120);
            assertThat(asked.get("employer").asText()).isEqualTo("T-Systems International GmbH");
            assertThat(Duration.between(TestClock.now(), Instant.parse(asked.get("deadline").asText())))
                    .isBetween(Duration.ofHours(47), Duration.ofHours(48));

            Run refused = run(new OperatorCommand(), "--factory", factory, "--token-file", tokenFile.toString(), "access",
                    "--request", asked.get("id").asText());
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).contains("Refused (409)", "not approved yet");

            Run emergency = run(new OperatorCommand(), "--factory", factory, "--token-file", tokenFile.toString(),
                    "emergency", "--tenant", "fraesen", "--resource", "Storage volume", "--code", "service-outage",
                    "--justification", "HARDWARE_FAULT", "--detail", "Volume offline", "--case", "INC-8", "--location", "DE");
            assertThat(emergency.exit()).as(emergency.err()).isZero();
            assertThat(emergency.json().get("emergency").asBoolean()).isTrue();

            Run pending = run(new OperatorCommand(), "--factory", factory, "--token-file", tokenFile.toString(), "requests",
                    "--tenant", "fraesen", "--state", "pending");
            assertThat(pending.json().findValuesAsText("id")).containsExactly(asked.get("id").asText());

            assertThat(run(new ServeCommand(), "--data-dir", dataDir, "operator-token", "revoke", "--id", idAndToken[0])
                    .exit()).isZero();
            Run revoked = run(new OperatorCommand(), "--factory", factory, "--token-file", tokenFile.toString(), "requests");
            assertThat(revoked.exit()).isEqualTo(1);
            assertThat(revoked.err()).contains("401");
        }
    }

    @Test
    void withoutATokenOrWithABadDurationTheCommandSaysWhatIsMissing() {
        Run noToken = run(new OperatorCommand(), "--token-env", "AIF_NO_SUCH_VARIABLE_FOR_TESTS", "requests");
        assertThat(noToken.exit()).isEqualTo(2);
        assertThat(noToken.err()).contains("no operator token");
        assertThat(OperatorCommand.duration("90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(OperatorCommand.duration("2d")).isEqualTo(Duration.ofDays(2));
        Run badDuration = run(new OperatorCommand(), "--token-file", "x", "request", "--tenant", "t", "--resource", "r",
                "--justification", "LEGAL_REQUEST", "--detail", "d", "--case", "c", "--location", "DE", "--duration", "soon",
                "--deadline", "48h");
        assertThat(badDuration.exit()).isEqualTo(2);
        assertThat(badDuration.err()).contains("--duration");
    }
}
