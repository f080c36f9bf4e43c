package eu.aifactory.api.catalog;

import eu.aifactory.api.LocalizedText;
import java.util.List;

/** An application with its long description and all its versions, newest first. */
public record AppDetail(AppSummary summary, LocalizedText description, List<AppVersion> versions) {

    public AppDetail {
        versions = List.copyOf(versions);
    }

    public AppVersion latest() {
        return versions.get(0);
    }

    public AppVersion version(String version) {
        return versions.stream().filter(v -> v.version().equals(version)).findFirst().orElse(null);
    }
}
