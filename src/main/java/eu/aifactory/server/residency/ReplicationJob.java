package eu.aifactory.server.residency;

import eu.aifactory.api.report.ResidencyReport.SiteRole;
import eu.aifactory.server.residency.ResidencyStore.SiteRow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly backup to the backup site: at 02:00 in Munich every dataset and artifact written before that time gets
 * its copy, logged as a replication transfer. A factory that was not running at 02:00 catches up when it starts, and
 * a check every few minutes finds the next run due.
 */
public final class ReplicationJob implements AutoCloseable {

    /** Why copying tenant data to the backup site is allowed. */
    public static final String LEGAL_BASIS = "Backup copy within Germany under the data processing agreement "
            + "(GDPR Art. 28; Art. 32(1)(c) availability and restore)";
    private static final ZoneId MUNICH = ZoneId.of("Europe/Berlin");
    private static final LocalTime RUN_AT = LocalTime.of(2, 0);
    private static final long CHECK_EVERY_MINUTES = 10;
    private static final Logger LOG = LoggerFactory.getLogger(ReplicationJob.class);

    private final ResidencyStore store;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public ReplicationJob(ResidencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The latest nightly run at or before {@code now}. */
    public static long lastRun(long now) {
        ZonedDateTime local = Instant.ofEpochMilli(now).atZone(MUNICH);
        ZonedDateTime run = local.with(RUN_AT);
        return (run.isAfter(local) ? run.minusDays(1) : run).toInstant().toEpochMilli();
    }

    /** The first nightly run after {@code at}. */
    public static long nextRun(long at) {
        ZonedDateTime local = Instant.ofEpochMilli(at).atZone(MUNICH);
        ZonedDateTime run = local.with(RUN_AT);
        return (run.isAfter(local) ? run : run.plusDays(1)).toInstant().toEpochMilli();
    }

    /** Makes every copy that is due now; returns how many. */
    public int runOnce() {
        List<SiteRow> sites = store.sites();
        SiteRow backup = sites.stream().filter(s -> s.role() == SiteRole.BACKUP).findFirst().orElse(null);
        if (backup == null) {
            return 0;
        }
        long now = clock.millis();
        int copies = store.replicateMissing(ResidencyReportService.primary(sites), backup, lastRun(now), now, LEGAL_BASIS);
        if (copies > 0) {
            LOG.info("Replicated {} datasets and artifacts to {}", copies, backup.name());
        }
        return copies;
    }

    /** Catches up now, then checks every few minutes on a daemon thread. */
    public synchronized void start() {
        runOnce();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "residency-replication");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                // Keep the schedule alive; the next check tries again.
                LOG.warn("Replication to the backup site failed; retrying at the next check", e);
            }
        }, CHECK_EVERY_MINUTES, CHECK_EVERY_MINUTES, TimeUnit.MINUTES);
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
