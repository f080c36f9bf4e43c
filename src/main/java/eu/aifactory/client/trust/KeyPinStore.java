package eu.aifactory.client.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.aifactory.api.Json;
import eu.aifactory.api.signing.Jwk;
import eu.aifactory.api.signing.JwkSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The factory signing keys the portal trusts, one small JSON file per factory: a JWK set (RFC 7517 lets readers
 * ignore extra members) plus {@code "firstSeen": {kid: instant}}, when each key was pinned. The whole keys are kept,
 * not only their ids, so a rotation record made by a key the factory no longer publishes can still be checked.
 * Lives in the client because it needs no UI: the Residency page pins, the Settings page shows and forgets.
 * Called off the UI thread.
 */
public final class KeyPinStore {

    /** A pinned key as Settings shows it. */
    public record PinnedKey(String kid, String fingerprint, Instant firstSeen) {
    }

    private final Path file;
    private final Clock clock;

    public KeyPinStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public KeyPinStore(Path file) {
        this(file, Clock.systemUTC());
    }

    /** The pin file of one factory in {@code trustDir}; {@code factoryKey} is already file-name-safe. */
    public static KeyPinStore forFactory(Path trustDir, String factoryKey, Clock clock) {
        return new KeyPinStore(trustDir.resolve(factoryKey + ".json"), clock);
    }

    public Path file() {
        return file;
    }

    /** The last tree heads seen for this factory's tenants, kept next to its pins (in {@code tree-heads/}). */
    public TreeHeadStore treeHeads() {
        return new TreeHeadStore(file.resolveSibling("tree-heads").resolve(file.getFileName()));
    }

    /** The pinned keys; empty before the first use. */
    public JwkSet pinned() throws IOException {
        if (!Files.exists(file)) {
            return new JwkSet(List.of(), List.of());
        }
        return JwkSet.parse(Files.readAllBytes(file));
    }

    /** The pinned keys with fingerprint and first-seen time, in pinning order; empty before the first use. */
    public List<PinnedKey> pinnedKeys() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        byte[] bytes = Files.readAllBytes(file);
        JwkSet keys = JwkSet.parse(bytes);
        Map<String, Instant> seen = firstSeen(Json.mapper().readTree(bytes));
        return keys.keys().stream().map(k -> new PinnedKey(k.kid(), k.fingerprint(), seen.get(k.kid()))).toList();
    }

    /**
     * Decides on the fetched keys against the pins and stores the new pins when the decision extends them
     * (first use, rotation). A key changed without a rotation record leaves the pins as they were.
     */
    public KeyPinning.Decision decide(JwkSet fetched) throws IOException {
        byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : null;
        JwkSet pinned = bytes == null ? new JwkSet(List.of(), List.of()) : JwkSet.parse(bytes);
        JsonNode tree = bytes == null ? null : Json.mapper().readTree(bytes);
        KeyPinning.Decision decision = KeyPinning.decide(pinned, fetched);
        if (decision.outcome() == KeyPinning.Outcome.FIRST_USE || decision.outcome() == KeyPinning.Outcome.ROTATED) {
            Map<String, Jwk> keep = new LinkedHashMap<>();
            pinned.keys().forEach(k -> keep.put(k.kid(), k));
            decision.trustedKeys().keys().forEach(k -> keep.put(k.kid(), k));
            Map<String, Instant> seen = firstSeen(tree);
            Instant now = clock.instant();
            keep.keySet().forEach(kid -> seen.putIfAbsent(kid, now));
            save(new JwkSet(new ArrayList<>(keep.values()), fetched.rotations()), seen);
        }
        return decision;
    }

    /**
     * Forgets every pinned key of this factory: the next report pins whatever the factory publishes then, as on
     * first use. For a user who was told of a genuine key change out of band.
     */
    public void forget() throws IOException {
        Files.deleteIfExists(file);
    }

    private static Map<String, Instant> firstSeen(JsonNode tree) {
        Map<String, Instant> seen = new LinkedHashMap<>();
        JsonNode node = tree == null ? null : tree.get("firstSeen");
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual()) {
                    seen.put(e.getKey(), Instant.parse(e.getValue().textValue()));
                }
            });
        }
        return seen;
    }

    private void save(JwkSet keys, Map<String, Instant> seen) throws IOException {
        ObjectNode json = keys.toJson();
        ObjectNode seenNode = json.putObject("firstSeen");
        keys.kids().forEach(kid -> {
            Instant at = seen.get(kid);
            if (at != null) {
                seenNode.put(kid, at.toString());
            }
        });
        TrustFiles.write(file, json);
    }
}
