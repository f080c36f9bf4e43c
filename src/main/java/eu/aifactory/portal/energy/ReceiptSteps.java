package eu.aifactory.portal.energy;

import eu.aifactory.api.report.EnergyFactor;
import eu.aifactory.api.report.EnergyReceipt;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The calculation of a receipt written out step by step in the user's language, each step with its numbers and,
 * for factors, their value, unit, year or month and source, so an auditor can redo it by hand.
 */
final class ReceiptSteps {

    static final String LOCATION_FACTOR = "grid_co2e_location_de";
    static final String RESIDUAL_FACTOR = "grid_co2e_residual_de";

    private ReceiptSteps() {
    }

    /** A step: a short title and the sentence explaining it. */
    record Step(String title, String text) {
    }

    /** @param planName a resource plan's name in the user's language, by its id */
    static List<Step> of(EnergyReceipt r, Function<String, String> planName, I18n i18n) {
        Locale locale = i18n.locale();
        List<Step> steps = new ArrayList<>();
        if (r.gpuKwh() != null) {
            steps.add(new Step(i18n.get("energy.receipt.step.gpu"),
                    i18n.get("energy.receipt.step.gpu.text", Formats.kwh3(r.gpuKwh(), locale), r.samples(),
                            r.gpuCount())));
        }
        if (r.nodeShareKwh() != null) {
            steps.add(new Step(i18n.get("energy.receipt.step.node"),
                    i18n.get("energy.receipt.step.node.text", Formats.kwh3(r.nodeShareKwh(), locale),
                            planName.apply(r.planId()))));
        }
        steps.add(new Step(i18n.get("energy.receipt.step.it"),
                i18n.get("energy.receipt.step.it.text", Formats.kwh3(r.itKwh(), locale),
                        Formats.watts(r.peakPowerW(), locale), Formats.watts(r.averagePowerW().intValue(), locale))));
        for (EnergyReceipt.Period p : r.periods()) {
            steps.add(new Step(i18n.get("energy.receipt.step.pue", p.month()),
                    i18n.get("energy.receipt.step.pue.text", Formats.kwh3(p.itKwh(), locale),
                            Formats.number(p.pue(), 3, locale), p.month(), source(r, "PUE", p.month(), locale),
                            Formats.kwh3(p.facilityKwh(), locale))));
        }
        steps.add(new Step(i18n.get("energy.receipt.step.facility"),
                i18n.get("energy.receipt.step.facility.text", Formats.kwh3(r.facilityKwh(), locale))));
        for (EnergyReceipt.Period p : r.periods()) {
            steps.add(new Step(i18n.get("energy.receipt.step.ref", p.month()),
                    i18n.get("energy.receipt.step.ref.text", Formats.kwh3(p.facilityKwh(), locale),
                            Formats.percent(p.ref(), locale), Formats.kwh3(p.renewableKwh(), locale),
                            Formats.kwh3(p.gridKwh(), locale), source(r, "REF", p.month(), locale))));
        }
        EnergyFactor location = factor(r, LOCATION_FACTOR);
        steps.add(new Step(i18n.get("energy.receipt.step.co2Location"),
                i18n.get("energy.receipt.step.co2Location.text", Formats.kwh3(r.facilityKwh(), locale),
                        describe(location, r, locale), Formats.kg3(r.co2eKgLocationBased(), locale))));
        EnergyFactor residual = factor(r, RESIDUAL_FACTOR);
        steps.add(new Step(i18n.get("energy.receipt.step.co2Market"),
                i18n.get("energy.receipt.step.co2Market.text", Formats.kwh3(r.gridKwh(), locale),
                        describe(residual, r, locale), Formats.kg3(r.co2eKgMarketBased(), locale))));
        if (r.provenance() != null) {
            StringBuilder text = new StringBuilder(AuditTexts.provenance(r.provenance(), i18n));
            r.provenance().sources().forEach(source -> text.append('\n').append(AuditTexts.source(source, english -> r.text(english, locale), i18n)));
            r.provenance().pue().forEach(pue -> text.append('\n').append(AuditTexts.pue(pue, english -> r.text(english, locale), i18n)));
            steps.add(new Step(i18n.get("energy.receipt.step.provenance"), text.toString()));
        }
        if (r.carbonIntensity() != null) {
            String text = AuditTexts.carbon(r.carbonIntensity(), id -> r.workloadName(), i18n);
            String method = i18n.get("energy.audit.sci.method",
                    AuditTexts.embodiedFactor(r.carbonIntensity(), english -> r.text(english, locale), locale).orElse("\u2013"));
            steps.add(new Step(i18n.get("energy.receipt.step.sci"), text + "\n" + method));
        }
        steps.add(new Step(i18n.get("energy.receipt.step.method"),
                i18n.get("energy.receipt.step.method.text", r.methodologyVersion(),
                        EnergyTexts.roundingRule(r.methodologyVersion(), r.roundingRule(), i18n))));
        return steps;
    }

    private static EnergyFactor factor(EnergyReceipt r, String key) {
        return r.factors().stream().filter(f -> key.equals(f.key())).findFirst().orElse(null);
    }

    private static String describe(EnergyFactor f, EnergyReceipt r, Locale locale) {
        if (f == null) {
            return "\u2013";
        }
        String year = f.year() == null ? "" : ", " + f.year();
        return Formats.number(f.value(), 4, locale) + "\u00a0" + f.unit() + " (" + f.key() + year + "; "
                + r.text(f.source(), locale) + ")";
    }

    /** The source of the monthly indicator {@code name} for {@code month} (yyyy-MM), or a dash. */
    private static String source(EnergyReceipt r, String name, String month, Locale locale) {
        return r.factors().stream()
                .filter(f -> name.equals(f.key()) && f.validFrom() != null && f.validFrom().toString().startsWith(month))
                .map(f -> r.text(f.source(), locale)).findFirst().orElse("\u2013");
    }

    static BigDecimal nonNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
