package eu.aifactory.client.verify;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.api.Json;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.TrustAnchor;
import eu.aifactory.api.transparency.ConsistencyProof;
import eu.aifactory.api.transparency.LogCheck;
import eu.aifactory.api.transparency.LogSection;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verify report.json --keys keys.json --trust <fingerprint>}: checks a saved signed report offline, for
 * auditors. VALID needs a good signature by a trusted key (see {@link TrustAnchor}); with {@code --previous} also
 * that the newer report's transparency log extends the older one's (see {@link LogCheck}).
 */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Verifies a signed factory report offline.",
            "The report is the JSON exported by the portal; the keys are the JWK set the factory publishes at "
                    + "/.well-known/factory-keys. A report is VALID only when its signing key is the trusted key "
                    + "(--trust or --trusted-keys) or is reached from it through rotation records each signed by the "
                    + "previous key. Prints VALID, UNTRUSTED or INVALID and why."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:valid: signature good, key trusted (and, with --previous, the log is consistent)",
            "1:invalid: the report is not validly signed (changed, unknown key, alg other than EdDSA, malformed)",
            "2:a file could not be read, or a usage error",
            "3:signature valid, key NOT trusted (no trust anchor given, or none leads to the signing key)",
            "4:log NOT consistent: the newer report's log does not extend the older one (an entry was dropped)",
            "5:log not checked: no consistency proof between the two tree sizes at hand"})
public final class VerifyCommand implements Callable<Integer> {

    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int UNREADABLE = 2;
    public static final int UNTRUSTED = 3;
    public static final int LOG_INCONSISTENT = 4;
    public static final int LOG_NOT_CHECKED = 5;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REPORT", description = "the signed report (JSON)")
    private Path report;

    @Option(names = "--keys", required = true, paramLabel = "KEYS", description = "the factory's published keys (JWK set JSON)")
    private Path keys;

    @ArgGroup(exclusive = true)
    private Anchor anchor;

    static final class Anchor {
        @Option(names = "--trust", paramLabel = "FINGERPRINT",
                description = "the fingerprint (hex SHA-256, spaces ignored) or kid of the key you trust, got out of band")
        String fingerprint;

        @Option(names = "--trusted-keys", paramLabel = "PINS",
                description = "a pinned-keys file as the portal keeps it (trust/<factory>.json)")
        Path pins;
    }

    @Option(names = "--previous", paramLabel = "OLDER",
            description = "an older report of the same tenant: check that this report's transparency log extends its log")
    private Path previous;

    @Option(names = "--proof", paramLabel = "PROOF",
            description = "the consistency proof from GET /v1/transparency/consistency, when the report embeds none")
    private Path proof;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            JwkSet keySet = read("the key set", keys, JwkSet::parse);
            TrustAnchor trust = trustAnchor();
            JsonNode document = read("the report", report, Json.mapper()::readTree);
            int exit = verify(document, keySet, trust, out, "");
            if (exit != VALID || previous == null) {
                out.flush();
                return exit;
            }
            JsonNode older = read("the previous report", previous, Json.mapper()::readTree);
            exit = verify(older, keySet, trust, out, "Previous report: ");
            if (exit != VALID) {
                out.flush();
                return exit;
            }
            ConsistencyProof given = proof == null ? null
                    : read("the consistency proof", proof, bytes -> ConsistencyProof.fromJson(Json.mapper().readTree(bytes)));
            exit = compareLogs(older, document, given, out);
            out.flush();
            return exit;
        } catch (Unreadable e) {
            err.println("ERROR: " + e.getMessage());
            err.flush();
            return UNREADABLE;
        }
    }

    private int verify(JsonNode document, JwkSet keySet, TrustAnchor trust, PrintWriter out, String prefix) {
        TrustAnchor.Verdict verdict = trust.verify(document, keySet);
        switch (verdict.trust()) {
            case INVALID -> {
                out.println(prefix + "INVALID: " + verdict.signature().reason() + ": " + verdict.message());
                return INVALID;
            }
            case UNTRUSTED -> {
                out.println(prefix + "UNTRUSTED: " + verdict.message());
                return UNTRUSTED;
            }
            default -> {
            }
        }
        Optional<LogSection> log;
        try {
            log = LogSection.of(document);
        } catch (IllegalArgumentException e) {
            out.println(prefix + "INVALID: MALFORMED: the transparency section is not readable: " + e.getMessage());
            return INVALID;
        }
        if (log.isPresent() && !log.get().treeHead().isSignedBy(keySet.only(Set.copyOf(verdict.chain())))) {
            out.println(prefix + "INVALID: BAD_SIGNATURE: the transparency tree head is not signed by a trusted key");
            return INVALID;
        }
        out.println(prefix + "VALID: signed by key " + verdict.signingKey().kid() + " (fingerprint "
                + verdict.signingKey().fingerprint() + "); " + verdict.message());
        if (verdict.signature().signedAt() != null) {
            out.println(prefix + "Signed at " + verdict.signature().signedAt());
        }
        if (log.isPresent()) {
            LogSection section = log.get();
            out.println(prefix + "Transparency log: " + section.treeHead().treeSize() + " entries, root "
                    + section.treeHead().rootHash() + (section.first() == null ? "; no entries in the period"
                    : "; the period's entries are #" + section.first() + " to #" + section.last()));
            Optional<String> problem = section.problem();
            if (problem.isPresent()) {
                out.println(prefix + "log NOT consistent: " + problem.get());
                return LOG_INCONSISTENT;
            }
        }
        return VALID;
    }

    private int compareLogs(JsonNode older, JsonNode newer, ConsistencyProof given, PrintWriter out) {
        Optional<LogSection> before = LogSection.of(older);
        Optional<LogSection> after = LogSection.of(newer);
        if (before.isEmpty() || after.isEmpty()) {
            out.println("log not checked: " + (before.isEmpty() ? "the previous report" : "the report")
                    + " carries no transparency section");
            return LOG_NOT_CHECKED;
        }
        LogCheck.Result result = LogCheck.check(before.get(), after.get(), given);
        out.println(result.message());
        return switch (result.status()) {
            case CONSISTENT -> VALID;
            case INCONSISTENT -> LOG_INCONSISTENT;
            case NOT_CHECKED -> LOG_NOT_CHECKED;
        };
    }

    private TrustAnchor trustAnchor() throws Unreadable {
        if (anchor == null) {
            return TrustAnchor.none();
        }
        if (anchor.fingerprint != null) {
            try {
                return TrustAnchor.fingerprint(anchor.fingerprint);
            } catch (IllegalArgumentException e) {
                throw new Unreadable("--trust: " + e.getMessage());
            }
        }
        return TrustAnchor.pinned(read("the trusted keys", anchor.pins, JwkSet::parse));
    }

    private interface Reader<T> {
        T read(byte[] bytes) throws IOException;
    }

    private static <T> T read(String what, Path file, Reader<T> reader) throws Unreadable {
        try {
            return reader.read(Files.readAllBytes(file));
        } catch (IOException | IllegalArgumentException e) {
            throw new Unreadable("cannot read " + what + " " + file + ": " + describe(e));
        }
    }

    private static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
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
