package eu.aifactory.api.catalog;

import eu.aifactory.api.LocalizedText;
import java.math.BigDecimal;

/**
 * A bookable slice of the factory.
 *
 * @param gpuIdleWatts      power of one GPU at idle
 * @param gpuPeakWatts      power of one GPU at full load (TDP)
 * @param nodeOverheadWatts the non-GPU power (CPU, memory, NICs, fans) of the nodes, allocated by the
 *                          plan's share of their GPUs
 */
public record ResourcePlan(
        String id,
        LocalizedText name,
        String gpuModel,
        String gpuClass,
        int gpuCount,
        int gpuIdleWatts,
        int gpuPeakWatts,
        int nodeOverheadWatts,
        BigDecimal eurPerHour) {

    public int peakWatts() {
        return gpuCount * gpuPeakWatts + nodeOverheadWatts;
    }
}
