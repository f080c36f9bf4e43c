package eu.aifactory.server.seed;

import eu.aifactory.api.report.ResidencyReport.AccessReason;
import eu.aifactory.api.report.ResidencyReport.FindingCategory;
import eu.aifactory.api.report.ResidencyReport.FindingState;
import eu.aifactory.api.report.ResidencyReport.SiteRole;
import eu.aifactory.api.report.ResidencyReport.TransferKind;
import eu.aifactory.server.db.Transactions;
import eu.aifactory.server.residency.DownloadLog;
import eu.aifactory.server.residency.ReplicationJob;
import eu.aifactory.server.residency.ResidencyStore.AccessRow;
import eu.aifactory.api.report.ResidencyReport.Criterion;
import eu.aifactory.server.residency.ResidencyStore.AttestationRow;
import eu.aifactory.server.residency.ResidencyStore.FindingRow;
import eu.aifactory.server.residency.ResidencyStore.ObjectRow;
import eu.aifactory.server.residency.ResidencyStore.ReplicaRow;
import eu.aifactory.server.residency.ResidencyStore.SiteRow;
import eu.aifactory.server.residency.ResidencyStore.StoragePolicy;
import eu.aifactory.server.residency.ResidencyStore.TransferRow;
import eu.aifactory.server.residency.ResidencyStore;
import eu.aifactory.server.util.Hashing;
import eu.aifactory.server.util.Ids;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the residency records of the demo, after {@link DemoSeeder} has written the workload history: uploaded
 * datasets per project, a nightly replica of every dataset and artifact in the backup site (with its transfer),
 * some downloads by the tenants, operator accesses under each reason code, the site's attestations (one expiring
 * within 60 days) and at least one resolved finding per tenant. Everything is stored and processed in Germany.
 * Deterministic like the history: a fixed random seed per tenant and the history's end as "now".
 */
public final class ResidencySeeder {

