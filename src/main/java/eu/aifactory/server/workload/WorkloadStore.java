package eu.aifactory.server.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.aifactory.api.Json;
import eu.aifactory.api.catalog.ArtifactKind;
import eu.aifactory.api.workload.Artifact;
import eu.aifactory.api.workload.LogLine;
import eu.aifactory.api.workload.Priority;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadEvent;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.server.db.Database;
import eu.aifactory.server.db.GroupCommit;
import eu.aifactory.server.db.RawBatch;
import eu.aifactory.server.db.TextTranslations;
import eu.aifactory.server.util.StatusReasons;
import eu.aifactory.server.util.TextFold;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Workloads with their status history, events, idempotency keys, log lines, artifacts and power samples. */
public final class WorkloadStore {

    static final ObjectMapper JSON = Json.mapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> INPUTS = new TypeReference<>() { };

    /** What a pass of an engine reads of a queued workload: everything but its parameters and inputs. */
    private static final String QUEUE_COLUMNS = "w.id, w.tenant_id, w.project_id, w.submitted_by, w.name, w.app_id, "
            + "w.app_version, w.plan_id, w.gpu_class, w.gpu_count, w.priority, w.status, w.status_reason, w.created_at, "
            + "w.expected_runtime_s, w.progress_ms, w.fail_at_ms, w.fail_reason, w.log_lines";
    private static final int ID_CHUNK = 500;
    private static final String SELECT = "SELECT w.*, u.name AS submitted_by_name FROM workloads w "
            + "LEFT JOIN users u ON u.id = w.submitted_by ";

    private final Jdbi jdbi;
    private final GroupCommit groupCommit;
    private volatile Runnable eventListener = () -> { };
    private volatile ChangeListener changeListener = (h, id) -> { };
    private volatile Boolean h2;

    /** A store whose submits each commit on their own. */
    public WorkloadStore(Jdbi jdbi) {
        this(jdbi, null);
    }

    /** @param groupCommit commits concurrent submits together, or null to commit each on its own */
    public WorkloadStore(Jdbi jdbi, GroupCommit groupCommit) {
        this.jdbi = jdbi;
        this.groupCommit = groupCommit;
    }

    /** The factory's texts in {@code language} (site names and the like), by their English form. */
    public Map<String, String> translations(String language) {
        return TextTranslations.all(jdbi, language);
    }

    /** Hears of every commit with events, so the event stream can wake up without polling. */
    public void onEvent(Runnable listener) {
        this.eventListener = listener;
    }

    /** Hears, inside the transaction, of each change to a workload's status or charges (the budget ledger). */
    public interface ChangeListener {
        void changed(Handle h, String workloadId);
    }

    public void onChange(ChangeListener listener) {
        this.changeListener = listener;
    }

    // ---------------------------------------------------------------- submit and idempotency

    public sealed interface SubmitOutcome permits Created, Replayed, KeyReused {
    }

    public record Created(WorkloadRow workload) implements SubmitOutcome {
    }

    public record Replayed(WorkloadRow workload) implements SubmitOutcome {
    }

    public record KeyReused(String workloadId) implements SubmitOutcome {
    }

    /** What an earlier request with this key did, if there was one. */
    public Optional<SubmitOutcome> replay(String tenantId, String key, String requestHash) {
        return jdbi.withHandle(h -> replay(h, tenantId, key, requestHash));
    }

