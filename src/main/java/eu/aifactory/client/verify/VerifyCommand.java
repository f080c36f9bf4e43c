package eu.aifactory.client.verify;

import com.fasterxml.jackson.core.JacksonException;
import eu.aifactory.api.Json;
import eu.aifactory.api.signing.Jwk;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.SignedDocument;
import eu.aifactory.api.signing.VerificationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verify report.json --keys keys.json}: checks a saved signed report offline, for auditors.
 * Exit codes: 0 valid, 1 invalid (tampered, unknown key, malformed), 2 unreadable input or usage error.
 */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Verifies a signed factory report offline.",
            "The report is the JSON exported by the portal; the keys are the JWK set the factory publishes at "
                    + "/.well-known/factory-keys. Prints VALID or INVALID and why."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the signature is valid", "1:the report is not validly signed", "2:a file could not be read"})
public final class VerifyCommand implements Callable<Integer> {

    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int UNREADABLE = 2;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REPORT", description = "the signed report (JSON)")
    private Path report;

    @Option(names = "--keys", required = true, paramLabel = "KEYS", description = "the factory's published keys (JWK set JSON)")
    private Path keys;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        JwkSet keySet;
        try {
            keySet = JwkSet.parse(Files.readAllBytes(keys));
        } catch (IOException | IllegalArgumentException e) {
            err.println("ERROR: cannot read the key set " + keys + ": " + describe(e));
            return UNREADABLE;
        }
        byte[] document;
        try {
            document = Files.readAllBytes(report);
            Json.mapper().readTree(document);
        } catch (IOException e) {
            err.println("ERROR: cannot read the report " + report + ": " + describe(e));
            return UNREADABLE;
        }

        VerificationResult result = SignedDocument.verify(document, keySet);
        if (result.valid()) {
            String fingerprint = keySet.find(result.kid()).map(Jwk::fingerprint).orElse("?");
            out.println("VALID: signed by key " + result.kid() + " (fingerprint " + fingerprint + ")");
            if (result.signedAt() != null) {
                out.println("Signed at " + result.signedAt());
            }
            out.flush();
            return VALID;
        }
        out.println("INVALID: " + result.reason() + ": " + result.message());
        out.flush();
        return INVALID;
    }

    private static String describe(Exception e) {
        if (e instanceof JacksonException je) {
            return "not valid JSON (" + je.getOriginalMessage() + ")";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage();
    }
}
