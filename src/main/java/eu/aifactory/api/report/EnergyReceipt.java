package eu.aifactory.api.report;

import eu.aifactory.api.workload.WorkloadStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The energy receipt of one workload: measured IT energy, facility energy via the PUE of each month it ran in,
 * the renewable and grid shares via REF, and CO2e by both GHG Protocol Scope 2 methods. Units and rounding as in
 * {@link EnergyGroup}; the totals are the exact sums of the periods.
 *
 * @param start         start of the run (the first sample's interval begins here); null before it started
 * @param end           time of the last sample; null without samples
 * @param samples       power samples recorded (one per minute of run time, the last one may cover less)
 * @param telemetry     what the samples contain and how IT energy follows from them
 * @param peakPowerW    highest sampled IT power
 * @param averagePowerW IT energy divided by the sampled run time
 * @param gpuKwh        GPU energy: IT energy minus the node share; null when the plan is no longer known
 * @param nodeShareKwh  the plan's allocated non-GPU node power × run time; null when the plan is no longer known
 * @param periods       one line per site-local month the run has samples in
 * @param factors       the emission factors and the monthly site indicators used
 * @param provenance    measured and modelled shares of the IT energy, sources, boundary, sampling, uncertainty, PUE
 * @param carbonIntensity carbon per unit of work (SCI) of this run; null when the app declares no functional unit
 * @param site          the site the workload ran at (the energy report's {@code site})
 * @param translations  by language ({@code "de"}): translations of the receipt's English texts from the factory's
 *                      records, keyed by the English text, as in {@link EnergyReport#translations()}
 */
public record EnergyReceipt(
        String workloadId,
        String workloadName,
        String appId,
        String projectId,
        String planId,
        int gpuCount,
        WorkloadStatus status,
        Instant start,
        Instant end,
        long samples,
        String telemetry,
        int peakPowerW,
        BigDecimal averagePowerW,
        BigDecimal gpuHours,
        BigDecimal gpuKwh,
        BigDecimal nodeShareKwh,
        BigDecimal itKwh,
        BigDecimal facilityKwh,
        BigDecimal renewableKwh,
        BigDecimal gridKwh,
        BigDecimal co2eKgLocationBased,
        BigDecimal co2eKgMarketBased,
        List<Period> periods,
        List<EnergyFactor> factors,
        String timeZone,
        String methodologyVersion,
        String roundingRule,
        String methodology,
        EnergyProvenance provenance,
        CarbonIntensity carbonIntensity,
        String site,
        Map<String, Map<String, String>> translations) {

    public EnergyReceipt {
        periods = periods == null ? List.of() : List.copyOf(periods);
        factors = factors == null ? List.of() : List.copyOf(factors);
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    /** A receipt without translations: every text in English. */
    public EnergyReceipt(String workloadId, String workloadName, String appId, String projectId, String planId,
                         int gpuCount, WorkloadStatus status, Instant start, Instant end, long samples, String telemetry,
                         int peakPowerW, BigDecimal averagePowerW, BigDecimal gpuHours, BigDecimal gpuKwh,
                         BigDecimal nodeShareKwh, BigDecimal itKwh, BigDecimal facilityKwh, BigDecimal renewableKwh,
                         BigDecimal gridKwh, BigDecimal co2eKgLocationBased, BigDecimal co2eKgMarketBased,
                         List<Period> periods, List<EnergyFactor> factors, String timeZone, String methodologyVersion,
                         String roundingRule, String methodology, EnergyProvenance provenance,
                         CarbonIntensity carbonIntensity, String site) {
        this(workloadId, workloadName, appId, projectId, planId, gpuCount, status, start, end, samples, telemetry,
                peakPowerW, averagePowerW, gpuHours, gpuKwh, nodeShareKwh, itKwh, facilityKwh, renewableKwh, gridKwh,
                co2eKgLocationBased, co2eKgMarketBased, periods, factors, timeZone, methodologyVersion, roundingRule,
                methodology, provenance, carbonIntensity, site, null);
    }

    /** This receipt with {@code translations} of its texts. */
    public EnergyReceipt withTranslations(Map<String, Map<String, String>> translations) {
        return new EnergyReceipt(workloadId, workloadName, appId, projectId, planId, gpuCount, status, start, end,
                samples, telemetry, peakPowerW, averagePowerW, gpuHours, gpuKwh, nodeShareKwh, itKwh, facilityKwh,
                renewableKwh, gridKwh, co2eKgLocationBased, co2eKgMarketBased, periods, factors, timeZone,
                methodologyVersion, roundingRule, methodology, provenance, carbonIntensity, site, translations);
    }

    /** {@code english}, one of the receipt's texts, in {@code locale}'s language when the receipt translates it. */
    public String text(String english, Locale locale) {
        return Translations.text(translations, english, locale);
    }

    /** A receipt without provenance and carbon intensity. */
    public EnergyReceipt(String workloadId, String workloadName, String appId, String projectId, String planId,
                         int gpuCount, WorkloadStatus status, Instant start, Instant end, long samples, String telemetry,
                         int peakPowerW, BigDecimal averagePowerW, BigDecimal gpuHours, BigDecimal gpuKwh,
                         BigDecimal nodeShareKwh, BigDecimal itKwh, BigDecimal facilityKwh, BigDecimal renewableKwh,
                         BigDecimal gridKwh, BigDecimal co2eKgLocationBased, BigDecimal co2eKgMarketBased,
                         List<Period> periods, List<EnergyFactor> factors, String timeZone, String methodologyVersion,
                         String roundingRule, String methodology, String site) {
        this(workloadId, workloadName, appId, projectId, planId, gpuCount, status, start, end, samples, telemetry,
                peakPowerW, averagePowerW, gpuHours, gpuKwh, nodeShareKwh, itKwh, facilityKwh, renewableKwh, gridKwh,
                co2eKgLocationBased, co2eKgMarketBased, periods, factors, timeZone, methodologyVersion, roundingRule,
                methodology, null, null, site);
    }

    /**
     * The run's energy within one site-local month.
     *
     * @param month               {@code 2026-11}
     * @param pue                 the month's PUE: facility energy = IT energy × PUE
     * @param ref                 the month's renewable share: renewable energy = facility energy × REF
     * @param co2eKgLocationBased facility energy × the grid-average factor
     * @param co2eKgMarketBased   grid energy (not covered by renewables) × the residual-mix factor
     */
    public record Period(
            String month,
            long samples,
            BigDecimal itKwh,
            BigDecimal pue,
            BigDecimal facilityKwh,
            BigDecimal ref,
            BigDecimal renewableKwh,
            BigDecimal gridKwh,
            BigDecimal co2eKgLocationBased,
            BigDecimal co2eKgMarketBased) {
    }
}
