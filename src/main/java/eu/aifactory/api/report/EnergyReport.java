package eu.aifactory.api.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * @param provenance         measured and modelled shares of the IT energy, sources, boundary, sampling, uncertainty, PUE
 * @param ruleSet            the version of the rules the indicators' thresholds and verdicts come from
 * @param ruleSets           every version the factory knows (enacted and proposed), for the comparison columns
 * @param siteEvidence       the evidence behind the site's indicators: registrations, certificates, water, heat
 * @param carbonIntensity    carbon per unit of work (SCI) per application, largest total first
 * @param translations       by language ({@code "de"}): the translations of the English texts the report takes from
 *                           the factory's records (site, sources and models, PUE coverage, rule sets, evidence,
 *                           factor sources), keyed by the English text, as in the residency report
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
        ProjectScope projectScope,
        EnergyProvenance provenance,
        RuleSet ruleSet,
        List<RuleSet> ruleSets,
        SiteEvidence siteEvidence,
        List<CarbonIntensity> carbonIntensity,
        Map<String, Map<String, String>> translations) {

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
        ruleSets = ruleSets == null ? List.of() : List.copyOf(ruleSets);
        carbonIntensity = carbonIntensity == null ? List.of() : List.copyOf(carbonIntensity);
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    /** A report without translations: every text in English. */
    public EnergyReport(String tenantId, String tenantName, Instant from, Instant to, EnergyGroupBy groupBy,
                        String timeZone, String site, String scope, List<EnergyGroup> groups, EnergyTotals totals,
                        List<SiteIndicator> indicators, List<EnergyFactor> factors, String methodologyVersion,
                        String roundingRule, String methodology, Instant generatedAt, EnergyStackBy stackBy,
                        List<EnergySeries> series, ProjectScope projectScope, EnergyProvenance provenance,
                        RuleSet ruleSet, List<RuleSet> ruleSets, SiteEvidence siteEvidence,
                        List<CarbonIntensity> carbonIntensity) {
        this(tenantId, tenantName, from, to, groupBy, timeZone, site, scope, groups, totals, indicators, factors,
                methodologyVersion, roundingRule, methodology, generatedAt, stackBy, series, projectScope, provenance,
                ruleSet, ruleSets, siteEvidence, carbonIntensity, null);
    }

    /** This report with {@code translations} of its texts. */
    public EnergyReport withTranslations(Map<String, Map<String, String>> translations) {
        return new EnergyReport(tenantId, tenantName, from, to, groupBy, timeZone, site, scope, groups, totals,
                indicators, factors, methodologyVersion, roundingRule, methodology, generatedAt, stackBy, series,
                projectScope, provenance, ruleSet, ruleSets, siteEvidence, carbonIntensity, translations);
    }

    /** {@code english}, one of the report's texts, in {@code locale}'s language when the report translates it. */
    public String text(String english, Locale locale) {
        return Translations.text(translations, english, locale);
    }

    /** A report without provenance, rule versions, site evidence and carbon intensity. */
    public EnergyReport(String tenantId, String tenantName, Instant from, Instant to, EnergyGroupBy groupBy,
                        String timeZone, String site, String scope, List<EnergyGroup> groups, EnergyTotals totals,
                        List<SiteIndicator> indicators, List<EnergyFactor> factors, String methodologyVersion,
                        String roundingRule, String methodology, Instant generatedAt, EnergyStackBy stackBy,
                        List<EnergySeries> series, ProjectScope projectScope) {
        this(tenantId, tenantName, from, to, groupBy, timeZone, site, scope, groups, totals, indicators, factors,
                methodologyVersion, roundingRule, methodology, generatedAt, stackBy, series, projectScope, null, null,
                null, null, null);
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
