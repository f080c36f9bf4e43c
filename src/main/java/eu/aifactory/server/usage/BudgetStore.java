package eu.aifactory.server.usage;

import eu.aifactory.api.usage.BudgetOverride;
import eu.aifactory.server.util.Ids;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Project budgets per month, one-off budget overrides and GPU quotas per project and plan. */
public final class BudgetStore {

    private final Jdbi jdbi;

    public BudgetStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public record Budget(String projectId, String month, BigDecimal budgetEur, BigDecimal budgetKwh) {
    }

    private static final RowMapper<Budget> BUDGET = (rs, ctx) -> new Budget(rs.getString("project_id"),
            rs.getString("budget_month"), rs.getBigDecimal("budget_eur"), rs.getBigDecimal("budget_kwh"));

    /** The budgets of a tenant's projects for {@code month}, by project id. */
    public Map<String, Budget> budgets(String tenantId, String month) {
        Map<String, Budget> result = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT project_id, budget_month, budget_eur, budget_kwh FROM project_budgets "
                        + "WHERE tenant_id = :t AND budget_month = :m")
                .bind("t", tenantId).bind("m", month)
                .map(BUDGET)
                .forEach(b -> result.put(b.projectId(), b)));
        return result;
    }

    /**
     * The project's budget of {@code month}, read in the caller's transaction (the submit check). Plain JDBC: it runs
     * on the group-commit thread for every submit, where JDBI's binding and mapping cost more than H2's lookup.
     */
    public Optional<Budget> budget(Handle h, String tenantId, String projectId, String month) {
        try (PreparedStatement ps = h.getConnection().prepareStatement("SELECT budget_eur, budget_kwh FROM project_budgets "
                + "WHERE project_id = ? AND budget_month = ? AND tenant_id = ?")) {
            ps.setString(1, projectId);
            ps.setString(2, month);
            ps.setString(3, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Budget(projectId, month, rs.getBigDecimal(1), rs.getBigDecimal(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** Inserts or replaces a budget; portable (no MERGE/ON CONFLICT, which H2 and PostgreSQL spell differently). */
    public void putBudget(Handle h, String tenantId, String projectId, String month, BigDecimal eur, BigDecimal kwh,
                          String userId, long at) {
        int updated = h.createUpdate("UPDATE project_budgets SET budget_eur = :eur, budget_kwh = :kwh, updated_by = :u, "
                        + "updated_at = :at WHERE project_id = :p AND budget_month = :m AND tenant_id = :t")
                .bind("eur", eur).bind("kwh", kwh).bind("u", userId).bind("at", at)
                .bind("p", projectId).bind("m", month).bind("t", tenantId).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO project_budgets (project_id, budget_month, tenant_id, budget_eur, budget_kwh, updated_by, "
                            + "updated_at) VALUES (:p, :m, :t, :eur, :kwh, :u, :at)")
                    .bind("p", projectId).bind("m", month).bind("t", tenantId).bind("eur", eur).bind("kwh", kwh)
                    .bind("u", userId).bind("at", at).execute();
        }
    }

    // ---------------------------------------------------------------- overrides

    public BudgetOverride grantOverride(Handle h, String tenantId, String projectId, String month, String reason,
                                        String userId, String userName, long at) {
        String id = Ids.next("bo");
        h.createUpdate("INSERT INTO budget_overrides (id, tenant_id, project_id, budget_month, reason, granted_by, granted_by_name, "
                        + "granted_at) VALUES (:id, :t, :p, :m, :r, :u, :un, :at)")
                .bind("id", id).bind("t", tenantId).bind("p", projectId).bind("m", month).bind("r", reason)
                .bind("u", userId).bind("un", userName).bind("at", at).execute();
        return new BudgetOverride(id, projectId, month, reason, userId, userName, Instant.ofEpochMilli(at), null, null);
    }

    public List<BudgetOverride> overrides(String tenantId, String projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM budget_overrides WHERE tenant_id = :t AND project_id = :p "
                        + "ORDER BY granted_at DESC, id DESC")
                .bind("t", tenantId).bind("p", projectId)
                .map((rs, ctx) -> {
                    long usedAt = rs.getLong("used_at");
                    boolean used = !rs.wasNull();
                    return new BudgetOverride(rs.getString("id"), rs.getString("project_id"), rs.getString("budget_month"),
                            rs.getString("reason"), rs.getString("granted_by"), rs.getString("granted_by_name"),
                            Instant.ofEpochMilli(rs.getLong("granted_at")), rs.getString("used_by_workload"),
                            used ? Instant.ofEpochMilli(usedAt) : null);
                })
                .list());
    }

    /** The id of an unused override of the project and month, if any. */
    public Optional<String> unusedOverride(String tenantId, String projectId, String month) {
        return jdbi.withHandle(h -> unusedOverride(h, tenantId, projectId, month));
    }

    public Optional<String> unusedOverride(Handle h, String tenantId, String projectId, String month) {
        return h.createQuery("SELECT id FROM budget_overrides WHERE tenant_id = :t AND project_id = :p AND budget_month = :m "
                        + "AND used_by_workload IS NULL ORDER BY granted_at, id")
                .bind("t", tenantId).bind("p", projectId).bind("m", month)
                .mapTo(String.class).findFirst();
    }

    /** Marks an override used by a workload; false when another submit took it first. */
    public boolean useOverride(Handle h, String overrideId, String workloadId, long at) {
        return h.createUpdate("UPDATE budget_overrides SET used_by_workload = :w, used_at = :at "
                        + "WHERE id = :id AND used_by_workload IS NULL")
                .bind("w", workloadId).bind("at", at).bind("id", overrideId).execute() == 1;
    }

    // ---------------------------------------------------------------- quotas

    /** Quotas of a tenant's project, by plan id. */
    public Map<String, Integer> quotas(String tenantId, String projectId) {
        Map<String, Integer> result = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT plan_id, max_gpus FROM project_quotas WHERE tenant_id = :t AND project_id = :p")
                .bind("t", tenantId).bind("p", projectId)
                .map((rs, ctx) -> Map.entry(rs.getString("plan_id"), rs.getInt("max_gpus")))
                .forEach(e -> result.put(e.getKey(), e.getValue())));
        return result;
    }

    /** Every quota of the factory, keyed {@code projectId + "|" + planId}: the executor reads them once per pass. */
    public Map<String, Integer> allQuotas() {
        Map<String, Integer> result = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT project_id, plan_id, max_gpus FROM project_quotas")
                .map((rs, ctx) -> Map.entry(rs.getString("project_id") + "|" + rs.getString("plan_id"), rs.getInt("max_gpus")))
                .forEach(e -> result.put(e.getKey(), e.getValue())));
        return result;
    }

    public void putQuota(Handle h, String tenantId, String projectId, String planId, Integer maxGpus, String userId,
                         long at) {
        h.createUpdate("DELETE FROM project_quotas WHERE project_id = :p AND plan_id = :plan AND tenant_id = :t")
                .bind("p", projectId).bind("plan", planId).bind("t", tenantId).execute();
        if (maxGpus != null) {
            h.createUpdate("INSERT INTO project_quotas (project_id, plan_id, tenant_id, max_gpus, updated_by, updated_at) "
                            + "VALUES (:p, :plan, :t, :max, :u, :at)")
                    .bind("p", projectId).bind("plan", planId).bind("t", tenantId).bind("max", maxGpus)
                    .bind("u", userId).bind("at", at).execute();
        }
    }

    /** GPUs a project holds (STARTING, RUNNING, CANCELLING) and has queued, per plan: {inUse, queued}. */
    public Map<String, int[]> gpuDemand(String tenantId, String projectId) {
        Map<String, int[]> result = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT plan_id, status, SUM(gpu_count) AS gpus FROM workloads "
                        + "WHERE tenant_id = :t AND project_id = :p AND status IN ('QUEUED', 'STARTING', 'RUNNING', 'CANCELLING') "
                        + "GROUP BY plan_id, status")
                .bind("t", tenantId).bind("p", projectId)
                .map((rs, ctx) -> new Object[] {rs.getString("plan_id"), rs.getString("status"), rs.getInt("gpus")})
                .forEach(row -> {
                    int[] d = result.computeIfAbsent((String) row[0], k -> new int[2]);
                    d["QUEUED".equals(row[1]) ? 1 : 0] += (Integer) row[2];
                }));
        return result;
    }

    /** A workload created in a usage report's period: what its counts are made of. */
    public record Created(String id, String projectId, String submittedBy, String appId, String planId, String status,
                          long createdAt) {
    }

    /** Workloads of the tenant created in {@code [fromMs, toMs)}, of {@code projectIds} (null: all projects). */
    public List<Created> created(String tenantId, List<String> projectIds, long fromMs, long toMs) {
        if (projectIds != null && projectIds.isEmpty()) {
            return List.of();
        }
        String projectFilter = projectIds == null ? "" : " AND project_id IN (<p>)";
        return jdbi.withHandle(h -> {
            var q = h.createQuery("SELECT id, project_id, submitted_by, app_id, plan_id, status, created_at FROM workloads "
                            + "WHERE tenant_id = :t AND created_at >= :from AND created_at < :to" + projectFilter)
                    .bind("t", tenantId).bind("from", fromMs).bind("to", toMs);
            if (projectIds != null) {
                q.bindList("p", projectIds);
            }
            return q.map((rs, ctx) -> new Created(rs.getString("id"), rs.getString("project_id"),
                            rs.getString("submitted_by"), rs.getString("app_id"), rs.getString("plan_id"),
                            rs.getString("status"), rs.getLong("created_at")))
                    .list();
        });
    }

    /** The resource plan of each of {@code workloadIds} (of the tenant). */
    public Map<String, String> plansOf(String tenantId, List<String> workloadIds) {
        Map<String, String> result = new HashMap<>();
        for (int i = 0; i < workloadIds.size(); i += 500) {
            List<String> chunk = workloadIds.subList(i, Math.min(workloadIds.size(), i + 500));
            jdbi.useHandle(h -> h.createQuery("SELECT id, plan_id FROM workloads WHERE tenant_id = :t AND id IN (<ids>)")
                    .bind("t", tenantId).bindList("ids", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> result.put(e.getKey(), e.getValue())));
        }
        return result;
    }
}
