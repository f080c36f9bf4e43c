package eu.aifactory.server.usage;

import eu.aifactory.server.db.Database;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The budget ledger: spent and committed per project and site-local month, and what each workload has booked into
 * it (V60). Every write takes the caller's handle, so it commits with the change it books.
 */
public final class LedgerStore {

    private final Jdbi jdbi;

    public LedgerStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One project's month: charges (cents, facility Wh) and the commitments of work submitted in it. */
    public record Row(long spentCents, long facilityWh, BigDecimal committedEur) {
        public static final Row EMPTY = new Row(0, 0, BigDecimal.ZERO);
    }

    /** What a workload has committed: its estimate, and the part not charged yet while it is unfinished. */
    public record Commitment(String workloadId, String projectId, String month, BigDecimal estimateEur,
                             BigDecimal committedEur) {
    }

    /** A workload as the ledger books it. */
    public record Booked(String id, String tenantId, String projectId, String status, BigDecimal costEur, long createdAt,
                         String appId, String appVersion, String planId, int gpuCount, long expectedRuntimeS) {
    }

    /** What one workload has booked into one month. */
    public record Charge(long spentCents, long facilityWh) {
    }

    // ---------------------------------------------------------------- the submit's row lock

    /**
     * The project's row of {@code month}, locked until the caller's transaction ends ({@code SELECT … FOR UPDATE}, on
     * H2 and PostgreSQL): every submit to the project in that month waits here for the one before, in every factory
     * process on the database. Creates the row first if the month has none.
     */
    public Row lock(Handle h, String tenantId, String projectId, String month) {
        Optional<Row> row = selectForUpdate(h, projectId, month);
        if (row.isPresent()) {
            return row.get();
        }
        ensureRow(h, tenantId, projectId, month);
        return selectForUpdate(h, projectId, month).orElseThrow();
    }

