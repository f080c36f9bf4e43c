package eu.aifactory.api.workload;

import java.math.BigDecimal;

/**
 * A forecast for one run. Energy is IT energy × the current PUE (facility energy); CO2e follows the
 * GHG Protocol Scope 2 location-based and market-based methods.
 *
 * @param methodologyVersion stamp of the energy and carbon model used, as cloud carbon tools do
 */
public record Estimate(
        BigDecimal costEur,
        BigDecimal gpuHours,
        BigDecimal energyKwh,
        BigDecimal co2eKgLocationBased,
        BigDecimal co2eKgMarketBased,
        long expectedRuntimeSeconds,
        long expectedQueueWaitSeconds,
        String methodologyVersion) {
}
