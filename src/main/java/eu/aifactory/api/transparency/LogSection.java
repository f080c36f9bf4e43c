package eu.aifactory.api.transparency;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a residency report says about the tenant's transparency log, inside {@code report} so it is signed: the
 * tree head when the report was made, the leaf index range {@code first..last} of the period's entries (null when
 * the period has none) with every entry of that range, and, when the report was asked for {@code since} an
 * earlier tree size, the consistency proof from that size to this head.
 */
public record LogSection(TreeHead treeHead, Long first, Long last, List<LogEntry> entries, ConsistencyProof consistency) {

    /** The member of the report that holds this section. */
    public static final String MEMBER = "transparency";

    public LogSection {
        entries = List.copyOf(entries);
        if ((first == null) != (last == null)) {
            throw new IllegalArgumentException("first and last come together");
        }
    }

    /** The section of a signed document's {@code report}, if it has one. */
    public static Optional<LogSection> of(JsonNode document) {
        JsonNode section = document == null ? null : document.path("report").get(MEMBER);
        return section == null || section.isNull() ? Optional.empty() : Optional.of(fromJson(section));
    }

    /**
     * Why the section contradicts itself, or empty: every index of {@code first..last} appears exactly once, in
     * order, and lies inside the tree; a gap would be an entry left out of the report.
     */
    public Optional<String> problem() {
        if (first == null) {
            return entries.isEmpty() ? Optional.empty() : Optional.of("entries are listed but no index range is given");
        }
        if (last < first || last >= treeHead.treeSize()) {
            return Optional.of("the range " + first + ".." + last + " is not inside a log of " + treeHead.treeSize() + " entries");
        }
        long expected = first;
        for (LogEntry entry : entries) {
            if (entry.index() != expected) {
                return Optional.of("entry #" + expected + " of the range " + first + ".." + last + " is missing from the report");
            }
            expected++;
        }
        return expected == last + 1 ? Optional.empty()
                : Optional.of("entry #" + expected + " of the range " + first + ".." + last + " is missing from the report");
    }

    @JsonValue
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("treeHead", treeHead.toJson());
        if (first == null) {
            node.putNull("first");
            node.putNull("last");
        } else {
            node.put("first", first);
            node.put("last", last);
        }
        ArrayNode list = node.putArray("entries");
        entries.forEach(e -> list.add(e.toJson()));
        if (consistency != null) {
            node.set("consistency", consistency.toJson());
        }
        return node;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static LogSection fromJson(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("entries").isArray()) {
            throw new IllegalArgumentException("the transparency section is an object with treeHead and entries");
        }
        List<LogEntry> entries = new ArrayList<>();
        node.get("entries").forEach(e -> entries.add(LogEntry.fromJson(e)));
        JsonNode consistency = node.get("consistency");
        return new LogSection(TreeHead.fromJson(node.get("treeHead")), optionalWhole(node, "first"),
                optionalWhole(node, "last"), entries,
                consistency == null || consistency.isNull() ? null : ConsistencyProof.fromJson(consistency));
    }

    private static Long optionalWhole(JsonNode node, String name) {
        JsonNode member = node.get(name);
        return member == null || member.isNull() ? null : Json.whole(node, name);
    }
}
