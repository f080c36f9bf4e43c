package eu.aifactory.server.energy.model;

import eu.aifactory.api.report.EnergyProvenance;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums IT energy by the provenance of its samples and turns the sums into an {@link EnergyProvenance}: measured
 * and modelled energy in whole Wh (so they add up to the IT energy exactly), shares that add up to 1 exactly, the
 * mean sampling interval of each source from its samples, and the uncertainty band.
 */
public final class ProvenanceLedger {

    public static final String METHODOLOGY = "Provenance: every power sample names its source (energy_sources): "
            + "measured by a meter (DCGM, Slurm acct_gather_energy, a facility meter) or modelled (model and version). "
            + "A cell's IT energy counts for the source of its samples. The band is the sum over sources of their IT "
            + "energy x their relative uncertainty, errors taken as adding up. Facility energy uses the PUE of the month "
            + "as stored (monthly or annual, the part of the site it covers), or the design value where none is stored.";

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private static final class Acc {
        long itWh;
        long samples;
        long durationMs;
    }

    private final Map<String, Acc> bySource = new LinkedHashMap<>();
    private final Map<YearMonth, EnergyModel.Value> pue = new TreeMap<>();

    /** Adds a cell's IT energy, samples and run time under its samples' provenance. */
    public void add(String provenance, long itWh, long samples, long durationMs) {
        Acc acc = bySource.computeIfAbsent(provenance, k -> new Acc());
        acc.itWh += itWh;
        acc.samples += samples;
        acc.durationMs += durationMs;
    }

    /** Records the PUE a month's facility energy was computed with. */
    public void pue(YearMonth month, EnergyModel.Value value) {
        pue.putIfAbsent(month, value);
    }

    public EnergyProvenance toApi(EnergyModel model) {
        long measured = 0;
        long total = 0;
        BigDecimal bandWh = BigDecimal.ZERO;
        List<Map.Entry<String, Acc>> ordered = new ArrayList<>(bySource.entrySet());
        ordered.sort(Comparator.<Map.Entry<String, Acc>>comparingLong(e -> e.getValue().itWh).reversed()
                .thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, Acc> e : ordered) {
            EnergyModel.SourceRow source = model.source(e.getKey());
            total += e.getValue().itWh;
            if (EnergyProvenance.MEASURED.equals(source.kind())) {
                measured += e.getValue().itWh;
            }
            bandWh = bandWh.add(BigDecimal.valueOf(e.getValue().itWh).multiply(source.uncertainty()));
        }
        long[] shares = shares(ordered.stream().mapToLong(e -> e.getValue().itWh).toArray(), total);
        List<EnergyProvenance.Source> sources = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Acc acc = ordered.get(i).getValue();
            EnergyModel.SourceRow s = model.source(ordered.get(i).getKey());
            BigDecimal interval = acc.samples == 0 ? null
                    : BigDecimal.valueOf(acc.durationMs).divide(BigDecimal.valueOf(acc.samples * 1000), 1, RoundingMode.HALF_UP);
            sources.add(new EnergyProvenance.Source(s.provenance(), s.kind(), s.source(), s.device(), s.model(),
                    s.modelVersion(), s.boundary(), interval, s.uncertainty(), s.illustrative(), s.description(),
                    acc.samples, EnergyLedger.thousandths(acc.itWh), BigDecimal.valueOf(shares[i], 3)));
        }
        long measuredShare = total == 0 ? 0 : EnergyLedger.divideHalfUp(measured * 1000, total);
        long band = bandWh.setScale(0, RoundingMode.HALF_UP).longValueExact();
        List<EnergyProvenance.PueUsed> used = new ArrayList<>();
        for (Map.Entry<YearMonth, EnergyModel.Value> e : pue.entrySet()) {
            EnergyModel.IndicatorRow row = e.getValue().row();
            String basis = row == null ? "DESIGN" : row.validTo().toEpochDay() - row.validFrom().toEpochDay() > 31
                    ? "ANNUAL" : "MONTHLY";
            used.add(new EnergyProvenance.PueUsed(e.getKey().toString(), e.getValue().value(), basis,
                    row == null ? "whole site (design value)" : row.coverage(), e.getValue().factor().source()));
        }
        return new EnergyProvenance(EnergyLedger.thousandths(measured), EnergyLedger.thousandths(total - measured),
                BigDecimal.valueOf(measuredShare, 3), BigDecimal.valueOf(total == 0 ? 0 : 1000 - measuredShare, 3),
                EnergyLedger.thousandths(band),
                total == 0 ? BigDecimal.ZERO.setScale(3) : BigDecimal.valueOf(band).multiply(THOUSAND)
                        .divide(BigDecimal.valueOf(total), 0, RoundingMode.HALF_UP).movePointLeft(3),
                sources, used);
    }

    /** Thousandths of {@code total} per part, by largest remainder, so they add up to 1000 (0 without a total). */
    static long[] shares(long[] parts, long total) {
        long[] shares = new long[parts.length];
        if (total == 0) {
            return shares;
        }
        long given = 0;
        Integer[] order = new Integer[parts.length];
        long[] remainders = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            shares[i] = parts[i] * 1000 / total;
            remainders[i] = parts[i] * 1000 % total;
            given += shares[i];
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(remainders[b], remainders[a]));
        for (int i = 0; given < 1000; i++, given++) {
            shares[order[i]]++;
        }
        return shares;
    }
}
