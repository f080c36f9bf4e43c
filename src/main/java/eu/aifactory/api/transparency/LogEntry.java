package eu.aifactory.api.transparency;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.aifactory.api.signing.CanonicalJson;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One leaf of a tenant's transparency log: its position and the event it records, e.g.
 * {@code {"tenantId":"…","kind":"operator-access","ref":"oa-…","at":"2026-…Z", …}}. The leaf's bytes are the
 * RFC 8785 form of {@code leaf}, so a reader recomputes the leaf hash from what it sees.
 */
public record LogEntry(long index, ObjectNode leaf) {

    public LogEntry {
        Objects.requireNonNull(leaf, "leaf");
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
        leaf = leaf.deepCopy();
    }

    /** {@code SHA-256(0x00 || RFC 8785 form of the leaf)}. */
    public byte[] leafHash() {
        return Merkle.leafHash(CanonicalJson.canonicalize(leaf));
    }

    public String leafHashHex() {
        return HexFormat.of().formatHex(leafHash());
    }

    /** For people: {@code #12 operator-access oa-1234 at 2026-05-04T09:12:00Z}. */
    public String describe() {
        return "#" + index + " " + leaf.path("kind").asText("?") + " " + leaf.path("ref").asText("?")
                + " at " + leaf.path("at").asText("?");
    }

    @JsonValue
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("index", index);
        node.set("leaf", leaf.deepCopy());
        return node;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static LogEntry fromJson(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("leaf").isObject()) {
            throw new IllegalArgumentException("a log entry is {\"index\":…,\"leaf\":{…}}");
        }
        return new LogEntry(Json.whole(node, "index"), (ObjectNode) node.get("leaf"));
    }
}
