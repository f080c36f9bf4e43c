package eu.aifactory.portal.verify;

import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.SignedDocument;
import eu.aifactory.api.signing.TrustAnchor;
import eu.aifactory.api.signing.VerificationResult;
import eu.aifactory.api.signing.VerificationResult.Reason;
import eu.aifactory.client.trust.KeyPinStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a saved signed report (a file opened from the desktop) with the same rule as {@code verify --trusted-keys}
 * ({@link TrustAnchor}), against the keys the portal has pinned for the factories it knows ({@code trust/<factory>.json}). Blocking file
 * reads: call it off the UI thread.
 */
public final class ReportVerification {

    /** The outcome for one file: the check's result and, when valid, the factory whose pinned key signed it. */
    public record Verdict(Path file, VerificationResult result, String factory) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReportVerification.class);
    private static final JwkSet NO_KEYS = new JwkSet(List.of(), List.of());

    private final Path trustDir;

    public ReportVerification(Path trustDir) {
        this.trustDir = trustDir;
    }

    /**
     * Valid with the first factory whose pinned keys verify the report; otherwise the most telling failure: a
     * damaged signature or document before "no pinned key is the signing key".
     */
    public Verdict check(Path file) {
        byte[] document;
        try {
            document = Files.readAllBytes(file);
        } catch (IOException e) {
            return new Verdict(file, new VerificationResult(false, null, Reason.MALFORMED,
                    "the file cannot be read: " + e.getMessage(), null), null);
        }
        VerificationResult telling = null;
        for (Path pins : pinFiles()) {
            JwkSet keys;
            try {
                keys = new KeyPinStore(pins).pinned();
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("pinned keys in {} not readable: {}", pins, e.getMessage());
                continue;
            }
            // The pins are both the keys and the anchor: the same rule as verify --trusted-keys.
            TrustAnchor.Verdict verdict = TrustAnchor.pinned(keys).verify(document, keys);
            VerificationResult result = verdict.signature();
            if (verdict.trust() == TrustAnchor.Trust.TRUSTED) {
                return new Verdict(file, result, factoryOf(pins));
            }
            if (result.reason() != Reason.UNKNOWN_KEY && telling == null) {
                telling = result;
            }
        }
        return new Verdict(file, telling != null ? telling : SignedDocument.verify(document, NO_KEYS), null);
    }

    private List<Path> pinFiles() {
        if (!Files.isDirectory(trustDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(trustDir)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            LOG.warn("trusted keys in {} not readable: {}", trustDir, e.getMessage());
            return List.of();
        }
    }

    private static String factoryOf(Path pins) {
        String name = pins.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }
}
