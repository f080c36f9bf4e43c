package eu.aifactory.api.signing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The factory's published signing keys, as served at {@code GET /.well-known/factory-keys}: an RFC 7517 JWK set
 * {@code {"keys":[…]}} with one extra member, {@code "rotations":[…]}, the {@link KeyRotation} records that link
 * each retired key to its successor (RFC 7517 section 5 lets readers ignore members they do not know).
 */
public record JwkSet(List<Jwk> keys, List<KeyRotation> rotations) {

    public JwkSet {
        keys = List.copyOf(keys);
        rotations = rotations == null ? List.of() : List.copyOf(rotations);
        Set<String> seen = new HashSet<>();
        for (Jwk key : keys) {
            if (!seen.add(key.kid())) {
                throw new IllegalArgumentException("key " + key.kid() + " appears twice in the key set");
            }
        }
    }

    public static JwkSet of(Jwk... keys) {
        return new JwkSet(List.of(keys), List.of());
    }

    public Optional<Jwk> find(String kid) {
        return keys.stream().filter(k -> k.kid().equals(kid)).findFirst();
    }

    /** The key ids in publication order. */
    public Set<String> kids() {
        Set<String> kids = new LinkedHashSet<>();
        keys.forEach(k -> kids.add(k.kid()));
        return kids;
    }

    /** This set restricted to the keys whose kid is in {@code kids}, with all rotation records kept. */
    public JwkSet only(Set<String> kids) {
        return new JwkSet(keys.stream().filter(k -> kids.contains(k.kid())).toList(), rotations);
    }

    @JsonValue
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode keyArray = node.putArray("keys");
        keys.forEach(k -> keyArray.add(k.toJson()));
        ArrayNode rotationArray = node.putArray("rotations");
        rotations.forEach(r -> rotationArray.add(r.toJson()));
        return node;
    }

    /**
     * Reads a JWK set. Keys of other types or curves are skipped, as RFC 7517 section 5 advises; an OKP Ed25519
     * key that is broken, or whose kid is not its thumbprint, makes the whole set invalid.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static JwkSet fromJson(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("keys").isArray()) {
            throw new IllegalArgumentException("a JWK set is a JSON object with a \"keys\" array");
        }
        List<Jwk> keys = new ArrayList<>();
        for (JsonNode key : node.get("keys")) {
            if ("OKP".equals(key.path("kty").textValue()) && "Ed25519".equals(key.path("crv").textValue())) {
                keys.add(Jwk.fromJson(key));
            }
        }
        List<KeyRotation> rotations = new ArrayList<>();
        JsonNode rotationArray = node.get("rotations");
        if (rotationArray != null && !rotationArray.isNull()) {
            if (!rotationArray.isArray()) {
                throw new IllegalArgumentException("\"rotations\" must be an array");
            }
            rotationArray.forEach(r -> rotations.add(KeyRotation.fromJson(r)));
        }
        return new JwkSet(keys, rotations);
    }

    /** Reads a JWK set from JSON bytes (duplicate member names rejected). */
    public static JwkSet parse(byte[] json) throws IOException {
        return fromJson(StrictJson.read(json));
    }
}
