package eu.aifactory.portal.workloads;

import java.util.Set;

/**
 * The factory's sort parameter for the workloads list from a table header: a key and the direction the user chose.
 * Each key has the factory's default direction (dates, cost and energy highest first, status and application A to Z);
 * a leading {@code -} asks for the other one.
 */
final class WorkloadSort {

    /** Where a sortable column keeps its key, in {@code Node.getProperties()}. */
    static final String KEY = "workloadSortKey";
    private static final Set<String> DESCENDING_BY_DEFAULT = Set.of("createdAt", "startedAt", "costEur", "energyKwh");

    private WorkloadSort() {
    }

    /** The sort parameter for {@code key} in the given direction; null (the factory's default) without a key. */
    static String of(String key, boolean ascending) {
        if (key == null) {
            return null;
        }
        boolean descending = !ascending;
        return DESCENDING_BY_DEFAULT.contains(key) == descending ? key : "-" + key;
    }
}
