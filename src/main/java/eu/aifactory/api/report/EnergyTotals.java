package eu.aifactory.api.report;

import java.math.BigDecimal;

/**
 * The totals of an energy report: the exact sums of its groups' figures (same units and decimals).
 *
 * @param workloadCount distinct workloads with energy in the period (not the sum of the groups' counts)
 */
public record EnergyTotals(
        BigDecimal itKwh,
        BigDecimal facilityKwh,
        BigDecimal renewableKwh,
        BigDecimal gridKwh,
        BigDecimal co2eKgLocationBased,
        BigDecimal co2eKgMarketBased,
        BigDecimal gpuHours,
        BigDecimal costEur,
        int workloadCount) {
}
