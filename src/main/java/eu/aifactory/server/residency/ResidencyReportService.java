package eu.aifactory.server.residency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.aifactory.api.Json;
import eu.aifactory.api.catalog.ArtifactKind;
import eu.aifactory.api.report.ResidencyReport.AccessRequestRecord;
import eu.aifactory.api.report.ResidencyReport.Attestation;
import eu.aifactory.api.report.ResidencyReport.Disclosures;
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
import eu.aifactory.api.report.ResidencyReport.Verdict;
import eu.aifactory.api.report.ResidencyReport;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.transparency.LogSection;
import eu.aifactory.server.exec.SimulationScript;
import eu.aifactory.server.residency.ResidencyStore.AccessRow;
import eu.aifactory.server.residency.ResidencyStore.ClusterRow;
import eu.aifactory.server.residency.ResidencyStore.FindingRow;
import eu.aifactory.server.residency.ResidencyStore.ObjectRow;
import eu.aifactory.server.residency.ResidencyStore.ReplicaRow;
import eu.aifactory.server.residency.ResidencyStore.RunRow;
import eu.aifactory.server.residency.ResidencyStore.SiteRow;
import eu.aifactory.server.residency.ResidencyStore.StoragePolicy;
import eu.aifactory.server.residency.ResidencyStore.TransferRow;
import eu.aifactory.server.signing.SigningKeyStore;
import eu.aifactory.server.tenant.Principal;
import eu.aifactory.server.tenant.TenantService;
import eu.aifactory.server.transparency.TransparencyService;
import eu.aifactory.server.util.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds and signs residency reports. The tenant always comes from the caller; engineers see the records of their
 * own projects (and tenant-wide records, which belong to no project), tenant admins and account managers the whole
 * tenant. Besides the recorded findings the report derives findings from its own records: storage or processing
 * outside Germany, an operator access from outside the EU, or an emergency access made without the tenant's approval,
 * unless a recorded finding already covers that record.
 */
public final class ResidencyReportService {

    /** Bumped whenever the verdict rules or the derived findings change. */
    public static final String METHODOLOGY_VERSION = "residency-2026.2";
    /** The factory's promise: tenant data is stored and processed in Germany only. */
    static final String HOME_COUNTRY = "DE";
    /** Country code for a location the factory cannot name (ISO 3166 user-assigned). */
    static final String UNKNOWN_COUNTRY = "ZZ";
    static final String UNKNOWN_SITE = "unknown";
    /** EU member states (ISO 3166-1 alpha-2); operator access from elsewhere is a finding. */
    static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU",
            "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
    private static final long DAY_MS = 86_400_000L;
    private static final Pattern LABEL_COUNTRY = Pattern.compile(",\\s*([A-Z]{2})$");
    private static final ObjectMapper JSON = Json.mapper();

    private final ResidencyStore store;
    private final TenantService tenants;
    private final SigningKeyStore keys;
    private final TransparencyService log;
    private final Clock clock;
    private final AccessRequestHistory requests;

    public ResidencyReportService(ResidencyStore store, TenantService tenants, SigningKeyStore keys, TransparencyService log,
                                  Clock clock) {
        this(store, tenants, keys, log, clock, AccessRequestHistory.NONE);
    }

    public ResidencyReportService(ResidencyStore store, TenantService tenants, SigningKeyStore keys, TransparencyService log,
                                  Clock clock, AccessRequestHistory requests) {
        this.store = store;
        this.tenants = tenants;
        this.keys = keys;
        this.log = log;
        this.clock = clock;
        this.requests = requests;
    }

    /** The report as the API serves it: {@code {"report": …, "signature": …}}. */
    public ObjectNode signedReport(Principal caller, Instant from, Instant to) {
        return signedReport(caller, from, to, null);
    }

