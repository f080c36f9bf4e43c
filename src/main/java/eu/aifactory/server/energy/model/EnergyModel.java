package eu.aifactory.server.energy.model;

import eu.aifactory.api.LocalizedText;
import eu.aifactory.api.report.EnergyFactor;
import eu.aifactory.api.report.RuleSet;
import eu.aifactory.api.report.SiteEvidence;
import eu.aifactory.api.report.SiteIndicator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data the energy figures are computed from, as stored when a request came in: the site, its monthly facility
 * indicators (with design values for months without figures), the EnEfG thresholds and the emission factors.
 */
public final class EnergyModel {

    public static final String PUE = "PUE";
    public static final String REF = "REF";
    public static final String ERF = "ERF";
    public static final String WUE = "WUE";
    public static final List<String> INDICATORS = List.of(PUE, REF, ERF, WUE);

    /** Design values from {@code energy_factors} for months the {@code site_indicators} table has no row for. */
    private static final Map<String, String> DESIGN_KEYS = Map.of(PUE, EnergyFactors.PUE, REF, "renewable_share_site",
            ERF, "erf_site", WUE, "wue_site");

    /**
     * The site all workloads run at, with the EnEfG class its indicators are compared against, its registrations and
     * whether a heat network lies within 5 km.
     */
    public record Site(String id, String name, ZoneId zone, LocalDate operatingSince, String enefgClass, String note,
                       String euDatabaseId, String deRegisterId, boolean heatNetworkWithin5km) {
    }

    /** One row of {@code site_indicators}; {@code coverage} is the part of the site the figure covers. */
    public record IndicatorRow(String indicator, LocalDate validFrom, LocalDate validTo, BigDecimal value, String unit,
                               String source, String coverage) {
    }

    /** One row of {@code rule_thresholds}. */
    public record ThresholdRow(String ruleSet, String indicator, String siteClass, LocalDate appliesFrom,
                               String comparator, BigDecimal value, String unit, String legalReference, String note,
                               boolean waivedWithoutHeatNetwork) {
    }

    /** One row of {@code energy_sources}: what a sample's provenance value means. */
    public record SourceRow(String provenance, String kind, String source, String device, String model,
                            String modelVersion, String boundary, BigDecimal uncertainty, boolean illustrative,
                            String description) {
    }

    /** One row of {@code site_resource_flows}: the site's water use and passed-on heat over a period. */
    public record FlowRow(LocalDate validFrom, LocalDate validTo, BigDecimal waterLitres, BigDecimal reusedHeatKwh,
                          BigDecimal heatSupplyTempC, String heatRecipient, String source) {
    }

    /** One row of {@code app_functional_units}: an app's functional unit R and how a run's units are counted. */
    public record FunctionalUnit(String appId, String key, LocalizedText label, String counting,
                                 BigDecimal unitsPerGpuHour, String note) {
    }

    /** Everything besides the indicators, thresholds and factors that receipts and reports draw on. */
    public record Evidence(List<RuleSet> ruleSets, Map<String, SourceRow> sources, List<FlowRow> flows,
                           List<SiteEvidence.Certificate> certificates, Map<String, FunctionalUnit> functionalUnits) {
        public Evidence {
            ruleSets = List.copyOf(ruleSets);
            sources = Map.copyOf(sources);
            flows = List.copyOf(flows);
            certificates = List.copyOf(certificates);
            functionalUnits = Map.copyOf(functionalUnits);
        }
    }

    /**
     * An indicator's value for one month and where it comes from; {@code row} is null when the design value stood in.
     */
    public record Value(BigDecimal value, EnergyFactor factor, IndicatorRow row) {
    }

    /** The four indicators of one site-local month. */
    public record Monthly(YearMonth month, Value pue, Value ref, Value erf, Value wue) {

        public Value get(String indicator) {
            return switch (indicator) {
                case PUE -> pue;
                case REF -> ref;
                case ERF -> erf;
                case WUE -> wue;
                default -> throw new IllegalArgumentException("unknown indicator " + indicator);
            };
        }
    }

    private final Site site;
    private final List<IndicatorRow> indicators;
    private final List<ThresholdRow> thresholds;
    private final EnergyFactors factors;
    private final Evidence evidence;

    public EnergyModel(Site site, List<IndicatorRow> indicators, List<ThresholdRow> thresholds, EnergyFactors factors,
                       Evidence evidence) {
        this.site = site;
        this.indicators = List.copyOf(indicators);
        this.thresholds = List.copyOf(thresholds);
        this.factors = factors;
        this.evidence = evidence;
    }

    public EnergyFactors factors() {
        return factors;
    }

    public Evidence evidence() {
        return evidence;
    }

    /** The rule set reports apply unless asked for another: the enacted one published last. */
    public RuleSet defaultRuleSet() {
        return evidence.ruleSets().stream().filter(r -> RuleSet.ENACTED.equals(r.status()))
                .max(Comparator.comparing(RuleSet::publishedOn))
                .orElseThrow(() -> new IllegalStateException("the rule_sets table holds no enacted rule set"));
    }

