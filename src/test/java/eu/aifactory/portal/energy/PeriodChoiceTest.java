package eu.aifactory.portal.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodChoiceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void aPresetResolvesToItsDaysAndShowsThemAsTheRange() {
        PeriodChoice choice = new PeriodChoice(EnergyPeriod.LAST_QUARTER, TODAY);
        assertThat(choice.rangeProperty().get())
                .isEqualTo(new EnergyPeriod.DateRange(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 10, 1)));

        choice.choose(EnergyPeriod.THIS_MONTH);
        assertThat(choice.resolve(TODAY)).isEqualTo(new EnergyPeriod.DateRange(LocalDate.of(2026, 11, 1), TODAY.plusDays(1)));
        assertThat(choice.rangeProperty().get().from()).isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void aCustomPeriodIncludesItsLastDayAndRefusesAnEndBeforeItsStart() {
        PeriodChoice choice = new PeriodChoice(EnergyPeriod.THIS_QUARTER, TODAY);
        assertThat(choice.customFrom()).isEqualTo(LocalDate.of(2026, 11, 1));

        choice.chooseCustom(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8));
        assertThat(choice.periodProperty().get()).isEqualTo(EnergyPeriod.CUSTOM);
        assertThat(choice.resolve(TODAY)).isEqualTo(new EnergyPeriod.DateRange(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9)));

        assertThatThrownBy(() -> choice.chooseCustom(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(choice.customTo()).isEqualTo(LocalDate.of(2026, 3, 8));
    }
}
