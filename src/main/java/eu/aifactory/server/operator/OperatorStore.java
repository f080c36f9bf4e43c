package eu.aifactory.server.operator;

import eu.aifactory.api.access.AccessRequestState;
import eu.aifactory.api.report.ResidencyReport.AccessReason;
import eu.aifactory.server.tenant.Tokens;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** Operator tokens and access requests. Tenant-facing queries always name the tenant. */
public final class OperatorStore {

    /** The most requests one list answers, newest first. */
    static final int LIST_LIMIT = 500;
    private static final String SELECT_REQUEST = "SELECT r.*, t.name AS tenant_name, p.name AS project_name, "
            + "(SELECT COUNT(*) FROM operator_accesses a WHERE a.request_id = r.id) AS access_count "
            + "FROM access_requests r JOIN tenants t ON t.id = r.tenant_id LEFT JOIN projects p ON p.id = r.project_id ";

    private final Jdbi jdbi;

    public OperatorStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public record TokenRow(String id, String name, String jobTitle, String employer, String officeCountry, String prefix,
                           long createdAt, Long revokedAt) {
    }

    /** A request as stored; {@code decision} is APPROVED or DENIED, null while undecided. */
    public record RequestRow(String id, String tenantId, String tenantName, String projectId, String projectName,
                             String resource, AccessReason reason, String justification, String caseId, String operatorId,
                             String accessorName, String accessorRole, String employer, String officeCountry,
                             String locationCountry, int durationMinutes, long requestedAt, long deadline,
                             AccessRequestState decision, Long decidedAt, String decidedBy, String decidedByName,
                             String comment, int accesses) {
    }

    // ---------------------------------------------------------------- tokens

    /** Stores an operator token's hash and its holder; the token itself is never stored. */
    public void addToken(Handle h, String id, String token, String name, String jobTitle, String employer,
                         String officeCountry, long at) {
        h.createUpdate("INSERT INTO operator_tokens (id, name, job_title, employer, office_country, token_hash, token_prefix, "
                        + "created_at) VALUES (:id, :name, :title, :employer, :office, :hash, :prefix, :at)")
                .bind("id", id).bind("name", name).bind("title", jobTitle).bind("employer", employer)
                .bind("office", officeCountry).bind("hash", Tokens.hash(token))
                .bind("prefix", OperatorTokens.displayPrefix(token)).bind("at", at)
                .execute();
    }

