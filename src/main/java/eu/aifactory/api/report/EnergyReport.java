package eu.aifactory.api.report;

import java.time.Instant;
import java.util.List;

/**
 * A tenant's energy and emissions over a period, grouped, with the site's indicators beside the EnEfG thresholds.
 *
 * @param from               start of the period, inclusive
 * @param to                 end of the period, exclusive
 * @param timeZone           the site's time zone, which days, weeks and months follow
 * @param scope              whose workloads are included: the whole tenant, or the caller's projects
 * @param groups             rows in the order of their key (time) or of descending facility energy (others)
 * @param indicators         PUE, REF, ERF and WUE of the period
 * @param factors            the emission factors used
 * @param methodologyVersion stamp of the energy and carbon model
 * @param roundingRule       how the figures are rounded and why they add up exactly
 * @param methodology        the calculation in plain words
 * @param stackBy            how {@code series} split the periods, null when the report was not asked to stack
 * @param series             facility energy per application or project and period, largest first; empty unless
 *                           {@code stackBy} is set
 * @param projectScope       {@code scope} in machine-readable form, so a client can word it in its own language;
 *                           null from a factory that does not send it
 */
public record EnergyReport(
        String tenantId,
        String tenantName,
        Instant from,
        Instant to,
        EnergyGroupBy groupBy,
        String timeZone,
        String site,
        String scope,
        List<EnergyGroup> groups,
        EnergyTotals totals,
        List<SiteIndicator> indicators,
        List<EnergyFactor> factors,
        String methodologyVersion,
        String roundingRule,
        String methodology,
        Instant generatedAt,
        EnergyStackBy stackBy,
        List<EnergySeries> series,
        ProjectScope projectScope) {

    /**
     * Whose workloads a report covers.
     *
     * @param wholeTenant true when all projects of the tenant are included
     * @param projectIds  the caller's projects otherwise (possibly none); empty for the whole tenant
     */
    public record ProjectScope(boolean wholeTenant, List<String> projectIds) {
        public ProjectScope {
            projectIds = projectIds == null ? List.of() : List.copyOf(projectIds);
        }
    }

    public EnergyReport {
        groups = groups == null ? List.of() : List.copyOf(groups);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        factors = factors == null ? List.of() : List.copyOf(factors);
        series = series == null ? List.of() : List.copyOf(series);
    }

    /** A report without stacked series. */
    public EnergyReport(String tenantId, String tenantName, Instant from, Instant to, EnergyGroupBy groupBy,
                        String timeZone, String site, String scope, List<EnergyGroup> groups, EnergyTotals totals,
                        List<SiteIndicator> indicators, List<EnergyFactor> factors, String methodologyVersion,
                        String roundingRule, String methodology, Instant generatedAt) {
        this(tenantId, tenantName, from, to, groupBy, timeZone, site, scope, groups, totals, indicators, factors,
                methodologyVersion, roundingRule, methodology, generatedAt, null, null, null);
    }

    /** A report without the machine-readable project scope. */
    public EnergyReport(String tenantId, String tenantName, Instant from, Instant to, EnergyGroupBy groupBy,
                        String timeZone, String site, String scope, List<EnergyGroup> groups, EnergyTotals totals,
                        List<SiteIndicator> indicators, List<EnergyFactor> factors, String methodologyVersion,
                        String roundingRule, String methodology, Instant generatedAt, EnergyStackBy stackBy,
                        List<EnergySeries> series) {
        this(tenantId, tenantName, from, to, groupBy, timeZone, site, scope, groups, totals, indicators, factors,
                methodologyVersion, roundingRule, methodology, generatedAt, stackBy, series, null);
    }
}
