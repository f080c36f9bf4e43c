package eu.aifactory.portal.energy;

import eu.aifactory.api.report.CarbonIntensity;
import eu.aifactory.api.report.EnergyProvenance;
import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.api.report.RuleSet;
import eu.aifactory.api.report.SiteEvidence;
import eu.aifactory.api.report.SiteIndicator;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What an auditor asks of the energy figures, written in the user's language from the report or receipt: where the
 * IT energy comes from (measured or modelled, boundary, sampling, uncertainty), the PUE used, which version of the
 * rules a verdict follows and how the other versions judge the same value, the site's evidence, and the carbon per
 * unit of work. Shared by the page, the receipt and the PDF. Texts from the factory's records (sources, coverage,
 * rule sets, evidence, factor sources) go through {@code factory}, the report's own translation of its English texts.
 */
final class AuditTexts {

    private static final String DASH = "\u2013";

    private AuditTexts() {
    }

    /** "Measured 90 % (1.080 kWh), modelled 10 % (0.120 kWh); uncertainty ±0.072 kWh (±6 %)". */
    static String provenance(EnergyProvenance p, I18n i18n) {
        Locale locale = i18n.locale();
        return i18n.get("energy.audit.provenance", Formats.percent(p.measuredShare(), locale),
                Formats.kwh3(p.measuredKwh(), locale), Formats.percent(p.modelledShare(), locale),
                Formats.kwh3(p.modelledKwh(), locale), Formats.kwh3(p.uncertaintyKwh(), locale),
                Formats.percent(p.uncertaintyShare(), locale));
    }

    /** One source: what it is, its boundary, how often it sampled, its uncertainty and its share. */
    static String source(EnergyProvenance.Source s, UnaryOperator<String> factory, I18n i18n) {
        Locale locale = i18n.locale();
        String what = EnergyProvenance.MEASURED.equals(s.kind())
                ? i18n.get("energy.audit.source.measured", factory.apply(s.source()),
                        s.device() == null ? DASH : factory.apply(s.device()))
                : i18n.get("energy.audit.source.modelled", factory.apply(s.model() == null ? s.source() : s.model()),
                        s.modelVersion() == null ? DASH : s.modelVersion());
        String line = i18n.get("energy.audit.source", what, boundary(s.boundary(), i18n),
                s.samplingIntervalS() == null ? DASH : Formats.number(s.samplingIntervalS(), 1, locale),
                Formats.percent(s.uncertainty(), locale), Formats.percent(s.share(), locale),
                Formats.kwh3(s.itKwh(), locale));
        return s.illustrative() ? line + " " + i18n.get("energy.audit.illustrative") : line;
    }

    static String boundary(String boundary, I18n i18n) {
        return switch (boundary) {
            case "GPU" -> i18n.get("energy.audit.boundary.gpu");
            case "FACILITY" -> i18n.get("energy.audit.boundary.facility");
            default -> i18n.get("energy.audit.boundary.node");
        };
    }

    /** "2026-07: PUE 1.25, monthly figure, whole site (Hall 1 and Hall 2)". */
    static String pue(EnergyProvenance.PueUsed pue, UnaryOperator<String> factory, I18n i18n) {
        String basis = switch (pue.basis()) {
            case "ANNUAL" -> i18n.get("energy.audit.pue.annual");
            case "DESIGN" -> i18n.get("energy.audit.pue.design");
            default -> i18n.get("energy.audit.pue.monthly");
        };
        return i18n.get("energy.audit.pue", pue.month(), Formats.number(pue.value(), 3, i18n.locale()), basis,
                factory.apply(pue.coverage()));
    }

    /** "EnEfG 2023 (in force): Energieeffizienzgesetz …". */
    static String ruleSet(RuleSet rules, UnaryOperator<String> factory, I18n i18n) {
        return i18n.get("energy.audit.rules.line", factory.apply(rules.name()), status(rules, i18n),
                factory.apply(rules.legalSource()));
    }

    static String status(RuleSet rules, I18n i18n) {
        return i18n.get(RuleSet.PROPOSED.equals(rules.status()) ? "energy.audit.rules.proposed"
                : "energy.audit.rules.enacted");
    }

    /** The rule sets in the order of the comparison columns: the applied one first, then the others. */
    static List<RuleSet> columns(EnergyReport report) {
        List<RuleSet> columns = new ArrayList<>();
        if (report.ruleSet() != null) {
            columns.add(report.ruleSet());
        }
        for (RuleSet r : report.ruleSets()) {
            if (report.ruleSet() == null || !r.id().equals(report.ruleSet().id())) {
                columns.add(r);
            }
        }
        return columns;
    }

    /** The column head of a rule set: its name, marked when proposed. */
    static String columnHead(RuleSet rules, UnaryOperator<String> factory, I18n i18n) {
        String name = factory.apply(rules.name());
        return RuleSet.PROPOSED.equals(rules.status()) ? i18n.get("energy.audit.rules.head.proposed", name) : name;
    }

    /** An indicator's limit and verdict under {@code rules}: "≤ 1.2 · fails", "waived" or a dash. */
    static String verdict(SiteIndicator indicator, RuleSet rules, I18n i18n) {
        Threshold chosen = chosen(indicator, rules);
        if (chosen.waived()) {
            return i18n.get("energy.audit.rules.waived");
        }
        if (chosen.threshold() == null) {
            return DASH;
        }
        SiteIndicator shown = new SiteIndicator(indicator.name(), indicator.value(), indicator.unit(),
                indicator.weighting(), chosen.threshold(), chosen.pass(), indicator.values(), indicator.weightingBasis());
        String limit = IndicatorFormat.limit(shown, i18n.locale());
        if (chosen.pass() == null) {
            return limit;
        }
        return i18n.get(chosen.pass() ? "energy.audit.rules.passes" : "energy.audit.rules.fails", limit);
    }

