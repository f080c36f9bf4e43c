package eu.aifactory.api.dataset;

import java.time.Instant;

/**
 * A file a tenant uploaded into a project's storage, to be used as a workload input.
 *
 * @param siteId the factory site holding the primary copy (a nightly backup copy follows)
 * @param site   that site in words, e.g. "Munich (Tucherpark), DE"
 * @param sha256 hex SHA-256 of the bytes, computed by the factory while receiving them
 */
public record Dataset(
        String id,
        String projectId,
        String name,
        String mediaType,
        long sizeBytes,
        String sha256,
        String siteId,
        String site,
        Instant createdAt) {
}
