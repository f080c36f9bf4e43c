package eu.aifactory.server.residency;

import eu.aifactory.api.report.ResidencyReport.TransferKind;
import eu.aifactory.server.residency.ResidencyStore.SiteRow;
import eu.aifactory.server.util.Ids;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a transfer log entry for every artifact download: data leaving the site to the tenant. The reference
 * factory does not geolocate clients, so the destination and client country stay unknown for live downloads.
 */
public final class DownloadLog {

    /** Why the factory may hand a tenant's data to that tenant. */
    public static final String LEGAL_BASIS = "Retrieval by the tenant (the controller) on its own instruction "
            + "(GDPR Art. 28(3)(a)) under the service agreement";
    private static final Logger LOG = LoggerFactory.getLogger(DownloadLog.class);

    private final ResidencyStore store;
    private final Clock clock;

    public DownloadLog(ResidencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Logs a download that has already been served; a failure is logged loudly, as the bytes are gone already.
     *
     * @param bytes the bytes of a partial download, or null when the whole artifact was sent
     */
    public void record(String tenantId, String artifactId, Long bytes) {
        try {
            insert(tenantId, artifactId, bytes);
        } catch (RuntimeException e) {
            LOG.error("The download of artifact {} by tenant {} is missing from the transfer log", artifactId, tenantId, e);
        }
    }

    private void insert(String tenantId, String artifactId, Long bytes) {
        store.artifact(tenantId, artifactId).ifPresentOrElse(artifact -> {
            List<SiteRow> sites = store.sites();
            String fromSite = sites.stream().filter(s -> s.label().equals(artifact.siteLabel())).map(SiteRow::id)
                    .findFirst().orElse(ResidencyReportService.primary(sites).id());
            store.insertTransfer(new ResidencyStore.TransferRow(Ids.next("tr"), tenantId,
                    artifact.projectId(), artifact.id(), artifact.name(), TransferKind.DOWNLOAD, fromSite, null, null, null,
                    bytes == null ? artifact.sizeBytes() : bytes, LEGAL_BASIS, clock.millis()));
        }, () -> LOG.warn("Download of unknown artifact {} not logged", artifactId));
    }
}
