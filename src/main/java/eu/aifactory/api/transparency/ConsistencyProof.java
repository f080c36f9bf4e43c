package eu.aifactory.api.transparency;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An RFC 9162 consistency proof between two sizes of one tenant's log, hashes in lowercase hex; what
 * {@code GET /v1/transparency/consistency} answers and what a report embeds when asked with {@code since}.
 */
public record ConsistencyProof(long fromSize, long toSize, List<String> proof) {

    public ConsistencyProof {
        proof = List.copyOf(proof);
        if (fromSize < 0 || toSize < fromSize) {
            throw new IllegalArgumentException("a consistency proof goes from a smaller to a larger tree size");
        }
        proof.forEach(h -> {
            if (HexFormat.of().parseHex(h).length != Merkle.HASH_LENGTH) {
                throw new IllegalArgumentException("a proof hash is 32 bytes of hex");
            }
        });
    }

    public static ConsistencyProof of(long fromSize, long toSize, List<byte[]> hashes) {
        return new ConsistencyProof(fromSize, toSize, hashes.stream().map(HexFormat.of()::formatHex).toList());
    }

    /** Whether this proof shows that {@code newer} extends {@code older}. */
    public boolean proves(TreeHead older, TreeHead newer) {
        return fromSize == older.treeSize() && toSize == newer.treeSize()
                && Merkle.verifyConsistency(fromSize, toSize, older.root(), newer.root(), hashes());
    }

    public List<byte[]> hashes() {
        List<byte[]> hashes = new ArrayList<>();
        proof.forEach(h -> hashes.add(HexFormat.of().parseHex(h)));
        return hashes;
    }

    @JsonValue
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("fromSize", fromSize).put("toSize", toSize);
        ArrayNode hashes = node.putArray("proof");
        proof.forEach(hashes::add);
        return node;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ConsistencyProof fromJson(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("proof").isArray()) {
            throw new IllegalArgumentException("a consistency proof is {\"fromSize\":…,\"toSize\":…,\"proof\":[…]}");
        }
        List<String> hashes = new ArrayList<>();
        for (JsonNode h : node.get("proof")) {
            if (!h.isTextual()) {
                throw new IllegalArgumentException("a proof hash must be a string");
            }
            hashes.add(h.textValue());
        }
        return new ConsistencyProof(Json.whole(node, "fromSize"), Json.whole(node, "toSize"), hashes);
    }
}
