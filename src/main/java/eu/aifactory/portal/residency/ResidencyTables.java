package eu.aifactory.portal.residency;

import eu.aifactory.api.report.ResidencyReport;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.residency.ResidencyViewModel.AttestationRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The columns of the report's tables, the same on screen and in the PDF: a header key, the cell text of a record
 * in the current language. No JavaFX, so the PDF export uses it off the UI thread.
 */
final class ResidencyTables {

    /** One column: bundle key of its header and the cell text of a record. */
    record Column<T>(String key, Function<T, String> text) {
    }

    private final I18n i18n;
    private final Supplier<List<ResidencyReport.Site>> sites;
    private final UnaryOperator<String> text;
    private final UnaryOperator<String> projectName;

    /** @param projectName a project's name for its id (the id itself when the name is not known) */
    /** @param text a text of the report (site and city names) in the user's language, from its translations */
    ResidencyTables(I18n i18n, Supplier<List<ResidencyReport.Site>> sites, UnaryOperator<String> projectName,
                    UnaryOperator<String> text) {
        this.i18n = i18n;
        this.sites = sites;
        this.projectName = projectName;
        this.text = text;
    }

    List<Column<ResidencyReport.Site>> sites() {
        return List.of(
                new Column<>("residency.col.site", s -> text.apply(s.name()) + ", " + text.apply(s.city()) + " ("
                        + s.country() + ")"),
                new Column<>("residency.col.siteRole", s -> i18n.get(s.role() == ResidencyReport.SiteRole.PRIMARY
                        ? "residency.map.primary" : "residency.map.backup")),
                new Column<>("residency.col.size", s -> bytes(s.storedBytes(), i18n.locale())),
                new Column<>("residency.col.objects", s -> String.valueOf(s.storedObjects())));
    }

    List<Column<ResidencyReport.StoredObject>> inventory() {
        return List.of(
                new Column<>("residency.col.name", o -> o.name()),
                new Column<>("residency.col.kind", o -> i18n.get(o.kind().name().equals("DATASET")
                        ? "residency.kind.dataset" : "residency.kind.artifact")),
                new Column<>("residency.col.project", o -> projectName.apply(o.projectId())),
                new Column<>("residency.col.site", o -> siteName(o.siteId()) + " (" + o.country() + ")"),
                new Column<>("residency.col.storageClass", o -> o.storageClass()),
                new Column<>("residency.col.replicas", o -> String.join(", ", o.replicas().stream()
                        .map(r -> siteName(r.siteId()) + " (" + r.country() + ")").toList())),
                new Column<>("residency.col.size", o -> bytes(o.sizeBytes(), i18n.locale())),
                new Column<>("residency.col.created", o -> dateTime(o.createdAt())),
                new Column<>("residency.col.retainUntil", o -> date(o.retainUntil())));
    }

    List<Column<ResidencyReport.ProcessingRecord>> processing() {
        return List.of(
                new Column<>("residency.col.workload", p -> p.workloadName()),
                new Column<>("residency.col.project", p -> projectName.apply(p.projectId())),
                new Column<>("residency.col.site", p -> siteName(p.siteId()) + " (" + p.country() + ")"),
                new Column<>("residency.col.hall", p -> p.hall() + " / " + p.cluster()),
                new Column<>("residency.col.nodes", p -> String.join(", ", p.nodes())),
                new Column<>("residency.col.gpus", p -> p.gpuCount() + " \u00d7 " + p.gpuClass()),
                new Column<>("residency.col.started", p -> dateTime(p.startedAt())),
                new Column<>("residency.col.ended", p -> p.endedAt() == null
                        ? i18n.get("residency.running") : dateTime(p.endedAt())));
    }

    List<Column<ResidencyReport.Transfer>> transfers() {
        return List.of(
                new Column<>("residency.col.at", t -> dateTime(t.at())),
                new Column<>("residency.col.transferKind", t -> switch (t.kind()) {
                    case REPLICATION -> i18n.get("residency.transfer.replication");
                    case DOWNLOAD -> i18n.get("residency.transfer.download");
                    case EXPORT -> i18n.get("residency.transfer.export");
                }),
                new Column<>("residency.col.object", t -> t.objectName()),
                new Column<>("residency.col.from", t -> siteName(t.fromSiteId()) + " (" + t.fromCountry() + ")"),
                new Column<>("residency.col.to", t -> t.toSiteId() != null ? siteName(t.toSiteId()) + " (" + t.toCountry() + ")"
                        : t.clientCountry() != null ? t.clientCountry() : orDash(t.toCountry())),
                new Column<>("residency.col.size", t -> bytes(t.bytes(), i18n.locale())),
                new Column<>("residency.col.legalBasis", t -> t.legalBasis()));
    }