    private record Threshold(SiteIndicator.Threshold threshold, Boolean pass, boolean waived) {
    }

    private static Threshold chosen(SiteIndicator indicator, RuleSet rules) {
        if (rules.id().equals(indicator.ruleSetId()) || indicator.ruleSetId() == null) {
            return new Threshold(indicator.threshold(), indicator.pass(), Boolean.TRUE.equals(indicator.waived()));
        }
        return indicator.comparisons().stream().filter(c -> c.ruleSetId().equals(rules.id())).findFirst()
                .map(c -> new Threshold(c.threshold(), c.pass(), c.waived()))
                .orElse(new Threshold(null, null, false));
    }

    /** The site section as caption and text pairs. */
    static List<String[]> site(SiteEvidence site, UnaryOperator<String> factory, I18n i18n) {
        Locale locale = i18n.locale();
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {i18n.get("energy.audit.site.euDatabase"), orDash(factory.apply(site.euDatabaseId()))});
        lines.add(new String[] {i18n.get("energy.audit.site.register"), orDash(factory.apply(site.deRegisterId()))});
        BigDecimal mwh = site.certificates().stream().map(SiteEvidence.Certificate::mwh)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        long unsubsidised = site.certificates().stream().filter(SiteEvidence.Certificate::unsubsidised).count();
        lines.add(new String[] {i18n.get("energy.audit.site.certificates"), site.certificates().isEmpty()
                ? i18n.get("energy.audit.site.certificates.none")
                : i18n.get("energy.audit.site.certificates.text", site.certificates().size(),
                Formats.number(mwh, 1, locale), unsubsidised)});
        SiteEvidence.Water water = site.water();
        lines.add(new String[] {i18n.get("energy.audit.site.water"), i18n.get("energy.audit.site.water.text",
                water.wue() == null ? DASH : Formats.number(water.wue(), 3, locale),
                Formats.number(water.attributedLitres(), 1, locale), Formats.number(water.siteLitres(), 0, locale))});
        SiteEvidence.ReusedHeat heat = site.reusedHeat();
        lines.add(new String[] {i18n.get("energy.audit.site.heat"), i18n.get("energy.audit.site.heat.text",
                Formats.kwh3(heat.attributedKwh(), locale), Formats.number(heat.siteKwh(), 0, locale),
                heat.supplyTemperatureC() == null ? DASH : Formats.number(heat.supplyTemperatureC(), 1, locale),
                orDash(factory.apply(heat.recipient())))});
        lines.add(new String[] {i18n.get("energy.audit.site.heatNetwork"),
                i18n.get(site.heatNetworkWithin5km() ? "energy.audit.yes" : "energy.audit.no")});
        return lines;
    }

    /** One certificate: "HKN-… · HKNR … · 2026-07-01 – 2026-07-31 · 4,500.0 MWh wind (DE) · unsubsidised". */
    static String certificate(SiteEvidence.Certificate c, UnaryOperator<String> factory, I18n i18n) {
        Locale locale = i18n.locale();
        return i18n.get("energy.audit.certificate", factory.apply(c.id()), factory.apply(c.registry()),
                Formats.date(c.productionFrom(), locale),
                Formats.date(c.productionTo().minusDays(1), locale), Formats.number(c.mwh(), 1, locale),
                factory.apply(c.energySource()), c.plantCountry(),
                i18n.get(c.unsubsidised() ? "energy.audit.unsubsidised" : "energy.audit.subsidised"));
    }

    /** "0.0170 g CO2e per inspected part (6,012 units: 0.090 kg operational + 0.012 kg embodied)". */
    static String carbon(CarbonIntensity c, Function<String, String> appName, I18n i18n) {
        Locale locale = i18n.locale();
        return i18n.get("energy.audit.sci.line", appName.apply(c.appId()), perUnit(c, i18n),
                Formats.number(c.units(), 3, locale),
                Formats.kg3(c.operationalKg(), locale), Formats.kg3(c.embodiedKg(), locale),
                Formats.kwh3(c.energyKwh(), locale), Formats.number(c.gpuHours(), 3, locale));
    }

    /** "0.0093 g CO2e per inspected part", or that no unit was produced yet. */
    static String perUnit(CarbonIntensity c, I18n i18n) {
        Locale locale = i18n.locale();
        String unit = c.unitLabel() == null ? c.unit() : c.unitLabel().in(locale);
        return c.perUnitG() == null ? i18n.get("energy.audit.sci.noUnits", unit)
                : i18n.get("energy.audit.sci.perUnit", Formats.number(c.perUnitG(), 4, locale), unit);
    }

    /** The embodied factor of a carbon intensity, as "69 g CO2e/GPU-h (embodied_gpu_hour_b200, 2026; source)". */
    static Optional<String> embodiedFactor(CarbonIntensity c, UnaryOperator<String> factory, Locale locale) {
        return c.factors().stream().filter(f -> f.key().startsWith("embodied_")).findFirst()
                .map(f -> Formats.number(f.value(), 2, locale) + "\u00a0" + f.unit() + " (" + f.key()
                        + (f.year() == null ? "" : ", " + f.year()) + "; " + factory.apply(f.source()) + ")");
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? DASH : text;
    }
}
