package eu.aifactory.server.energy;

import eu.aifactory.api.report.CarbonIntensity;
import eu.aifactory.api.report.EnergyFactor;
import eu.aifactory.api.report.EnergyProvenance;
import eu.aifactory.api.report.EnergyReceipt;
import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.api.report.RuleSet;
import eu.aifactory.api.report.SiteEvidence;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The English texts from the factory's records that a reader of an energy report or receipt sees (site, sources and
 * models, PUE coverage, rule sets, site evidence, factor sources), and their translations as the report carries them:
 * English is the language of record and the German forms travel beside it (decision 0016), as in the residency
 * report (0011).
 */
final class ReportTranslations {

    /** The languages the factory keeps translations for. */
    static final List<String> LANGUAGES = List.of("de");

    private ReportTranslations() {
    }

    static Set<String> texts(EnergyReport r) {
        Set<String> texts = new LinkedHashSet<>();
        texts.add(r.site());
        factors(texts, r.factors());
        provenance(texts, r.provenance());
        if (r.ruleSet() != null) {
            ruleSet(texts, r.ruleSet());
        }
        r.ruleSets().forEach(rules -> ruleSet(texts, rules));
        SiteEvidence site = r.siteEvidence();
        if (site != null) {
            texts.add(site.siteName());
            texts.add(site.euDatabaseId());
            texts.add(site.deRegisterId());
            for (SiteEvidence.Certificate c : site.certificates()) {
                texts.add(c.id());
                texts.add(c.registry());
                texts.add(c.energySource());
            }
            if (site.reusedHeat() != null) {
                texts.add(site.reusedHeat().recipient());
            }
        }
        r.carbonIntensity().forEach(c -> carbon(texts, c));
        texts.remove(null);
        return texts;
    }

    static Set<String> texts(EnergyReceipt r) {
        Set<String> texts = new LinkedHashSet<>();
        texts.add(r.site());
        factors(texts, r.factors());
        provenance(texts, r.provenance());
        if (r.carbonIntensity() != null) {
            carbon(texts, r.carbonIntensity());
        }
        texts.remove(null);
        return texts;
    }

    /** By language, the translations {@code lookup} (language, texts) has for {@code texts}; languages without any left out. */
    static Map<String, Map<String, String>> of(Collection<String> texts,
                                               BiFunction<String, Collection<String>, Map<String, String>> lookup) {
        Map<String, Map<String, String>> byLanguage = new TreeMap<>();
        for (String language : LANGUAGES) {
            Map<String, String> found = lookup.apply(language, texts);
            if (!found.isEmpty()) {
                byLanguage.put(language, found);
            }
        }
        return byLanguage;
    }

    private static void factors(Set<String> texts, List<EnergyFactor> factors) {
        factors.forEach(f -> texts.add(f.source()));
    }

    private static void ruleSet(Set<String> texts, RuleSet rules) {
        texts.add(rules.name());
        texts.add(rules.legalSource());
    }

    private static void provenance(Set<String> texts, EnergyProvenance p) {
        if (p == null) {
            return;
        }
        for (EnergyProvenance.Source s : p.sources()) {
            texts.add(s.source());
            texts.add(s.device());
            texts.add(s.model());
        }
        for (EnergyProvenance.PueUsed pue : p.pue()) {
            texts.add(pue.coverage());
        }
    }

    private static void carbon(Set<String> texts, CarbonIntensity c) {
        factors(texts, c.factors());
    }
}
