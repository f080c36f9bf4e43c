package eu.aifactory.portal.energy;

import eu.aifactory.api.LocalizedText;
import eu.aifactory.api.report.CarbonIntensity;
import eu.aifactory.api.report.EnergyFactor;
import eu.aifactory.api.report.EnergyProvenance;
import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.api.report.RuleSet;
import eu.aifactory.api.report.SiteEvidence;
import eu.aifactory.api.report.SiteIndicator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The auditor's parts of a report as the factory sends them for July 2026: a PUE of 1.25 under two rule sets. */
final class AuditSamples {

    static final RuleSet ENACTED = new RuleSet("enefg-2023", "EnEfG 2023", RuleSet.ENACTED, "EnEfG § 11",
            LocalDate.of(2023, 11, 17), "in force");
    static final RuleSet DRAFT = new RuleSet("enefg-2026-draft", "EnEfG draft 2026", RuleSet.PROPOSED,
            "Ministry draft of 9 April 2026", LocalDate.of(2026, 4, 9), "proposed");

    private AuditSamples() {
    }

    static EnergyProvenance provenance() {
        return new EnergyProvenance(new BigDecimal("1.080"), new BigDecimal("0.120"), new BigDecimal("0.900"),
                new BigDecimal("0.100"), new BigDecimal("0.072"), new BigDecimal("0.060"), List.of(
                new EnergyProvenance.Source("measured: DCGM (simulated feed)", "measured", "NVIDIA DCGM",
                        "B200 on-board sensors", null, null, "GPU", new BigDecimal("60.0"), new BigDecimal("0.05"), true,
                        "demo feed", 5, new BigDecimal("1.000"), new BigDecimal("0.833")),
                new EnergyProvenance.Source("simulated", "modelled", "Demo factory simulator", null, "Power model",
                        "afp-energy-2026.1", "NODE", new BigDecimal("60.0"), new BigDecimal("0.15"), true, "model", 6,
                        new BigDecimal("0.120"), new BigDecimal("0.100")),
                new EnergyProvenance.Source("measured: Slurm acct_gather_energy", "measured", "Slurm", "BMC", null, null,
                        "NODE", new BigDecimal("60.0"), new BigDecimal("0.05"), false, "slurm", 4,
                        new BigDecimal("0.080"), new BigDecimal("0.067"))),
                List.of(new EnergyProvenance.PueUsed("2026-07", new BigDecimal("1.25"), "MONTHLY",
                        "whole site (Hall 1 and Hall 2)", "Illustrative monthly PUE")));
    }

    static SiteIndicator pue() {
        SiteIndicator.Threshold strict = new SiteIndicator.Threshold("<=", new BigDecimal("1.2"), "ratio",
                LocalDate.of(2026, 7, 1), true, "NEW", "EnEfG § 11", "annual");
        SiteIndicator.Threshold relaxed = new SiteIndicator.Threshold("<=", new BigDecimal("1.3"), "ratio",
                LocalDate.of(2026, 7, 1), true, "NEW", "Draft § 11", "annual");
        return new SiteIndicator("PUE", new BigDecimal("1.250"), "ratio", "weighted", strict, false, List.of(),
                SiteIndicator.BY_IT_ENERGY, ENACTED.id(), false,
                List.of(new SiteIndicator.Comparison(DRAFT.id(), relaxed, true, false)));
    }

    static SiteIndicator erfWaivedInDraft() {
        SiteIndicator.Threshold ten = new SiteIndicator.Threshold(">=", new BigDecimal("0.10"), "fraction",
                LocalDate.of(2026, 7, 1), true, "NEW", "EnEfG § 11", "reuse");
        return new SiteIndicator("ERF", new BigDecimal("0.080"), "fraction", "weighted", ten, false, List.of(),
                SiteIndicator.BY_FACILITY_ENERGY, ENACTED.id(), false,
                List.of(new SiteIndicator.Comparison(DRAFT.id(), null, null, true)));
    }

    static SiteEvidence site() {
        return site("Stadtwerke");
    }

    /** The site section with heat passed on to {@code recipient}. */
    static SiteEvidence site(String recipient) {
        return new SiteEvidence("muc-tucherpark", "Munich", "EU-DC-1 (illustrative)", "RZ-REG-1 (illustrative)", true,
                List.of(new SiteEvidence.Certificate("HKN-1", "HKNR", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 8, 1),
                        new BigDecimal("4500.000"), "wind", "Windpark", "DE", true)),
                new SiteEvidence.Water(new BigDecimal("0.400"), new BigDecimal("2678400"), new BigDecimal("0.5")),
                new SiteEvidence.ReusedHeat(new BigDecimal("668160"), new BigDecimal("55.0"), new BigDecimal("0.120"),
                        recipient), true, List.of("Illustrative"));
    }

    static CarbonIntensity inspection() {
        return new CarbonIntensity("visual-quality-inspection", "part", new LocalizedText("inspected part",
                "geprüftes Teil"), "RATE", new BigDecimal("36000"), new BigDecimal("6012.000"), new BigDecimal("0.250"),
                new BigDecimal("0.167"), new BigDecimal("0.090"), new BigDecimal("0.012"), new BigDecimal("0.102"),
                new BigDecimal("0.0170"), List.of(new EnergyFactor("embodied_gpu_hour_b200", new BigDecimal("69"),
                "g CO2e/GPU-h", 2026, null, null, "Illustrative")), CarbonIntensity.STANDARD, "note");
    }

    /** {@code plain} with the auditor's parts added. */
    static EnergyReport withAudit(EnergyReport plain) {
        return withAudit(plain, site());
    }

    /** {@code plain} with the auditor's parts added and {@code site} as its site section. */
    static EnergyReport withAudit(EnergyReport plain, SiteEvidence site) {
        return new EnergyReport(plain.tenantId(), plain.tenantName(), plain.from(), plain.to(), plain.groupBy(),
                plain.timeZone(), plain.site(), plain.scope(), plain.groups(), plain.totals(),
                List.of(pue(), erfWaivedInDraft()), plain.factors(), plain.methodologyVersion(), plain.roundingRule(),
                plain.methodology(), plain.generatedAt(), plain.stackBy(), plain.series(), plain.projectScope(),
                provenance(), ENACTED, List.of(ENACTED, DRAFT), site, List.of(inspection()));
    }
}