    /**
     * The report with the tenant's transparency log section inside {@code report}, so the signature covers it; with
     * {@code since}, the section carries the consistency proof from that tree size. Engineers, who see only their
     * projects' records, get the signed head without the entries, which name other projects' records.
     */
    public ObjectNode signedReport(Principal caller, Instant from, Instant to, Long since) {
        ObjectNode report = JSON.valueToTree(report(caller, from, to));
        LogSection section = log.section(caller.tenantId(), from, to, since);
        if (!caller.seesAllProjects()) {
            section = new LogSection(section.treeHead(), null, null, List.of(), section.consistency());
        }
        report.set(LogSection.MEMBER, section.toJson());
        return keys.sign(report);
    }

    public ResidencyReport report(Principal caller, Instant from, Instant to) {
        long f = from.toEpochMilli();
        long t = to.toEpochMilli();
        Predicate<String> visible = projectId -> projectId == null || caller.sees(projectId);
        List<SiteRow> siteRows = store.sites();
        Map<String, SiteRow> sitesById = siteRows.stream().collect(Collectors.toMap(SiteRow::id, Function.identity()));
        Map<String, SiteRow> sitesByLabel = siteRows.stream().collect(Collectors.toMap(SiteRow::label, Function.identity()));

        List<StoredObject> inventory = inventory(caller.tenantId(), f, t, visible, sitesById, sitesByLabel);
        List<ProcessingRecord> processing = processing(caller.tenantId(), f, t, visible, sitesById);
        List<Transfer> transfers = store.transfers(caller.tenantId(), f, t).stream()
                .filter(r -> visible.test(r.projectId()))
                .map(r -> transfer(r, sitesById))
                .toList();
        List<OperatorAccess> accesses = store.accesses(caller.tenantId(), f, t).stream()
                .filter(r -> visible.test(r.projectId()))
                .map(ResidencyReportService::access)
                .toList();
        List<ResidencyStore.AttestationRow> attestationRows = store.attestations(f, t);
        Map<String, ResidencyStore.AttestationMeta> meta = store.attestationMeta(
                attestationRows.stream().map(ResidencyStore.AttestationRow::id).toList());
        List<Attestation> attestations = attestationRows.stream()
                .map(a -> {
                    ResidencyStore.AttestationMeta m = meta.get(a.id());
                    return new Attestation(a.id(), a.standard(), a.issuer(), a.scope(), day(a.validFrom()),
                            day(a.validTo()), a.reference(), a.validFrom() <= f && a.validTo() + DAY_MS >= t,
                            m == null ? null : m.framework(), m == null ? null : m.level(),
                            m == null ? List.of() : m.criteria());
                })
                .toList();
        List<Finding> findings = new ArrayList<>(store.findings(caller.tenantId(), f, t).stream()
                .filter(r -> visible.test(r.projectId()))
                .map(ResidencyReportService::finding)
                .toList());
        findings.addAll(derivedFindings(new HashSet<>(store.findingSubjects(caller.tenantId())), inventory, processing,
                transfers, accesses));
        findings.sort(Comparator.comparing(Finding::openedAt).thenComparing(Finding::id));
        List<AccessRequestRecord> accessRequests = requests.settled(caller.tenantId(), f, t).stream()
                .filter(r -> visible.test(r.projectId()))
                .toList();

        List<Me.Project> projects = caller.seesAllProjects() ? tenants.projects(caller.tenantId()) : caller.projects();
        ResidencyReport.Scope scope = new ResidencyReport.Scope(caller.seesAllProjects(),
                projects.stream().map(Me.Project::id).sorted().toList());
        Verdict verdict = verdict(caller, projects, from, to, inventory, processing, findings);
        List<Site> sites = sites(siteRows, inventory);
        Disclosures disclosures = disclosures(caller.tenantId(), f, t);
        return new ResidencyReport(Ids.next("rr"), METHODOLOGY_VERSION, clock.instant(), new ResidencyReport.Period(from, to),
                new ResidencyReport.Tenant(caller.tenantId(), caller.tenantName()), scope, verdict,
                sites, inventory, processing, transfers, accesses, attestations, findings,
                translations(sites, attestations, transfers, disclosures), accessRequests, disclosures);
    }

