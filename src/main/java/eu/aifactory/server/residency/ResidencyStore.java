package eu.aifactory.server.residency;

import eu.aifactory.api.report.ResidencyReport.AccessReason;
import eu.aifactory.api.report.ResidencyReport.EmergencyCode;
import eu.aifactory.api.report.ResidencyReport.Criterion;
import eu.aifactory.api.report.ResidencyReport.FindingCategory;
import eu.aifactory.api.report.ResidencyReport.FindingState;
import eu.aifactory.api.report.ResidencyReport.Framework;
import eu.aifactory.api.report.ResidencyReport.OfficialRequests;
import eu.aifactory.api.report.ResidencyReport.SiteRole;
import eu.aifactory.api.report.ResidencyReport.Subprocessor;
import eu.aifactory.api.report.ResidencyReport.TransferKind;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.server.db.TextTranslations;
import eu.aifactory.server.transparency.TransparencyStore;
import eu.aifactory.server.util.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The residency records of the factory: sites, clusters, storage policies, datasets, replicas, transfers,
 * operator accesses, attestations and findings. Every tenant-owned query takes the tenant id as a bound
 * parameter; project filtering for engineers happens in {@link ResidencyReportService}.
 */
public final class ResidencyStore {

    private final Jdbi jdbi;

    public ResidencyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    // ---------------------------------------------------------------- rows

    public record SiteRow(String id, String name, String city, String country, SiteRole role, boolean processing,
                          double latitude, double longitude, String label, String description) {
    }

    public record ClusterRow(String id, String siteId, String hall, String name, String gpuClass, int gpusPerNode) {
    }

    public record StoragePolicy(String kind, String storageClass, int retentionDays, String replicaClass) {
    }

    /** A dataset or an artifact; {@code siteLabel} is the artifact's site text, {@code siteId} the dataset's site. */
    public record ObjectRow(String id, String kind, String name, String projectId, String workloadId, long sizeBytes,
                            String sha256, String siteId, String siteLabel, long createdAt) {
    }

    public record ReplicaRow(String objectId, String siteId, String storageClass, long replicatedAt) {
    }

    public record RunRow(String workloadId, String name, String projectId, String appId, String gpuClass, int gpuCount,
                         long startedAt, Long endedAt, WorkloadStatus status, String siteId, String hall, String cluster,
                         String nodes) {
    }

    public record TransferRow(String id, String tenantId, String projectId, String objectId, String objectName,
                              TransferKind kind, String fromSiteId, String toSiteId, String toCountry,
                              String clientCountry, long bytes, String legalBasis, long at) {
    }

    /**
     * An operator access; {@code ticketRef} is the case id and {@code operatorCountry} the physical location. The last
     * five are null (false) for an access made before approvals existed; {@code requestId} is null for an emergency.
     */
    public record AccessRow(String id, String tenantId, String projectId, String operatorRole, long at, String resource,
                            AccessReason reason, String justification, String ticketRef, String operatorCountry,
                            String requestId, String employer, String officeCountry, boolean emergency,
                            EmergencyCode emergencyCode) {

        public AccessRow(String id, String tenantId, String projectId, String operatorRole, long at, String resource,
                         AccessReason reason, String justification, String ticketRef, String operatorCountry) {
            this(id, tenantId, projectId, operatorRole, at, resource, reason, justification, ticketRef, operatorCountry,
                    null, null, null, false, null);
        }
    }

    public record AttestationRow(String id, String standard, String issuer, String scope, long validFrom, long validTo,
                                 String reference) {
    }

    public record FindingRow(String id, String tenantId, String projectId, FindingCategory category, FindingState state,
                             String description, String remediation, String subjectRef, long openedAt, Long closedAt) {
    }

    // ---------------------------------------------------------------- factory-wide

