package eu.aifactory.api.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Artifact kinds after SAP AI Core. */
public enum ArtifactKind {
    MODEL, DATASET, RESULTSET, OTHER;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ArtifactKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