    /**
     * The provider's disclosure in force at the period's end, the subprocessors engaged during it and the tenant's
     * official data requests received in it (counted, also when there were none); null when no disclosure is stored.
     */
    private Disclosures disclosures(String tenantId, long from, long to) {
        return store.disclosure(to - 1)
                .map(d -> new Disclosures(d.provider(), d.providerCountry(), d.parentCompany(), d.parentCountry(),
                        d.applicableLaw(), d.parentLaw(), d.dataRequestPolicy(), store.subprocessors(from, to),
                        store.officialRequests(tenantId, from, to)))
                .orElse(null);
    }

    /**
     * The German forms of the report's texts that have one. Both languages go into the signed report, so the signed
     * content does not depend on the caller's Accept-Language (decision record 0011).
     */
    private Map<String, Map<String, String>> translations(List<Site> sites, List<Attestation> attestations,
                                                          List<Transfer> transfers, Disclosures disclosures) {
        Set<String> texts = new TreeSet<>();
        if (disclosures != null) {
            texts.addAll(List.of(disclosures.provider(), disclosures.applicableLaw(), disclosures.parentLaw(),
                    disclosures.dataRequestPolicy()));
            disclosures.subprocessors().forEach(sp -> texts.addAll(List.of(sp.service(), sp.location())));
        }
        attestations.stream().flatMap(a -> a.criteria().stream()).map(ResidencyReport.Criterion::title)
                .forEach(texts::add);
        sites.forEach(s -> texts.addAll(List.of(s.name(), s.city(), s.description())));
        attestations.forEach(a -> texts.addAll(List.of(a.standard(), a.issuer(), a.scope())));
        transfers.stream().map(Transfer::legalBasis).filter(Objects::nonNull).forEach(texts::add);
        Map<String, String> german = store.translations("de", texts);
        return german.isEmpty() ? Map.of() : Map.of("de", german);
    }

    // ---------------------------------------------------------------- sections

    private List<StoredObject> inventory(String tenantId, long from, long to, Predicate<String> visible,
                                         Map<String, SiteRow> sitesById, Map<String, SiteRow> sitesByLabel) {
        LocalDate fromDay = day(from);
        Map<String, StoragePolicy> policies = store.storagePolicies();
        Map<String, List<ReplicaRow>> replicas = store.replicas(tenantId, to);
        List<StoredObject> objects = new ArrayList<>();
        for (ObjectRow row : store.objects(tenantId, to)) {
            if (!visible.test(row.projectId())) {
                continue;
            }
            SiteRow site = row.siteId() != null ? sitesById.get(row.siteId()) : sitesByLabel.get(row.siteLabel());
            String siteId = site != null ? site.id() : UNKNOWN_SITE;
            String country = site != null ? site.country() : countryOfLabel(row.siteLabel());
            StoragePolicy policy = policies.get(row.kind());
            LocalDate retainUntil = policy == null ? null : day(row.createdAt()).plusDays(policy.retentionDays());
            if (retainUntil != null && retainUntil.isBefore(fromDay)) {
                // Deleted at the end of its retention, before the period began.
                continue;
            }
            List<Replica> copies = replicas.getOrDefault(row.id(), List.of()).stream()
                    .map(r -> new Replica(r.siteId(), countryOf(r.siteId(), sitesById), r.storageClass(),
                            Instant.ofEpochMilli(r.replicatedAt())))
                    .toList();
            objects.add(new StoredObject(row.id(), ArtifactKind.fromWire(row.kind()), row.name(), row.projectId(),
                    row.workloadId(), row.sizeBytes(), row.sha256(), Instant.ofEpochMilli(row.createdAt()), siteId, country,
                    policy == null ? "unspecified" : policy.storageClass(), retainUntil, copies));
        }
        objects.sort(Comparator.comparing(StoredObject::createdAt).thenComparing(StoredObject::id));
        return objects;
    }

