package eu.aifactory.api.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One row of a usage report. GPU-hours, cost and energy are those of the energy report for the same period
 * (cost split over days by run time; energy is facility energy, IT energy × PUE).
 *
 * @param key               {@code 2026-11}, {@code 2026-11-03}, or a project, user, application or resource-plan id
 * @param start             start of a month or day group (site-local, clipped to the report), null otherwise
 * @param end               end of a month or day group (exclusive), null otherwise
 * @param workloadCount     workloads created in the period that belong to this group
 * @param workloadsByStatus those workloads by status name ({@code QUEUED}, {@code RUNNING}, ...), zero counts left out
 */
public record UsageGroup(
        String key,
        String label,
        Instant start,
        Instant end,
        BigDecimal gpuHours,
        BigDecimal costEur,
        BigDecimal energyKwh,
        int workloadCount,
        Map<String, Integer> workloadsByStatus) {

    public UsageGroup {
        workloadsByStatus = Map.copyOf(workloadsByStatus);
    }
}