    public List<SiteRow> sites() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM sites ORDER BY site_role DESC, id")
                .map((rs, ctx) -> new SiteRow(rs.getString("id"), rs.getString("name"), rs.getString("city"),
                        rs.getString("country"), SiteRole.fromWire(rs.getString("site_role")), rs.getBoolean("processing"),
                        rs.getDouble("latitude"), rs.getDouble("longitude"), rs.getString("label"),
                        rs.getString("description")))
                .list());
    }

    public List<ClusterRow> clusters() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM clusters ORDER BY id")
                .map((rs, ctx) -> new ClusterRow(rs.getString("id"), rs.getString("site_id"), rs.getString("hall"),
                        rs.getString("name"), rs.getString("gpu_class"), rs.getInt("gpus_per_node")))
                .list());
    }

    public Map<String, StoragePolicy> storagePolicies() {
        Map<String, StoragePolicy> policies = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT * FROM storage_policies")
                .map((rs, ctx) -> new StoragePolicy(rs.getString("artifact_kind"), rs.getString("storage_class"),
                        rs.getInt("retention_days"), rs.getString("replica_class")))
                .forEach(p -> policies.put(p.kind(), p)));
        return policies;
    }

    /** Attestations valid on some day of {@code [from, to)}. */
    public List<AttestationRow> attestations(long from, long to) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM attestations WHERE valid_from < :to AND valid_to >= :fromDay "
                        + "ORDER BY standard, id")
                // valid_to is the last valid day at UTC midnight: valid until the end of that day.
                .bind("to", to).bind("fromDay", from - 86_400_000L + 1)
                .map((rs, ctx) -> new AttestationRow(rs.getString("id"), rs.getString("standard"), rs.getString("issuer"),
                        rs.getString("scope"), rs.getLong("valid_from"), rs.getLong("valid_to"), rs.getString("reference")))
                .list());
    }

    // ---------------------------------------------------------------- per tenant

    /** The tenant's datasets and artifacts created before {@code to}. */
    public List<ObjectRow> objects(String tenantId, long to) {
        return jdbi.withHandle(h -> {
            List<ObjectRow> rows = new ArrayList<>(h.createQuery("SELECT * FROM datasets WHERE tenant_id = :t AND created_at < :to "
                            + "ORDER BY created_at, id")
                    .bind("t", tenantId).bind("to", to)
                    .map((rs, ctx) -> new ObjectRow(rs.getString("id"), "dataset", rs.getString("name"),
                            rs.getString("project_id"), null, rs.getLong("size_bytes"), rs.getString("sha256"),
                            rs.getString("site_id"), null, rs.getLong("created_at")))
                    .list());
            rows.addAll(h.createQuery("SELECT a.id, a.kind, a.name, a.workload_id, a.size_bytes, a.sha256, a.site, a.created_at, "
                            + "w.project_id FROM artifacts a LEFT JOIN workloads w ON w.id = a.workload_id "
                            + "WHERE a.tenant_id = :t AND a.created_at < :to ORDER BY a.created_at, a.id")
                    .bind("t", tenantId).bind("to", to)
                    .map((rs, ctx) -> new ObjectRow(rs.getString("id"), rs.getString("kind"), rs.getString("name"),
                            rs.getString("project_id"), rs.getString("workload_id"), rs.getLong("size_bytes"),
                            rs.getString("sha256"), null, rs.getString("site"), rs.getLong("created_at")))
                    .list());
            return rows;
        });
    }

    /** Replicas of the tenant's objects made before {@code to}, by object id. */
    public Map<String, List<ReplicaRow>> replicas(String tenantId, long to) {
        Map<String, List<ReplicaRow>> byObject = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT * FROM data_replicas WHERE tenant_id = :t AND replicated_at < :to "
                        + "ORDER BY replicated_at, site_id")
                .bind("t", tenantId).bind("to", to)
                .map((rs, ctx) -> new ReplicaRow(rs.getString("object_id"), rs.getString("site_id"),
                        rs.getString("storage_class"), rs.getLong("replicated_at")))
                .forEach(r -> byObject.computeIfAbsent(r.objectId(), k -> new ArrayList<>()).add(r)));
        return byObject;
    }

    /** Workloads of the tenant that ran during some part of {@code [from, to)}, with a recorded placement if any. */
    public List<RunRow> runs(String tenantId, long from, long to) {
        return jdbi.withHandle(h -> h.createQuery("SELECT w.id, w.name, w.project_id, w.app_id, w.gpu_class, w.gpu_count, "
                        + "w.started_at, w.ended_at, w.status, p.site_id, p.hall, p.cluster, p.nodes FROM workloads w "
                        + "LEFT JOIN workload_placements p ON p.workload_id = w.id WHERE w.tenant_id = :t "
                        + "AND w.started_at IS NOT NULL AND w.started_at < :to AND (w.ended_at IS NULL OR w.ended_at >= :from) "
                        + "ORDER BY w.started_at, w.id")
                .bind("t", tenantId).bind("from", from).bind("to", to)
                .map((rs, ctx) -> new RunRow(rs.getString("id"), rs.getString("name"), rs.getString("project_id"),
                        rs.getString("app_id"), rs.getString("gpu_class"), rs.getInt("gpu_count"), rs.getLong("started_at"),
                        nullableLong(rs, "ended_at"), WorkloadStatus.valueOf(rs.getString("status")), rs.getString("site_id"),
                        rs.getString("hall"), rs.getString("cluster"), rs.getString("nodes")))
                .list());
    }

    public List<TransferRow> transfers(String tenantId, long from, long to) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM data_transfers WHERE tenant_id = :t AND at >= :from AND at < :to "
                        + "ORDER BY at, id")
                .bind("t", tenantId).bind("from", from).bind("to", to)
                .map((rs, ctx) -> transfer(rs))
                .list());
    }

    public List<AccessRow> accesses(String tenantId, long from, long to) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM operator_accesses WHERE tenant_id = :t AND at >= :from AND at < :to "
                        + "ORDER BY at, id")
                .bind("t", tenantId).bind("from", from).bind("to", to)
                .map((rs, ctx) -> new AccessRow(rs.getString("id"), rs.getString("tenant_id"), rs.getString("project_id"),
                        rs.getString("operator_role"), rs.getLong("at"), rs.getString("resource"),
                        AccessReason.valueOf(rs.getString("reason_code")), rs.getString("justification"),
                        rs.getString("ticket_ref"), rs.getString("operator_country"), rs.getString("request_id"),
                        rs.getString("employer"), rs.getString("office_country"), rs.getBoolean("emergency"),
                        rs.getString("emergency_code") == null ? null : EmergencyCode.valueOf(rs.getString("emergency_code"))))
                .list());
    }

    /** Findings open during some part of {@code [from, to)}. */
    public List<FindingRow> findings(String tenantId, long from, long to) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM residency_findings WHERE tenant_id = :t AND opened_at < :to "
                        + "AND (closed_at IS NULL OR closed_at >= :from) ORDER BY opened_at, id")
                .bind("t", tenantId).bind("from", from).bind("to", to)
                .map((rs, ctx) -> finding(rs))
                .list());
    }

    /** Every subject a recorded finding of the tenant is about, whatever its dates. */
    public List<String> findingSubjects(String tenantId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT subject_ref FROM residency_findings WHERE tenant_id = :t "
                        + "AND subject_ref IS NOT NULL")
                .bind("t", tenantId).mapTo(String.class).list());
    }

    /** An artifact's name and project, for logging its download. */
    public record ArtifactInfo(String id, String name, String projectId, String siteLabel, long sizeBytes) {
    }

    public Optional<ArtifactInfo> artifact(String tenantId, String artifactId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.id, a.name, a.site, a.size_bytes, w.project_id FROM artifacts a "
                        + "LEFT JOIN workloads w ON w.id = a.workload_id WHERE a.id = :id AND a.tenant_id = :t")
                .bind("id", artifactId).bind("t", tenantId)
                .map((rs, ctx) -> new ArtifactInfo(rs.getString("id"), rs.getString("name"), rs.getString("project_id"),
                        rs.getString("site"), rs.getLong("size_bytes")))
                .findOne());
    }

    // ---------------------------------------------------------------- writes

    /** Records one transfer on its own (a download, logged after the bytes went out). */
    public void insertTransfer(TransferRow t) {
        jdbi.useTransaction(h -> insertTransfer(h, t));
    }

    /** Records a transfer and appends it to the tenant's transparency log, in the caller's transaction. */
    public void insertTransfer(Handle h, TransferRow t) {
        PreparedBatch batch = transferBatch(h);
        addTransfer(batch, t);
        batch.execute();
        TransparencyStore.append(h, t.tenantId(), transferEvent(t));
    }

    /** For writing many transfers at once; {@link #addTransfer} them, then {@code execute()}. */
    public static PreparedBatch transferBatch(Handle h) {
        return h.prepareBatch("INSERT INTO data_transfers (id, tenant_id, project_id, object_id, object_name, kind, from_site_id, "
                + "to_site_id, to_country, client_country, bytes, legal_basis, at) VALUES (:id, :t, :p, :o, :name, :kind, "
                + ":fromSite, :toSite, :toCountry, :client, :bytes, :basis, :at)");
    }

    public static void addTransfer(PreparedBatch batch, TransferRow t) {
        batch.bind("id", t.id()).bind("t", t.tenantId()).bind("p", t.projectId()).bind("o", t.objectId())
                .bind("name", t.objectName()).bind("kind", t.kind().wire()).bind("fromSite", t.fromSiteId())
                .bind("toSite", t.toSiteId()).bind("toCountry", t.toCountry()).bind("client", t.clientCountry())
                .bind("bytes", t.bytes()).bind("basis", t.legalBasis()).bind("at", t.at())
                .add();
    }

    /** Records a replica and appends it to the tenant's transparency log, in the caller's transaction. */
    public void insertReplica(Handle h, String tenantId, ReplicaRow r) {
        PreparedBatch batch = replicaBatch(h);
        addReplica(batch, tenantId, r);
        batch.execute();
        TransparencyStore.append(h, tenantId, TransparencyStore.replica(r.objectId(), r.siteId(), r.replicatedAt()));
    }

    /** For writing many replicas at once; {@link #addReplica} them, then {@code execute()}. */
    public static PreparedBatch replicaBatch(Handle h) {
        return h.prepareBatch("INSERT INTO data_replicas (object_id, site_id, tenant_id, storage_class, replicated_at) "
                + "VALUES (:o, :s, :t, :c, :at)");
    }

    public static void addReplica(PreparedBatch batch, String tenantId, ReplicaRow r) {
        batch.bind("o", r.objectId()).bind("s", r.siteId()).bind("t", tenantId).bind("c", r.storageClass())
                .bind("at", r.replicatedAt())
                .add();
    }

    /**
     * Records an operator access and appends it to the tenant's transparency log in the caller's transaction: every
     * writer of operator accesses goes through here, so none is left out of the log.
     */
    public void insertAccess(Handle h, AccessRow a) {
        h.createUpdate("INSERT INTO operator_accesses (id, tenant_id, project_id, operator_role, at, resource, reason_code, "
                        + "justification, ticket_ref, operator_country, request_id, employer, office_country, emergency, "
                        + "emergency_code) VALUES (:id, :t, :p, :role, :at, :res, :reason, :just, :ticket, :country, :request, "
                        + ":employer, :office, :emergency, :emergencyCode)")
                .bind("id", a.id()).bind("t", a.tenantId()).bind("p", a.projectId()).bind("role", a.operatorRole())
                .bind("at", a.at()).bind("res", a.resource()).bind("reason", a.reason().name())
                .bind("just", a.justification()).bind("ticket", a.ticketRef()).bind("country", a.operatorCountry())
                .bind("request", a.requestId()).bind("employer", a.employer()).bind("office", a.officeCountry())
                .bind("emergency", a.emergency())
                .bind("emergencyCode", a.emergencyCode() == null ? null : a.emergencyCode().name())
                .execute();
        TransparencyStore.append(h, a.tenantId(), TransparencyStore.access(a.id(), a.projectId(), a.operatorRole(),
                a.resource(), a.reason().name(), a.operatorCountry(), a.at()));
    }

    public void insertFinding(Handle h, FindingRow f) {
        h.createUpdate("INSERT INTO residency_findings (id, tenant_id, project_id, category, state, description, remediation, "
                        + "subject_ref, opened_at, closed_at) VALUES (:id, :t, :p, :cat, :state, :desc, :rem, :subj, :opened, :closed)")
                .bind("id", f.id()).bind("t", f.tenantId()).bind("p", f.projectId()).bind("cat", f.category().wire())
                .bind("state", f.state().name()).bind("desc", f.description()).bind("rem", f.remediation())
                .bind("subj", f.subjectRef()).bind("opened", f.openedAt()).bind("closed", f.closedAt())
                .execute();
    }

    /** The {@code language} forms of those of {@code english} that have one, by English text. */
    public Map<String, String> translations(String language, Collection<String> english) {
        return TextTranslations.find(jdbi, language, english);
    }

    /** Records the {@code language} form of an English text the factory's records carry. */
    public void insertTranslation(Handle h, String language, String english, String translated) {
        h.createUpdate("INSERT INTO text_translations (language, english, translated) VALUES (:language, :english, :translated)")
                .bind("language", language).bind("english", english).bind("translated", translated)
                .execute();
    }

    public void insertAttestation(Handle h, AttestationRow a) {
        h.createUpdate("INSERT INTO attestations (id, standard, issuer, scope, valid_from, valid_to, reference) "
                        + "VALUES (:id, :std, :issuer, :scope, :from, :to, :ref)")
                .bind("id", a.id()).bind("std", a.standard()).bind("issuer", a.issuer()).bind("scope", a.scope())
                .bind("from", a.validFrom()).bind("to", a.validTo()).bind("ref", a.reference())
                .execute();
    }

    /** Records a dataset and appends it to the tenant's transparency log, in the caller's transaction. */
    public void insertDataset(Handle h, String tenantId, ObjectRow d, String mediaType) {
        h.createUpdate("INSERT INTO datasets (id, tenant_id, project_id, name, media_type, size_bytes, sha256, site_id, created_at) "
                        + "VALUES (:id, :t, :p, :name, :media, :size, :sha, :site, :at)")
                .bind("id", d.id()).bind("t", tenantId).bind("p", d.projectId()).bind("name", d.name())
                .bind("media", mediaType).bind("size", d.sizeBytes()).bind("sha", d.sha256()).bind("site", d.siteId())
                .bind("at", d.createdAt())
                .execute();
        TransparencyStore.append(h, tenantId, TransparencyStore.dataset(d.id(), d.projectId(), d.siteId(), d.sha256(),
                d.createdAt()));
    }

    public void insertPlacement(Handle h, String workloadId, String siteId, String hall, String cluster, List<String> nodes) {
        h.createUpdate("INSERT INTO workload_placements (workload_id, site_id, hall, cluster, nodes) VALUES (:w, :s, :h, :c, :n)")
                .bind("w", workloadId).bind("s", siteId).bind("h", hall).bind("c", cluster).bind("n", String.join(",", nodes))
                .execute();
    }

    /**
     * Copies every dataset and artifact created before {@code cutoff} that has no copy at {@code backup} yet, and logs
     * each copy as a replication transfer at {@code now}. One transaction; returns the number of copies made.
     */
    public int replicateMissing(SiteRow primary, SiteRow backup, long cutoff, long now, String legalBasis) {
        Map<String, StoragePolicy> policies = storagePolicies();
        return jdbi.inTransaction(h -> {
            List<ObjectRow> missing = new ArrayList<>();
            List<String> tenants = new ArrayList<>();
            String notCopied = " AND NOT EXISTS (SELECT 1 FROM data_replicas r WHERE r.object_id = %s AND r.site_id = :backup)";
            h.createQuery("SELECT d.*, 'dataset' AS kind FROM datasets d WHERE d.created_at < :cutoff"
                            + String.format(notCopied, "d.id") + " ORDER BY d.created_at, d.id")
                    .bind("cutoff", cutoff).bind("backup", backup.id())
                    .map((rs, ctx) -> {
                        tenants.add(rs.getString("tenant_id"));
                        return new ObjectRow(rs.getString("id"), "dataset", rs.getString("name"), rs.getString("project_id"),
                                null, rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("site_id"), null,
                                rs.getLong("created_at"));
                    })
                    .forEach(missing::add);
            h.createQuery("SELECT a.*, w.project_id FROM artifacts a LEFT JOIN workloads w ON w.id = a.workload_id "
                            + "WHERE a.created_at < :cutoff" + String.format(notCopied, "a.id") + " ORDER BY a.created_at, a.id")
                    .bind("cutoff", cutoff).bind("backup", backup.id())
                    .map((rs, ctx) -> {
                        tenants.add(rs.getString("tenant_id"));
                        return new ObjectRow(rs.getString("id"), rs.getString("kind"), rs.getString("name"),
                                rs.getString("project_id"), rs.getString("workload_id"), rs.getLong("size_bytes"),
                                rs.getString("sha256"), null, rs.getString("site"), rs.getLong("created_at"));
                    })
                    .forEach(missing::add);
            if (missing.isEmpty()) {
                return 0;
            }
            PreparedBatch replicas = replicaBatch(h);
            PreparedBatch transfers = transferBatch(h);
            List<TransferRow> logged = new ArrayList<>();
            for (int i = 0; i < missing.size(); i++) {
                ObjectRow o = missing.get(i);
                StoragePolicy policy = policies.get(o.kind());
                addReplica(replicas, tenants.get(i), new ReplicaRow(o.id(), backup.id(),
                        policy == null ? "object-backup-encrypted" : policy.replicaClass(), now));
                TransferRow transfer = new TransferRow(Ids.next("tr"), tenants.get(i), o.projectId(),
                        o.id(), o.name(), TransferKind.REPLICATION, primary.id(), backup.id(), backup.country(), null,
                        o.sizeBytes(), legalBasis, now);
                addTransfer(transfers, transfer);
                logged.add(transfer);
            }
            replicas.execute();
            transfers.execute();
            for (int i = 0; i < missing.size(); i++) {
                TransparencyStore.append(h, tenants.get(i), TransparencyStore.replica(missing.get(i).id(), backup.id(), now));
            }
            for (TransferRow t : logged) {
                TransparencyStore.append(h, t.tenantId(), transferEvent(t));
            }
            return missing.size();
        });
    }

    // ---------------------------------------------------------------- frameworks and disclosures (issue 16)

    /** The framework, level and covered criteria of an attestation. */
    public record AttestationMeta(Framework framework, String level, List<Criterion> criteria) {
    }

    /** The framework, level and criteria of each attestation named that has any. */
    public Map<String, AttestationMeta> attestationMeta(Collection<String> attestationIds) {
        Map<String, AttestationMeta> meta = new HashMap<>();
        if (attestationIds.isEmpty()) {
            return meta;
        }
        jdbi.useHandle(h -> {
            Map<String, List<Criterion>> criteria = new HashMap<>();
            h.createQuery("SELECT attestation_id, criterion_id, title FROM attestation_criteria "
                            + "WHERE attestation_id IN (<ids>) ORDER BY attestation_id, criterion_id")
                    .bindList("ids", List.copyOf(attestationIds))
                    .map((rs, ctx) -> Map.entry(rs.getString(1), new Criterion(rs.getString(2), rs.getString(3))))
                    .forEach(e -> criteria.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            h.createQuery("SELECT a.id, a.level, f.id AS f_id, f.name, f.publisher, f.version, f.kind, f.catalogue "
                            + "FROM attestations a LEFT JOIN compliance_frameworks f ON f.id = a.framework_id "
                            + "WHERE a.id IN (<ids>)")
                    .bindList("ids", List.copyOf(attestationIds))
                    .map((rs, ctx) -> Map.entry(rs.getString("id"), new AttestationMeta(rs.getString("f_id") == null ? null
                            : new Framework(rs.getString("f_id"), rs.getString("name"), rs.getString("publisher"),
                            rs.getString("version"), rs.getString("kind"), rs.getString("catalogue")),
                            rs.getString("level"), criteria.getOrDefault(rs.getString("id"), List.of()))))
                    .forEach(e -> meta.put(e.getKey(), e.getValue()));
        });
        return meta;
    }

    /** Records the framework and level an attestation was issued against, and the criteria it covers. */
    public void classifyAttestation(Handle h, String attestationId, String frameworkId, String level,
                                    List<Criterion> criteria) {
        h.createUpdate("UPDATE attestations SET framework_id = :f, level = :l WHERE id = :id")
                .bind("f", frameworkId).bind("l", level).bind("id", attestationId)
                .execute();
        PreparedBatch batch = h.prepareBatch("INSERT INTO attestation_criteria (attestation_id, criterion_id, title) "
                + "VALUES (:a, :c, :t)");
        for (Criterion c : criteria) {
            batch.bind("a", attestationId).bind("c", c.id()).bind("t", c.title()).add();
        }
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    /** The provider's disclosure in force at {@code at} (the latest effective by then), if any. */
    public record DisclosureRow(String provider, String providerCountry, String parentCompany, String parentCountry,
                                String applicableLaw, String parentLaw, String dataRequestPolicy) {
    }

    public Optional<DisclosureRow> disclosure(long at) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM provider_disclosures WHERE effective_from <= :at "
                        + "ORDER BY effective_from DESC, id")
                .bind("at", at)
                .map((rs, ctx) -> new DisclosureRow(rs.getString("provider"), rs.getString("provider_country"),
                        rs.getString("parent_company"), rs.getString("parent_country"), rs.getString("applicable_law"),
                        rs.getString("parent_law"), rs.getString("data_request_policy")))
                .findFirst());
    }

    /** Subprocessors engaged during some part of {@code [from, to)}. */
    public List<Subprocessor> subprocessors(long from, long to) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM subprocessors WHERE since < :to "
                        + "AND (until_at IS NULL OR until_at > :from) ORDER BY name, id")
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> new Subprocessor(rs.getString("id"), rs.getString("name"), rs.getString("service"),
                        rs.getString("country"), rs.getString("location")))
                .list());
    }

    /** The tenant's official data requests received in {@code [from, to)}, counted by outcome. */
    public OfficialRequests officialRequests(String tenantId, long from, long to) {
        Map<String, Integer> counts = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT outcome, COUNT(*) FROM official_data_requests WHERE tenant_id = :t "
                        + "AND received_at >= :from AND received_at < :to GROUP BY outcome")
                .bind("t", tenantId).bind("from", from).bind("to", to)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        int received = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new OfficialRequests(received, counts.getOrDefault("DISCLOSED", 0), counts.getOrDefault("REFUSED", 0),
                counts.getOrDefault("PENDING", 0), counts.getOrDefault("WITHDRAWN", 0));
    }

    public void insertOfficialRequest(Handle h, String id, String tenantId, long receivedAt, String authority,
                                      String authorityCountry, String legalBasis, String outcome) {
        h.createUpdate("INSERT INTO official_data_requests (id, tenant_id, received_at, authority, authority_country, "
                        + "legal_basis, outcome) VALUES (:id, :t, :at, :a, :c, :b, :o)")
                .bind("id", id).bind("t", tenantId).bind("at", receivedAt).bind("a", authority).bind("c", authorityCountry)
                .bind("b", legalBasis).bind("o", outcome)
                .execute();
    }

    // ---------------------------------------------------------------- mapping

    private static TransparencyStore.Event transferEvent(TransferRow t) {
        return TransparencyStore.transfer(t.id(), t.kind().wire(), t.objectId(), t.fromSiteId(), t.toSiteId(), t.toCountry(),
                t.bytes(), t.at());
    }

    private static TransferRow transfer(ResultSet rs) throws SQLException {
        return new TransferRow(rs.getString("id"), rs.getString("tenant_id"), rs.getString("project_id"),
                rs.getString("object_id"), rs.getString("object_name"), TransferKind.fromWire(rs.getString("kind")),
                rs.getString("from_site_id"), rs.getString("to_site_id"), rs.getString("to_country"),
                rs.getString("client_country"), rs.getLong("bytes"), rs.getString("legal_basis"), rs.getLong("at"));
    }

    private static FindingRow finding(ResultSet rs) throws SQLException {
        return new FindingRow(rs.getString("id"), rs.getString("tenant_id"), rs.getString("project_id"),
                FindingCategory.fromWire(rs.getString("category")), FindingState.valueOf(rs.getString("state")),
                rs.getString("description"), rs.getString("remediation"), rs.getString("subject_ref"),
                rs.getLong("opened_at"), nullableLong(rs, "closed_at"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Node names as stored: comma-separated. */
    static List<String> splitNodes(String nodes) {
        return nodes == null || nodes.isBlank() ? List.of() : Arrays.stream(nodes.split(",")).map(String::trim).toList();
    }
}
