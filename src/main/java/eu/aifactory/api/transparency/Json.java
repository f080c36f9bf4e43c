package eu.aifactory.api.transparency;

import com.fasterxml.jackson.databind.JsonNode;

/** Strict reading of the members the transparency records consist of. */
final class Json {

    private Json() {
    }

    static String text(JsonNode node, String name) {
        JsonNode member = node.get(name);
        if (member == null || !member.isTextual()) {
            throw new IllegalArgumentException("member " + name + " must be a string");
        }
        return member.textValue();
    }

    static long whole(JsonNode node, String name) {
        JsonNode member = node.get(name);
        if (member == null || !member.isIntegralNumber() || !member.canConvertToLong()) {
            throw new IllegalArgumentException("member " + name + " must be a whole number");
        }
        return member.longValue();
    }
}
