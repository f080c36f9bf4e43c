package eu.aifactory.server.workload;

import eu.aifactory.api.workload.Artifact;

/** An artifact and the project of the workload that made it (null for uploads), for visibility checks. */
public record ArtifactRef(Artifact artifact, String projectId) {
}
