package eu.aifactory.server.residency;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.report.ResidencyReport.AccessReason;
import eu.aifactory.api.report.ResidencyReport.Finding;
import eu.aifactory.api.report.ResidencyReport.FindingCategory;
import eu.aifactory.api.report.ResidencyReport.FindingState;
import eu.aifactory.api.report.ResidencyReport.Status;
import eu.aifactory.api.report.ResidencyReport.TransferKind;
import eu.aifactory.api.report.ResidencyReport;
import eu.aifactory.api.signing.SignedDocument;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.server.admin.AdminStore;
import eu.aifactory.server.db.Database;
import eu.aifactory.server.residency.ResidencyStore.AccessRow;
import eu.aifactory.server.residency.ResidencyStore.AttestationRow;
import eu.aifactory.server.residency.ResidencyStore.FindingRow;
import eu.aifactory.server.residency.ResidencyStore.ObjectRow;
import eu.aifactory.server.residency.ResidencyStore.ReplicaRow;
import eu.aifactory.server.residency.ResidencyStore.TransferRow;
import eu.aifactory.server.signing.SigningKeyStore;
import eu.aifactory.server.transparency.TransparencyService;
import eu.aifactory.server.transparency.TransparencyStore;
import eu.aifactory.server.tenant.Principal;
import eu.aifactory.server.tenant.TenantService;
import eu.aifactory.server.tenant.TenantStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verdict and the derived findings on hand-made records, without HTTP. */
class ResidencyRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    private static final Instant FROM = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-07-01T00:00:00Z");
    private static final long HOUR = 3_600_000L;

    private Database database;
    private ResidencyStore store;
    private ResidencyReportService service;
    private Principal admin;
    private Principal engineer;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:h2:mem:rules-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        TenantStore tenants = new TenantStore(database.jdbi(), clock);
        store = new ResidencyStore(database.jdbi());
        SigningKeyStore keys = SigningKeyStore.inMemory(clock);
        service = new ResidencyReportService(store, new TenantService(tenants), keys, transparency(keys, clock), clock);
        AdminStore adminStore = new AdminStore(database.jdbi());
        database.jdbi().useTransaction(h -> {
            for (String t : List.of("t-a", "t-b")) {
                tenants.createTenant(h, t, "Tenant " + t);
                adminStore.createProject(h, t + "-p1", t, "Line 1");
                adminStore.createProject(h, t + "-p2", t, "Line 2");
                adminStore.createUser(h, t + "-admin", t, "Admin", "admin@" + t + ".example", List.of(Role.TENANT_ADMIN),
                        List.of(t + "-p1", t + "-p2"), 0L);
            }
            adminStore.createUser(h, "t-a-eng", "t-a", "Engineer", "eng@t-a.example", List.of(Role.ENGINEER), List.of("t-a-p1"), 0L);
        });
        admin = new Principal("t-a-admin", "Admin", "admin@t-a.example", "t-a", "Tenant t-a", Set.of(Role.TENANT_ADMIN),
                List.of(new Me.Project("t-a-p1", "Line 1"), new Me.Project("t-a-p2", "Line 2")));
        engineer = new Principal("t-a-eng", "Engineer", "eng@t-a.example", "t-a", "Tenant t-a", Set.of(Role.ENGINEER),
                List.of(new Me.Project("t-a-p1", "Line 1")));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void withoutAnyRecordTheReportIsCompliantAndSaysNothingWasStored() {
        ResidencyReport report = service.report(admin, FROM, TO);

        assertThat(report.verdict().status()).isEqualTo(Status.COMPLIANT);
        assertThat(report.verdict().summary())
                .isEqualTo("No data of Tenant t-a was stored or processed at the factory from 2026-06-01 to 2026-06-30 (UTC); no findings.");
        assertThat(report.sites()).extracting(ResidencyReport.Site::id).containsExactly("muc-tucherpark", "biere");
        assertThat(report.methodologyVersion()).isEqualTo(ResidencyReportService.METHODOLOGY_VERSION);
    }

    @Test
    void dataInGermanyOnlyIsCompliant() {
        workload("wl-1", "t-a", "t-a-p1", "b200", 8);
        dataset("ds-1", "t-a", "t-a-p1", "muc-tucherpark");
        replica("ds-1", "t-a", "biere");

        ResidencyReport report = service.report(admin, FROM, TO);

        assertThat(report.verdict().status()).isEqualTo(Status.COMPLIANT);
        assertThat(report.verdict().storageCountries()).containsExactly("DE");
        assertThat(report.verdict().summary()).startsWith("All data of Tenant t-a was stored and processed in Germany ");
        assertThat(report.findings()).isEmpty();
        assertThat(report.processing()).singleElement().satisfies(p -> {
            assertThat(p.hall()).isEqualTo("Hall 1");
            assertThat(p.cluster()).isEqualTo("DGX B200 SuperPOD 1");
            assertThat(p.nodes()).hasSize(1);
        });
        assertThat(report.sites()).filteredOn(s -> s.id().equals("biere")).singleElement()
                .satisfies(s -> assertThat(s.storedBytes()).isEqualTo(1_000_000L));
    }

    @Test
    void processingAbroadIsAnUnresolvedLocationFindingAndAViolation() {
        addSite("ams-1", "Amsterdam", "NL");
        workload("wl-abroad", "t-a", "t-a-p1", "b200", 8);
        database.jdbi().useHandle(h -> store.insertPlacement(h, "wl-abroad", "ams-1", "Hall A", "Borrowed cluster",
                List.of("ams-node-7")));

        ResidencyReport report = service.report(admin, FROM, TO);

        assertThat(report.verdict().status()).isEqualTo(Status.VIOLATION);
        assertThat(report.verdict().processingCountries()).containsExactly("NL");
        assertThat(report.verdict().summary()).startsWith("Data of Tenant t-a was processed in NL from 2026-06-01 to 2026-06-30 (UTC)")
                .endsWith("1 finding: 1 unresolved.");
        assertThat(report.processing()).singleElement().satisfies(p -> {
            assertThat(p.siteId()).isEqualTo("ams-1");
            assertThat(p.nodes()).containsExactly("ams-node-7");
        });
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo(FindingCategory.LOCATION);
            assertThat(f.state()).isEqualTo(FindingState.UNRESOLVED);
            assertThat(f.derived()).isTrue();
            assertThat(f.subjectRef()).isEqualTo("wl-abroad");
            assertThat(f.description()).contains("NL", "outside Germany");
        });
    }

    @Test
    void aWorkloadOfAnUnknownGpuClassHasAnUnknownLocation() {
        workload("wl-odd", "t-a", "t-a-p1", "h100", 8);

        ResidencyReport report = service.report(admin, FROM, TO);

        assertThat(report.processing()).singleElement().satisfies(p -> assertThat(p.country()).isEqualTo("ZZ"));
        assertThat(report.verdict().status()).isEqualTo(Status.VIOLATION);
    }

    @Test
    void anArtifactAtAnUnregisteredSiteOrAReplicaAbroadIsAFinding() {
        workload("wl-1", "t-a", "t-a-p1", "b200", 8);
        database.jdbi().useHandle(h -> h.execute("INSERT INTO artifacts (id, tenant_id, workload_id, slot, kind, name, media_type, "
                + "size_bytes, sha256, site, created_at) VALUES ('art-x', 't-a', 'wl-1', 'out', 'resultset', 'x.csv', 'text/csv', "
                + "10, '" + "0".repeat(64) + "', 'Vienna, AT', " + NOW.minusSeconds(3600).toEpochMilli() + ")"));
        addSite("zrh-1", "Zurich", "CH");
        dataset("ds-1", "t-a", "t-a-p2", "muc-tucherpark");
        replica("ds-1", "t-a", "zrh-1");

        ResidencyReport report = service.report(admin, FROM, TO);

        assertThat(report.inventory()).filteredOn(o -> o.id().equals("art-x")).singleElement()
                .satisfies(o -> assertThat(o.country()).isEqualTo("AT"));
        assertThat(report.findings()).extracting(Finding::subjectRef).containsExactlyInAnyOrder("art-x", "ds-1");
        assertThat(report.verdict().storageCountries()).containsExactly("AT", "CH", "DE");
        assertThat(report.verdict().status()).isEqualTo(Status.VIOLATION);
    }

    @Test
    void anOperatorAccessFromOutsideTheEuIsAnAccessFindingUnlessARecordedFindingCoversIt() {
        access("oa-us", "t-a", null, "US");
        access("oa-ch", "t-a", null, "CH");
        access("oa-at", "t-a", null, "AT");
        database.jdbi().useHandle(h -> store.insertFinding(h, new FindingRow("fd-1", "t-a", null, FindingCategory.ACCESS,
                FindingState.EXCEPTION, "Access from Zurich under the Swiss adequacy decision", "Accepted by the customer",
                "oa-ch", NOW.toEpochMilli() - HOUR, NOW.toEpochMilli())));

        ResidencyReport report = service.report(admin, FROM, TO);

        assertThat(report.operatorAccess()).extracting(ResidencyReport.OperatorAccess::insideEu)
                .containsExactlyInAnyOrder(false, false, true);
        assertThat(report.findings()).extracting(Finding::id, Finding::state, Finding::derived).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("derived-access-oa-us", FindingState.UNRESOLVED, true),
                org.assertj.core.groups.Tuple.tuple("fd-1", FindingState.EXCEPTION, false));
        assertThat(report.verdict().status()).isEqualTo(Status.VIOLATION);
        assertThat(report.verdict().unresolvedFindings()).isEqualTo(1);
        assertThat(report.verdict().exceptions()).isEqualTo(1);
    }

    @Test
    void onlyResolvedAndAcceptedFindingsGiveFindingsNotAViolation() {
        database.jdbi().useHandle(h -> {
            store.insertFinding(h, new FindingRow("fd-r", "t-a", null, FindingCategory.RETENTION, FindingState.RESOLVED,
                    "Kept too long", "Deleted", null, NOW.toEpochMilli() - 10 * HOUR, NOW.toEpochMilli() - HOUR));
            // Closed before the period: not part of it.
            store.insertFinding(h, new FindingRow("fd-old", "t-a", null, FindingCategory.ACCESS, FindingState.RESOLVED,
                    "Old", "Done", null, FROM.toEpochMilli() - 100 * HOUR, FROM.toEpochMilli() - 50 * HOUR));
        });

        ResidencyReport report = service.report(admin, FROM, TO);

        assertThat(report.findings()).extracting(Finding::id).containsExactly("fd-r");
        assertThat(report.verdict().status()).isEqualTo(Status.FINDINGS);
        assertThat(report.verdict().summary()).endsWith("; 1 finding: 1 resolved.");
    }

    @Test
    void anEngineerGetsTheirProjectsAndTenantWideRecordsOnly() {
        workload("wl-p1", "t-a", "t-a-p1", "b200", 8);
        workload("wl-p2", "t-a", "t-a-p2", "b200", 8);
        dataset("ds-p2", "t-a", "t-a-p2", "muc-tucherpark");
        transfer("tr-p2", "t-a", "t-a-p2", "ds-p2");
        access("oa-wide", "t-a", null, "DE");
        access("oa-p2", "t-a", "t-a-p2", "DE");

        ResidencyReport report = service.report(engineer, FROM, TO);

        assertThat(report.scope().wholeTenant()).isFalse();
        assertThat(report.scope().projectIds()).containsExactly("t-a-p1");
        assertThat(report.processing()).extracting(ResidencyReport.ProcessingRecord::workloadId).containsExactly("wl-p1");
        assertThat(report.inventory()).isEmpty();
        assertThat(report.transfers()).isEmpty();
        assertThat(report.operatorAccess()).extracting(ResidencyReport.OperatorAccess::id).containsExactly("oa-wide");
        assertThat(report.verdict().summary()).contains("Tenant t-a (project Line 1)");
    }

    @Test
    void anotherTenantsRecordsNeverAppear() {
        workload("wl-b", "t-b", "t-b-p1", "b200", 8);
        dataset("ds-b", "t-b", "t-b-p1", "muc-tucherpark");
        transfer("tr-b", "t-b", "t-b-p1", "ds-b");
        access("oa-b", "t-b", null, "US");
        database.jdbi().useHandle(h -> store.insertFinding(h, new FindingRow("fd-b", "t-b", null, FindingCategory.ACCESS,
                FindingState.UNRESOLVED, "B's", null, null, NOW.toEpochMilli(), null)));

        ResidencyReport report = service.report(admin, FROM, TO);

        assertThat(report.processing()).isEmpty();
        assertThat(report.inventory()).isEmpty();
        assertThat(report.transfers()).isEmpty();
        assertThat(report.operatorAccess()).isEmpty();
        assertThat(report.findings()).isEmpty();
        assertThat(report.verdict().status()).isEqualTo(Status.COMPLIANT);
    }

    @Test
    void attestationsSayWhetherTheyCoverTheWholePeriod() {
        database.jdbi().useHandle(h -> {
            store.insertAttestation(h, new AttestationRow("a-full", "ISO/IEC 27001:2022", "Cert", "Site",
                    day("2025-01-01"), day("2026-06-30"), "R1"));
            store.insertAttestation(h, new AttestationRow("a-part", "ISO 50001:2018", "Cert", "Site",
                    day("2026-06-10"), day("2029-06-09"), "R2"));
            store.insertAttestation(h, new AttestationRow("a-gone", "TISAX", "ENX", "Site",
                    day("2023-01-01"), day("2026-05-31"), "R3"));
        });

        ResidencyReport report = service.report(admin, FROM, TO);

        assertThat(report.attestations()).extracting(ResidencyReport.Attestation::id, ResidencyReport.Attestation::coversPeriod)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("a-full", true),
                        org.assertj.core.groups.Tuple.tuple("a-part", false));
    }

    @Test
    void aRunOnSeveralNodesListsEachNode() {
        assertThat(ResidencyReportService.nodes("wl-big", "b200", 32, 8)).hasSize(4).doesNotHaveDuplicates()
                .allSatisfy(n -> assertThat(n).startsWith("dgx-b200-"));
        assertThat(ResidencyReportService.nodes("wl-small", "rtx-pro-6000", 1, 8)).hasSize(1);
    }

    private TransparencyService transparency(SigningKeyStore keys, Clock clock) {
        return new TransparencyService(new TransparencyStore(database.jdbi()), database.transactions(), keys, clock);
    }

    @Test
    void theSignedReportVerifiesWithTheStoreKey() {
        dataset("ds-1", "t-a", "t-a-p1", "muc-tucherpark");
        SigningKeyStore keys = SigningKeyStore.inMemory(Clock.fixed(NOW, ZoneOffset.UTC));
        ResidencyReportService signing = new ResidencyReportService(store, new TenantService(new TenantStore(database.jdbi(), Clock.fixed(NOW, ZoneOffset.UTC))),
                keys, transparency(keys, Clock.fixed(NOW, ZoneOffset.UTC)), Clock.fixed(NOW, ZoneOffset.UTC));

        var signed = signing.signedReport(admin, FROM, TO);

        assertThat(SignedDocument.verify(signed, keys.publishedKeys()).valid()).isTrue();
        assertThat(signed.get("report").get("inventory").get(0).get("retainUntil").asText()).isEqualTo("2028-06-13");
    }

    @Test
    void theCountryOfASiteLabelIsItsLastTwoLetterCode() {
        assertThat(ResidencyReportService.countryOfLabel("Munich (Tucherpark), DE")).isEqualTo("DE");
        assertThat(ResidencyReportService.countryOfLabel("somewhere")).isEqualTo("ZZ");
        assertThat(ResidencyReportService.countryOfLabel(null)).isEqualTo("ZZ");
    }

    @Test
    void anObjectPastItsRetentionBeforeThePeriodIsNoLongerInTheInventory() {
        long longAgo = FROM.toEpochMilli() - 731 * 24 * HOUR;
        database.jdbi().useHandle(h -> {
            store.insertDataset(h, "t-a", new ObjectRow("ds-expired", "dataset", "old.csv", "t-a-p1", null, 5, "c".repeat(64),
                    "muc-tucherpark", null, longAgo), "text/csv");
            store.insertDataset(h, "t-a", new ObjectRow("ds-kept", "dataset", "kept.csv", "t-a-p1", null, 5, "d".repeat(64),
                    "muc-tucherpark", null, longAgo + 2 * 24 * HOUR), "text/csv");
        });

        ResidencyReport report = service.report(admin, FROM, TO);

        assertThat(report.inventory()).extracting(ResidencyReport.StoredObject::id).containsExactly("ds-kept");
    }

    @Test
    void theNightlyRunIsAtTwoInMunich() {
        // 2026-06-15 12:00 in Munich (CEST): the last run was at 02:00 that day, the next is at 02:00 the day after.
        long noon = Instant.parse("2026-06-15T10:00:00Z").toEpochMilli();
        assertThat(Instant.ofEpochMilli(ReplicationJob.lastRun(noon))).isEqualTo(Instant.parse("2026-06-15T00:00:00Z"));
        assertThat(Instant.ofEpochMilli(ReplicationJob.nextRun(noon))).isEqualTo(Instant.parse("2026-06-16T00:00:00Z"));
        long oneAm = Instant.parse("2026-01-10T00:00:00Z").toEpochMilli();
        assertThat(Instant.ofEpochMilli(ReplicationJob.lastRun(oneAm))).isEqualTo(Instant.parse("2026-01-09T01:00:00Z"));
    }

    @Test
    void theReplicationJobCopiesWhatWasWrittenBeforeTheLastRunOnceAndLogsIt() {
        // NOW is 14:00 in Munich; the last run was at 02:00 (00:00 UTC).
        dataset("ds-old", "t-a", "t-a-p1", "muc-tucherpark");
        database.jdbi().useHandle(h -> store.insertDataset(h, "t-a", new ObjectRow("ds-new", "dataset", "new.csv", "t-a-p1",
                null, 5, "b".repeat(64), "muc-tucherpark", null, NOW.toEpochMilli() - HOUR), "text/csv"));
        ReplicationJob job = new ReplicationJob(store, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(job.runOnce()).isEqualTo(1);
        assertThat(job.runOnce()).as("nothing left to copy").isZero();

        ResidencyReport report = service.report(admin, FROM, TO);
        assertThat(report.inventory()).filteredOn(o -> o.id().equals("ds-old")).singleElement()
                .satisfies(o -> assertThat(o.replicas()).singleElement().satisfies(r -> {
                    assertThat(r.siteId()).isEqualTo("biere");
                    assertThat(r.since()).isEqualTo(NOW);
                }));
        assertThat(report.inventory()).filteredOn(o -> o.id().equals("ds-new")).singleElement()
                .satisfies(o -> assertThat(o.replicas()).isEmpty());
        assertThat(report.transfers()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(TransferKind.REPLICATION);
            assertThat(t.objectId()).isEqualTo("ds-old");
            assertThat(t.toCountry()).isEqualTo("DE");
            assertThat(t.legalBasis()).isEqualTo(ReplicationJob.LEGAL_BASIS);
        });
    }

    // ---------------------------------------------------------------- fixtures

    private void workload(String id, String tenant, String project, String gpuClass, int gpus) {
        long started = NOW.toEpochMilli() - 5 * HOUR;
        database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO workloads (id, tenant_id, project_id, submitted_by, name, "
                        + "search_text, app_id, app_version, plan_id, gpu_class, gpu_count, priority, priority_rank, parameters_json, "
                        + "inputs_json, status, created_at, started_at, ended_at, expected_runtime_s, progress_ms, cost_eur, "
                        + "energy_wh, energy_mj, gpu_seconds, log_lines, updated_at) VALUES (:id, :t, :p, :u, :name, :name, 'app', "
                        + "'1.0', 'plan', :gpu, :count, 'NORMAL', 1, '{}', '{}', 'SUCCEEDED', :created, :started, :ended, 3600, 0, "
                        + "0, 0, 0, 0, 0, :ended)")
                .bind("id", id).bind("t", tenant).bind("p", project).bind("u", tenant + "-admin").bind("name", "Run " + id)
                .bind("gpu", gpuClass).bind("count", gpus).bind("created", started - HOUR).bind("started", started)
                .bind("ended", started + HOUR)
                .execute());
    }

    private void dataset(String id, String tenant, String project, String site) {
        database.jdbi().useHandle(h -> store.insertDataset(h, tenant, new ObjectRow(id, "dataset", id + ".parquet", project,
                null, 1_000_000L, "a".repeat(64), site, null, NOW.toEpochMilli() - 24 * HOUR), "application/vnd.apache.parquet"));
    }

    private void replica(String objectId, String tenant, String site) {
        database.jdbi().useHandle(h -> store.insertReplica(h, tenant, new ReplicaRow(objectId, site, "object-backup-encrypted",
                NOW.toEpochMilli() - 20 * HOUR)));
    }

    private void transfer(String id, String tenant, String project, String objectId) {
        database.jdbi().useHandle(h -> store.insertTransfer(h, new TransferRow(id, tenant, project, objectId, "file",
                TransferKind.REPLICATION, "muc-tucherpark", "biere", "DE", null, 1, "backup", NOW.toEpochMilli() - HOUR)));
    }

    private void access(String id, String tenant, String project, String country) {
        database.jdbi().useHandle(h -> store.insertAccess(h, new AccessRow(id, tenant, project, "Support engineer",
                NOW.toEpochMilli() - 2 * HOUR, "Logs", AccessReason.CUSTOMER_INITIATED_SUPPORT, "asked by the customer",
                "SUP-1", country)));
    }

    private void addSite(String id, String city, String country) {
        database.jdbi().useHandle(h -> h.execute("INSERT INTO sites (id, name, city, country, site_role, processing, latitude, "
                + "longitude, label, description) VALUES (?, ?, ?, ?, 'backup', TRUE, 0, 0, ?, 'test')", id, city, city, country,
                city + ", " + country));
    }

    private static long day(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
