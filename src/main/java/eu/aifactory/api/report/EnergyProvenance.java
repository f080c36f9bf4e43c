package eu.aifactory.api.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * Where the IT energy of a receipt or report comes from: how much of it was measured and how much modelled, by which
 * source over which boundary, how often it was sampled, how uncertain it is, and which PUE turned it into facility
 * energy. kWh have 3 decimals and are sums of whole Wh, so {@code measuredKwh + modelledKwh} is the IT energy exactly.
 *
 * @param measuredKwh      IT energy from measured samples
 * @param modelledKwh      IT energy from modelled samples
 * @param measuredShare    {@code measuredKwh / (measuredKwh + modelledKwh)}, 3 decimals; 0 without energy
 * @param modelledShare    {@code 1 - measuredShare}, so the two shares add up to 1 exactly; 0 without energy
 * @param uncertaintyKwh   half-width of the band around the IT energy: the sum over sources of their energy × their
 *                         relative uncertainty (errors of different sources taken as adding up, the cautious bound)
 * @param uncertaintyShare {@code uncertaintyKwh / IT energy}, 3 decimals
 * @param sources          every source with energy in the receipt or report, largest first
 * @param pue              the PUE of each month used, with its basis and the part of the site it covers
 */
public record EnergyProvenance(
        BigDecimal measuredKwh,
        BigDecimal modelledKwh,
        BigDecimal measuredShare,
        BigDecimal modelledShare,
        BigDecimal uncertaintyKwh,
        BigDecimal uncertaintyShare,
        List<Source> sources,
        List<PueUsed> pue) {

    public EnergyProvenance {
        sources = sources == null ? List.of() : List.copyOf(sources);
        pue = pue == null ? List.of() : List.copyOf(pue);
    }

    /** {@code measured} (a meter) or {@code modelled} (a model). */
    public static final String MEASURED = "measured";
    public static final String MODELLED = "modelled";

    /**
     * One source of samples.
     *
     * @param provenance        the value the samples carry
     * @param kind              {@link #MEASURED} or {@link #MODELLED}
     * @param source            the meter or the program that produced the samples
     * @param device            for measured samples: the sensor or meter
     * @param model             for modelled samples: the model
     * @param modelVersion      for modelled samples: the model's version
     * @param boundary          what the figure covers: {@code GPU}, {@code NODE} or {@code FACILITY}
     * @param samplingIntervalS mean time between this source's samples, seconds (1 decimal), from the samples
     * @param uncertainty       relative uncertainty of its energy (half-width, fraction)
     * @param illustrative      true when the demo factory plays this source
     * @param samples           number of samples
     * @param itKwh             IT energy from this source
     * @param share             {@code itKwh} / IT energy, 3 decimals; the shares add up to 1 (largest remainder)
     */
    public record Source(
            String provenance,
            String kind,
            String source,
            String device,
            String model,
            String modelVersion,
            String boundary,
            BigDecimal samplingIntervalS,
            BigDecimal uncertainty,
            boolean illustrative,
            String description,
            long samples,
            BigDecimal itKwh,
            BigDecimal share) {
    }

    /**
     * A PUE a month's facility energy was computed with.
     *
     * @param month    {@code 2026-11}
     * @param basis    {@code MONTHLY} or {@code ANNUAL} (the period the stored figure was taken over), or
     *                 {@code DESIGN} when the month has no figure and the design value stood in
     * @param coverage the part of the site the figure covers (a hall, or the whole site)
     */
    public record PueUsed(String month, BigDecimal value, String basis, String coverage, String source) {
    }
}