    public Optional<RuleSet> ruleSet(String id) {
        return evidence.ruleSets().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** What a sample's provenance value means; an unknown value is described by its own words. */
    public SourceRow source(String provenance) {
        SourceRow row = evidence.sources().get(provenance);
        if (row != null) {
            return row;
        }
        String kind = provenance.startsWith("measured") ? "measured" : "modelled";
        return new SourceRow(provenance, kind, provenance, null, null, null, "NODE", BigDecimal.ZERO, false,
                "Not described in energy_sources: no boundary or uncertainty is known for it");
    }

    public Site site() {
        return site;
    }

    public ZoneId zone() {
        return site.zone();
    }

    public EnergyFactors.Factor locationFactor() {
        return factors.factor(EnergyFactors.GRID_LOCATION);
    }

    public EnergyFactors.Factor residualFactor() {
        return factors.factor(EnergyFactors.GRID_RESIDUAL);
    }

    /** The emission factors every figure uses, as listed in receipts and reports. */
    public List<EnergyFactor> emissionFactors() {
        return List.of(toApi(locationFactor()), toApi(residualFactor()));
    }

    public static EnergyFactor toApi(EnergyFactors.Factor f) {
        return new EnergyFactor(f.key(), f.value(), f.unit(), f.year(), null, null, f.source());
    }

    /**
     * The indicators of {@code month}: the row whose validity contains the month's first day, or the design value
     * from {@code energy_factors} when there is none.
     */
    public Monthly month(YearMonth month) {
        return new Monthly(month, value(PUE, month), value(REF, month), value(ERF, month), value(WUE, month));
    }

    private Value value(String indicator, YearMonth month) {
        LocalDate first = month.atDay(1);
        for (IndicatorRow row : indicators) {
            if (row.indicator().equals(indicator) && !first.isBefore(row.validFrom()) && first.isBefore(row.validTo())) {
                return new Value(row.value(), new EnergyFactor(indicator, row.value(), row.unit(), null, row.validFrom(),
                        row.validTo(), row.source()), row);
            }
        }
        EnergyFactors.Factor design = factors.factor(DESIGN_KEYS.get(indicator));
        return new Value(design.value(), new EnergyFactor(indicator, design.value(), design.unit(), design.year(), first,
                month.plusMonths(1).atDay(1), "No figure for this month; design value " + design.key() + " from "
                + "energy_factors: " + design.source()), null);
    }

    /**
     * The EnEfG limit to compare a period ending on {@code lastDay} with: for the site's class (or ALL), the one in
     * force on that day, or the next one to come; empty when the law sets none.
     */
    public Optional<SiteIndicator.Threshold> threshold(String indicator, LocalDate lastDay) {
        return thresholdRow(defaultRuleSet().id(), indicator, lastDay).map(t -> t.threshold);
    }

    /** A limit of a rule set and whether that rule set waives it for this site. */
    public record Limit(SiteIndicator.Threshold threshold, boolean waived) {
    }

    /** Like {@link #threshold(String, LocalDate)}, under the rule set {@code ruleSetId}. */
    public Optional<Limit> limit(String ruleSetId, String indicator, LocalDate lastDay) {
        return thresholdRow(ruleSetId, indicator, lastDay)
                .map(t -> new Limit(t.threshold, t.row.waivedWithoutHeatNetwork() && !site.heatNetworkWithin5km()));
    }

    private record Chosen(ThresholdRow row, SiteIndicator.Threshold threshold) {
    }

    private Optional<Chosen> thresholdRow(String ruleSetId, String indicator, LocalDate lastDay) {
        List<ThresholdRow> rows = new ArrayList<>();
        for (ThresholdRow row : thresholds) {
            if (row.ruleSet().equals(ruleSetId) && row.indicator().equals(indicator)
                    && (row.siteClass().equals(site.enefgClass()) || row.siteClass().equals("ALL"))) {
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparing(ThresholdRow::appliesFrom));
        ThresholdRow inForce = null;
        ThresholdRow next = null;
        for (ThresholdRow row : rows) {
            if (!row.appliesFrom().isAfter(lastDay)) {
                inForce = row;
            } else if (next == null) {
                next = row;
            }
        }
        ThresholdRow chosen = inForce != null ? inForce : next;
        if (chosen == null) {
            return Optional.empty();
        }
        return Optional.of(new Chosen(chosen, new SiteIndicator.Threshold(chosen.comparator(), chosen.value(),
                chosen.unit(), chosen.appliesFrom(), inForce != null, chosen.siteClass(), chosen.legalReference(),
                chosen.note())));
    }

    /** Whether {@code value} meets {@code threshold}. */
    public static boolean passes(BigDecimal value, SiteIndicator.Threshold threshold) {
        int c = value.compareTo(threshold.value());
        return "<=".equals(threshold.comparator()) ? c <= 0 : c >= 0;
    }
}
