package eu.aifactory.api.transparency;

import java.util.HexFormat;
import java.util.List;

/** What {@code GET /v1/transparency/inclusion} answers: the leaf, the tree size and the RFC 9162 audit path (hex). */
public record InclusionProof(LogEntry entry, long treeSize, String leafHash, List<String> proof) {

    /** Whether the audit path shows the leaf in the tree of {@code head}. */
    public boolean proves(TreeHead head) {
        return head.treeSize() == treeSize && Merkle.verifyInclusion(entry.index(), treeSize, entry.leafHash(),
                proof.stream().map(HexFormat.of()::parseHex).toList(), head.root());
    }

    public static InclusionProof of(LogEntry entry, long treeSize, List<byte[]> path) {
        return new InclusionProof(entry, treeSize, entry.leafHashHex(), path.stream().map(HexFormat.of()::formatHex).toList());
    }
}
