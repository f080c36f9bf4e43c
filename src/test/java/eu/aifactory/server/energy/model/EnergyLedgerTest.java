package eu.aifactory.server.energy.model;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.report.EnergyFactor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class EnergyLedgerTest {

    private static EnergyModel.Monthly month(String pue, String ref) {
        EnergyFactor f = new EnergyFactor("X", BigDecimal.ONE, "ratio", null, null, null, "test");
        return new EnergyModel.Monthly(YearMonth.of(2026, 11), new EnergyModel.Value(new BigDecimal(pue), f, null),
                new EnergyModel.Value(new BigDecimal(ref), f, null), new EnergyModel.Value(new BigDecimal("0.1"), f, null),
                new EnergyModel.Value(new BigDecimal("0.3"), f, null));
    }

    private static EnergyLedger.Cell cell(long energyMj, long durationMs, int gpus, String cost, long progressMs) {
        return new EnergyLedger.Cell("wl", LocalDate.of(2026, 11, 1), 3, energyMj, durationMs, 1000, gpus,
                cost == null ? null : new BigDecimal(cost), progressMs);
    }

    @Test
    void divisionRoundsHalfUp() {
        assertThat(EnergyLedger.divideHalfUp(1_799_999, 3_600_000)).isZero();
        assertThat(EnergyLedger.divideHalfUp(1_800_000, 3_600_000)).isEqualTo(1);
        assertThat(EnergyLedger.divideHalfUp(5, 2)).isEqualTo(3);
        assertThat(EnergyLedger.divideHalfUp(7, 3)).isEqualTo(2);
        assertThat(EnergyLedger.divideHalfUp(0, 7)).isZero();
    }

    /*
     * 1,981,500,000 mJ = 550.4167 Wh -> 550 Wh; x 1.19 = 654.5 -> 655 Wh facility; x 0.9 = 589.5 -> 590 renewable,
     * 65 grid; CO2e 655 x 363 / 1000 = 237.765 -> 238 g; 65 x 725 / 1000 = 47.125 -> 47 g; 150 s x 8 GPUs = 0.333 GPU-h;
     * EUR 10 x 150 / 270 = 5.5556 -> 556 cents.
     */
    @Test
    void aCellsFiguresAreRoundedOnceEachToWholeUnits() {
        EnergyLedger.Figures f = EnergyLedger.figures(cell(1_981_500_000L, 150_000, 8, "10.0000", 270_000),
                month("1.19", "0.90"), new BigDecimal("363"), new BigDecimal("725"));

        assertThat(f).isEqualTo(new EnergyLedger.Figures(550, 655, 590, 65, 238, 47, 333, 556));
    }

    @Test
    void fullyRenewableEnergyHasNoMarketBasedEmissions() {
        EnergyLedger.Figures f = EnergyLedger.figures(cell(3_600_000_000L, 60_000, 1, "1.00", 60_000),
                month("1.2", "1.00"), new BigDecimal("363"), new BigDecimal("725"));

        assertThat(f.itWh()).isEqualTo(1000);
        assertThat(f.facilityWh()).isEqualTo(1200);
        assertThat(f.gridWh()).isZero();
        assertThat(f.co2eMarketG()).isZero();
        assertThat(f.co2eLocationG()).isEqualTo(436);
        assertThat(f.costCents()).isEqualTo(100);
    }

    @Test
    void aWorkloadWithoutRunTimeCostsNothing() {
        EnergyLedger.Figures f = EnergyLedger.figures(cell(0, 0, 8, "0.0000", 0), month("1.2", "1"), BigDecimal.TEN,
                BigDecimal.TEN);

        assertThat(f).isEqualTo(new EnergyLedger.Figures(0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void sumsTurnWholeUnitsIntoExactDecimals() {
        EnergyLedger.Sum sum = new EnergyLedger.Sum();
        sum.add(new EnergyLedger.Figures(550, 655, 590, 65, 238, 47, 333, 556));
        sum.add(new EnergyLedger.Figures(420, 504, 504, 0, 183, 0, 267, 444));

        var totals = sum.toTotals(1);
        assertThat(totals.itKwh()).isEqualTo(new BigDecimal("0.970"));
        assertThat(totals.co2eKgLocationBased()).isEqualTo(new BigDecimal("0.421"));
        assertThat(totals.gpuHours()).isEqualTo(new BigDecimal("0.600"));
        assertThat(totals.costEur()).isEqualTo(new BigDecimal("10.00"));
    }
}
