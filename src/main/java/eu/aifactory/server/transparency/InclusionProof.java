package eu.aifactory.server.transparency;

import eu.aifactory.api.transparency.LogEntry;
import java.util.HexFormat;
import java.util.List;

/** What {@code GET /v1/transparency/inclusion} answers: the leaf, the tree size and the RFC 9162 audit path (hex). */
public record InclusionProof(LogEntry entry, long treeSize, String leafHash, List<String> proof) {

    static InclusionProof of(LogEntry entry, long treeSize, List<byte[]> path) {
        return new InclusionProof(entry, treeSize, entry.leafHashHex(), path.stream().map(HexFormat.of()::formatHex).toList());
    }
}
