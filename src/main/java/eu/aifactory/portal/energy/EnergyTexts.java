package eu.aifactory.portal.energy;

import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.api.report.SiteIndicator;
import eu.aifactory.portal.i18n.I18n;
import java.util.Set;

/**
 * The energy report's fixed phrases in the user's language. The factory writes them in English; where it also sends
 * what they mean (the project scope, an indicator's weighting basis, the methodology version) the portal words them
 * from its own messages, and falls back to the factory's text only when it does not know the phrase. Free text from
 * data, such as a factor's source citation, is shown as sent.
 */
final class EnergyTexts {

    /** Methodology versions whose methodology and rounding rule the messages carry in every language. */
    static final Set<String> KNOWN_METHODOLOGIES = Set.of("afp-energy-2026.1");

    private EnergyTexts() {
    }

    /** Whose workloads the report covers, e.g. "alle Projekte des Mandanten" or "Ihre Projekte: p-a, p-b". */
    static String scope(EnergyReport report, I18n i18n) {
        EnergyReport.ProjectScope scope = report.projectScope();
        if (scope == null) {
            return report.scope();
        }
        if (scope.wholeTenant()) {
            return i18n.get("energy.scope.wholeTenant");
        }
        return i18n.get("energy.scope.projects",
                scope.projectIds().isEmpty() ? i18n.get("energy.scope.none") : String.join(", ", scope.projectIds()));
    }

    /** How an indicator's monthly values were combined, e.g. "gewichtet mit der IT-Energie ... (RZ-Energie / IT-Energie)". */
    static String weighting(SiteIndicator indicator, I18n i18n) {
        String basis = indicator.weightingBasis();
        if (basis == null || !Set.of(SiteIndicator.BY_IT_ENERGY, SiteIndicator.BY_FACILITY_ENERGY, SiteIndicator.BY_TIME)
                .contains(basis)) {
            return indicator.weighting() == null ? "" : indicator.weighting();
        }
        String text = i18n.get("energy.weighting." + basis);
        boolean ratio = !SiteIndicator.BY_TIME.equals(basis)
                && ("PUE".equals(indicator.name()) || "REF".equals(indicator.name()));
        return ratio ? text + " (" + i18n.get("energy.weighting.formula." + indicator.name()) + ")" : text;
    }

    /** The calculation in plain words, for a known methodology version in the user's language. */
    static String methodology(EnergyReport report, I18n i18n) {
        return KNOWN_METHODOLOGIES.contains(report.methodologyVersion())
                ? i18n.get("energy.methodology." + report.methodologyVersion()) : report.methodology();
    }

    /** How figures are rounded, for a known methodology version in the user's language. */
    static String roundingRule(String methodologyVersion, String roundingRule, I18n i18n) {
        return KNOWN_METHODOLOGIES.contains(methodologyVersion)
                ? i18n.get("energy.rounding." + methodologyVersion) : roundingRule;
    }
}
