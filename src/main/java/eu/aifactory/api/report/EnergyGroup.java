package eu.aifactory.api.report;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of an energy report. Energy is kWh with exactly three decimals (whole Wh), CO2e kg with three decimals
 * (whole grams), GPU-hours with three decimals, cost EUR with two; each is a sum of per-workload-and-day values,
 * so the rows add up to the report's totals exactly.
 *
 * @param key           stable key: {@code 2026-11-03}, {@code 2026-W45}, {@code 2026-11}, or an application, project,
 *                      workload or user id
 * @param label         readable name (the key for periods)
 * @param start         start of a period group (site-local midnight), null for other groupings
 * @param end           end of a period group, exclusive
 * @param workloadCount workloads with energy in this group; a workload running across groups counts in each
 * @param measuredKwh   the part of {@code itKwh} from measured samples (the rest is modelled); null from a factory
 *                      that does not send it
 */
public record EnergyGroup(
        String key,
        String label,
        Instant start,
        Instant end,
        BigDecimal itKwh,
        BigDecimal facilityKwh,
        BigDecimal renewableKwh,
        BigDecimal gridKwh,
        BigDecimal co2eKgLocationBased,
        BigDecimal co2eKgMarketBased,
        BigDecimal gpuHours,
        BigDecimal costEur,
        int workloadCount,
        BigDecimal measuredKwh) {

    /** A row without the measured part. */
    public EnergyGroup(String key, String label, Instant start, Instant end, BigDecimal itKwh, BigDecimal facilityKwh,
                       BigDecimal renewableKwh, BigDecimal gridKwh, BigDecimal co2eKgLocationBased,
                       BigDecimal co2eKgMarketBased, BigDecimal gpuHours, BigDecimal costEur, int workloadCount) {
        this(key, label, start, end, itKwh, facilityKwh, renewableKwh, gridKwh, co2eKgLocationBased, co2eKgMarketBased,
                gpuHours, costEur, workloadCount, null);
    }
}