    private List<ProcessingRecord> processing(String tenantId, long from, long to, Predicate<String> visible,
                                              Map<String, SiteRow> sitesById) {
        Map<String, ClusterRow> clusters = new LinkedHashMap<>();
        store.clusters().forEach(c -> clusters.put(c.gpuClass(), c));
        List<ProcessingRecord> records = new ArrayList<>();
        for (RunRow run : store.runs(tenantId, from, to)) {
            if (!visible.test(run.projectId())) {
                continue;
            }
            String siteId;
            String hall;
            String cluster;
            List<String> nodes;
            if (run.siteId() != null) {
                siteId = run.siteId();
                hall = run.hall();
                cluster = run.cluster();
                nodes = ResidencyStore.splitNodes(run.nodes());
            } else if (clusters.containsKey(run.gpuClass())) {
                // No placement recorded: the simulated scheduler places a GPU class on its cluster.
                ClusterRow c = clusters.get(run.gpuClass());
                siteId = c.siteId();
                hall = c.hall();
                cluster = c.name();
                nodes = nodes(run.workloadId(), run.gpuClass(), run.gpuCount(), c.gpusPerNode());
            } else {
                siteId = UNKNOWN_SITE;
                hall = "not recorded";
                cluster = "not recorded";
                nodes = List.of();
            }
            records.add(new ProcessingRecord(run.workloadId(), run.name(), run.projectId(), run.appId(), siteId,
                    countryOf(siteId, sitesById), hall, cluster, nodes, run.gpuClass(), run.gpuCount(),
                    Instant.ofEpochMilli(run.startedAt()), run.endedAt() == null ? null : Instant.ofEpochMilli(run.endedAt()),
                    run.status()));
        }
        return records;
    }

