package eu.aifactory.api.usage;

import java.math.BigDecimal;
import java.util.Map;

/** The sums of a usage report's groups; equal to the energy report's totals for the same period and caller. */
public record UsageTotals(BigDecimal gpuHours, BigDecimal costEur, BigDecimal energyKwh, int workloadCount,
                          Map<String, Integer> workloadsByStatus) {

    public UsageTotals {
        workloadsByStatus = Map.copyOf(workloadsByStatus);
    }
}
