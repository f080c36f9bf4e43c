package eu.aifactory.api.audit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether the factory did what was asked, or refused it with a problem. */
public enum AuditOutcome {
    OK("ok"),
    REFUSED("refused");

    private final String wire;

    AuditOutcome(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static AuditOutcome fromWire(String value) {
        for (AuditOutcome outcome : values()) {
            if (outcome.wire.equals(value)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown audit outcome: " + value);
    }
}
