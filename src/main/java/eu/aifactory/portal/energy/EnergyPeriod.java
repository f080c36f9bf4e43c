package eu.aifactory.portal.energy;

import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** The periods the Energy page offers; each resolves to site-local calendar days [first, end) for a given today. */
public enum EnergyPeriod {
    THIS_MONTH, LAST_MONTH, THIS_QUARTER, LAST_QUARTER, THIS_YEAR, CUSTOM;

    /** The i18n key of the period's name. */
    public String key() {
        return switch (this) {
            case THIS_MONTH -> "energy.period.this-month";
            case LAST_MONTH -> "energy.period.last-month";
            case THIS_QUARTER -> "energy.period.this-quarter";
            case LAST_QUARTER -> "energy.period.last-quarter";
            case THIS_YEAR -> "energy.period.this-year";
            case CUSTOM -> "energy.period.custom";
        };
    }

    /**
     * First day (inclusive) and end day (exclusive) for {@code today}. A running period ends with today, so the
     * factory is not asked for days that have not happened. CUSTOM uses the given inclusive dates.
     */
    public DateRange range(LocalDate today, LocalDate customFrom, LocalDate customTo) {
        LocalDate tomorrow = today.plusDays(1);
        return switch (this) {
            case THIS_MONTH -> new DateRange(today.withDayOfMonth(1), tomorrow);
            case LAST_MONTH -> {
                LocalDate first = today.withDayOfMonth(1).minusMonths(1);
                yield new DateRange(first, first.plusMonths(1));
            }
            case THIS_QUARTER -> new DateRange(quarterStart(today), tomorrow);
            case LAST_QUARTER -> {
                LocalDate first = quarterStart(today).minusMonths(3);
                yield new DateRange(first, first.plusMonths(3));
            }
            case THIS_YEAR -> new DateRange(today.with(TemporalAdjusters.firstDayOfYear()), tomorrow);
            case CUSTOM -> new DateRange(customFrom, customTo.plusDays(1));
        };
    }

    private static LocalDate quarterStart(LocalDate day) {
        int quarter = day.get(IsoFields.QUARTER_OF_YEAR);
        return LocalDate.of(day.getYear(), Month.of((quarter - 1) * 3 + 1), 1);
    }

    /** Site-local days {@code [from, to)}. */
    public record DateRange(LocalDate from, LocalDate to) {
        public long days() {
            return to.toEpochDay() - from.toEpochDay();
        }
    }
}
