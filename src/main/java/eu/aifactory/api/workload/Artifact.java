package eu.aifactory.api.workload;

import eu.aifactory.api.catalog.ArtifactKind;
import java.time.Instant;

/** A stored object of a tenant: an uploaded dataset or a workload's output. */
public record Artifact(
        String id,
        String workloadId,
        String slot,
        ArtifactKind kind,
        String name,
        String mediaType,
        long sizeBytes,
        String sha256,
        String site,
        Instant createdAt) {
}
