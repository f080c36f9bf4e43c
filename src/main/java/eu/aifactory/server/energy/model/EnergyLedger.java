package eu.aifactory.server.energy.model;

import eu.aifactory.api.report.EnergyGroup;
import eu.aifactory.api.report.EnergyTotals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The arithmetic of receipts and reports. The unit of account is a <em>cell</em>: one workload's samples within one
 * site-local day. Every figure of a cell is rounded once, half up, to a whole unit (Wh, g CO2e, 1/1000 GPU-hour,
 * euro cent); groups, totals and receipts are sums of those integers, so they add up exactly, whichever grouping.
 */
public final class EnergyLedger {

    public static final String ROUNDING_RULE = "Energy is computed in whole Wh and CO2e in whole grams per workload and "
            + "site-local day (rounded half up once there); every group, total and receipt is the exact sum of those "
            + "integers, so groups add up to the totals and workload receipts to the report to the last digit. kWh = "
            + "Wh/1000 and kg CO2e = g/1000, each with exactly 3 decimals; GPU-hours have 3 decimals and EUR 2, rounded "
            + "the same way. Indicators are shown with 3 decimals and compared with their thresholds at that precision.";

    public static final String METHODOLOGY = "IT energy = the workload's DCGM-style energy counter (total_energy_mj) at "
            + "its last sample in the day minus the counter at the sample before (0 when the run starts). Facility energy "
            + "= IT energy x the site's PUE of that month. Renewable energy = facility energy x the month's REF (PPAs and "
            + "guarantees of origin); grid energy = facility energy - renewable energy. CO2e location-based = facility "
            + "energy x the German grid-average factor; CO2e market-based = grid energy x the German residual-mix factor "
            + "(renewable energy counts 0), after the GHG Protocol Scope 2 guidance. GPU-hours = sampled run time x GPUs; "
            + "cost is the workload's charge split over the days by run time. Days, weeks and months follow the site's "
            + "time zone; a sample belongs to the day that contains its timestamp (the end of the minute it measures).";

    private static final long MS_PER_HOUR = 3_600_000L;
    private static final long MJ_PER_WH = 3_600_000L;
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private EnergyLedger() {
    }

    /**
     * What the database says about one cell.
     *
     * @param energyMj   IT energy of the cell's samples, millijoules (counter difference)
     * @param durationMs run time the cell's samples cover
     * @param costEur    the workload's whole charge so far
     * @param progressMs the workload's whole run time so far, which {@code costEur} is for
     */
    public record Cell(String workloadId, LocalDate day, long samples, long energyMj, long durationMs, int peakPowerW,
                       int gpuCount, BigDecimal costEur, long progressMs) {
    }

    /** A cell's figures, each a whole number of its unit. */
    public record Figures(long itWh, long facilityWh, long renewableWh, long gridWh, long co2eLocationG,
                          long co2eMarketG, long gpuMilliHours, long costCents) {
    }

    /** The figures of {@code cell} in a month with indicators {@code month}, with emission factors in g CO2e/kWh. */
    public static Figures figures(Cell cell, EnergyModel.Monthly month, BigDecimal locationGPerKwh,
                                  BigDecimal residualGPerKwh) {
        long it = divideHalfUp(cell.energyMj(), MJ_PER_WH);
        long facility = round(BigDecimal.valueOf(it).multiply(month.pue().value()));
        long renewable = Math.min(facility, round(BigDecimal.valueOf(facility).multiply(month.ref().value())));
        long grid = facility - renewable;
        long co2eLocation = round(BigDecimal.valueOf(facility).multiply(locationGPerKwh).divide(THOUSAND));
        long co2eMarket = round(BigDecimal.valueOf(grid).multiply(residualGPerKwh).divide(THOUSAND));
        long gpuMilliHours = divideHalfUp(cell.durationMs() * cell.gpuCount() * 1000, MS_PER_HOUR);
        long cents = 0;
        if (cell.progressMs() > 0 && cell.costEur() != null) {
            cents = round(cell.costEur().movePointRight(2).multiply(BigDecimal.valueOf(cell.durationMs()))
                    .divide(BigDecimal.valueOf(cell.progressMs()), 6, RoundingMode.HALF_UP));
        }
        return new Figures(it, facility, renewable, grid, co2eLocation, co2eMarket, gpuMilliHours, cents);
    }

    /** {@code a / b} rounded half up, for {@code a >= 0}, {@code b > 0}. */
    public static long divideHalfUp(long a, long b) {
        return Math.floorDiv(a, b) + (Math.floorMod(a, b) * 2 >= b ? 1 : 0);
    }

    private static long round(BigDecimal value) {
        return value.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Whole units to the wire: Wh → kWh, g → kg, 1/1000 GPU-h → GPU-h (3 decimals). */
    public static BigDecimal thousandths(long value) {
        return BigDecimal.valueOf(value, 3);
    }

    /** Euro cents to euros (2 decimals). */
    public static BigDecimal cents(long value) {
        return BigDecimal.valueOf(value, 2);
    }

    /** A running sum of cell figures. */
    public static final class Sum {
        private long itWh;
        private long facilityWh;
        private long renewableWh;
        private long gridWh;
        private long co2eLocationG;
        private long co2eMarketG;
        private long gpuMilliHours;
        private long costCents;
        private long measuredWh;

        /** Counts {@code itWh}, already added with its figures, as measured. */
        public void addMeasured(long itWh) {
            measuredWh += itWh;
        }

        public void add(Figures f) {
            itWh += f.itWh();
            facilityWh += f.facilityWh();
            renewableWh += f.renewableWh();
            gridWh += f.gridWh();
            co2eLocationG += f.co2eLocationG();
            co2eMarketG += f.co2eMarketG();
            gpuMilliHours += f.gpuMilliHours();
            costCents += f.costCents();
        }

        public long itWh() {
            return itWh;
        }

        public long facilityWh() {
            return facilityWh;
        }

        public long renewableWh() {
            return renewableWh;
        }

        public long gridWh() {
            return gridWh;
        }

        public long co2eLocationG() {
            return co2eLocationG;
        }

        public long co2eMarketG() {
            return co2eMarketG;
        }

        public long gpuMilliHours() {
            return gpuMilliHours;
        }

        public EnergyGroup toGroup(String key, String label, Instant start, Instant end, int workloadCount) {
            return new EnergyGroup(key, label, start, end, thousandths(itWh), thousandths(facilityWh),
                    thousandths(renewableWh), thousandths(gridWh), thousandths(co2eLocationG), thousandths(co2eMarketG),
                    thousandths(gpuMilliHours), cents(costCents), workloadCount, thousandths(measuredWh));
        }

        public EnergyTotals toTotals(int workloadCount) {
            return new EnergyTotals(thousandths(itWh), thousandths(facilityWh), thousandths(renewableWh),
                    thousandths(gridWh), thousandths(co2eLocationG), thousandths(co2eMarketG), thousandths(gpuMilliHours),
                    cents(costCents), workloadCount);
        }
    }
}