    private static final Logger LOG = LoggerFactory.getLogger(ResidencySeeder.class);
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);

    /** Dataset kinds a manufacturer uploads: name pattern, media type, size range in bytes. */
    private record DatasetTemplate(String pattern, String mediaType, long minBytes, long maxBytes) {
    }

    private static final List<DatasetTemplate> DATASETS = List.of(
            new DatasetTemplate("%s – camera images line %d.tar", "application/x-tar", 20_000_000_000L, 180_000_000_000L),
            new DatasetTemplate("%s – sensor data %s.parquet", "application/vnd.apache.parquet", 1_000_000_000L, 15_000_000_000L),
            new DatasetTemplate("%s – master data.csv", "text/csv", 20_000_000L, 400_000_000L),
            new DatasetTemplate("%s – CAD and simulation models.zip", "application/zip", 2_000_000_000L, 30_000_000_000L));

    private final ResidencyStore store;
    private final Transactions transactions;

    public ResidencySeeder(ResidencyStore store, Transactions transactions) {
        this.store = store;
        this.transactions = transactions;
    }

    /**
     * Seeds the records of {@code tenants}, whose history {@link DemoSeeder} wrote up to {@code now} (today's midnight
     * in Munich, so two installations seeded on the same day get the same records).
     */
    public void seed(List<SeedSource.SeedTenant> tenants, long now) {
        long started = System.nanoTime();
        List<SiteRow> sites = store.sites();
        SiteRow primary = site(sites, SiteRole.PRIMARY);
        SiteRow backup = site(sites, SiteRole.BACKUP);
        Map<String, StoragePolicy> policies = store.storagePolicies();
        transactions.useTransaction(h -> {
            attestations(h, now);
            for (int i = 0; i < tenants.size(); i++) {
                tenant(h, tenants.get(i), i, now, primary, backup, policies);
            }
        });
        LOG.info("Residency records seeded for {} tenants in {} ms", tenants.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private static SiteRow site(List<SiteRow> sites, SiteRole role) {
        return sites.stream().filter(s -> s.role() == role).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + role.wire() + " site in the sites table"));
    }

    private void tenant(Handle h, SeedSource.SeedTenant tenant, int index, long now, SiteRow primary, SiteRow backup,
                        Map<String, StoragePolicy> policies) {
        if (tenant.projects().isEmpty()) {
            return;
        }
        Random random = new Random(0x7e51dL * 31 + tenant.id().hashCode());
        List<ObjectRow> objects = new ArrayList<>(datasets(h, tenant, now, primary, random));
        objects.addAll(artifacts(h, tenant.id()));

        // Nightly replication to the backup site: every object written before last night's run has its copy.
        PreparedBatch replicas = ResidencyStore.replicaBatch(h);
        PreparedBatch transfers = ResidencyStore.transferBatch(h);
        for (ObjectRow o : objects) {
            long at = ReplicationJob.nextRun(o.createdAt()) + random.nextInt(90) * 60_000L;
            if (at >= now) {
                continue;
            }
            StoragePolicy policy = policies.get(o.kind());
            ResidencyStore.addReplica(replicas, tenant.id(), new ReplicaRow(o.id(), backup.id(),
                    policy == null ? "object-backup-encrypted" : policy.replicaClass(), at));
            ResidencyStore.addTransfer(transfers, new TransferRow(Ids.next("tr", random), tenant.id(), o.projectId(), o.id(),
                    o.name(), TransferKind.REPLICATION, primary.id(), backup.id(), backup.country(), null, o.sizeBytes(),
                    ReplicationJob.LEGAL_BASIS, at));
        }
        if (replicas.size() > 0) {
            replicas.execute();
            transfers.execute();
        }

        downloads(h, tenant, index, objects, now, primary, random);
        accessesAndFindings(h, tenant, index, now, random);
    }

    private List<ObjectRow> datasets(Handle h, SeedSource.SeedTenant tenant, long now, SiteRow primary, Random random) {
        List<ObjectRow> rows = new ArrayList<>();
        for (SeedSource.SeedProject project : tenant.projects()) {
            int count = 2 + random.nextInt(2);
            for (int i = 0; i < count; i++) {
                DatasetTemplate template = DATASETS.get(random.nextInt(DATASETS.size()));
                // The first upload predates the 90-day history, later ones fall inside it.
                int daysAgo = i == 0 ? 95 + random.nextInt(30) : i == 1 ? 20 + random.nextInt(65) : 2 + random.nextInt(18);
                long createdAt = officeTime(now, daysAgo, random);
                String name = String.format(Locale.ROOT, template.pattern(), project.name(),
                        template.pattern().contains("%d") ? (Object) (1 + random.nextInt(4))
                                : Instant.ofEpochMilli(createdAt).atZone(BERLIN).format(MONTH));
                long size = template.minBytes() + (long) (random.nextDouble() * (template.maxBytes() - template.minBytes()));
                String id = Ids.next("ds", random);
                // The bytes live in the storage system; the checksum stands for the one taken at upload.
                ObjectRow row = new ObjectRow(id, "dataset", name, project.id(), null, size,
                        Hashing.sha256Hex(id + "\n" + name + "\n" + size), primary.id(), null, createdAt);
                store.insertDataset(h, tenant.id(), row, template.mediaType());
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<ObjectRow> artifacts(Handle h, String tenantId) {
        return h.createQuery("SELECT a.id, a.kind, a.name, a.size_bytes, a.sha256, a.site, a.created_at, a.workload_id, "
                        + "w.project_id FROM artifacts a LEFT JOIN workloads w ON w.id = a.workload_id WHERE a.tenant_id = :t "
                        + "ORDER BY a.created_at, a.id")
                .bind("t", tenantId)
                .map((rs, ctx) -> new ObjectRow(rs.getString("id"), rs.getString("kind"), rs.getString("name"),
                        rs.getString("project_id"), rs.getString("workload_id"), rs.getLong("size_bytes"),
                        rs.getString("sha256"), null, rs.getString("site"), rs.getLong("created_at")))
                .list();
    }

    private void downloads(Handle h, SeedSource.SeedTenant tenant, int index, List<ObjectRow> objects, long now,
                           SiteRow primary, Random random) {
        List<ObjectRow> results = objects.stream()
                .filter(o -> "resultset".equals(o.kind()) && o.createdAt() < now - 2 * DAY)
                .toList();
        int count = Math.min(6, results.size());
        for (int i = 0; i < count; i++) {
            ObjectRow o = results.get(random.nextInt(results.size()));
            long at = o.createdAt() + HOUR + random.nextInt(30) * HOUR;
            // One download of the demo comes from a plant in Austria: inside the EU, the tenant's own retrieval.
            String country = index == 0 && i == 0 ? "AT" : "DE";
            store.insertTransfer(h, new TransferRow(Ids.next("tr", random), tenant.id(), o.projectId(), o.id(), o.name(),
                    TransferKind.DOWNLOAD, primary.id(), null, country, country, o.sizeBytes(), DownloadLog.LEGAL_BASIS,
                    Math.min(at, now - HOUR)));
        }
    }

    private void accessesAndFindings(Handle h, SeedSource.SeedTenant tenant, int index, long now, Random random) {
        String tenantId = tenant.id();
        String anyProject = tenant.projects().get(random.nextInt(tenant.projects().size())).id();

        store.insertAccess(h, new AccessRow(Ids.next("oa", random), tenantId, null, "Storage platform engineer",
                officeTime(now, 75, random), "Tenant storage volumes (all projects)", AccessReason.SERVICE_MAINTENANCE,
                "Planned firmware update of the NVMe storage cluster; volumes were remounted, no file contents were read.",
                ticket("CHG", random), "DE"));

        Workload failed = workload(h, tenantId, "FAILED", now - 30 * DAY, now - DAY);
        if (failed != null) {
            store.insertAccess(h, new AccessRow(Ids.next("oa", random), tenantId, failed.projectId(), "Support engineer (2nd level)",
                    failed.endedAt() + 3 * HOUR, "Log lines of workload " + failed.id(), AccessReason.CUSTOMER_INITIATED_SUPPORT,
                    "The customer asked why the run failed; the engineer read the log lines around the error.",
                    ticket("SUP", random), "DE"));
        }

        store.insertAccess(h, new AccessRow(Ids.next("oa", random), tenantId, null, "Security operations analyst",
                officeTime(now, 33, random), "API token and login records of the tenant", AccessReason.SECURITY_RESPONSE,
                "Investigated repeated failed API logins from an unknown address; no tenant data was read and the "
                        + "address was blocked.", ticket("SEC", random), "DE"));

        // The resolved finding every tenant has: a support access without a ticket, caught by the weekly review.
        Workload looked = workload(h, tenantId, "SUCCEEDED", now - 50 * DAY, now - 38 * DAY);
        String project = looked != null ? looked.projectId() : anyProject;
        String resource = looked != null ? "Result file listing of workload " + looked.id() : "Result file listing of a workload";
        long accessAt = officeTime(now, 41, random);
        String accessId = Ids.next("oa", random);
        store.insertAccess(h, new AccessRow(accessId, tenantId, project, "Support engineer (1st level)", accessAt, resource,
                AccessReason.CUSTOMER_INITIATED_SUPPORT,
                "Looked at the result listing while answering a phone call about a slow download.", null, "DE"));
        store.insertFinding(h, new FindingRow(Ids.next("fd", random), tenantId, project, FindingCategory.ACCESS,
                FindingState.RESOLVED, "A support engineer opened the result file listing of a workload without a support "
                + "ticket from the customer; found in the weekly access review.",
                "Reviewed with the tenant admin: no file contents were read. The support tool now refuses customer-initiated "
                        + "support access without a ticket reference, and the engineer was briefed again.",
                accessId, accessAt + 2 * DAY, accessAt + 5 * DAY));

        if (index == 1) {
            String legalId = Ids.next("oa", random);
            long legalAt = officeTime(now, 55, random);
            store.insertAccess(h, new AccessRow(legalId, tenantId, null, "Legal and compliance officer",
                    legalAt, "Account and contract metadata (no file contents)", AccessReason.LEGAL_REQUEST,
                    "Order of a German court for account metadata in a warranty dispute; the customer was informed the same "
                            + "day and no file contents were disclosed.", ticket("LEG", random), "DE"));
            // The court order behind that access, counted in the report's disclosures.
            store.insertOfficialRequest(h, "odr-" + tenantId + "-1", tenantId, legalAt - 2 * DAY,
                    "Landgericht München I (civil court)", "DE",
                    "Court order to produce documents (§ 142 ZPO) in a warranty dispute", "DISCLOSED");
            long opened = officeTime(now, 62, random);
            store.insertFinding(h, new FindingRow(Ids.next("fd", random), tenantId, null, FindingCategory.ENCRYPTION,
                    FindingState.RESOLVED, "For two nights, backup replicas in Biere were written with a storage key that had "
                    + "missed its scheduled 90-day rotation.",
                    "Key rotated and the affected replicas re-encrypted; key age is now monitored with an alert before the "
                            + "deadline.", null, opened, opened + 4 * DAY));
        }
        if (index == 2) {
            store.insertAccess(h, new AccessRow(Ids.next("oa", random), tenantId, anyProject,
                    "Follow-the-sun support engineer (night shift, Vienna)", officeTime(now, 12, random),
                    "Workload queue of project " + anyProject, AccessReason.CUSTOMER_INITIATED_SUPPORT,
                    "The customer asked at night why a workload stayed queued; the engineer checked the queue position only.",
                    ticket("SUP", random), "AT"));
            long opened = officeTime(now, 30, random);
            store.insertFinding(h, new FindingRow(Ids.next("fd", random), tenantId, anyProject, FindingCategory.RETENTION,
                    FindingState.EXCEPTION, "Result files of project " + anyProject + " are kept beyond the 365-day retention "
                    + "policy under a legal hold the customer requested (product liability case).",
                    "Documented exception on the customer's written instruction; kept until the hold is lifted, reviewed "
                            + "every quarter.", null, opened, opened + DAY));
        }
    }

    private record Workload(String id, String projectId, long endedAt) {
    }

    /** The latest workload of a status that ended in {@code [from, to)}, or null. */
    private static Workload workload(Handle h, String tenantId, String status, long from, long to) {
        return h.createQuery("SELECT id, project_id, ended_at FROM workloads WHERE tenant_id = :t AND status = :s "
                        + "AND ended_at >= :from AND ended_at < :to ORDER BY ended_at DESC, id")
                .bind("t", tenantId).bind("s", status).bind("from", from).bind("to", to)
                .map((rs, ctx) -> new Workload(rs.getString("id"), rs.getString("project_id"), rs.getLong("ended_at")))
                .findFirst().orElse(null);
    }

    private void attestations(Handle h, long now) {
        LocalDate today = Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC).toLocalDate();
        String sites = "Munich (Tucherpark) and the backup site Biere";
        String sitesDe = "München (Tucherpark) und Sicherungsstandort Biere";
        store.insertAttestation(h, new AttestationRow("att-bsi-c5-type2", "BSI C5:2020 Type 2 attestation (ISAE 3000)",
                "Example Prüfungsgesellschaft mbH, Wirtschaftsprüfer (illustrative)",
                "Industrial AI Cloud: GPU platform operations, tenant storage and support in " + sites,
                day(today.minusDays(200)), day(today.plusDays(165)), "C5-T2-2026-014 (illustrative)"));
        store.insertAttestation(h, new AttestationRow("att-iso-27001", "ISO/IEC 27001:2022",
                "Example Zertifizierung GmbH, DAkkS-accredited (illustrative)",
                "Information security management of the Industrial AI Cloud, " + sites,
                day(today.minusDays(400)), day(today.plusDays(695)), "ISMS-27001-88213 (illustrative)"));
        // Expires within 60 days, so the portal has one to highlight.
        store.insertAttestation(h, new AttestationRow("att-tisax-al3", "TISAX assessment level 3 (VDA ISA 6)",
                "Example Assessment GmbH, ENX-approved audit provider (illustrative)",
                "Very high protection needs (information and data protection), " + sites,
                day(today.minusDays(3 * 365 - 41)), day(today.plusDays(41)), "TISAX scope S4R7XK (illustrative)"));
        store.insertAttestation(h, new AttestationRow("att-iso-50001", "ISO 50001:2018",
                "Example Zertifizierung GmbH, DAkkS-accredited (illustrative)",
                "Energy management of the Munich (Tucherpark) site as required by the EnEfG",
                day(today.minusDays(60)), day(today.plusDays(3 * 365 - 60)), "EnMS-50001-4410 (illustrative)"));
        store.insertAttestation(h, new AttestationRow("att-bsi-c5-2026-type1", "BSI C5:2026 Type 1 attestation (ISAE 3000)",
                "Example Prüfungsgesellschaft mbH, Wirtschaftsprüfer (illustrative)",
                "Industrial AI Cloud: GPU platform operations, tenant storage and support in " + sites,
                day(today.minusDays(30)), day(today.plusDays(335)), "C5-2026-T1-0007 (illustrative)"));
        store.insertAttestation(h, new AttestationRow("att-eu-csf", "EU Cloud Sovereignty Framework assessment",
                "Example Assessment GmbH, ENX-approved audit provider (illustrative)",
                "Industrial AI Cloud: GPU platform operations, tenant storage and support in " + sites,
                day(today.minusDays(90)), day(today.plusDays(275)), "EUCSF-2026-0113 (illustrative)"));
        store.insertAttestation(h, new AttestationRow("att-gaia-x", "Gaia-X Label",
                "Example Conformity Assessment Body GmbH, Gaia-X accredited (illustrative)",
                "Industrial AI Cloud: GPU platform operations, tenant storage and support in " + sites,
                day(today.minusDays(150)), day(today.plusDays(215)), "GX-LBL-2-DE-0042 (illustrative)"));
        classify(h);
        translate(h,
                "BSI C5:2020 Type 2 attestation (ISAE 3000)", "BSI-C5:2020-Testat Typ 2 (ISAE 3000)",
                "BSI C5:2026 Type 1 attestation (ISAE 3000)", "BSI-C5:2026-Testat Typ 1 (ISAE 3000)",
                "EU Cloud Sovereignty Framework assessment", "Bewertung nach dem EU Cloud Sovereignty Framework",
                "Example Conformity Assessment Body GmbH, Gaia-X accredited (illustrative)",
                "Example Conformity Assessment Body GmbH, bei Gaia-X akkreditiert (Beispiel)",
                "TISAX assessment level 3 (VDA ISA 6)", "TISAX-Prüfung, Assessment Level 3 (VDA ISA 6)",
                "Example Prüfungsgesellschaft mbH, Wirtschaftsprüfer (illustrative)",
                "Example Prüfungsgesellschaft mbH, Wirtschaftsprüfer (Beispiel)",
                "Example Zertifizierung GmbH, DAkkS-accredited (illustrative)",
                "Example Zertifizierung GmbH, DAkkS-akkreditiert (Beispiel)",
                "Example Assessment GmbH, ENX-approved audit provider (illustrative)",
                "Example Assessment GmbH, von der ENX zugelassener Prüfdienstleister (Beispiel)",
                "Industrial AI Cloud: GPU platform operations, tenant storage and support in " + sites,
                "Industrial AI Cloud: Betrieb der GPU-Plattform, Mandantenspeicher und Support, " + sitesDe,
                "Information security management of the Industrial AI Cloud, " + sites,
                "Informationssicherheitsmanagement der Industrial AI Cloud, " + sitesDe,
                "Very high protection needs (information and data protection), " + sites,
                "Sehr hoher Schutzbedarf (Informations- und Datenschutz), " + sitesDe,
                "Energy management of the Munich (Tucherpark) site as required by the EnEfG",
                "Energiemanagement des Standorts München (Tucherpark) nach EnEfG");
    }

    /** Stores German forms: {@code pairs} alternates an English text and its German form. */
    private void translate(Handle h, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            store.insertTranslation(h, "de", pairs[i], pairs[i + 1]);
        }
    }

    /**
     * The framework, level and covered criteria of each attestation. C5 criterion ids follow the catalogue's domain
     * codes (INQ: investigation requests, PSS: product safety and security, OIS: organisation of information
     * security); the demo's selection is illustrative.
     */
    private void classify(Handle h) {
        store.classifyAttestation(h, "att-bsi-c5-type2", "bsi-c5-2020", "Type 2", List.of(
                new Criterion("INQ-01", "Legal assessment of investigation requests"),
                new Criterion("INQ-02", "Informing cloud customers about investigation requests"),
                new Criterion("INQ-03", "Conditions for access to or disclosure of data in investigation requests"),
                new Criterion("INQ-04", "Limiting access to or disclosure of data in investigation requests")));
        store.classifyAttestation(h, "att-bsi-c5-2026-type1", "bsi-c5-2026", "Type 1", List.of(
                new Criterion("INQ-01", "Legal assessment of investigation requests"),
                new Criterion("INQ-02", "Informing cloud customers about investigation requests"),
                new Criterion("INQ-05", "Disclosure of the number of investigation requests"),
                new Criterion("OIS-08", "Disclosure of the applicable law, including the parent company's"),
                new Criterion("PSS-12", "Disclosure of the locations of data processing and storage")));
        store.classifyAttestation(h, "att-iso-27001", "iso-27001-2022", null, List.of());
        store.classifyAttestation(h, "att-tisax-al3", "tisax", "AL3", List.of());
        store.classifyAttestation(h, "att-iso-50001", "iso-50001-2018", null, List.of());
        store.classifyAttestation(h, "att-eu-csf", "eu-csf", "SEAL-3", List.of(
                new Criterion("SOV-3", "Data and AI sovereignty"),
                new Criterion("SOV-2", "Legal and jurisdictional sovereignty")));
        store.classifyAttestation(h, "att-gaia-x", "gaia-x", "Label Level 2", List.of());
        translate(h, "Legal assessment of investigation requests", "Rechtliche Prüfung von Ermittlungsanfragen",
                "Informing cloud customers about investigation requests", "Information der Cloud-Kunden über Ermittlungsanfragen",
                "Conditions for access to or disclosure of data in investigation requests",
                "Bedingungen für Zugriff auf oder Herausgabe von Daten bei Ermittlungsanfragen",
                "Limiting access to or disclosure of data in investigation requests",
                "Begrenzung von Zugriff auf oder Herausgabe von Daten bei Ermittlungsanfragen",
                "Disclosure of the number of investigation requests", "Offenlegung der Zahl der Ermittlungsanfragen",
                "Disclosure of the applicable law, including the parent company's",
                "Offenlegung des anwendbaren Rechts, auch der Muttergesellschaft",
                "Disclosure of the locations of data processing and storage",
                "Offenlegung der Orte von Datenverarbeitung und -speicherung",
                "Data and AI sovereignty", "Daten- und KI-Souveränität",
                "Legal and jurisdictional sovereignty", "Rechtliche Souveränität und Gerichtsbarkeit");
    }

    // ---------------------------------------------------------------- time helpers

    /** A moment on a weekday {@code daysAgo} days before {@code now}, between 08:00 and 17:00 in Munich. */
    private static long officeTime(long now, int daysAgo, Random random) {
        ZonedDateTime day = Instant.ofEpochMilli(now).atZone(BERLIN).minusDays(daysAgo);
        while (day.getDayOfWeek().getValue() >= 6) {
            day = day.minusDays(1);
        }
        ZonedDateTime at = day.with(LocalTime.of(8 + random.nextInt(9), random.nextInt(60)));
        return Math.min(at.toInstant().toEpochMilli(), now - HOUR);
    }

    private static long day(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static String ticket(String prefix, Random random) {
        return String.format(Locale.ROOT, "%s-%05d", prefix, 10_000 + random.nextInt(90_000));
    }
}