    private Optional<SubmitOutcome> replay(Handle h, String tenantId, String key, String requestHash) {
        Optional<String[]> earlier = h.createQuery(
                        "SELECT request_hash, workload_id FROM idempotency_keys WHERE tenant_id = :t AND idem_key = :k")
                .bind("t", tenantId).bind("k", key)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                .findOne();
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!earlier.get()[0].equals(requestHash)) {
            return Optional.of(new KeyReused(earlier.get()[1]));
        }
        return Optional.of(new Replayed(find(h, tenantId, earlier.get()[1]).orElseThrow()));
    }

    /**
     * Creates the workload unless the key was used before. The key row is inserted first in the same transaction, so
     * of two requests with one key exactly one creates a workload: the other's insert fails on the key's primary key
     * (after the first commits) and it answers with what the first request did.
     */
    public SubmitOutcome submit(String key, String requestHash, WorkloadRow w, String reason) {
        return submit(key, requestHash, w, reason, h -> { });
    }

    /**
     * The same, with {@code admit} run last in the insert's transaction: it may refuse the workload (throw, which rolls
     * the insert back) or book it, e.g. against a budget, as part of the same commit.
     */
    public SubmitOutcome submit(String key, String requestHash, WorkloadRow w, String reason,
                                Consumer<Handle> admit) {
        for (int attempt = 0; ; attempt++) {
            try {
                Function<Handle, Boolean> work = h -> {
                    try (PreparedStatement ps = h.getConnection().prepareStatement("INSERT INTO idempotency_keys "
                            + "(tenant_id, idem_key, request_hash, workload_id, created_at) VALUES (?, ?, ?, ?, ?)")) {
                        ps.setString(1, w.tenantId());
                        ps.setString(2, key);
                        ps.setString(3, requestHash);
                        ps.setString(4, w.id());
                        ps.setLong(5, w.createdAt());
                        ps.executeUpdate();
                    } catch (SQLException e) {
                        throw new UnableToExecuteStatementException(e, null);
                    }
                    insert(h, w);
                    appendHistory(h, w, w.status(), reason, w.createdAt());
                    admit.accept(h);
                    return true;
                };
                // In tenant and project order, the order of the rows the submit locks (event sequence, budget ledger).
                if (groupCommit == null) {
                    jdbi.inTransaction(work::apply);
                } else {
                    groupCommit.inTransaction(w.lockOrder(), work);
                }
                eventListener.run();
                return new Created(w);
            } catch (RuntimeException e) {
                if (!Database.isUniqueViolation(e)) {
                    throw e;
                }
                Optional<SubmitOutcome> earlier = replay(w.tenantId(), key, requestHash);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
                if (attempt >= 2) {
                    throw e;
                }
            }
        }
    }

    /** Inserts a workload row as is, without history or events (the seeder writes those itself). */
    public void insert(Handle h, WorkloadRow w) {
        try (PreparedStatement ps = h.getConnection().prepareStatement(INSERT_SQL)) {
            int i = 0;
            ps.setString(++i, w.id());
            ps.setString(++i, w.tenantId());
            ps.setString(++i, w.projectId());
            ps.setString(++i, w.submittedBy());
            ps.setString(++i, w.name());
            ps.setString(++i, searchText(w));
            ps.setString(++i, w.appId());
            ps.setString(++i, w.appVersion());
            ps.setString(++i, w.planId());
            ps.setString(++i, w.gpuClass());
            ps.setInt(++i, w.gpuCount());
            ps.setString(++i, w.priority().name());
            ps.setInt(++i, WorkloadRow.rank(w.priority()));
            ps.setString(++i, write(w.parameters()));
            ps.setString(++i, write(w.inputs()));
            ps.setString(++i, w.status().name());
            ps.setString(++i, w.statusReason());
            ps.setLong(++i, w.createdAt());
            ps.setObject(++i, w.startedAt(), java.sql.Types.BIGINT);
            ps.setLong(++i, startedSort(w.startedAt()));
            ps.setObject(++i, w.endedAt(), java.sql.Types.BIGINT);
            ps.setLong(++i, w.expectedRuntimeS());
            ps.setLong(++i, w.progressMs());
            ps.setObject(++i, w.failAtMs(), java.sql.Types.BIGINT);
            ps.setString(++i, w.failReason());
            ps.setBigDecimal(++i, w.costEur());
            ps.setLong(++i, w.energyWh());
            ps.setLong(++i, w.energyMj());
            ps.setLong(++i, w.gpuSeconds());
            ps.setLong(++i, w.logLines());
            ps.setLong(++i, w.createdAt());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private static final String INSERT_SQL = "INSERT INTO workloads (id, tenant_id, project_id, submitted_by, name, search_text, "
            + "app_id, app_version, plan_id, gpu_class, gpu_count, priority, priority_rank, parameters_json, inputs_json, status, "
            + "status_reason, created_at, started_at, started_sort, ended_at, expected_runtime_s, progress_ms, fail_at_ms, "
            + "fail_reason, cost_eur, energy_wh, energy_mj, gpu_seconds, log_lines, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The value of the indexed {@code started_sort} column: a workload not started yet sorts as if started at 0. */
    private static long startedSort(Long startedAt) {
        return startedAt == null ? 0 : startedAt;
    }

    /** A prepared batch for bulk loads (seed data, benchmarks); add rows with {@link #addTo(PreparedBatch, WorkloadRow)}. */
    public static PreparedBatch insertBatch(Handle h) {
        return h.prepareBatch("INSERT INTO workloads (id, tenant_id, project_id, submitted_by, name, search_text, app_id, "
                + "app_version, plan_id, gpu_class, gpu_count, priority, priority_rank, parameters_json, inputs_json, status, "
                + "status_reason, created_at, started_at, started_sort, ended_at, expected_runtime_s, progress_ms, fail_at_ms, "
                + "fail_reason, cost_eur, energy_wh, energy_mj, gpu_seconds, log_lines, updated_at) VALUES (:id, :tenant, "
                + ":project, :user, :name, :search, :app, :version, :plan, :gpuClass, :gpuCount, :priority, :rank, :params, "
                + ":inputs, :status, :reason, :created, :started, :startedSort, :ended, :runtime, :progress, :failAt, :failReason, :cost, :wh, :mj, "
                + ":gpuSeconds, :logLines, :created)");
    }

    public static void addTo(PreparedBatch batch, WorkloadRow w) {
        batch.bindMap(insertBindings(w)).add();
    }

    private static Map<String, Object> insertBindings(WorkloadRow w) {
        java.util.HashMap<String, Object> m = new java.util.HashMap<>();
        m.put("id", w.id());
        m.put("tenant", w.tenantId());
        m.put("project", w.projectId());
        m.put("user", w.submittedBy());
        m.put("name", w.name());
        m.put("search", searchText(w));
        m.put("app", w.appId());
        m.put("version", w.appVersion());
        m.put("plan", w.planId());
        m.put("gpuClass", w.gpuClass());
        m.put("gpuCount", w.gpuCount());
        m.put("priority", w.priority().name());
        m.put("rank", WorkloadRow.rank(w.priority()));
        m.put("params", write(w.parameters()));
        m.put("inputs", write(w.inputs()));
        m.put("status", w.status().name());
        m.put("reason", w.statusReason());
        m.put("created", w.createdAt());
        m.put("started", w.startedAt());
        m.put("startedSort", startedSort(w.startedAt()));
        m.put("ended", w.endedAt());
        m.put("runtime", w.expectedRuntimeS());
        m.put("progress", w.progressMs());
        m.put("failAt", w.failAtMs());
        m.put("failReason", w.failReason());
        m.put("cost", w.costEur());
        m.put("wh", w.energyWh());
        m.put("mj", w.energyMj());
        m.put("gpuSeconds", w.gpuSeconds());
        m.put("logLines", w.logLines());
        return m;
    }

    private static String searchText(WorkloadRow w) {
        String text = " " + TextFold.fold(w.name() + " " + w.appId() + " " + w.id()) + " ";
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    // ---------------------------------------------------------------- reads

    public Optional<WorkloadRow> find(String tenantId, String workloadId) {
        return jdbi.withHandle(h -> find(h, tenantId, workloadId));
    }

    /**
     * The whole rows of these workloads of {@code tenantId}, by id; an id without a workload of that tenant is left
     * out. One query per {@value #ID_CHUNK} ids, for an engine about to hand many workloads over at once.
     */
    public Map<String, WorkloadRow> find(String tenantId, List<String> ids) {
        Map<String, WorkloadRow> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ID_CHUNK));
            jdbi.useHandle(h -> h.createQuery(SELECT + "WHERE w.id IN (<ids>) AND w.tenant_id = :t")
                    .bindList("ids", chunk).bind("t", tenantId)
                    .map((rs, ctx) -> row(rs))
                    .forEach(w -> found.put(w.id(), w)));
        }
        return found;
    }

    public Optional<WorkloadRow> find(Handle h, String tenantId, String workloadId) {
        return h.createQuery(SELECT + "WHERE w.id = :id AND w.tenant_id = :t")
                .bind("id", workloadId).bind("t", tenantId)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    public List<Workload.StatusChange> history(String workloadId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT status, reason, at FROM status_history WHERE workload_id = :w ORDER BY id")
                .bind("w", workloadId)
                .map((rs, ctx) -> new Workload.StatusChange(WorkloadStatus.valueOf(rs.getString("status")),
                        rs.getString("reason"), Instant.ofEpochMilli(rs.getLong("at")),
                        StatusReasons.code(rs.getString("reason")), StatusReasons.args(rs.getString("reason"))))
                .list());
    }

    public List<WorkloadRow> list(ListQuery q) {
        if (q.visibleProjects() == null) {
            return page(q, q.projectId());
        }
        if (q.projectId() != null) {
            return q.visibleProjects().contains(q.projectId()) ? page(q, q.projectId()) : List.of();
        }
        // One index-ordered page per visible project, merged: an engineer has a handful of projects, and each
        // query then reads exactly one page from the (tenant, project, created_at, id) index.
        Comparator<WorkloadRow> order = q.sort().comparator();
        if (q.descending()) {
            order = order.reversed();
        }
        List<WorkloadRow> merged = new ArrayList<>();
        for (String projectId : q.visibleProjects()) {
            merged.addAll(page(q, projectId));
        }
        merged.sort(order);
        return merged.size() > q.limit() ? List.copyOf(merged.subList(0, q.limit())) : merged;
    }

    private List<WorkloadRow> page(ListQuery q, String projectId) {
        StringBuilder sql = new StringBuilder(select(q)).append("WHERE w.tenant_id = :t");
        if (!q.statuses().isEmpty()) {
            sql.append(" AND w.status IN (<statuses>)");
        }
        if (q.appId() != null) {
            sql.append(" AND w.app_id = :app");
        }
        if (projectId != null) {
            sql.append(" AND w.project_id = :project");
        }
        if (q.submittedBy() != null) {
            sql.append(" AND w.submitted_by = :user");
        }
        if (q.from() != null) {
            sql.append(" AND w.created_at >= :from");
        }
        if (q.to() != null) {
            sql.append(" AND w.created_at < :to");
        }
        for (int i = 0; i < q.terms().size(); i++) {
            sql.append(" AND w.search_text LIKE :q").append(i).append(" ESCAPE '!'");
        }
        String cmp = q.descending() ? "<" : ">";
        String dir = q.descending() ? "DESC" : "ASC";
        if (q.sort() != Sort.CREATED) {
            return sortedPage(q, projectId, sql, cmp, dir);
        }
        if (q.after() != null) {
            // The redundant bound on created_at lets the index seek straight to the cursor instead of scanning to it.
            sql.append(" AND w.created_at ").append(cmp).append("= :afterAt AND (w.created_at ").append(cmp)
                    .append(" :afterAt OR w.id ").append(cmp).append(" :afterId)");
        }
        // Sorting also by the columns an index fixes by equality (tenant, then project or a single status) lets H2
        // read rows in index order and stop after one page; PostgreSQL does so either way.
        sql.append(" ORDER BY w.tenant_id ").append(dir);
        if (projectId != null) {
            sql.append(", w.project_id ").append(dir);
        } else if (q.statuses().size() == 1) {
            sql.append(", w.status ").append(dir);
        }
        sql.append(", w.created_at ").append(dir).append(", w.id ").append(dir).append(" LIMIT :limit");
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql.toString())
                    .bind("t", q.tenantId()).bind("app", q.appId()).bind("project", projectId)
                    .bind("user", q.submittedBy()).bind("from", q.from()).bind("to", q.to()).bind("limit", q.limit());
            if (!q.statuses().isEmpty()) {
                query.bindList("statuses", q.statuses().stream().map(Enum::name).sorted().toList());
            }
            for (int i = 0; i < q.terms().size(); i++) {
                query.bind("q" + i, "%" + TextFold.likeEscape(q.terms().get(i)) + "%");
            }
            if (q.after() != null) {
                query.bind("afterAt", q.after().createdAt()).bind("afterId", q.after().id());
            }
            return query.map((rs, ctx) -> row(rs)).list();
        });
    }

    /**
     * The select of a page. H2 reads a descending order backwards along an ascending index only when it picked that
     * index for a range on the key (the cursor); for a first page it would take the creation index and sort the whole
     * tenant. The hint names the key's index then, unless a creation-time range makes the creation index the better
     * start. PostgreSQL needs no hint and knows none.
     */
    private String select(ListQuery q) {
        if (q.sort() != Sort.CREATED && q.descending() && q.afterKey() == null && q.from() == null && q.to() == null
                && isH2()) {
            return "SELECT w.*, u.name AS submitted_by_name FROM workloads w USE INDEX (" + q.sort().index + ") "
                    + "LEFT JOIN users u ON u.id = w.submitted_by ";
        }
        return SELECT;
    }

    private boolean isH2() {
        Boolean known = h2;
        if (known == null) {
            known = jdbi.withHandle(h -> {
                try {
                    return "H2".equals(h.getConnection().getMetaData().getDatabaseProductName());
                } catch (SQLException e) {
                    throw new UnableToExecuteStatementException(e, null);
                }
            });
            h2 = known;
        }
        return known;
    }

    private List<WorkloadRow> sortedPage(ListQuery q, String projectId, StringBuilder sql, String cmp, String dir) {
        String key = q.sort().expression;
        if (q.afterKey() != null) {
            // As in creation order: the redundant bound on the key lets the (tenant_id, key, id) index seek to the cursor.
            sql.append(" AND ").append(key).append(' ').append(cmp).append("= :afterValue AND (").append(key).append(' ')
                    .append(cmp).append(" :afterValue OR w.id ").append(cmp).append(" :afterId)");
        }
        // Leading with the tenant, which the index fixes by equality, lets H2 read in index order and stop after a page.
        sql.append(" ORDER BY w.tenant_id ").append(dir).append(", ").append(key).append(' ').append(dir)
                .append(", w.id ").append(dir).append(" LIMIT :limit");
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql.toString())
                    .bind("t", q.tenantId()).bind("app", q.appId()).bind("project", projectId)
                    .bind("user", q.submittedBy()).bind("from", q.from()).bind("to", q.to()).bind("limit", q.limit());
            if (!q.statuses().isEmpty()) {
                query.bindList("statuses", q.statuses().stream().map(Enum::name).sorted().toList());
            }
            for (int i = 0; i < q.terms().size(); i++) {
                query.bind("q" + i, "%" + TextFold.likeEscape(q.terms().get(i)) + "%");
            }
            if (q.afterKey() != null) {
                query.bind("afterValue", q.sort().parse(q.afterKey().value())).bind("afterId", q.afterKey().id());
            }
            return query.map((rs, ctx) -> row(rs)).list();
        });
    }

    /** Workloads that hold or are giving back GPUs (STARTING, RUNNING, CANCELLING) over all tenants. */
    public List<WorkloadRow> inFlight() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE w.status IN ('STARTING', 'RUNNING', 'CANCELLING') "
                        + "ORDER BY w.created_at, w.id")
                .map((rs, ctx) -> row(rs))
                .list());
    }

    /**
     * The first {@code limit} queued workloads of a GPU class, in the order they will start. Read on every executor
     * tick, so their parameters and inputs are left out (empty maps); read the full row before using those.
     */
    public List<WorkloadRow> queueHead(String gpuClass, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + QUEUE_COLUMNS + " FROM workloads w "
                        + "WHERE w.status = 'QUEUED' AND w.gpu_class = :c "
                        + "ORDER BY w.status, w.gpu_class, w.priority_rank DESC, w.created_at, w.id LIMIT :limit")
                .bind("c", gpuClass).bind("limit", limit)
                .map((rs, ctx) -> queueRow(rs))
                .list());
    }

    /**
     * The workloads with these ids, in the order of {@code ids}, with the columns {@link #queueHead} reads (no
     * parameters or inputs); an id without a workload is left out. For an engine that keeps its own list of the
     * workloads it follows.
     */
    public List<WorkloadRow> byIds(List<String> ids) {
        Map<String, WorkloadRow> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ID_CHUNK));
            jdbi.useHandle(h -> h.createQuery("SELECT " + QUEUE_COLUMNS + " FROM workloads w WHERE w.id IN (<ids>)")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> queueRow(rs))
                    .forEach(w -> found.put(w.id(), w)));
        }
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    private static WorkloadRow queueRow(ResultSet rs) throws SQLException {
        return new WorkloadRow(rs.getString("id"), rs.getString("tenant_id"), rs.getString("project_id"),
                rs.getString("submitted_by"), null, rs.getString("name"), rs.getString("app_id"),
                rs.getString("app_version"), rs.getString("plan_id"), rs.getString("gpu_class"), rs.getInt("gpu_count"),
                Priority.valueOf(rs.getString("priority")), Map.of(), Map.of(),
                WorkloadStatus.valueOf(rs.getString("status")), rs.getString("status_reason"), rs.getLong("created_at"),
                null, null, rs.getLong("expected_runtime_s"), rs.getLong("progress_ms"), nullableLong(rs, "fail_at_ms"),
                rs.getString("fail_reason"), BigDecimal.ZERO, 0, 0, 0, rs.getLong("log_lines"));
    }

    /** GPU count and remaining simulated run time of every unfinished workload of a class, in queue order. */
    public record Demand(String id, String status, int gpuCount, int priorityRank, long remainingMs) {
    }

    public List<Demand> demand(String gpuClass) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, status, gpu_count, priority_rank, expected_runtime_s, progress_ms, "
                        + "fail_at_ms FROM workloads WHERE gpu_class = :c AND status IN ('QUEUED', 'STARTING', 'RUNNING') "
                        + "ORDER BY priority_rank DESC, created_at, id")
                .bind("c", gpuClass)
                .map((rs, ctx) -> {
                    long total = rs.getLong("expected_runtime_s") * 1000;
                    long failAt = rs.getLong("fail_at_ms");
                    if (!rs.wasNull()) {
                        total = Math.min(total, failAt);
                    }
                    return new Demand(rs.getString("id"), rs.getString("status"), rs.getInt("gpu_count"),
                            rs.getInt("priority_rank"), Math.max(0, total - rs.getLong("progress_ms")));
                })
                .list());
    }

    // ---------------------------------------------------------------- transitions and events

    /**
     * Moves a workload to {@code status} if it is still in {@code expected}; appends history and an event.
     * Returns false when someone else changed it first (a cancel racing the executor).
     */
    public boolean transition(Handle h, WorkloadRow w, WorkloadStatus expected, WorkloadStatus status, String reason,
                              long at, Map<String, Object> extraColumns) {
        if (extraColumns.containsKey("started_at")) {
            Map<String, Object> withSort = new java.util.HashMap<>(extraColumns);
            withSort.put("started_sort", startedSort((Long) extraColumns.get("started_at")));
            extraColumns = withSort;
        }
        StringBuilder sql = new StringBuilder("UPDATE workloads SET status = :status, status_reason = :reason, updated_at = :at");
        extraColumns.keySet().forEach(column -> sql.append(", ").append(column).append(" = :").append(column));
        sql.append(" WHERE id = :id AND status = :expected");
        int updated = h.createUpdate(sql.toString())
                .bind("status", status.name()).bind("reason", reason).bind("at", at).bind("id", w.id())
                .bind("expected", expected.name())
                .bindMap(extraColumns)
                .execute();
        if (updated == 0) {
            return false;
        }
        appendHistory(h, w, status, reason, at);
        changeListener.changed(h, w.id());
        h.afterCommit(eventListener);
        return true;
    }

    /** Changes only the plain-words reason (e.g. a new queue position): an event, but no history entry. */
    public void updateReason(Handle h, WorkloadRow w, String reason, long at) {
        updateReasons(h, List.of(new ReasonChange(w, reason)), at);
    }

    /** A new plain-words reason for a workload still in the status it was read in. */
    public record ReasonChange(WorkloadRow workload, String reason) {
    }

    /**
     * What {@link #updateReason} does, for many workloads at once (the tasks of an array change their reason
     * together): one batch of updates, one reservation of event numbers per tenant and one batch of events, so the
     * engine's reason writes cost the group-commit thread a few statements per array rather than four per task. The
     * rows are updated in id order, so two factories writing reasons of the same workloads lock them in one order.
     */
    public void updateReasons(Handle h, List<ReasonChange> changes, long at) {
        List<ReasonChange> sorted = changes.stream().sorted(Comparator.comparing(c -> c.workload().id())).toList();
        Map<String, List<ReasonChange>> changedByTenant = new TreeMap<>();
        try (PreparedStatement ps = h.getConnection().prepareStatement(
                "UPDATE workloads SET status_reason = ?, updated_at = ? WHERE id = ? AND status = ?")) {
            for (ReasonChange c : sorted) {
                ps.setString(1, c.reason());
                ps.setLong(2, at);
                ps.setString(3, c.workload().id());
                ps.setString(4, c.workload().status().name());
                ps.addBatch();
            }
            int[] updated = ps.executeBatch();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] > 0) {
                    changedByTenant.computeIfAbsent(sorted.get(i).workload().tenantId(), t -> new ArrayList<>())
                            .add(sorted.get(i));
                }
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
        if (changedByTenant.isEmpty()) {
            return;
        }
        for (Map.Entry<String, List<ReasonChange>> tenant : changedByTenant.entrySet()) {
            long seq = nextEventSeqs(h, tenant.getKey(), tenant.getValue().size());
            try (PreparedStatement ps = h.getConnection().prepareStatement(EVENT_INSERT)) {
                for (ReasonChange c : tenant.getValue()) {
                    WorkloadRow w = c.workload();
                    setEvent(ps, w, seq++, w.status(), c.reason(), at);
                    ps.addBatch();
                }
                ps.executeBatch();
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException(e, null);
            }
        }
        h.afterCommit(eventListener);
    }

    // The statements below run on every submit and transition: plain JDBC, as JDBI's binding costs more than H2's insert.

    private void appendHistory(Handle h, WorkloadRow w, WorkloadStatus status, String reason, long at) {
        try (PreparedStatement ps = h.getConnection().prepareStatement(
                "INSERT INTO status_history (workload_id, status, reason, at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, w.id());
            ps.setString(2, status.name());
            ps.setString(3, reason);
            ps.setLong(4, at);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
        appendEvent(h, w, status, reason, at);
    }

    /** The event's position (its id) is not read back: the stream's listener only needs to know that one committed. */
    private void appendEvent(Handle h, WorkloadRow w, WorkloadStatus status, String reason, long at) {
        long seq = nextEventSeqs(h, w.tenantId(), 1);
        try (PreparedStatement ps = h.getConnection().prepareStatement(EVENT_INSERT)) {
            setEvent(ps, w, seq, status, reason, at);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private static final String EVENT_INSERT =
            "INSERT INTO events (tenant_id, seq, project_id, workload_id, status, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private static void setEvent(PreparedStatement ps, WorkloadRow w, long seq, WorkloadStatus status, String reason,
                                 long at) throws SQLException {
        ps.setString(1, w.tenantId());
        ps.setLong(2, seq);
        ps.setString(3, w.projectId());
        ps.setString(4, w.id());
        ps.setString(5, status.name());
        ps.setString(6, reason);
        ps.setLong(7, at);
    }

    /**
     * Reserves {@code count} numbers of the tenant's event sequence and returns the first. The counter row stays
     * locked until the transaction ends, so a tenant's numbers are dense (a rollback returns them) and commit in
     * order. A tenant created before its counter row (by hand, in SQL) gets the row with its first event.
     */
    public static long nextEventSeqs(Handle h, String tenantId, int count) {
        try (PreparedStatement bump = h.getConnection().prepareStatement(
                "UPDATE event_sequences SET last_seq = last_seq + ? WHERE tenant_id = ?")) {
            bump.setLong(1, count);
            bump.setString(2, tenantId);
            if (bump.executeUpdate() == 0) {
                try (PreparedStatement first = h.getConnection().prepareStatement(
                        "INSERT INTO event_sequences (tenant_id, last_seq) VALUES (?, ?)")) {
                    first.setString(1, tenantId);
                    first.setLong(2, count);
                    first.executeUpdate();
                }
                return 1;
            }
            try (PreparedStatement read = h.getConnection().prepareStatement(
                    "SELECT last_seq FROM event_sequences WHERE tenant_id = ?")) {
                read.setString(1, tenantId);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) - count + 1;
                }
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /**
     * Writes the executor's running totals and rebooks the budget ledger. Writers lock in one order, the submit's:
     * workload row, the tenant's event counter, ledger rows; so a transaction that also moves the workload calls
     * {@link #transition} first, or it takes a ledger row before the counter and can deadlock with a submit.
     */
    public void updateProgress(Handle h, String workloadId, long progressMs, BigDecimal costEur, long energyMj,
                               long gpuSeconds, long logLines, long at) {
        h.createUpdate("UPDATE workloads SET progress_ms = :p, cost_eur = :c, energy_mj = :mj, energy_wh = :wh, "
                        + "gpu_seconds = :g, log_lines = :l, updated_at = :at WHERE id = :id")
                .bind("p", progressMs).bind("c", costEur).bind("mj", energyMj).bind("wh", energyMj / 3_600_000L)
                .bind("g", gpuSeconds).bind("l", logLines).bind("at", at).bind("id", workloadId)
                .execute();
        changeListener.changed(h, workloadId);
    }

    private static final String EVENT_SELECT = "SELECT id, seq, tenant_id, project_id, workload_id, status, reason, at FROM events";

    /** Events with positions in (afterPosition, upToPosition], in that order, for every tenant. */
    public List<StoredEvent> events(long afterPosition, long upToPosition) {
        return jdbi.withHandle(h -> h.createQuery(EVENT_SELECT + " WHERE id > :after AND id <= :upTo ORDER BY id")
                .bind("after", afterPosition).bind("upTo", upToPosition)
                .map((rs, ctx) -> storedEvent(rs))
                .list());
    }

    /**
     * The tenant's events numbered after {@code afterSeq} that were committed up to {@code upToPosition}, in
     * sequence order, at most {@code limit}: what a resuming stream missed before its live part begins.
     */
    public List<StoredEvent> tenantEvents(String tenantId, long afterSeq, long upToPosition, int limit) {
        return jdbi.withHandle(h -> h.createQuery(EVENT_SELECT
                        + " WHERE tenant_id = :t AND seq > :after AND id <= :upTo ORDER BY seq LIMIT :limit")
                .bind("t", tenantId).bind("after", afterSeq).bind("upTo", upToPosition).bind("limit", limit)
                .map((rs, ctx) -> storedEvent(rs))
                .list());
    }

    private static StoredEvent storedEvent(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong("id"), new WorkloadEvent(rs.getLong("seq"), rs.getString("workload_id"),
                WorkloadStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                Instant.ofEpochMilli(rs.getLong("at")), StatusReasons.code(rs.getString("reason")),
                StatusReasons.args(rs.getString("reason"))), rs.getString("tenant_id"), rs.getString("project_id"));
    }

    /** The ids of all events after {@code afterId}, ascending: the pump checks them for gaps. */
    public List<Long> eventIdsAfter(long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM events WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit).mapTo(Long.class).list());
    }

    public long maxEventId() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM events").mapTo(Long.class).one());
    }

    // ---------------------------------------------------------------- logs

    /** Log lines numbered {@code fromLine..upToLine}, filtered by time and text, at most {@code limit}. */
    public List<LogLine> logs(String workloadId, long fromLine, long upToLine, Long sinceMillis, String contains, int limit) {
        StringBuilder sql = new StringBuilder("SELECT line_no, ts, message FROM log_lines WHERE workload_id = :w "
                + "AND line_no >= :from AND line_no <= :upTo");
        if (sinceMillis != null) {
            sql.append(" AND ts >= :since");
        }
        if (contains != null) {
            sql.append(" AND LOWER(message) LIKE :q ESCAPE '!'");
        }
        sql.append(" ORDER BY line_no LIMIT :limit");
        return jdbi.withHandle(h -> h.createQuery(sql.toString())
                .bind("w", workloadId).bind("from", fromLine).bind("upTo", upToLine).bind("since", sinceMillis)
                .bind("q", contains == null ? null
                        : "%" + TextFold.likeEscape(contains.toLowerCase(java.util.Locale.ROOT)) + "%")
                .bind("limit", limit)
                .map((rs, ctx) -> new LogLine(rs.getLong("line_no"), Instant.ofEpochMilli(rs.getLong("ts")), rs.getString("message")))
                .list());
    }

    public static RawBatch logBatch(Handle h) {
        return new RawBatch(h, "INSERT INTO log_lines (workload_id, line_no, ts, message) VALUES (?, ?, ?, ?)");
    }

    public static void addLog(RawBatch batch, String workloadId, long lineNo, long ts, String text) {
        batch.set(workloadId).set(lineNo).set(ts).set(text.length() > 2000 ? text.substring(0, 2000) : text).add();
    }

    // ---------------------------------------------------------------- power samples

    public static RawBatch sampleBatch(Handle h) {
        return new RawBatch(h, "INSERT INTO power_samples (workload_id, ts, tenant_id, gpu_count, gpu_util, power_usage_w, "
                + "total_energy_mj) VALUES (?, ?, ?, ?, ?, ?, ?)");
    }

    /** A batch of samples that say where their figures come from (V75: 'modelled: …', 'measured: …'). */
    public static RawBatch sampleBatchWithProvenance(Handle h) {
        return new RawBatch(h, "INSERT INTO power_samples (workload_id, ts, tenant_id, gpu_count, gpu_util, power_usage_w, "
                + "total_energy_mj, provenance) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    }

    public static void addSample(RawBatch batch, String workloadId, String tenantId, long ts, int gpuCount, int gpuUtil,
                                 int watts, long totalEnergyMj, String provenance) {
        batch.set(workloadId).set(ts).set(tenantId).set(gpuCount).set(gpuUtil).set(watts).set(totalEnergyMj).set(provenance)
                .add();
    }

    public static void addSample(RawBatch batch, String workloadId, String tenantId, long ts, int gpuCount, int gpuUtil,
                                 int watts, long totalEnergyMj) {
        batch.set(workloadId).set(ts).set(tenantId).set(gpuCount).set(gpuUtil).set(watts).set(totalEnergyMj).add();
    }

    // ---------------------------------------------------------------- artifacts

    public static PreparedBatch artifactBatch(Handle h) {
        return h.prepareBatch("INSERT INTO artifacts (id, tenant_id, workload_id, slot, kind, name, media_type, size_bytes, "
                + "sha256, site, created_at) VALUES (:id, :t, :w, :slot, :kind, :name, :media, :size, :sha, :site, :at)");
    }

    public static PreparedBatch artifactContentBatch(Handle h) {
        return h.prepareBatch("INSERT INTO artifact_content (artifact_id, content) VALUES (:id, :content)");
    }

    public static void addArtifact(PreparedBatch meta, PreparedBatch content, String tenantId, Artifact a, byte[] bytes) {
        meta.bind("id", a.id()).bind("t", tenantId).bind("w", a.workloadId()).bind("slot", a.slot())
                .bind("kind", a.kind().wire()).bind("name", a.name()).bind("media", a.mediaType())
                .bind("size", a.sizeBytes()).bind("sha", a.sha256()).bind("site", a.site())
                .bind("at", a.createdAt().toEpochMilli()).add();
        content.bind("id", a.id()).bind("content", bytes).add();
    }

    public List<Artifact> artifacts(String tenantId, String workloadId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM artifacts WHERE tenant_id = :t AND workload_id = :w "
                        + "ORDER BY created_at, id")
                .bind("t", tenantId).bind("w", workloadId)
                .map((rs, ctx) -> artifact(rs))
                .list());
    }

    public Optional<ArtifactRef> artifact(String tenantId, String artifactId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.*, w.project_id AS project_id FROM artifacts a "
                        + "LEFT JOIN workloads w ON w.id = a.workload_id WHERE a.id = :id AND a.tenant_id = :t")
                .bind("id", artifactId).bind("t", tenantId)
                .map((rs, ctx) -> new ArtifactRef(artifact(rs), rs.getString("project_id")))
                .findOne());
    }

    public byte[] artifactContent(String artifactId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT content FROM artifact_content WHERE artifact_id = :id")
                .bind("id", artifactId)
                .map((rs, ctx) -> rs.getBytes(1))
                .one());
    }

    public boolean artifactsExist(String tenantId, Collection<String> artifactIds) {
        if (artifactIds.isEmpty()) {
            return true;
        }
        int found = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM artifacts WHERE tenant_id = :t AND id IN (<ids>)")
                .bind("t", tenantId).bindList("ids", List.copyOf(artifactIds)).mapTo(Integer.class).one());
        return found == Set.copyOf(artifactIds).size();
    }

    /** Whether {@code datasetId} is a dataset of the tenant in one of {@code projects} (null: in any project). */
    public boolean datasetExists(String tenantId, String datasetId, List<String> projects) {
        if (projects != null && projects.isEmpty()) {
            return false;
        }
        String sql = "SELECT COUNT(*) FROM datasets WHERE tenant_id = :t AND id = :id"
                + (projects == null ? "" : " AND project_id IN (<projects>)");
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql).bind("t", tenantId).bind("id", datasetId);
            if (projects != null) {
                query.bindList("projects", projects);
            }
            return query.mapTo(Integer.class).one() > 0;
        });
    }

    private static Artifact artifact(ResultSet rs) throws SQLException {
        return new Artifact(rs.getString("id"), rs.getString("workload_id"), rs.getString("slot"),
                ArtifactKind.fromWire(rs.getString("kind")), rs.getString("name"), rs.getString("media_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("site"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    // ---------------------------------------------------------------- mapping

    static WorkloadRow row(ResultSet rs) throws SQLException {
        return new WorkloadRow(
                rs.getString("id"),
                rs.getString("tenant_id"),
                rs.getString("project_id"),
                rs.getString("submitted_by"),
                rs.getString("submitted_by_name"),
                rs.getString("name"),
                rs.getString("app_id"),
                rs.getString("app_version"),
                rs.getString("plan_id"),
                rs.getString("gpu_class"),
                rs.getInt("gpu_count"),
                Priority.valueOf(rs.getString("priority")),
                read(rs.getString("parameters_json"), PARAMS),
                read(rs.getString("inputs_json"), INPUTS),
                WorkloadStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                rs.getLong("created_at"),
                nullableLong(rs, "started_at"),
                nullableLong(rs, "ended_at"),
                rs.getLong("expected_runtime_s"),
                rs.getLong("progress_ms"),
                nullableLong(rs, "fail_at_ms"),
                rs.getString("fail_reason"),
                rs.getBigDecimal("cost_eur"),
                rs.getLong("energy_wh"),
                rs.getLong("energy_mj"),
                rs.getLong("gpu_seconds"),
                rs.getLong("log_lines"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON column in workloads", e);
        }
    }
}
