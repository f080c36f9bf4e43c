package eu.aifactory.server.transparency;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.aifactory.api.Json;
import eu.aifactory.api.signing.CanonicalJson;
import eu.aifactory.api.transparency.LogEntry;
import eu.aifactory.api.transparency.Merkle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The per-tenant transparency logs: append-only leaves, one per residency-relevant record (stored dataset or
 * artifact, replica, transfer, operator access, processing location of a run). Writers append in the transaction
 * that writes the record ({@link #append}); {@link #catchUp} logs records written by paths that do not append
 * themselves (the engines' artifacts and run starts, rows from before the log existed), oldest first.
 */
public final class TransparencyStore {

    /** Kinds of logged records; the wire names of the leaves' {@code kind}. */
    public static final String DATASET = "dataset";
    public static final String ARTIFACT = "artifact";
    public static final String REPLICA = "replica";
    public static final String TRANSFER = "transfer";
    public static final String OPERATOR_ACCESS = "operator-access";
    public static final String PROCESSING = "processing";

    /** A record to log: what it is, which one, when it happened, and the facts an auditor checks it against. */
    public record Event(String kind, String ref, long at, Map<String, String> details) {

        public Event {
            details = new LinkedHashMap<>(details);
        }

        /** The leaf: {@code {"tenantId","kind","ref","at", …details}} (null details left out). */
        ObjectNode leaf(String tenantId) {
            ObjectNode leaf = JsonNodeFactory.instance.objectNode()
                    .put("tenantId", tenantId)
                    .put("kind", kind)
                    .put("ref", ref)
                    .put("at", Instant.ofEpochMilli(at).toString());
            details.forEach((name, value) -> {
                if (value != null && !leaf.has(name)) {
                    leaf.put(name, value);
                }
            });
            return leaf;
        }
    }

    /** A stored leaf. */
    public record Leaf(long index, String kind, String ref, long at, String leaf, String leafHash) {
    }

    private final Jdbi jdbi;

    public TransparencyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Appends {@code event} to the tenant's log in the caller's transaction, unless the record is logged already.
     * Takes the tenant's head row lock, so concurrent appends of one tenant get consecutive indexes.
     */
    public static void append(Handle h, String tenantId, Event event) {
        long size = lock(h, tenantId);
        if (!logged(h, tenantId, event.kind(), event.ref())) {
            insert(h, tenantId, size, event);
            h.createUpdate("UPDATE transparency_heads SET tree_size = :n WHERE tenant_id = :t")
                    .bind("n", size + 1).bind("t", tenantId).execute();
        }
    }

    /**
     * Logs, oldest first, every record of the tenant that has no leaf yet; returns how many. In the caller's
     * transaction, under the tenant's lock.
     */
    public static int catchUp(Handle h, String tenantId) {
        long size = lock(h, tenantId);
        List<Event> missing = new ArrayList<>();
        String unlogged = " AND NOT EXISTS (SELECT 1 FROM transparency_leaves l WHERE l.tenant_id = :t AND l.kind = '%s' "
                + "AND l.ref = %s)";
        h.createQuery("SELECT id, project_id, site_id, sha256, created_at FROM datasets WHERE tenant_id = :t"
                        + String.format(unlogged, DATASET, "datasets.id"))
                .bind("t", tenantId)
                .map((rs, ctx) -> dataset(rs.getString("id"), rs.getString("project_id"), rs.getString("site_id"),
                        rs.getString("sha256"), rs.getLong("created_at")))
                .forEach(missing::add);
        h.createQuery("SELECT id, workload_id, site, sha256, created_at FROM artifacts WHERE tenant_id = :t"
                        + String.format(unlogged, ARTIFACT, "artifacts.id"))
                .bind("t", tenantId)
                .map((rs, ctx) -> new Event(ARTIFACT, rs.getString("id"), rs.getLong("created_at"), details(
                        "workloadId", rs.getString("workload_id"), "site", rs.getString("site"), "sha256", rs.getString("sha256"))))
                .forEach(missing::add);
        h.createQuery("SELECT object_id, site_id, replicated_at FROM data_replicas WHERE tenant_id = :t"
                        + String.format(unlogged, REPLICA, "data_replicas.object_id || '@' || data_replicas.site_id"))
                .bind("t", tenantId)
                .map((rs, ctx) -> replica(rs.getString("object_id"), rs.getString("site_id"), rs.getLong("replicated_at")))
                .forEach(missing::add);
        h.createQuery("SELECT id, kind, object_id, from_site_id, to_site_id, to_country, bytes, at FROM data_transfers "
                        + "WHERE tenant_id = :t" + String.format(unlogged, TRANSFER, "data_transfers.id"))
                .bind("t", tenantId)
                .map((rs, ctx) -> transfer(rs.getString("id"), rs.getString("kind"), rs.getString("object_id"),
                        rs.getString("from_site_id"), rs.getString("to_site_id"), rs.getString("to_country"),
                        rs.getLong("bytes"), rs.getLong("at")))
                .forEach(missing::add);
        h.createQuery("SELECT id, project_id, operator_role, resource, reason_code, operator_country, at FROM operator_accesses "
                        + "WHERE tenant_id = :t" + String.format(unlogged, OPERATOR_ACCESS, "operator_accesses.id"))
                .bind("t", tenantId)
                .map((rs, ctx) -> access(rs.getString("id"), rs.getString("project_id"), rs.getString("operator_role"),
                        rs.getString("resource"), rs.getString("reason_code"), rs.getString("operator_country"), rs.getLong("at")))
                .forEach(missing::add);
        h.createQuery("SELECT w.id, w.gpu_class, w.started_at, COALESCE(p.site_id, c.site_id) AS site_id FROM workloads w "
                        + "LEFT JOIN workload_placements p ON p.workload_id = w.id LEFT JOIN clusters c ON c.gpu_class = w.gpu_class "
                        + "WHERE w.tenant_id = :t AND w.started_at IS NOT NULL" + String.format(unlogged, PROCESSING, "w.id"))
                .bind("t", tenantId)
                .map((rs, ctx) -> new Event(PROCESSING, rs.getString("id"), rs.getLong("started_at"), details(
                        "gpuClass", rs.getString("gpu_class"), "site", rs.getString("site_id"))))
                .forEach(missing::add);
        missing.sort(Comparator.comparingLong(Event::at).thenComparing(Event::kind).thenComparing(Event::ref));
        for (Event event : missing) {
            insert(h, tenantId, size++, event);
        }
        if (!missing.isEmpty()) {
            h.createUpdate("UPDATE transparency_heads SET tree_size = :n WHERE tenant_id = :t")
                    .bind("n", size).bind("t", tenantId).execute();
        }
        return missing.size();
    }

    /** The tenant's log size, after the lock: call inside the transaction that reads the leaves. */
    public static long size(Handle h, String tenantId) {
        return lock(h, tenantId);
    }

    /** The leaf hashes of the first {@code size} leaves, in order. */
    public static List<byte[]> leafHashes(Handle h, String tenantId, long size) {
        return h.createQuery("SELECT leaf_hash FROM transparency_leaves WHERE tenant_id = :t AND leaf_index < :n "
                        + "ORDER BY leaf_index")
                .bind("t", tenantId).bind("n", size)
                .map((rs, ctx) -> HexFormat.of().parseHex(rs.getString("leaf_hash")))
                .list();
    }

    /** The first and last index of the leaves whose event lies in {@code [from, to)}, if any. */
    public static Optional<long[]> range(Handle h, String tenantId, long from, long to) {
        return h.createQuery("SELECT MIN(leaf_index) AS first_index, MAX(leaf_index) AS last_index FROM transparency_leaves "
                        + "WHERE tenant_id = :t AND at >= :from AND at < :to")
                .bind("t", tenantId).bind("from", from).bind("to", to)
                .map((rs, ctx) -> {
                    long first = rs.getLong("first_index");
                    return rs.wasNull() ? null : new long[]{first, rs.getLong("last_index")};
                })
                .findOne();
    }

    /** The leaves {@code first..last}, in order. */
    public static List<LogEntry> entries(Handle h, String tenantId, long first, long last) {
        return h.createQuery("SELECT leaf_index, leaf FROM transparency_leaves WHERE tenant_id = :t "
                        + "AND leaf_index >= :first AND leaf_index <= :last ORDER BY leaf_index")
                .bind("t", tenantId).bind("first", first).bind("last", last)
                .map((rs, ctx) -> new LogEntry(rs.getLong("leaf_index"), parse(rs.getString("leaf"))))
                .list();
    }

    /** Every tenant id, for catching up all logs at start. */
    public List<String> tenantIds() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM tenants ORDER BY id").mapTo(String.class).list());
    }

    // ---------------------------------------------------------------- events of the records

    public static Event dataset(String id, String projectId, String siteId, String sha256, long at) {
        return new Event(DATASET, id, at, details("projectId", projectId, "site", siteId, "sha256", sha256));
    }

    public static Event replica(String objectId, String siteId, long at) {
        return new Event(REPLICA, objectId + "@" + siteId, at, details("objectId", objectId, "site", siteId));
    }

    public static Event transfer(String id, String kind, String objectId, String fromSite, String toSite, String toCountry,
                                 long bytes, long at) {
        return new Event(TRANSFER, id, at, details("transferKind", kind, "objectId", objectId, "fromSite", fromSite,
                "toSite", toSite, "toCountry", toCountry, "bytes", Long.toString(bytes)));
    }

    public static Event access(String id, String projectId, String role, String resource, String reason, String country,
                               long at) {
        return new Event(OPERATOR_ACCESS, id, at, details("projectId", projectId, "operatorRole", role,
                "resource", resource, "reason", reason, "operatorCountry", country));
    }

    // ---------------------------------------------------------------- internals

    private static Map<String, String> details(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Locks the tenant's head row (creating it under the tenant row's lock) and returns the log size. */
    private static long lock(Handle h, String tenantId) {
        Optional<Long> size = lockedSize(h, tenantId);
        if (size.isPresent()) {
            return size.get();
        }
        // The first append of a tenant: the tenant row orders two first appends, so only one creates the head.
        h.createQuery("SELECT id FROM tenants WHERE id = :t FOR UPDATE").bind("t", tenantId).mapTo(String.class).findOne();
        size = lockedSize(h, tenantId);
        if (size.isPresent()) {
            return size.get();
        }
        h.createUpdate("INSERT INTO transparency_heads (tenant_id, tree_size) VALUES (:t, 0)").bind("t", tenantId).execute();
        return 0;
    }

    private static Optional<Long> lockedSize(Handle h, String tenantId) {
        int locked = h.createUpdate("UPDATE transparency_heads SET tree_size = tree_size WHERE tenant_id = :t")
                .bind("t", tenantId).execute();
        if (locked == 0) {
            return Optional.empty();
        }
        return Optional.of(h.createQuery("SELECT tree_size FROM transparency_heads WHERE tenant_id = :t")
                .bind("t", tenantId).mapTo(Long.class).one());
    }

    private static boolean logged(Handle h, String tenantId, String kind, String ref) {
        return h.createQuery("SELECT 1 FROM transparency_leaves WHERE tenant_id = :t AND kind = :k AND ref = :r")
                .bind("t", tenantId).bind("k", kind).bind("r", ref).mapTo(Integer.class).findOne().isPresent();
    }

    private static void insert(Handle h, String tenantId, long index, Event event) {
        byte[] leaf = CanonicalJson.canonicalize(event.leaf(tenantId));
        h.createUpdate("INSERT INTO transparency_leaves (tenant_id, leaf_index, kind, ref, at, leaf, leaf_hash) "
                        + "VALUES (:t, :i, :k, :r, :at, :leaf, :hash)")
                .bind("t", tenantId).bind("i", index).bind("k", event.kind()).bind("r", event.ref()).bind("at", event.at())
                .bind("leaf", new String(leaf, StandardCharsets.UTF_8))
                .bind("hash", HexFormat.of().formatHex(Merkle.leafHash(leaf)))
                .execute();
    }

    private static ObjectNode parse(String leaf) {
        try {
            return (ObjectNode) Json.mapper().readTree(leaf);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored leaf is not JSON", e);
        }
    }
}
