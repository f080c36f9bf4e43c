package eu.aifactory.server.energy;

import eu.aifactory.api.tenant.Role;
import eu.aifactory.api.workload.Priority;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.server.admin.AdminStore;
import eu.aifactory.server.db.RawBatch;
import eu.aifactory.server.tenant.TenantStore;
import eu.aifactory.server.tenant.Tokens;
import eu.aifactory.server.workload.WorkloadRow;
import eu.aifactory.server.workload.WorkloadStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes energy test data straight into a factory's database (tenants, users with tokens, finished workloads with
 * hand-made or random power samples), through the stores' own insert statements.
 */
public final class EnergyData {

    public static final long MINUTE = 60_000L;

    public final Jdbi jdbi;
    private final TenantStore tenants;

    public EnergyData(String jdbcUrl) {
        this.jdbi = Jdbi.create(jdbcUrl);
        this.tenants = new TenantStore(jdbi, Clock.systemUTC());
    }

    public void tenant(String id, String... projectIds) {
        jdbi.useTransaction(h -> {
            tenants.createTenant(h, id, "Tenant " + id);
            for (String p : projectIds) {
                new AdminStore(jdbi).createProject(h, p, id, "Project " + p);
            }
        });
    }

    /** Creates a user and returns a fresh API token for them. */
    public String user(String tenantId, String userId, Role role, String... projectIds) {
        String token = Tokens.random();
        jdbi.useTransaction(h -> {
            new AdminStore(jdbi).createUser(h, userId, tenantId, "User " + userId, userId + "@example.test", List.of(role),
                    List.of(projectIds), 0L);
            tenants.addToken(h, userId, token);
        });
        return token;
    }

    /** One power sample as the executor writes it: the interval ending at {@code ts}, and the energy counter there. */
    public record Sample(long ts, int powerW, long totalEnergyMj) {
    }

    /** A finished workload and its samples. */
    public record Run(String id, String tenantId, String projectId, String userId, String appId, String planId,
                      int gpuCount, long startedAt, BigDecimal costEur, List<Sample> samples) {

        public long endedAt() {
            return samples.isEmpty() ? startedAt : samples.get(samples.size() - 1).ts();
        }

        public long energyMj() {
            return samples.isEmpty() ? 0 : samples.get(samples.size() - 1).totalEnergyMj();
        }
    }

    /**
     * Samples like the executor's: one per full minute after {@code startedAt} with the powers given, then one for a
     * last partial minute of {@code lastPartialMs} (none when 0) with power {@code lastPowerW}.
     */
    public static List<Sample> samples(long startedAt, int[] minutePowersW, long lastPartialMs, int lastPowerW) {
        List<Sample> samples = new ArrayList<>();
        long counter = 0;
        for (int m = 0; m < minutePowersW.length; m++) {
            counter += (long) minutePowersW[m] * MINUTE;
            samples.add(new Sample(startedAt + (m + 1) * MINUTE, minutePowersW[m], counter));
        }
        if (lastPartialMs > 0) {
            counter += (long) lastPowerW * lastPartialMs;
            samples.add(new Sample(startedAt + minutePowersW.length * MINUTE + lastPartialMs, lastPowerW, counter));
        }
        return samples;
    }

    /** A random run of 1 to {@code maxMinutes} minutes on a plan's power range. */
    public static Run randomRun(Random random, String id, String tenantId, String projectId, String userId, String appId,
                                String planId, int gpuCount, int minW, int maxW, long startedAt, int maxMinutes) {
        int minutes = 1 + random.nextInt(maxMinutes);
        int[] powers = new int[minutes - 1];
        for (int i = 0; i < powers.length; i++) {
            powers[i] = minW + random.nextInt(maxW - minW + 1);
        }
        long partial = 1 + random.nextInt((int) MINUTE);
        List<Sample> samples = samples(startedAt, powers, partial, minW + random.nextInt(maxW - minW + 1));
        long runMs = samples.get(samples.size() - 1).ts() - startedAt;
        BigDecimal cost = BigDecimal.valueOf(runMs * gpuCount).multiply(BigDecimal.valueOf(5))
                .divide(BigDecimal.valueOf(3_600_000L), 4, java.math.RoundingMode.HALF_UP);
        return new Run(id, tenantId, projectId, userId, appId, planId, gpuCount, startedAt, cost, samples);
    }

    /** Inserts the runs as SUCCEEDED workloads with their samples, in one transaction of batches. */
    public void insert(List<Run> runs) {
        jdbi.useTransaction(h -> {
            PreparedBatch rows = WorkloadStore.insertBatch(h);
            for (Run r : runs) {
                long runMs = r.endedAt() - r.startedAt();
                WorkloadStore.addTo(rows, new WorkloadRow(r.id(), r.tenantId(), r.projectId(), r.userId(), null,
                        "Run " + r.id(), r.appId(), "1.0.0", r.planId(), "b200", r.gpuCount(), Priority.NORMAL, Map.of(),
                        Map.of(), WorkloadStatus.SUCCEEDED, "finished", r.startedAt() - MINUTE, r.startedAt(), r.endedAt(),
                        runMs / 1000, runMs, null, null, r.costEur(), r.energyMj() / 3_600_000L, r.energyMj(),
                        runMs / 1000 * r.gpuCount(), 0));
            }
            if (rows.size() > 0) {
                rows.execute();
            }
            try (RawBatch samples = WorkloadStore.sampleBatch(h)) {
                for (Run r : runs) {
                    for (Sample s : r.samples()) {
                        WorkloadStore.addSample(samples, r.id(), r.tenantId(), s.ts(), r.gpuCount(), 90, s.powerW(),
                                s.totalEnergyMj());
                    }
                }
            }
        });
    }

    /** A meter taking over: the workload's samples from {@code fromTs} on carry {@code provenance}. */
    public void provenance(String workloadId, long fromTs, String provenance) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE power_samples SET provenance = :p WHERE workload_id = :w AND ts >= :from")
                .bind("p", provenance).bind("w", workloadId).bind("from", fromTs).execute());
    }

    /** An admin's SQL: replaces one month's site indicator (what "replaceable without code" means). */
    public void setIndicator(String indicator, String month, BigDecimal value) {
        int updated = jdbi.withHandle(h -> h.createUpdate("UPDATE site_indicators SET indicator_value = :v "
                        + "WHERE indicator = :i AND valid_from = :from")
                .bind("v", value).bind("i", indicator).bind("from", java.time.LocalDate.parse(month + "-01")).execute());
        if (updated != 1) {
            throw new IllegalStateException("no " + indicator + " row for " + month);
        }
    }
}
