package eu.aifactory.api.report;

import eu.aifactory.api.LocalizedText;
import java.math.BigDecimal;
import java.util.List;

/**
 * Software Carbon Intensity after ISO/IEC 21031:2024: SCI = (E × I + M) per R, for one application's runs.
 * E is facility energy (IT energy × PUE), I the location-based grid factor (market instruments and offsets do not
 * reduce SCI), M the GPU servers' embodied emissions amortised per allocated GPU-hour, R the app's functional unit.
 *
 * @param appId          the application
 * @param unit           the functional unit's key, e.g. {@code part}, {@code tokens_1000}, {@code simulation_run}
 * @param unitLabel      the functional unit in words
 * @param counting       how units are counted: {@code RUN} (one per succeeded run) or {@code RATE} (the app's declared
 *                       throughput × GPU-hours of succeeded runs)
 * @param unitsPerGpuHour the declared throughput for {@code RATE}, null for {@code RUN}
 * @param units          R: units produced (3 decimals)
 * @param energyKwh      E: facility energy
 * @param gpuHours       allocated GPU-hours the embodied share is amortised over
 * @param operationalKg  E × I
 * @param embodiedKg     M
 * @param totalKg        E × I + M
 * @param perUnitG       (E × I + M) / R in grams, 4 decimals; null when no unit was produced
 * @param factors        I and the embodied factors used, each with value, unit, year and source
 */
public record CarbonIntensity(
        String appId,
        String unit,
        LocalizedText unitLabel,
        String counting,
        BigDecimal unitsPerGpuHour,
        BigDecimal units,
        BigDecimal energyKwh,
        BigDecimal gpuHours,
        BigDecimal operationalKg,
        BigDecimal embodiedKg,
        BigDecimal totalKg,
        BigDecimal perUnitG,
        List<EnergyFactor> factors,
        String standard,
        String note) {

    public static final String STANDARD = "ISO/IEC 21031:2024 (SCI)";

    public CarbonIntensity {
        factors = factors == null ? List.of() : List.copyOf(factors);
    }
}
