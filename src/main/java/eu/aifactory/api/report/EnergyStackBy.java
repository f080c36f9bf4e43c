package eu.aifactory.api.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a report over time splits each period's facility energy into series, for a stacked chart. */
public enum EnergyStackBy {
    APPLICATION, PROJECT;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static EnergyStackBy fromWire(String value) {
        for (EnergyStackBy stackBy : values()) {
            if (stackBy.wire().equals(value)) {
                return stackBy;
            }
        }
        throw new IllegalArgumentException("unknown stackBy: " + value);
    }
}
