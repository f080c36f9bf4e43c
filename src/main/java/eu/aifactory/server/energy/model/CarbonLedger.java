package eu.aifactory.server.energy.model;

import eu.aifactory.api.report.CarbonIntensity;
import eu.aifactory.api.report.EnergyFactor;
import eu.aifactory.api.workload.WorkloadStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Software Carbon Intensity (ISO/IEC 21031:2024), SCI = (E × I + M) per R, per application. The unit of account is
 * a workload's share of a receipt or report: its operational CO2e (the location-based grams of its cells), its
 * embodied grams (its GPU-hours × the embodied factor of its GPU class, rounded half up once per workload) and its
 * units; an application's figures are exact sums of those, so a report covering a run reconciles with its receipt.
 */
public final class CarbonLedger {

    public static final String EMBODIED_PREFIX = "embodied_gpu_hour_";
    public static final String RUN = "RUN";
    public static final String RATE = "RATE";
    public static final String NOTE = "SCI = (E x I + M) / R: E = facility energy, I = the location-based grid factor "
            + "(guarantees of origin and offsets do not reduce SCI), M = the GPU servers' embodied emissions per "
            + "allocated GPU-hour of the GPU class, R = the app's functional unit, counted for succeeded runs only "
            + "(RUN: one per run, in the period it ended; RATE: the declared throughput x the run's GPU-hours).";

    /** One workload's part of the figures. */
    public record Share(String appId, String gpuClass, WorkloadStatus status, boolean endedInPeriod, long facilityWh,
                        long co2eLocationG, long gpuMilliHours) {
    }

    private static final class Acc {
        long facilityWh;
        long operationalG;
        long embodiedG;
        long gpuMilliHours;
        BigDecimal units = BigDecimal.ZERO.setScale(3);
        final Map<String, EnergyFactor> factors = new TreeMap<>();
    }

    private final EnergyModel model;
    private final Map<String, Acc> byApp = new LinkedHashMap<>();

    public CarbonLedger(EnergyModel model) {
        this.model = model;
    }

    /** Adds a workload's share; a workload whose app declares no unit or whose GPU class has no factor is left out. */
    public void add(Share share) {
        EnergyModel.FunctionalUnit unit = model.evidence().functionalUnits().get(share.appId());
        Optional<EnergyFactors.Factor> embodied = model.factors().find(EMBODIED_PREFIX + share.gpuClass());
        if (unit == null || embodied.isEmpty()) {
            return;
        }
        Acc acc = byApp.computeIfAbsent(share.appId(), k -> new Acc());
        acc.facilityWh += share.facilityWh();
        acc.operationalG += share.co2eLocationG();
        acc.gpuMilliHours += share.gpuMilliHours();
        acc.embodiedG += BigDecimal.valueOf(share.gpuMilliHours()).multiply(embodied.get().value())
                .divide(BigDecimal.valueOf(1000), 0, RoundingMode.HALF_UP).longValueExact();
        acc.factors.put(embodied.get().key(), EnergyModel.toApi(embodied.get()));
        if (share.status() == WorkloadStatus.SUCCEEDED) {
            acc.units = acc.units.add(units(unit, share));
        }
    }

    private static BigDecimal units(EnergyModel.FunctionalUnit unit, Share share) {
        if (RATE.equals(unit.counting())) {
            return unit.unitsPerGpuHour().multiply(BigDecimal.valueOf(share.gpuMilliHours(), 3))
                    .setScale(3, RoundingMode.HALF_UP);
        }
        return share.endedInPeriod() ? BigDecimal.ONE.setScale(3) : BigDecimal.ZERO.setScale(3);
    }

    /** One entry per application, largest total first. */
    public List<CarbonIntensity> toApi() {
        List<CarbonIntensity> out = new ArrayList<>();
        for (Map.Entry<String, Acc> e : byApp.entrySet()) {
            out.add(toApi(e.getKey(), e.getValue()));
        }
        out.sort(Comparator.comparing(CarbonIntensity::totalKg).reversed().thenComparing(CarbonIntensity::appId));
        return out;
    }

    /** The entry of {@code appId}, if a share of it was added. */
    public Optional<CarbonIntensity> of(String appId) {
        Acc acc = byApp.get(appId);
        return acc == null ? Optional.empty() : Optional.of(toApi(appId, acc));
    }

    private CarbonIntensity toApi(String appId, Acc acc) {
        EnergyModel.FunctionalUnit unit = model.evidence().functionalUnits().get(appId);
        long totalG = acc.operationalG + acc.embodiedG;
        BigDecimal perUnit = acc.units.signum() == 0 ? null
                : BigDecimal.valueOf(totalG).divide(acc.units, 4, RoundingMode.HALF_UP);
        List<EnergyFactor> factors = new ArrayList<>();
        factors.add(EnergyModel.toApi(model.locationFactor()));
        factors.addAll(acc.factors.values());
        return new CarbonIntensity(appId, unit.key(), unit.label(), unit.counting(), unit.unitsPerGpuHour(), acc.units,
                EnergyLedger.thousandths(acc.facilityWh), EnergyLedger.thousandths(acc.gpuMilliHours),
                EnergyLedger.thousandths(acc.operationalG), EnergyLedger.thousandths(acc.embodiedG),
                EnergyLedger.thousandths(totalG), perUnit, factors, CarbonIntensity.STANDARD,
                unit.note() + ". " + NOTE);
    }
}
