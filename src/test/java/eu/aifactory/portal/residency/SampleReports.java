package eu.aifactory.portal.residency;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.api.Json;
import eu.aifactory.api.catalog.ArtifactKind;
import eu.aifactory.api.report.ResidencyReport;
import eu.aifactory.api.report.ResidencyReport.AccessReason;
import eu.aifactory.api.report.ResidencyReport.Attestation;
import eu.aifactory.api.report.ResidencyReport.Finding;
import eu.aifactory.api.report.ResidencyReport.FindingCategory;
import eu.aifactory.api.report.ResidencyReport.FindingState;
import eu.aifactory.api.report.ResidencyReport.OperatorAccess;
import eu.aifactory.api.report.ResidencyReport.ProcessingRecord;
import eu.aifactory.api.report.ResidencyReport.Replica;
import eu.aifactory.api.report.ResidencyReport.Site;
import eu.aifactory.api.report.ResidencyReport.SiteRole;
import eu.aifactory.api.report.ResidencyReport.Status;
import eu.aifactory.api.report.ResidencyReport.StoredObject;
import eu.aifactory.api.report.ResidencyReport.Transfer;
import eu.aifactory.api.report.ResidencyReport.TransferKind;
import eu.aifactory.api.workload.WorkloadStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A realistic residency report of the Müller tenant, for view-model, view and screenshot tests. */
final class SampleReports {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant FROM = Instant.parse("2025-12-02T23:00:00Z");
    static final Instant TO = Instant.parse("2026-03-02T23:00:00Z");
    static final String TENANT = "Müller Präzisionsteile GmbH";
    private static final long GIB = 1024L * 1024 * 1024;

    private SampleReports() {
    }

    static ResidencyReport report(Status status, LocalDate attestationValidTo) {
        List<Site> sites = List.of(
                new Site("muc-1", "AI Factory München", "München", "DE", SiteRole.PRIMARY, true, 48.137, 11.575,
                        "Primary site, Halle 1 and 2", 1536 * GIB, 14),
                new Site("nue-1", "Backup Nürnberg", "Nürnberg", "DE", SiteRole.BACKUP, false, 49.452, 11.077,
                        "Encrypted backup copies", 1210 * GIB, 9));
        List<StoredObject> inventory = List.of(
                new StoredObject("ds-1", ArtifactKind.DATASET, "Prüfbilder Gehäuse 2025", "p-quality", null, 820 * GIB,
                        "ab".repeat(32), Instant.parse("2025-11-20T08:00:00Z"), "muc-1", "DE", "ssd-encrypted",
                        LocalDate.parse("2028-12-31"),
                        List.of(new Replica("nue-1", "DE", "disk-encrypted", Instant.parse("2025-11-20T10:00:00Z")))),
                new StoredObject("ar-1", ArtifactKind.MODEL, "Defekterkennung v3", "p-quality", "wl-7", 12 * GIB,
                        "cd".repeat(32), Instant.parse("2026-01-14T16:30:00Z"), "muc-1", "DE", "ssd-encrypted",
                        LocalDate.parse("2027-01-14"), List.of()));
        List<ProcessingRecord> processing = List.of(
                new ProcessingRecord("wl-7", "Defekterkennung Training", "p-quality", "visual-inspection", "muc-1", "DE",
                        "Halle 1", "h100-a", List.of("gpu-a-017", "gpu-a-018"), "H100", 16,
                        Instant.parse("2026-01-14T08:00:00Z"), Instant.parse("2026-01-14T16:20:00Z"), WorkloadStatus.SUCCEEDED));
        List<Transfer> transfers = List.of(
                new Transfer("tr-1", TransferKind.REPLICATION, Instant.parse("2026-01-14T17:00:00Z"), "ar-1",
                        "Defekterkennung v3", "p-quality", "muc-1", "DE", "nue-1", "DE", null, 12 * GIB,
                        "Backup within Germany under the service contract"),
                new Transfer("tr-2", TransferKind.DOWNLOAD, Instant.parse("2026-01-15T09:12:00Z"), "ar-1",
                        "Defekterkennung v3", "p-quality", "muc-1", "DE", null, null, "DE", 12 * GIB,
                        "Download by the tenant"));
        List<OperatorAccess> access = List.of(
                new OperatorAccess("op-1", Instant.parse("2026-02-03T10:00:00Z"), "Storage engineer", "p-quality",
                        "dataset ds-1 (metadata)", AccessReason.CUSTOMER_INITIATED_SUPPORT,
                        "Customer asked to restore a deleted folder", "SUP-4711", "DE", true));
        List<Attestation> attestations = List.of(
                new Attestation("at-1", "BSI C5 Type 2", "PwC GmbH WPG", "AI Factory München, all services",
                        LocalDate.parse("2025-04-01"), LocalDate.parse("2027-03-31"), "C5-2025-0815", true),
                new Attestation("at-2", "ISO/IEC 27001:2022", "TÜV SÜD", "Data centre operations",
                        LocalDate.parse("2023-04-01"), attestationValidTo, "27001-DE-4412", true));
        List<Finding> findings = status == Status.COMPLIANT ? List.of() : List.of(
                new Finding("f-1", FindingCategory.ACCESS, status == Status.VIOLATION ? FindingState.UNRESOLVED : FindingState.RESOLVED,
                        "Support access without a ticket reference", "Access tooling now requires a ticket", "p-quality",
                        "op-1", Instant.parse("2026-02-03T10:00:00Z"),
                        status == Status.VIOLATION ? null : Instant.parse("2026-02-05T12:00:00Z"), false));
        int resolved = status == Status.FINDINGS ? 1 : 0;
        int unresolved = status == Status.VIOLATION ? 1 : 0;
        return new ResidencyReport("rr-2026-0042", "1.0", NOW, new ResidencyReport.Period(FROM, TO),
                new ResidencyReport.Tenant("t-mueller", TENANT),
                new ResidencyReport.Scope(true, List.of("p-quality")),
                new ResidencyReport.Verdict(status, "summary", List.of("DE"), List.of("DE"), unresolved, resolved, 0),
                sites, inventory, processing, transfers, access, attestations, findings);
    }

    static JsonNode tree(ResidencyReport report) {
        return Json.mapper().valueToTree(report);
    }
}
