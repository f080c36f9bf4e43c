package eu.aifactory.api.transparency;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.aifactory.api.signing.CanonicalJson;
import eu.aifactory.api.signing.Jwk;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.JwsSigner;
import eu.aifactory.api.signing.JwsVerifier;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed tree head of a tenant's transparency log (RFC 9162 section 4.10 in spirit): the log of {@code tenantId}
 * had {@code treeSize} entries with Merkle root {@code rootHash} (lowercase hex) at {@code timestamp}. The detached
 * JWS is made with the factory's report signing key over the RFC 8785 form of
 * {@code {"type":"factory-tree-head","tenantId":…,"treeSize":…,"rootHash":…,"timestamp":…}}; the type keeps a tree
 * head signature from passing for a report or a rotation record.
 */
public record TreeHead(String tenantId, long treeSize, String rootHash, Instant timestamp, String kid, String jws) {

    public static final String TYPE = "factory-tree-head";

    public TreeHead {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(jws, "jws");
        if (treeSize < 0) {
            throw new IllegalArgumentException("treeSize must not be negative");
        }
        if (HexFormat.of().parseHex(rootHash).length != Merkle.HASH_LENGTH) {
            throw new IllegalArgumentException("rootHash must be 32 bytes of hex");
        }
    }

    /** The head of a tree of {@code treeSize} leaves with root {@code root}, signed with {@code key} now. */
    public static TreeHead sign(String tenantId, long treeSize, byte[] root, Instant at, PrivateKey key, String kid) {
        Instant timestamp = at.truncatedTo(ChronoUnit.SECONDS);
        String rootHash = HexFormat.of().formatHex(root);
        String jws = new JwsSigner(key, kid).signDetached(body(tenantId, treeSize, rootHash, timestamp), timestamp);
        return new TreeHead(tenantId, treeSize, rootHash, timestamp, kid, jws);
    }

    public byte[] root() {
        return HexFormat.of().parseHex(rootHash);
    }

    /** Whether the signature holds and was made by a key of {@code keys}. */
    public boolean isSignedBy(JwkSet keys) {
        Optional<Jwk> key = keys.find(kid);
        return key.isPresent()
                && JwsVerifier.kidOf(jws).filter(kid::equals).isPresent()
                && JwsVerifier.verify(jws, body(tenantId, treeSize, rootHash, timestamp), key.get().publicKey());
    }

    private static byte[] body(String tenantId, long treeSize, String rootHash, Instant timestamp) {
        return CanonicalJson.canonicalize(JsonNodeFactory.instance.objectNode()
                .put("type", TYPE)
                .put("tenantId", tenantId)
                .put("treeSize", treeSize)
                .put("rootHash", rootHash)
                .put("timestamp", timestamp.toString()));
    }

    @JsonValue
    public ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode()
                .put("tenantId", tenantId)
                .put("treeSize", treeSize)
                .put("rootHash", rootHash)
                .put("timestamp", timestamp.toString())
                .put("kid", kid)
                .put("jws", jws);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TreeHead fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a tree head is a JSON object");
        }
        JsonNode size = node.get("treeSize");
        if (size == null || !size.isIntegralNumber() || !size.canConvertToLong()) {
            throw new IllegalArgumentException("treeSize must be a whole number");
        }
        try {
            return new TreeHead(Json.text(node, "tenantId"), size.longValue(), Json.text(node, "rootHash"),
                    Instant.parse(Json.text(node, "timestamp")), Json.text(node, "kid"), Json.text(node, "jws"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("timestamp is not an ISO-8601 instant", e);
        }
    }
}
