package eu.aifactory.api.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How an energy report groups its rows: by site-local calendar period, or by what the energy was used for. */
public enum EnergyGroupBy {
    DAY, WEEK, MONTH, APPLICATION, PROJECT, WORKLOAD, USER;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static EnergyGroupBy fromWire(String value) {
        for (EnergyGroupBy groupBy : values()) {
            if (groupBy.wire().equals(value)) {
                return groupBy;
            }
        }
        throw new IllegalArgumentException("unknown groupBy: " + value);
    }

    /** Whether the groups are periods of time (they then carry a start and an end). */
    public boolean isTime() {
        return this == DAY || this == WEEK || this == MONTH;
    }
}
