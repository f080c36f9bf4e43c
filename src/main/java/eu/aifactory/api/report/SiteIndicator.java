package eu.aifactory.api.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A facility indicator of the site (ISO/IEC 30134) over a report's period, beside its legal threshold.
 *
 * @param name      PUE, REF, ERF or WUE
 * @param value     the period's value, weighted as {@code weighting} says
 * @param weighting how the monthly values were combined into {@code value}
 * @param threshold the EnEfG limit it is compared with, or null when the law sets none (WUE)
 * @param pass      whether {@code value} (at the precision shown) meets the threshold; null without threshold
 * @param values    the monthly (or design) values used, each with its source
 * @param weightingBasis {@code weighting} in machine-readable form: {@link #BY_IT_ENERGY}, {@link #BY_FACILITY_ENERGY}
 *                  or {@link #BY_TIME}; null from a factory that does not send it
 * @param ruleSetId the rule set {@code threshold} and {@code pass} come from; null from a factory that does not send it
 * @param waived    true when that rule set waives the limit for this site (then threshold and pass are null)
 * @param comparisons the same indicator under every other rule set the factory knows
 */
public record SiteIndicator(
        String name,
        BigDecimal value,
        String unit,
        String weighting,
        Threshold threshold,
        Boolean pass,
        List<EnergyFactor> values,
        String weightingBasis,
        String ruleSetId,
        Boolean waived,
        List<Comparison> comparisons) {

    /** Weighted by the report's IT energy per month. */
    public static final String BY_IT_ENERGY = "itEnergy";
    /** Weighted by the report's facility energy per month. */
    public static final String BY_FACILITY_ENERGY = "facilityEnergy";
    /** No energy in the period: the monthly values weighted by time. */
    public static final String BY_TIME = "time";

    /** An indicator without the machine-readable weighting basis. */
    public SiteIndicator(String name, BigDecimal value, String unit, String weighting, Threshold threshold, Boolean pass,
                         List<EnergyFactor> values) {
        this(name, value, unit, weighting, threshold, pass, values, null);
    }

    /** An indicator without rule versions. */
    public SiteIndicator(String name, BigDecimal value, String unit, String weighting, Threshold threshold, Boolean pass,
                         List<EnergyFactor> values, String weightingBasis) {
        this(name, value, unit, weighting, threshold, pass, values, weightingBasis, null, null, null);
    }

    public SiteIndicator {
        values = values == null ? List.of() : List.copyOf(values);
        comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
    }

    /**
     * The indicator's verdict under another rule set.
     *
     * @param threshold the limit of that rule set, null when it sets none or waives it
     * @param pass      null without a threshold
     * @param waived    true when that rule set waives the limit for this site
     */
    public record Comparison(String ruleSetId, Threshold threshold, Boolean pass, boolean waived) {
    }

    /**
     * A limit of the Energieeffizienzgesetz.
     *
     * @param comparator  {@code <=} (the value must not exceed it) or {@code >=} (the value must reach it)
     * @param appliesFrom the date from which the limit applies
     * @param inForce     false when the limit applies only after the report's period (shown as the coming limit)
     * @param siteClass   NEW (operating from 1 July 2026), EXISTING or ALL
     */
    public record Threshold(
            String comparator,
            BigDecimal value,
            String unit,
            LocalDate appliesFrom,
            boolean inForce,
            String siteClass,
            String legalReference,
            String note) {
    }
}
