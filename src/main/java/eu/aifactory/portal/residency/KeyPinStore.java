package eu.aifactory.portal.residency;

import eu.aifactory.api.Json;
import eu.aifactory.api.signing.Jwk;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.client.trust.KeyPinning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The factory signing keys the portal trusts, one small JSON file (a JWK set) per factory in the portal's data
 * directory. The whole keys are kept, not only their ids, so a rotation record made by a key the factory no longer
 * publishes can still be checked. Called off the UI thread.
 */
public final class KeyPinStore {

    private final Path file;

    public KeyPinStore(Path file) {
        this.file = file;
    }

    /** The pinned keys; empty before the first use. */
    public JwkSet pinned() throws IOException {
        if (!Files.exists(file)) {
            return new JwkSet(List.of(), List.of());
        }
        return JwkSet.parse(Files.readAllBytes(file));
    }

    /**
     * Decides on the fetched keys against the pins and stores the new pins when the decision extends them
     * (first use, rotation). A key changed without a rotation record leaves the pins as they were.
     */
    public KeyPinning.Decision decide(JwkSet fetched) throws IOException {
        JwkSet pinned = pinned();
        KeyPinning.Decision decision = KeyPinning.decide(pinned, fetched);
        if (decision.outcome() == KeyPinning.Outcome.FIRST_USE || decision.outcome() == KeyPinning.Outcome.ROTATED) {
            Map<String, Jwk> keep = new LinkedHashMap<>();
            pinned.keys().forEach(k -> keep.put(k.kid(), k));
            decision.trustedKeys().keys().forEach(k -> keep.put(k.kid(), k));
            save(new JwkSet(new ArrayList<>(keep.values()), fetched.rotations()));
        }
        return decision;
    }

    /** The fingerprints of the pinned keys, for the Settings page; empty before the first use. */
    public List<String> fingerprints() throws IOException {
        return pinned().keys().stream().map(Jwk::fingerprint).toList();
    }

    private void save(JwkSet keys) throws IOException {
        Files.createDirectories(file.getParent());
        // Written beside and moved over, so a crash never leaves half a pin file (which would read as tampering).
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(keys.toJson()));
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
