package eu.aifactory.server.energy.model;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.report.SiteIndicator;
import eu.aifactory.server.db.Database;
import eu.aifactory.server.energy.EnergyStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The data of migration V10 as the energy model reads it: monthly indicators, design fallbacks, thresholds. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnergyModelTest {

    private Database database;
    private EnergyModel model;

    @BeforeAll
    void open() {
        database = Database.open("jdbc:h2:mem:energy-model-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        model = new EnergyStore(database.jdbi()).model();
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void theSiteIsMunichInBerlinTimeComparedWithTheLimitsForNewSites() {
        assertThat(model.site().zone().getId()).isEqualTo("Europe/Berlin");
        assertThat(model.site().enefgClass()).isEqualTo("NEW");
        assertThat(model.site().note()).contains("EXISTING");
    }

    @Test
    void pueIsHigherInSummerThanInWinterAndEveryMonthOfTheSiteHasFigures() {
        for (YearMonth m = YearMonth.of(2026, 2); !m.isAfter(YearMonth.of(2027, 12)); m = m.plusMonths(1)) {
            EnergyModel.Monthly monthly = model.month(m);
            assertThat(monthly.pue().factor().source()).as(m.toString()).startsWith("Illustrative monthly PUE");
            assertThat(monthly.pue().value()).isBetween(new BigDecimal("1.17"), new BigDecimal("1.25"));
            assertThat(monthly.ref().value()).isEqualByComparingTo("1");
            assertThat(monthly.erf().value()).isBetween(new BigDecimal("0.08"), new BigDecimal("0.15"));
            assertThat(monthly.wue().value()).isBetween(new BigDecimal("0.2"), new BigDecimal("0.4"));
            assertThat(monthly.pue().factor().validFrom()).isEqualTo(m.atDay(1));
            assertThat(monthly.pue().factor().validTo()).isEqualTo(m.plusMonths(1).atDay(1));
        }
        assertThat(model.month(YearMonth.of(2026, 7)).pue().value())
                .isGreaterThan(model.month(YearMonth.of(2026, 12)).pue().value());
        assertThat(model.month(YearMonth.of(2026, 12)).erf().value())
                .isGreaterThan(model.month(YearMonth.of(2026, 7)).erf().value());
    }

    @Test
    void aMonthWithoutFiguresUsesTheDesignValuesAndSaysSo() {
        EnergyModel.Monthly before = model.month(YearMonth.of(2025, 12));

        assertThat(before.pue().value()).isEqualByComparingTo("1.18");
        assertThat(before.pue().factor().source()).contains("design value pue_site");
        assertThat(before.erf().value()).isEqualByComparingTo("0.10");
        assertThat(before.wue().factor().unit()).isEqualTo("L/kWh");
        assertThat(before.ref().factor().validFrom()).isEqualTo(LocalDate.of(2025, 12, 1));
    }

    @Test
    void theLimitInForceAtThePeriodsEndIsChosenOrElseTheNextOne() {
        SiteIndicator.Threshold refIn2026 = model.threshold("REF", LocalDate.of(2026, 12, 31)).orElseThrow();
        assertThat(refIn2026.value()).isEqualByComparingTo("0.50");
        assertThat(refIn2026.inForce()).isTrue();
        assertThat(model.threshold("REF", LocalDate.of(2027, 1, 1)).orElseThrow().value()).isEqualByComparingTo("1.00");

        SiteIndicator.Threshold pueEarly = model.threshold("PUE", LocalDate.of(2026, 3, 31)).orElseThrow();
        assertThat(pueEarly.inForce()).isFalse();
        assertThat(pueEarly.value()).isEqualByComparingTo("1.2");
        assertThat(pueEarly.siteClass()).isEqualTo("NEW");

        assertThat(model.threshold("ERF", LocalDate.of(2028, 7, 1)).orElseThrow().value()).isEqualByComparingTo("0.20");
        assertThat(model.threshold("WUE", LocalDate.of(2027, 1, 1))).isEmpty();
    }

    @Test
    void passingMeansAtMostForUpperLimitsAndAtLeastForLowerOnes() {
        SiteIndicator.Threshold pue = model.threshold("PUE", LocalDate.of(2026, 8, 1)).orElseThrow();
        SiteIndicator.Threshold erf = model.threshold("ERF", LocalDate.of(2026, 8, 1)).orElseThrow();

        assertThat(EnergyModel.passes(new BigDecimal("1.200"), pue)).isTrue();
        assertThat(EnergyModel.passes(new BigDecimal("1.201"), pue)).isFalse();
        assertThat(EnergyModel.passes(new BigDecimal("0.100"), erf)).isTrue();
        assertThat(EnergyModel.passes(new BigDecimal("0.099"), erf)).isFalse();
    }

    @Test
    void emissionFactorsCarryValueUnitYearAndSource() {
        assertThat(model.emissionFactors()).extracting(f -> f.key())
                .containsExactly("grid_co2e_location_de", "grid_co2e_residual_de");
        assertThat(model.emissionFactors()).allSatisfy(f -> {
            assertThat(f.unit()).isEqualTo("g CO2e/kWh");
            assertThat(f.year()).isNotNull();
            assertThat(f.source()).isNotBlank();
        });
    }
}
