package eu.aifactory.api.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The JSON Schema subset an application parameter can have; the submit form is generated from it. */
public enum ParameterType {
    STRING, NUMBER, INTEGER, BOOLEAN, ENUM;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ParameterType fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