    /** The nodes a run holds: the one its log names, and the following ones when it needs more than one node. */
    static List<String> nodes(String workloadId, String gpuClass, int gpuCount, int gpusPerNode) {
        String first = SimulationScript.nodeName(workloadId, gpuClass);
        int count = Math.max(1, (gpuCount + gpusPerNode - 1) / Math.max(1, gpusPerNode));
        Matcher m = Pattern.compile("^(.*?)(\\d+)$").matcher(first);
        if (count == 1 || !m.matches()) {
            return List.of(first);
        }
        int width = m.group(2).length();
        int number = Integer.parseInt(m.group(2));
        List<String> nodes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            nodes.add(String.format(Locale.ROOT, "%s%0" + width + "d", m.group(1), number + i));
        }
        return nodes;
    }

    private static Transfer transfer(TransferRow r, Map<String, SiteRow> sitesById) {
        return new Transfer(r.id(), r.kind(), Instant.ofEpochMilli(r.at()), r.objectId(), r.objectName(), r.projectId(),
                r.fromSiteId(), countryOf(r.fromSiteId(), sitesById), r.toSiteId(),
                r.toCountry() != null ? r.toCountry() : r.toSiteId() != null ? countryOf(r.toSiteId(), sitesById) : null,
                r.clientCountry(), r.bytes(), r.legalBasis());
    }

    static OperatorAccess access(AccessRow r) {
        return new OperatorAccess(r.id(), Instant.ofEpochMilli(r.at()), r.operatorRole(), r.projectId(), r.resource(),
                r.reason(), r.justification(), r.ticketRef(), r.operatorCountry(), EU.contains(r.operatorCountry()),
                r.requestId(), r.employer(), r.officeCountry(), r.emergency(), r.emergencyCode());
    }

    private static Finding finding(FindingRow r) {
        return new Finding(r.id(), r.category(), r.state(), r.description(), r.remediation(), r.projectId(), r.subjectRef(),
                Instant.ofEpochMilli(r.openedAt()), r.closedAt() == null ? null : Instant.ofEpochMilli(r.closedAt()), false);
    }

    private static List<Site> sites(List<SiteRow> rows, List<StoredObject> inventory) {
        Map<String, long[]> volume = new LinkedHashMap<>();
        for (StoredObject o : inventory) {
            volume.computeIfAbsent(o.siteId(), k -> new long[2]);
            volume.get(o.siteId())[0] += o.sizeBytes();
            volume.get(o.siteId())[1]++;
            for (Replica r : o.replicas()) {
                volume.computeIfAbsent(r.siteId(), k -> new long[2]);
                volume.get(r.siteId())[0] += o.sizeBytes();
                volume.get(r.siteId())[1]++;
            }
        }
        return rows.stream().map(s -> {
            long[] v = volume.getOrDefault(s.id(), new long[2]);
            return new Site(s.id(), s.name(), s.city(), s.country(), s.role(), s.processing(), s.latitude(), s.longitude(),
                    s.description(), v[0], (int) v[1]);
        }).toList();
    }

    // ---------------------------------------------------------------- findings and verdict

    private static List<Finding> derivedFindings(Set<String> coveredSubjects, List<StoredObject> inventory,
                                                 List<ProcessingRecord> processing, List<Transfer> transfers,
                                                 List<OperatorAccess> accesses) {
        Map<String, Finding> derived = new LinkedHashMap<>();
        for (ProcessingRecord p : processing) {
            if (!HOME_COUNTRY.equals(p.country())) {
                add(derived, coveredSubjects, location(p.workloadId(), p.projectId(), p.startedAt(),
                        "Workload " + p.workloadId() + " (" + p.workloadName() + ") ran at site " + p.siteId() + " in "
                                + p.country() + ", outside Germany."));
            }
        }
        for (StoredObject o : inventory) {
            if (!HOME_COUNTRY.equals(o.country())) {
                add(derived, coveredSubjects, location(o.id(), o.projectId(), o.createdAt(),
                        o.name() + " is stored at site " + o.siteId() + " in " + o.country() + ", outside Germany."));
            }
            for (Replica r : o.replicas()) {
                if (!HOME_COUNTRY.equals(r.country())) {
                    add(derived, coveredSubjects, location(o.id(), o.projectId(), r.since(),
                            "A replica of " + o.name() + " is stored at site " + r.siteId() + " in " + r.country()
                                    + ", outside Germany."));
                }
            }
        }
        for (Transfer t : transfers) {
            if (t.kind() == TransferKind.REPLICATION && !HOME_COUNTRY.equals(t.toCountry())) {
                add(derived, coveredSubjects, location(t.id(), t.projectId(), t.at(),
                        t.objectName() + " was replicated to " + (t.toCountry() == null ? "an unknown country" : t.toCountry())
                                + ", outside Germany."));
            }
        }
        for (OperatorAccess a : accesses) {
            if (!a.insideEu()) {
                add(derived, coveredSubjects, new Finding("derived-access-" + a.id(), FindingCategory.ACCESS,
                        FindingState.UNRESOLVED, "An operator (" + a.operatorRole() + ") accessed " + a.resource()
                        + " from " + a.operatorCountry() + ", outside the EU.", null, a.projectId(), a.id(), a.at(), null, true));
            }
            if (a.emergency()) {
                // Allowed by the contract without approval, so an accepted exception; listed so the tenant reviews it.
                add(derived, coveredSubjects, new Finding("derived-emergency-" + a.id(), FindingCategory.ACCESS,
                        FindingState.EXCEPTION, "Emergency access (" + a.emergencyCode() + ") by an operator ("
                        + a.operatorRole() + (a.employer() == null ? "" : ", " + a.employer()) + ") to " + a.resource()
                        + " without the tenant's prior approval" + (a.ticketRef() == null ? "" : ", case " + a.ticketRef())
                        + ".", "Declared as an emergency by the operator; review it with the operator"
                        + (a.ticketRef() == null ? "." : " under case " + a.ticketRef() + "."),
                        a.projectId(), a.id(), a.at(), a.at(), true));
            }
        }
        return List.copyOf(derived.values());
    }

    private static Finding location(String subject, String projectId, Instant at, String description) {
        return new Finding("derived-location-" + subject, FindingCategory.LOCATION, FindingState.UNRESOLVED, description,
                null, projectId, subject, at, null, true);
    }

    private static void add(Map<String, Finding> derived, Set<String> covered, Finding finding) {
        if (!covered.contains(finding.subjectRef())) {
            derived.putIfAbsent(finding.id(), finding);
        }
    }

    private static Verdict verdict(Principal caller, List<Me.Project> projects, Instant from, Instant to,
                                   List<StoredObject> inventory, List<ProcessingRecord> processing, List<Finding> findings) {
        Set<String> storage = new TreeSet<>();
        inventory.forEach(o -> {
            storage.add(o.country());
            o.replicas().forEach(r -> storage.add(r.country()));
        });
        Set<String> compute = new TreeSet<>();
        processing.forEach(p -> compute.add(p.country()));
        int unresolved = count(findings, FindingState.UNRESOLVED);
        int resolved = count(findings, FindingState.RESOLVED);
        int exceptions = count(findings, FindingState.EXCEPTION);
        Status status = unresolved > 0 ? Status.VIOLATION : resolved + exceptions > 0 ? Status.FINDINGS : Status.COMPLIANT;

        String who = caller.seesAllProjects() ? caller.tenantName()
                : caller.tenantName() + " (" + (projects.size() == 1 ? "project " : "projects ")
                + projects.stream().map(Me.Project::name).collect(Collectors.joining(", ")) + ")";
        String when = "from " + day(from.toEpochMilli()) + " to " + day(to.toEpochMilli() - 1) + " (UTC)";
        StringBuilder summary = new StringBuilder();
        if (storage.isEmpty() && compute.isEmpty()) {
            summary.append("No data of ").append(who).append(" was stored or processed at the factory ").append(when);
        } else if (Set.of(HOME_COUNTRY).containsAll(storage) && Set.of(HOME_COUNTRY).containsAll(compute)) {
            summary.append("All data of ").append(who).append(" was stored and processed in Germany ").append(when);
        } else {
            List<String> where = new ArrayList<>();
            if (!storage.isEmpty()) {
                where.add("stored in " + String.join(", ", storage));
            }
            if (!compute.isEmpty()) {
                where.add("processed in " + String.join(", ", compute));
            }
            summary.append("Data of ").append(who).append(" was ").append(String.join(" and ", where)).append(' ').append(when);
        }
        int total = unresolved + resolved + exceptions;
        if (total == 0) {
            summary.append("; no findings.");
        } else {
            summary.append("; ").append(total).append(total == 1 ? " finding: " : " findings: ");
            List<String> parts = new ArrayList<>();
            if (unresolved > 0) {
                parts.add(unresolved + " unresolved");
            }
            if (resolved > 0) {
                parts.add(resolved + " resolved");
            }
            if (exceptions > 0) {
                parts.add(exceptions + (exceptions == 1 ? " accepted exception" : " accepted exceptions"));
            }
            summary.append(String.join(", ", parts)).append('.');
        }
        return new Verdict(status, summary.toString(), List.copyOf(storage), List.copyOf(compute), unresolved, resolved,
                exceptions);
    }

    private static int count(List<Finding> findings, FindingState state) {
        return (int) findings.stream().filter(f -> f.state() == state).count();
    }

    // ---------------------------------------------------------------- helpers

    private static String countryOf(String siteId, Map<String, SiteRow> sitesById) {
        SiteRow site = sitesById.get(siteId);
        return site == null ? UNKNOWN_COUNTRY : site.country();
    }

    /** The country at the end of a site label such as {@code "Munich (Tucherpark), DE"}. */
    static String countryOfLabel(String label) {
        if (label == null) {
            return UNKNOWN_COUNTRY;
        }
        Matcher m = LABEL_COUNTRY.matcher(label.trim());
        return m.find() ? m.group(1) : UNKNOWN_COUNTRY;
    }

    private static LocalDate day(long epochMilli) {
        return Instant.ofEpochMilli(epochMilli).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The site of the factory where tenant data is processed and primarily stored. */
    static SiteRow primary(List<SiteRow> sites) {
        return sites.stream().filter(s -> s.role() == SiteRole.PRIMARY).findFirst()
                .orElseThrow(() -> new IllegalStateException("the sites table names no primary site"));
    }
}
