package eu.aifactory.portal.energy;

import java.time.LocalDate;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The report period a page shows: one of the presets or custom site-local days. The Energy and Usage pages share it,
 * so both offer the same periods and resolve them to the same days.
 */
public final class PeriodChoice {

    private final ReadOnlyObjectWrapper<EnergyPeriod> period;
    private final ReadOnlyObjectWrapper<EnergyPeriod.DateRange> range = new ReadOnlyObjectWrapper<>(this, "range");
    private LocalDate customFrom;
    private LocalDate customTo;

    /** Starts on {@code initial}; a later custom choice starts from this month so far. */
    public PeriodChoice(EnergyPeriod initial, LocalDate today) {
        period = new ReadOnlyObjectWrapper<>(this, "period", Objects.requireNonNull(initial));
        customFrom = today.withDayOfMonth(1);
        customTo = today;
        resolve(today);
    }

    public ReadOnlyObjectProperty<EnergyPeriod> periodProperty() {
        return period.getReadOnlyProperty();
    }

    /** The days of the period as last resolved: first inclusive, end exclusive. */
    public ReadOnlyObjectProperty<EnergyPeriod.DateRange> rangeProperty() {
        return range.getReadOnlyProperty();
    }

    public LocalDate customFrom() {
        return customFrom;
    }

    public LocalDate customTo() {
        return customTo;
    }

    public void choose(EnergyPeriod chosen) {
        period.set(Objects.requireNonNull(chosen));
    }

    /** A custom period of site-local days, both inclusive. */
    public void chooseCustom(LocalDate from, LocalDate toInclusive) {
        if (from == null || toInclusive == null || toInclusive.isBefore(from)) {
            throw new IllegalArgumentException("custom period must end on or after its start: " + from + " .. " + toInclusive);
        }
        customFrom = from;
        customTo = toInclusive;
        period.set(EnergyPeriod.CUSTOM);
    }

    /** The chosen period's days for {@code today}, which also become the {@link #rangeProperty() range}. */
    public EnergyPeriod.DateRange resolve(LocalDate today) {
        EnergyPeriod.DateRange days = period.get().range(today, customFrom, customTo);
        range.set(days);
        return days;
    }
}