    private static Optional<Row> selectForUpdate(Handle h, String projectId, String month) {
        try (PreparedStatement ps = h.getConnection().prepareStatement("SELECT spent_cents, facility_wh, committed_eur "
                + "FROM budget_ledger WHERE project_id = ? AND ledger_month = ? FOR UPDATE")) {
            ps.setString(1, projectId);
            ps.setString(2, month);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** The project's commitments of every month up to {@code month}: unfinished work of earlier months still counts. */
    public BigDecimal committedUpTo(Handle h, String projectId, String month) {
        try (PreparedStatement ps = h.getConnection().prepareStatement("SELECT COALESCE(SUM(committed_eur), 0) "
                + "FROM budget_ledger WHERE project_id = ? AND ledger_month <= ?")) {
            ps.setString(1, projectId);
            ps.setString(2, month);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /**
     * Inserts the project's empty row of {@code month} unless it exists. Under a savepoint, so losing the race to
     * another transaction's insert leaves the caller's transaction usable (PostgreSQL would abort it otherwise).
     */
    private static void ensureRow(Handle h, String tenantId, String projectId, String month) {
        String savepoint = "ledger_row";
        h.savepoint(savepoint);
        try (PreparedStatement ps = h.getConnection().prepareStatement("INSERT INTO budget_ledger (project_id, "
                + "ledger_month, tenant_id, spent_cents, facility_wh, committed_eur) VALUES (?, ?, ?, 0, 0, 0)")) {
            ps.setString(1, projectId);
            ps.setString(2, month);
            ps.setString(3, tenantId);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!Database.isUniqueViolation(e)) {
                throw new UnableToExecuteStatementException(e, null);
            }
            h.rollbackToSavepoint(savepoint);
        }
        h.releaseSavepoint(savepoint);
    }

    /** Adds to the project's row of {@code month}, creating it if needed. */
    public void add(Handle h, String tenantId, String projectId, String month, long cents, long wh, BigDecimal committed) {
        if (update(h, projectId, month, cents, wh, committed) == 0) {
            ensureRow(h, tenantId, projectId, month);
            update(h, projectId, month, cents, wh, committed);
        }
    }

    private static int update(Handle h, String projectId, String month, long cents, long wh, BigDecimal committed) {
        try (PreparedStatement ps = h.getConnection().prepareStatement("UPDATE budget_ledger SET spent_cents = "
                + "spent_cents + ?, facility_wh = facility_wh + ?, committed_eur = committed_eur + ? "
                + "WHERE project_id = ? AND ledger_month = ?")) {
            ps.setLong(1, cents);
            ps.setLong(2, wh);
            ps.setBigDecimal(3, committed);
            ps.setString(4, projectId);
            ps.setString(5, month);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    // ---------------------------------------------------------------- per workload

    public void insertCommitment(Handle h, String tenantId, Commitment c) {
        try (PreparedStatement ps = h.getConnection().prepareStatement("INSERT INTO workload_commitments (workload_id, "
                + "tenant_id, project_id, commit_month, estimate_eur, committed_eur) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, c.workloadId());
            ps.setString(2, tenantId);
            ps.setString(3, c.projectId());
            ps.setString(4, c.month());
            ps.setBigDecimal(5, c.estimateEur());
            ps.setBigDecimal(6, c.committedEur());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    public Optional<Commitment> commitment(Handle h, String workloadId) {
        return h.createQuery("SELECT workload_id, project_id, commit_month, estimate_eur, committed_eur "
                        + "FROM workload_commitments WHERE workload_id = :w")
                .bind("w", workloadId)
                .map((rs, ctx) -> new Commitment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5)))
                .findOne();
    }

    public void updateCommitted(Handle h, String workloadId, BigDecimal committed) {
        h.createUpdate("UPDATE workload_commitments SET committed_eur = :c WHERE workload_id = :w")
                .bind("c", committed).bind("w", workloadId).execute();
    }

    /** What the workload has booked, by month. */
    public Map<String, Charge> charges(Handle h, String workloadId) {
        Map<String, Charge> result = new HashMap<>();
        h.createQuery("SELECT charge_month, spent_cents, facility_wh FROM workload_charges WHERE workload_id = :w")
                .bind("w", workloadId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), new Charge(rs.getLong(2), rs.getLong(3))))
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    public void putCharge(Handle h, Booked w, String month, Charge charge) {
        int updated = h.createUpdate("UPDATE workload_charges SET spent_cents = :c, facility_wh = :wh "
                        + "WHERE workload_id = :w AND charge_month = :m")
                .bind("c", charge.spentCents()).bind("wh", charge.facilityWh()).bind("w", w.id()).bind("m", month)
                .execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO workload_charges (workload_id, charge_month, tenant_id, project_id, spent_cents, "
                            + "facility_wh) VALUES (:w, :m, :t, :p, :c, :wh)")
                    .bind("w", w.id()).bind("m", month).bind("t", w.tenantId()).bind("p", w.projectId())
                    .bind("c", charge.spentCents()).bind("wh", charge.facilityWh()).execute();
        }
    }

    private static final String BOOKED = "SELECT id, tenant_id, project_id, status, cost_eur, created_at, app_id, "
            + "app_version, plan_id, gpu_count, expected_runtime_s FROM workloads ";

    public Optional<Booked> workload(Handle h, String workloadId) {
        return h.createQuery(BOOKED + "WHERE id = :id").bind("id", workloadId).map((rs, ctx) -> booked(rs)).findOne();
    }

    /**
     * Up to {@code limit} workloads with ids after {@code afterId} that the ledger does not know yet (from before V60,
     * or bulk-loaded), by id: the caller pages on by the last id, so every workload is read once.
     */
    public List<Booked> unbooked(String afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(BOOKED + "w WHERE w.id > :after AND NOT EXISTS (SELECT 1 FROM "
                        + "workload_commitments c WHERE c.workload_id = w.id) ORDER BY w.id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit)
                .map((rs, ctx) -> booked(rs))
                .list());
    }

    private static Booked booked(ResultSet rs) throws SQLException {
        return new Booked(rs.getString("id"), rs.getString("tenant_id"), rs.getString("project_id"),
                rs.getString("status"), rs.getBigDecimal("cost_eur"), rs.getLong("created_at"), rs.getString("app_id"),
                rs.getString("app_version"), rs.getString("plan_id"), rs.getInt("gpu_count"),
                rs.getLong("expected_runtime_s"));
    }

    // ---------------------------------------------------------------- reads for budgets and reports

    /** The tenant's rows of {@code month}, by project. */
    public Map<String, Row> rows(String tenantId, String month) {
        Map<String, Row> result = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT project_id, spent_cents, facility_wh, committed_eur FROM budget_ledger "
                        + "WHERE tenant_id = :t AND ledger_month = :m")
                .bind("t", tenantId).bind("m", month)
                .map((rs, ctx) -> Map.entry(rs.getString(1), new Row(rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4))))
                .forEach(e -> result.put(e.getKey(), e.getValue())));
        return result;
    }

    /** The tenant's commitments of every month up to {@code month}, by project. */
    public Map<String, BigDecimal> committedUpTo(String tenantId, String month) {
        Map<String, BigDecimal> result = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT project_id, SUM(committed_eur) FROM budget_ledger "
                        + "WHERE tenant_id = :t AND ledger_month <= :m GROUP BY project_id")
                .bind("t", tenantId).bind("m", month)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getBigDecimal(2)))
                .forEach(e -> result.put(e.getKey(), e.getValue())));
        return result;
    }
}
