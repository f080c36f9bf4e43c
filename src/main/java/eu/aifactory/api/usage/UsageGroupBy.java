package eu.aifactory.api.usage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a usage report groups its rows. */
public enum UsageGroupBy {
    PROJECT, USER, APPLICATION, PLAN, MONTH, DAY;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static UsageGroupBy fromWire(String value) {
        for (UsageGroupBy groupBy : values()) {
            if (groupBy.wire().equals(value)) {
                return groupBy;
            }
        }
        throw new IllegalArgumentException("unknown groupBy: " + value);
    }
}