    /** The live token with this hash. */
    public Optional<TokenRow> tokenByHash(String hash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM operator_tokens WHERE token_hash = :hash AND revoked_at IS NULL")
                .bind("hash", hash).map((rs, ctx) -> token(rs)).findOne());
    }

    public List<TokenRow> tokens() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM operator_tokens ORDER BY created_at, id")
                .map((rs, ctx) -> token(rs)).list());
    }

    /** Revokes a live token; false when there is none with this id. */
    public boolean revokeToken(Handle h, String id, long at) {
        return h.createUpdate("UPDATE operator_tokens SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .bind("at", at).bind("id", id).execute() == 1;
    }

    // ---------------------------------------------------------------- requests

    public void insertRequest(Handle h, RequestRow r) {
        h.createUpdate("INSERT INTO access_requests (id, tenant_id, project_id, resource, reason_code, justification, case_id, "
                        + "operator_id, accessor_name, accessor_role, employer, office_country, location_country, "
                        + "duration_minutes, requested_at, deadline, decision, decided_at, decided_by, decided_by_name, "
                        + "decision_comment) VALUES (:id, :t, :p, :res, :reason, :just, :case, :op, :name, :role, :employer, "
                        + ":office, :location, :duration, :requested, :deadline, :decision, :decidedAt, :decidedBy, "
                        + ":decidedByName, :comment)")
                .bind("id", r.id()).bind("t", r.tenantId()).bind("p", r.projectId()).bind("res", r.resource())
                .bind("reason", r.reason().name()).bind("just", r.justification()).bind("case", r.caseId())
                .bind("op", r.operatorId()).bind("name", r.accessorName()).bind("role", r.accessorRole())
                .bind("employer", r.employer()).bind("office", r.officeCountry()).bind("location", r.locationCountry())
                .bind("duration", r.durationMinutes()).bind("requested", r.requestedAt()).bind("deadline", r.deadline())
                .bind("decision", r.decision() == null ? null : r.decision().name()).bind("decidedAt", r.decidedAt())
                .bind("decidedBy", r.decidedBy()).bind("decidedByName", r.decidedByName()).bind("comment", r.comment())
                .execute();
    }

    /** The request, whatever its tenant (operators), locked for the rest of the transaction. */
    public Optional<RequestRow> requestForUpdate(Handle h, String id) {
        // Locks the request row alone: PostgreSQL refuses FOR UPDATE on the nullable side of the outer join.
        if (h.createQuery("SELECT id FROM access_requests WHERE id = :id FOR UPDATE").bind("id", id)
                .mapTo(String.class).findOne().isEmpty()) {
            return Optional.empty();
        }
        return h.createQuery(SELECT_REQUEST + "WHERE r.id = :id").bind("id", id).map((rs, ctx) -> request(rs)).findOne();
    }

    /** The tenant's request, or empty when it does not exist or belongs to another tenant. */
    public Optional<RequestRow> request(String tenantId, String id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_REQUEST + "WHERE r.id = :id AND r.tenant_id = :t")
                .bind("id", id).bind("t", tenantId).map((rs, ctx) -> request(rs)).findOne());
    }

    /** Any tenant's request (operators). */
    public Optional<RequestRow> request(String id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_REQUEST + "WHERE r.id = :id")
                .bind("id", id).map((rs, ctx) -> request(rs)).findOne());
    }

    /**
     * Requests newest first, of one tenant or (tenantId null) of all, in one state or (null) any, as they stand at
     * {@code now}.
     */
    public List<RequestRow> requests(String tenantId, AccessRequestState state, long now) {
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        if (tenantId != null) {
            where.append(" AND r.tenant_id = :t");
        }
        if (state != null) {
            where.append(switch (state) {
                case PENDING -> " AND r.decision IS NULL AND r.deadline > :now";
                case EXPIRED -> " AND r.decision IS NULL AND r.deadline <= :now";
                case APPROVED, DENIED -> " AND r.decision = :decision";
            });
        }
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(SELECT_REQUEST + where + " ORDER BY r.requested_at DESC, r.id DESC LIMIT " + LIST_LIMIT)
                    .bind("now", now).bind("decision", state == null ? "" : state.name());
            if (tenantId != null) {
                q.bind("t", tenantId);
            }
            return q.map((rs, ctx) -> request(rs)).list();
        });
    }

    /** The tenant's requests decided in {@code [from, to)}, or undecided with a deadline in it that has passed by {@code now}. */
    public List<RequestRow> settled(String tenantId, long from, long to, long now) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_REQUEST + "WHERE r.tenant_id = :t AND ("
                        + "(r.decided_at >= :from AND r.decided_at < :to) "
                        + "OR (r.decision IS NULL AND r.deadline >= :from AND r.deadline < :to AND r.deadline <= :now)) "
                        + "ORDER BY COALESCE(r.decided_at, r.deadline), r.id")
                .bind("t", tenantId).bind("from", from).bind("to", to).bind("now", now)
                .map((rs, ctx) -> request(rs)).list());
    }

    public void decide(Handle h, String id, AccessRequestState decision, long at, String userId, String userName,
                       String comment) {
        h.createUpdate("UPDATE access_requests SET decision = :decision, decided_at = :at, decided_by = :user, "
                        + "decided_by_name = :name, decision_comment = :comment WHERE id = :id AND decision IS NULL")
                .bind("decision", decision.name()).bind("at", at).bind("user", userId).bind("name", userName)
                .bind("comment", comment).bind("id", id)
                .execute();
    }

    // ---------------------------------------------------------------- mapping

    private static TokenRow token(ResultSet rs) throws SQLException {
        long revokedAt = rs.getLong("revoked_at");
        Long revoked = rs.wasNull() ? null : revokedAt;
        return new TokenRow(rs.getString("id"), rs.getString("name"), rs.getString("job_title"), rs.getString("employer"),
                rs.getString("office_country"), rs.getString("token_prefix"), rs.getLong("created_at"), revoked);
    }

    private static RequestRow request(ResultSet rs) throws SQLException {
        long decidedAt = rs.getLong("decided_at");
        Long decided = rs.wasNull() ? null : decidedAt;
        String decision = rs.getString("decision");
        return new RequestRow(rs.getString("id"), rs.getString("tenant_id"), rs.getString("tenant_name"),
                rs.getString("project_id"), rs.getString("project_name"), rs.getString("resource"),
                AccessReason.valueOf(rs.getString("reason_code")), rs.getString("justification"), rs.getString("case_id"),
                rs.getString("operator_id"), rs.getString("accessor_name"), rs.getString("accessor_role"),
                rs.getString("employer"), rs.getString("office_country"), rs.getString("location_country"),
                rs.getInt("duration_minutes"), rs.getLong("requested_at"), rs.getLong("deadline"),
                decision == null ? null : AccessRequestState.valueOf(decision), decided, rs.getString("decided_by"),
                rs.getString("decided_by_name"), rs.getString("decision_comment"), rs.getInt("access_count"));
    }
}