    List<Column<ResidencyReport.OperatorAccess>> operatorAccess() {
        return List.of(
                new Column<>("residency.col.at", a -> dateTime(a.at())),
                new Column<>("residency.col.role", a -> a.operatorRole()),
                new Column<>("residency.col.resource", a -> a.resource()),
                new Column<>("residency.col.reason", a -> switch (a.reasonCode()) {
                    case CUSTOMER_INITIATED_SUPPORT -> i18n.get("residency.reason.support");
                    case SERVICE_MAINTENANCE -> i18n.get("residency.reason.maintenance");
                    case SECURITY_RESPONSE -> i18n.get("residency.reason.security");
                    case LEGAL_REQUEST -> i18n.get("residency.reason.legal");
                    case HARDWARE_FAULT -> i18n.get("residency.reason.hardware");
                }),
                new Column<>("residency.col.justification", a -> a.justification()
                        + (a.ticketRef() == null ? "" : " (" + a.ticketRef() + ")")),
                new Column<>("residency.col.employer", a -> a.employer() == null ? "\u2013"
                        : a.employer() + (a.officeCountry() == null ? "" : " (" + a.officeCountry() + ")")),
                new Column<>("residency.col.operatorCountry", a -> a.operatorCountry()
                        + (a.insideEu() ? "" : " \u2013 " + i18n.get("residency.outsideEu"))),
                new Column<>("residency.col.approval", a -> a.emergency()
                        ? i18n.get("residency.approval.emergency", emergency(a.emergencyCode()))
                        : a.requestId() != null ? i18n.get("residency.approval.approved", a.requestId())
                        : "\u2013"));
    }

    private String emergency(ResidencyReport.EmergencyCode code) {
        if (code == null) {
            return "\u2013";
        }
        return switch (code) {
            case ACTIVE_SECURITY_INCIDENT -> i18n.get("residency.emergency.security");
            case SERVICE_OUTAGE -> i18n.get("residency.emergency.outage");
            case DATA_INTEGRITY_RISK -> i18n.get("residency.emergency.dataIntegrity");
        };
    }

    List<Column<AttestationRow>> attestations() {
        return List.of(
                new Column<>("residency.col.standard", a -> a.attestation().standard()),
                new Column<>("residency.col.criteria", a -> a.attestation().criteria().isEmpty() ? "\u2013"
                        : a.attestation().criteria().stream().map(ResidencyReport.Criterion::id)
                        .collect(Collectors.joining(", "))),
                new Column<>("residency.col.framework", a -> framework(a.attestation())),
                new Column<>("residency.col.issuer", a -> a.attestation().issuer()),
                new Column<>("residency.col.scope", a -> a.attestation().scope()),
                new Column<>("residency.col.validFrom", a -> date(a.attestation().validFrom())),
                new Column<>("residency.col.validTo", a -> date(a.attestation().validTo())
                        + (a.expiringSoon() ? " \u2013 " + i18n.get("residency.expiringSoon") : "")),
                new Column<>("residency.col.reference", a -> a.attestation().reference()));
    }

    /** "C5:2026 · Type 1", "EU Cloud Sovereignty Framework 1.2.1 · SEAL-3", or a dash when none is recorded. */
    static String framework(ResidencyReport.Attestation a) {
        if (a.framework() == null) {
            return "\u2013";
        }
        String name = a.framework().version().startsWith("C5") ? a.framework().version()
                : a.framework().name() + " " + a.framework().version();
        return a.level() == null ? name : name + " \u00b7 " + a.level();
    }

    List<Column<ResidencyReport.Finding>> findings() {
        return List.of(
                new Column<>("residency.col.state", f -> switch (f.state()) {
                    case RESOLVED -> i18n.get("residency.state.resolved");
                    case UNRESOLVED -> i18n.get("residency.state.unresolved");
                    case EXCEPTION -> i18n.get("residency.state.exception");
                }),
                new Column<>("residency.col.category", f -> switch (f.category()) {
                    case LOCATION -> i18n.get("residency.category.location");
                    case ACCESS -> i18n.get("residency.category.access");
                    case ENCRYPTION -> i18n.get("residency.category.encryption");
                    case RETENTION -> i18n.get("residency.category.retention");
                }),
                new Column<>("residency.col.description", f -> f.description()),
                new Column<>("residency.col.remediation", f -> orDash(f.remediation())),
                new Column<>("residency.col.opened", f -> dateTime(f.openedAt())),
                new Column<>("residency.col.closed", f -> f.closedAt() == null ? "\u2013" : dateTime(f.closedAt())));
    }

    String siteName(String siteId) {
        if (siteId == null) {
            return "\u2013";
        }
        return sites.get().stream().filter(s -> s.id().equals(siteId)).map(s -> text.apply(s.city()))
                .findFirst().orElse(siteId);
    }

    String dateTime(Instant instant) {
        return instant == null ? "\u2013" : Formats.dateTime(instant, i18n.locale());
    }

    String date(LocalDate date) {
        return date == null ? "\u2013" : Formats.date(date, i18n.locale());
    }

    static String orDash(String text) {
        return text == null || text.isBlank() ? "\u2013" : text;
    }

    /** Bytes in binary units, e.g. "1,5 TiB" in German. */
    static String bytes(long bytes, Locale locale) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return Formats.number(value, value < 10 && unit > 0 ? 1 : 0, locale) + "\u00a0" + units[unit];
    }
}
