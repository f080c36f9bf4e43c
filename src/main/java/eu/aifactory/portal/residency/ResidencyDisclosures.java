package eu.aifactory.portal.residency;

import eu.aifactory.api.report.ResidencyReport;
import eu.aifactory.api.report.ResidencyReport.Disclosures;
import eu.aifactory.portal.i18n.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The provider's disclosures of a residency report (BSI C5:2026) as caption and text pairs in the user's language:
 * provider, parent company and the law each is under, how official data requests are handled and how many came in
 * for the tenant in the period (stated also when none), and the subprocessors with where they work. Shared by the
 * page and the PDF.
 */
final class ResidencyDisclosures {

    private ResidencyDisclosures() {
    }

    /** The disclosures as caption and text pairs; empty when the report carries none. */
    static List<String[]> lines(ResidencyReport report, I18n i18n) {
        Disclosures d = report.disclosures();
        List<String[]> lines = new ArrayList<>();
        if (d == null) {
            return lines;
        }
        Locale locale = i18n.locale();
        lines.add(new String[] {i18n.get("residency.disclosures.provider"),
                report.text(d.provider(), locale) + " (" + d.providerCountry() + ")"});
        lines.add(new String[] {i18n.get("residency.disclosures.parent"), d.parentCompany() + " (" + d.parentCountry() + ")"});
        lines.add(new String[] {i18n.get("residency.disclosures.law"), report.text(d.applicableLaw(), locale)});
        lines.add(new String[] {i18n.get("residency.disclosures.parentLaw"), report.text(d.parentLaw(), locale)});
        lines.add(new String[] {i18n.get("residency.disclosures.policy"), report.text(d.dataRequestPolicy(), locale)});
        lines.add(new String[] {i18n.get("residency.disclosures.requests"), requests(d.officialRequests(), i18n)});
        return lines;
    }

    /** "None in this period" or "3 received: 1 disclosed, 2 refused, 0 pending, 0 withdrawn". */
    static String requests(ResidencyReport.OfficialRequests r, I18n i18n) {
        if (r.received() == 0) {
            return i18n.get("residency.disclosures.requests.none");
        }
        return i18n.get("residency.disclosures.requests.some", r.received(), r.disclosed(), r.refused(), r.pending(),
                r.withdrawn());
    }

    /** One line per subprocessor: name, service, location and country. */
    static List<String> subprocessors(ResidencyReport report, I18n i18n) {
        Disclosures d = report.disclosures();
        if (d == null) {
            return List.of();
        }
        Locale locale = i18n.locale();
        return d.subprocessors().stream()
                .map(s -> i18n.get("residency.disclosures.subprocessor", s.name(), report.text(s.service(), locale),
                        report.text(s.location(), locale), s.country()))
                .collect(Collectors.toList());
    }
}
