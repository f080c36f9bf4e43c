package eu.aifactory.api.signing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A statement by the factory's outgoing key that key {@code to} replaces key {@code from} as of {@code rotatedAt}.
 * It is signed by the OLD key, so a client that trusts {@code from} can accept {@code to} without asking a human,
 * while a key that simply appears (a swapped key) has no such record. Because kids are RFC 7638 thumbprints,
 * naming {@code to} binds the new key material itself.
 *
 * <p>Wire form: {@code {"from":"…","to":"…","rotatedAt":"<ISO-8601>","jws":"<detached JWS>"}}; the JWS covers the
 * RFC 8785 form of {@code {"type":"factory-key-rotation","from":…,"to":…,"rotatedAt":…}} (the {@code type}
 * keeps a rotation signature from ever passing for a report signature and vice versa).
 */
public record KeyRotation(String from, String to, Instant rotatedAt, String jws) {

    public static final String TYPE = "factory-key-rotation";

    public KeyRotation {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(rotatedAt, "rotatedAt");
        Objects.requireNonNull(jws, "jws");
    }

    /** The record for rotating from {@code fromKid} to {@code toKid}, signed with {@code fromKey}. */
    public static KeyRotation sign(String fromKid, PrivateKey fromKey, String toKid, Instant at) {
        Instant rotatedAt = at.truncatedTo(ChronoUnit.SECONDS);
        String jws = new JwsSigner(fromKey, fromKid).signDetached(CanonicalJson.canonicalize(body(fromKid, toKid, rotatedAt)), rotatedAt);
        return new KeyRotation(fromKid, toKid, rotatedAt, jws);
    }

    /** Whether this record carries a valid signature by {@code fromKey}, the key it says is being replaced. */
    public boolean isSignedBy(Jwk fromKey) {
        return fromKey.kid().equals(from)
                && JwsVerifier.kidOf(jws).filter(from::equals).isPresent()
                && JwsVerifier.verify(jws, CanonicalJson.canonicalize(body(from, to, rotatedAt)), fromKey.publicKey());
    }

    private static ObjectNode body(String from, String to, Instant rotatedAt) {
        return JsonNodeFactory.instance.objectNode()
                .put("type", TYPE)
                .put("from", from)
                .put("to", to)
                .put("rotatedAt", rotatedAt.toString());
    }

    @JsonValue
    public ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode()
                .put("from", from)
                .put("to", to)
                .put("rotatedAt", rotatedAt.toString())
                .put("jws", jws);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static KeyRotation fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a key rotation record must be a JSON object");
        }
        try {
            return new KeyRotation(text(node, "from"), text(node, "to"), Instant.parse(text(node, "rotatedAt")), text(node, "jws"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("rotatedAt is not an ISO-8601 instant", e);
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode member = node.get(name);
        if (member == null || !member.isTextual()) {
            throw new IllegalArgumentException("key rotation member " + name + " must be a string");
        }
        return member.textValue();
    }
}
