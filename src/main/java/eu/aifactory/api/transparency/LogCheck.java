package eu.aifactory.api.transparency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a newer report's log is a consistent extension of an older report's log (RFC 9162 consistency), and when
 * it is not, which of the older report's entries the newer log no longer holds. Pure logic over two
 * {@link LogSection}s whose reports the caller has verified already (the tree heads are inside the signed reports).
 */
public final class LogCheck {

    public enum Status {
        /** The newer log extends the older one: nothing the older report listed was dropped or changed. */
        CONSISTENT,
        /** The newer log does not extend the older one: an entry was dropped or changed. */
        INCONSISTENT,
        /** No proof between the two sizes was at hand, or the reports are of different tenants. */
        NOT_CHECKED
    }

    /**
     * @param status  the outcome
     * @param message an English explanation
     * @param dropped the older report's entries the newer log does not hold at their index (named for people)
     */
    public record Result(Status status, String message, List<LogEntry> dropped) {

        public Result {
            dropped = List.copyOf(dropped);
        }
    }

    private LogCheck() {
    }

    /**
     * Checks {@code newer} against {@code older}, with the proof the newer report embeds or else {@code proof}
     * (e.g. fetched from {@code GET /v1/transparency/consistency}); {@code proof} may be null.
     */
    public static Result check(LogSection older, LogSection newer, ConsistencyProof proof) {
        TreeHead before = older.treeHead();
        TreeHead after = newer.treeHead();
        if (!before.tenantId().equals(after.tenantId())) {
            return new Result(Status.NOT_CHECKED, "the reports are of different tenants (" + before.tenantId() + ", "
                    + after.tenantId() + ")", List.of());
        }
        if (after.treeSize() < before.treeSize()) {
            return inconsistent(older, newer, "the newer log has " + after.treeSize() + " entries, fewer than the "
                    + before.treeSize() + " of the older one");
        }
        if (after.treeSize() == before.treeSize()) {
            return Arrays.equals(before.root(), after.root())
                    ? new Result(Status.CONSISTENT, "log consistent: both reports saw the same " + after.treeSize()
                            + " entries", List.of())
                    : inconsistent(older, newer, "both logs have " + after.treeSize() + " entries but different roots");
        }
        ConsistencyProof usable = newer.consistency() != null && newer.consistency().fromSize() == before.treeSize()
                ? newer.consistency() : proof;
        if (usable == null || usable.fromSize() != before.treeSize() || usable.toSize() != after.treeSize()) {
            return new Result(Status.NOT_CHECKED, "no consistency proof from tree size " + before.treeSize() + " to "
                    + after.treeSize() + " is at hand: ask the factory for the newer report with since="
                    + before.treeSize() + ", or pass the proof of GET /v1/transparency/consistency?from="
                    + before.treeSize() + "&to=" + after.treeSize(), List.of());
        }
        if (usable.proves(before, after)) {
            return new Result(Status.CONSISTENT, "log consistent: the log of " + after.treeSize()
                    + " entries extends the earlier " + before.treeSize() + " entries", List.of());
        }
        return inconsistent(older, newer, "the consistency proof from " + before.treeSize() + " to " + after.treeSize()
                + " entries does not hold");
    }

    /** Names the older entries the newer report does not show at their index. */
    private static Result inconsistent(LogSection older, LogSection newer, String why) {
        Map<Long, String> newerAt = newer.entries().stream()
                .collect(Collectors.toMap(LogEntry::index, LogEntry::leafHashHex, (a, b) -> a));
        Set<String> newerLeaves = new HashSet<>(newerAt.values());
        List<LogEntry> dropped = new ArrayList<>();
        List<LogEntry> unconfirmed = new ArrayList<>();
        for (LogEntry entry : older.entries()) {
            String hash = entry.leafHashHex();
            String there = newerAt.get(entry.index());
            if (there == null && !newerLeaves.contains(hash) && entry.index() >= firstOf(newer) && entry.index() <= lastOf(newer)) {
                dropped.add(entry);
            } else if (there == null) {
                unconfirmed.add(entry);
            } else if (!there.equals(hash)) {
                dropped.add(entry);
            }
        }
        StringBuilder message = new StringBuilder("log NOT consistent: ").append(why);
        if (!dropped.isEmpty()) {
            message.append("; dropped or changed: ").append(dropped.stream().map(LogEntry::describe)
                    .collect(Collectors.joining(", ")));
        } else if (!unconfirmed.isEmpty()) {
            message.append("; the newer report does not list entries ").append(unconfirmed.get(0).index()).append("..")
                    .append(unconfirmed.get(unconfirmed.size() - 1).index())
                    .append(", so the dropped entry cannot be named from these two reports");
        }
        return new Result(Status.INCONSISTENT, message.toString(), dropped);
    }

    private static long firstOf(LogSection section) {
        return section.first() == null ? Long.MAX_VALUE : section.first();
    }

    private static long lastOf(LogSection section) {
        return section.last() == null ? Long.MIN_VALUE : section.last();
    }
}
