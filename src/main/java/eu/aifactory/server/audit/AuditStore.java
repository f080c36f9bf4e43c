package eu.aifactory.server.audit;

import eu.aifactory.api.audit.AuditAction;
import eu.aifactory.api.audit.AuditEntry;
import eu.aifactory.api.audit.AuditOutcome;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The audit trail's table. Append and read only: there is deliberately no method that updates or deletes a row. */
public final class AuditStore {

    private final Jdbi jdbi;

    public AuditStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Appends an entry of {@code tenantId} in the caller's transaction. Plain JDBC: every submit appends one on the
     * group-commit thread, where JDBI's fourteen named bindings cost more than H2's insert.
     */
    public void append(Handle h, String tenantId, AuditEntry e) {
        try (PreparedStatement ps = h.getConnection().prepareStatement("INSERT INTO audit_log (id, tenant_id, at, action, "
                + "outcome, problem_type, user_id, user_name, token_id, client_address, target_type, target_id, "
                + "target_name, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 0;
            ps.setString(++i, e.id());
            ps.setString(++i, tenantId);
            ps.setLong(++i, e.at().toEpochMilli());
            ps.setString(++i, e.action().wire());
            ps.setString(++i, e.outcome().wire());
            ps.setString(++i, e.problemType());
            ps.setString(++i, e.userId());
            ps.setString(++i, e.userName());
            ps.setString(++i, e.tokenId());
            ps.setString(++i, e.clientAddress());
            ps.setString(++i, e.targetType());
            ps.setString(++i, e.targetId());
            ps.setString(++i, e.targetName());
            ps.setString(++i, e.detail());
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new UnableToExecuteStatementException(ex, null);
        }
    }

    /**
     * The tenant's entries matching {@code filter}, newest first, after the position {@code (beforeAt, beforeId)}
     * when given, at most {@code limit}.
     */
    public List<AuditEntry> page(String tenantId, AuditFilter filter, Long beforeAt, String beforeId, int limit) {
        return jdbi.withHandle(h -> query(h, tenantId, filter, beforeAt, beforeId, limit).map((rs, ctx) -> entry(rs)).list());
    }

    /** Hands each matching entry, newest first, to {@code sink} without holding them all in memory. */
    public void each(String tenantId, AuditFilter filter, int limit, Consumer<AuditEntry> sink) {
        jdbi.useHandle(h -> {
            try (var stream = query(h, tenantId, filter, null, null, limit).setFetchSize(500)
                    .map((rs, ctx) -> entry(rs)).stream()) {
                stream.forEach(sink);
            }
        });
    }

    private static Query query(Handle h, String tenantId, AuditFilter filter, Long beforeAt, String beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_log WHERE tenant_id = :t");
        if (filter.action() != null) {
            sql.append(" AND action = :action");
        }
        if (filter.userId() != null) {
            sql.append(" AND user_id = :user");
        }
        if (filter.outcome() != null) {
            sql.append(" AND outcome = :outcome");
        }
        if (filter.from() != null) {
            sql.append(" AND at >= :from");
        }
        if (filter.to() != null) {
            sql.append(" AND at < :to");
        }
        if (beforeAt != null) {
            sql.append(" AND (at < :beforeAt OR (at = :beforeAt AND id < :beforeId))");
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT :limit");
        Query q = h.createQuery(sql.toString()).bind("t", tenantId).bind("limit", limit);
        if (filter.action() != null) {
            q.bind("action", filter.action().wire());
        }
        if (filter.userId() != null) {
            q.bind("user", filter.userId());
        }
        if (filter.outcome() != null) {
            q.bind("outcome", filter.outcome().wire());
        }
        if (filter.from() != null) {
            q.bind("from", filter.from().toEpochMilli());
        }
        if (filter.to() != null) {
            q.bind("to", filter.to().toEpochMilli());
        }
        if (beforeAt != null) {
            q.bind("beforeAt", beforeAt).bind("beforeId", beforeId);
        }
        return q;
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getString("id"), Instant.ofEpochMilli(rs.getLong("at")),
                AuditAction.fromWire(rs.getString("action")), AuditOutcome.fromWire(rs.getString("outcome")),
                rs.getString("problem_type"), rs.getString("user_id"), rs.getString("user_name"),
                rs.getString("token_id"), rs.getString("client_address"), rs.getString("target_type"),
                rs.getString("target_id"), rs.getString("target_name"), rs.getString("detail"));
    }
}
