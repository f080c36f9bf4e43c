package eu.aifactory.api.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import eu.aifactory.api.catalog.ArtifactKind;
import eu.aifactory.api.workload.WorkloadStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a tenant's data was stored and processed in a period, which transfers left the primary site, which
 * operator accesses happened and why, which attestations cover the site, and every finding. The factory serves
 * it signed ({@code {"report": …, "signature": …}}, see {@code api.signing.SignedDocument}); the portal
 * verifies the signature and writes the verdict sentence in the user's language from {@link #verdict()}.
 *
 * @param reportId           unique id of this report, for auditors to quote
 * @param methodologyVersion version of the rules the verdict and the derived findings follow
 * @param generatedAt        when the factory made the report
 * @param period             the period asked for, {@code from} inclusive, {@code to} exclusive
 * @param tenant             whose data this is
 * @param scope              the whole tenant, or only the caller's projects (engineers)
 * @param verdict            the summary verdict
 * @param sites              every site of the factory, with the volume of this scope's data stored there
 * @param inventory          datasets and artifacts stored during the period, with their replicas
 * @param processing         every workload that ran during the period, and where
 * @param transfers          every movement of data out of its primary site during the period
 * @param operatorAccess     every operator access to the data during the period
 * @param attestations       certifications and attestations valid during some part of the period
 * @param findings           findings open during some part of the period, recorded or derived
 * @param translations       by language ({@code "de"}): the translations of the report's English texts (site names,
 *                           cities and descriptions, attestation standards, issuers and scopes, legal bases), keyed
 *                           by the English text; signed with the report, so it reads the same in every language
 * @param accessRequests     operator access requests approved, denied or expired during the period
 * @param disclosures        the provider's disclosures (BSI C5:2026): applicable law, parent company, subprocessors,
 *                           official data requests in the period; null from a factory that does not send them
 */
public record ResidencyReport(
        String reportId,
        String methodologyVersion,
        Instant generatedAt,
        Period period,
        Tenant tenant,
        Scope scope,
        Verdict verdict,
        List<Site> sites,
        List<StoredObject> inventory,
        List<ProcessingRecord> processing,
        List<Transfer> transfers,
        List<OperatorAccess> operatorAccess,
        List<Attestation> attestations,
        List<Finding> findings,
        Map<String, Map<String, String>> translations,
        List<AccessRequestRecord> accessRequests,
        Disclosures disclosures) {

    public ResidencyReport {
        accessRequests = accessRequests == null ? List.of() : List.copyOf(accessRequests);
        translations = translations == null ? Map.of() : Map.copyOf(translations);
        sites = List.copyOf(sites);
        inventory = List.copyOf(inventory);
        processing = List.copyOf(processing);
        transfers = List.copyOf(transfers);
        operatorAccess = List.copyOf(operatorAccess);
        attestations = List.copyOf(attestations);
        findings = List.copyOf(findings);
    }

    /** A report without translations: every text in English. */
    public ResidencyReport(String reportId, String methodologyVersion, Instant generatedAt, Period period, Tenant tenant,
                           Scope scope, Verdict verdict, List<Site> sites, List<StoredObject> inventory,
                           List<ProcessingRecord> processing, List<Transfer> transfers, List<OperatorAccess> operatorAccess,
                           List<Attestation> attestations, List<Finding> findings) {
        this(reportId, methodologyVersion, generatedAt, period, tenant, scope, verdict, sites, inventory, processing,
                transfers, operatorAccess, attestations, findings, Map.of(), List.of(), null);
    }

    /** A report without access requests and without disclosures. */
    public ResidencyReport(String reportId, String methodologyVersion, Instant generatedAt, Period period, Tenant tenant,
                           Scope scope, Verdict verdict, List<Site> sites, List<StoredObject> inventory,
                           List<ProcessingRecord> processing, List<Transfer> transfers, List<OperatorAccess> operatorAccess,
                           List<Attestation> attestations, List<Finding> findings,
                           Map<String, Map<String, String>> translations) {
        this(reportId, methodologyVersion, generatedAt, period, tenant, scope, verdict, sites, inventory, processing,
                transfers, operatorAccess, attestations, findings, translations, List.of(), null);
    }

    /** {@code english}, one of the report's texts, in {@code locale}'s language when the report translates it. */
    public String text(String english, Locale locale) {
        return Translations.text(translations, english, locale);
    }

    /** {@code from} inclusive, {@code to} exclusive. */
    public record Period(Instant from, Instant to) {
    }

    public record Tenant(String id, String name) {
    }

    /**
     * @param wholeTenant true for tenant admins and account managers; false when only the caller's projects are in
     * @param projectIds  the projects the report covers
     */
    public record Scope(boolean wholeTenant, List<String> projectIds) {
        public Scope {
            projectIds = List.copyOf(projectIds);
        }
    }

    /**
     * @param status              the verdict
     * @param summary             one plain English sentence; the portal writes its own, localised, from the fields
     * @param storageCountries    countries where data in scope was stored (primary copies and replicas)
     * @param processingCountries countries where workloads in scope ran
     * @param unresolvedFindings  findings still open
     * @param resolvedFindings    findings closed by a remediation
     * @param exceptions          findings accepted as documented exceptions
     */
    public record Verdict(Status status, String summary, List<String> storageCountries, List<String> processingCountries,
                          int unresolvedFindings, int resolvedFindings, int exceptions) {
        public Verdict {
            storageCountries = List.copyOf(storageCountries);
            processingCountries = List.copyOf(processingCountries);
        }
    }

    public enum Status {
        /** No finding in the period: stored and processed in Germany only, no access from outside the EU. */
        COMPLIANT,
        /** Findings in the period, all resolved or accepted as exceptions. */
        FINDINGS,
        /** At least one unresolved finding. */
        VIOLATION
    }

    /**
     * @param storedBytes   bytes of this scope's data at the site (primary copies and replicas)
     * @param storedObjects number of this scope's datasets and artifacts (or replicas of them) at the site
     */
    public record Site(String id, String name, String city, String country, SiteRole role, boolean processing,
                       double latitude, double longitude, String description, long storedBytes, int storedObjects) {
    }

    public enum SiteRole {
        /** Processing and primary storage. */
        PRIMARY,
        /** Backup copies only. */
        BACKUP;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static SiteRole fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * A dataset or artifact of the tenant.
     *
     * @param workloadId   the workload that wrote it; absent for uploaded datasets
     * @param siteId       where the primary copy is
     * @param country      country of the primary copy
     * @param storageClass how it is kept (media, encryption)
     * @param retainUntil  last day it is kept under the retention policy
     * @param replicas     copies at other sites
     */
    public record StoredObject(String id, ArtifactKind kind, String name, String projectId, String workloadId,
                               long sizeBytes, String sha256, Instant createdAt, String siteId, String country,
                               String storageClass, LocalDate retainUntil, List<Replica> replicas) {
        public StoredObject {
            replicas = List.copyOf(replicas);
        }
    }

    /** @param since when the copy was made */
    public record Replica(String siteId, String country, String storageClass, Instant since) {
    }

    /**
     * Where a workload ran.
     *
     * @param nodes   the compute nodes it held
     * @param endedAt absent while it runs
     */
    public record ProcessingRecord(String workloadId, String workloadName, String projectId, String appId, String siteId,
                                   String country, String hall, String cluster, List<String> nodes, String gpuClass,
                                   int gpuCount, Instant startedAt, Instant endedAt, WorkloadStatus status) {
        public ProcessingRecord {
            nodes = List.copyOf(nodes);
        }
    }

    /**
     * A movement of data out of its primary site.
     *
     * @param toSiteId      the destination site; absent when the destination is not a factory site (a download)
     * @param toCountry     destination country, when known
     * @param clientCountry for downloads: where the client was, when known
     * @param legalBasis    why the transfer is allowed, in plain words
     */
    public record Transfer(String id, TransferKind kind, Instant at, String objectId, String objectName, String projectId,
                           String fromSiteId, String fromCountry, String toSiteId, String toCountry, String clientCountry,
                           long bytes, String legalBasis) {
    }

    public enum TransferKind {
        /** Copy to the backup site. */
        REPLICATION,
        /** Fetched by the tenant through the API or the portal. */
        DOWNLOAD,
        /** Bulk export to storage the tenant named. */
        EXPORT;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static TransferKind fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * An access by the factory's staff.
     *
     * @param operatorRole    the operator's role, never a person's name
     * @param projectId       the project whose data was accessed; absent for tenant-wide resources
     * @param reasonCode      the justification code
     * @param ticketRef       the case (ticket or change) the access was made under, if any
     * @param operatorCountry where the operator physically was
     * @param insideEu        whether that country is an EU member state
     * @param requestId       the approved access request it was made under; absent for an emergency access and for
     *                        accesses recorded before approvals existed
     * @param employer        the operator's employing entity, when recorded
     * @param officeCountry   the country of the operator's principal office, when recorded
     * @param emergency       true for an access declared as an emergency, made without the tenant's approval
     * @param emergencyCode   why it could not wait for approval; absent unless {@code emergency}
     */
    public record OperatorAccess(String id, Instant at, String operatorRole, String projectId, String resource,
                                 AccessReason reasonCode, String justification, String ticketRef, String operatorCountry,
                                 boolean insideEu, String requestId, String employer, String officeCountry,
                                 boolean emergency, EmergencyCode emergencyCode) {

        /** An access recorded without the approval fields. */
        public OperatorAccess(String id, Instant at, String operatorRole, String projectId, String resource,
                              AccessReason reasonCode, String justification, String ticketRef, String operatorCountry,
                              boolean insideEu) {
            this(id, at, operatorRole, projectId, resource, reasonCode, justification, ticketRef, operatorCountry, insideEu,
                    null, null, null, false, null);
        }
    }

    /** Justification codes in the style of Google Access Transparency. */
    public enum AccessReason {
        CUSTOMER_INITIATED_SUPPORT, SERVICE_MAINTENANCE, SECURITY_RESPONSE, LEGAL_REQUEST, HARDWARE_FAULT
    }

    /** Why an operator access could not wait for the tenant's approval. */
    public enum EmergencyCode {
        /** An attack or breach under way that threatens this or other tenants' data. */
        ACTIVE_SECURITY_INCIDENT,
        /** The tenant's service is down and waiting would extend the outage. */
        SERVICE_OUTAGE,
        /** Stored data is at risk of loss or corruption (failing storage, a bad replica). */
        DATA_INTEGRITY_RISK
    }

    /**
     * An operator's request for access that was settled in the period: approved or denied by a tenant admin, or
     * expired undecided at its deadline.
     *
     * @param projectId       the project of the resource; absent for tenant-wide resources
     * @param caseId          the case the access is asked for
     * @param accessorRole    the accessing person's role (never the name, as for accesses)
     * @param employer        the accessor's employing entity
     * @param officeCountry   the country of the accessor's principal office
     * @param locationCountry where the accessor would physically be
     * @param durationMinutes how long the access is asked for, from the approval
     * @param settledAt       when it was approved or denied, or its deadline when it expired
     * @param decidedBy       the tenant admin who decided; absent when it expired
     * @param comment         the admin's comment, if any
     * @param accesses        how many accesses were made under it
     */
    public record AccessRequestRecord(String id, String projectId, String resource, AccessReason reasonCode,
                                      String justification, String caseId, String accessorRole, String employer,
                                      String officeCountry, String locationCountry, int durationMinutes,
                                      Instant requestedAt, Instant deadline, RequestOutcome outcome, Instant settledAt,
                                      String decidedBy, String comment, int accesses) {
    }

    public enum RequestOutcome {
        APPROVED, DENIED, EXPIRED
    }

    /**
     * @param validFrom    first day of validity
     * @param validTo      last day of validity
     * @param coversPeriod whether it was valid for the whole report period
     * @param framework    the catalogue it was issued against (C5:2020, C5:2026, a Gaia-X label, …); null when
     *                     not recorded
     * @param level        the level or label reached, where the framework has levels (TISAX AL3, SEAL-3, Gaia-X
     *                     Label Level 2)
     * @param criteria     the framework's criteria it covers, by their ids in the framework's catalogue
     */
    public record Attestation(String id, String standard, String issuer, String scope, LocalDate validFrom,
                              LocalDate validTo, String reference, boolean coversPeriod, Framework framework,
                              String level, List<Criterion> criteria) {

        public Attestation {
            criteria = criteria == null ? List.of() : List.copyOf(criteria);
        }

        /** An attestation without framework, level and criteria. */
        public Attestation(String id, String standard, String issuer, String scope, LocalDate validFrom,
                           LocalDate validTo, String reference, boolean coversPeriod) {
            this(id, standard, issuer, scope, validFrom, validTo, reference, coversPeriod, null, null, null);
        }
    }

    /**
     * A catalogue of requirements.
     *
     * @param kind ATTESTATION, CERTIFICATE, LABEL or LEVEL
     */
    public record Framework(String id, String name, String publisher, String version, String kind, String catalogue) {
    }

    public record Criterion(String id, String title) {
    }

    /**
     * What the provider discloses about itself and its handling of official requests, as BSI C5:2026 asks.
     *
     * @param applicableLaw     the law the service and its contracts are under
     * @param parentLaw         the law the parent company is under, and what it means for access to tenant data
     * @param dataRequestPolicy how official requests for tenant data are handled
     * @param subprocessors     companies processing tenant data on the provider's behalf during the period
     * @param officialRequests  official requests for this tenant's data received in the period (counted also when none)
     */
    public record Disclosures(String provider, String providerCountry, String parentCompany, String parentCountry,
                              String applicableLaw, String parentLaw, String dataRequestPolicy,
                              List<Subprocessor> subprocessors, OfficialRequests officialRequests) {
        public Disclosures {
            subprocessors = subprocessors == null ? List.of() : List.copyOf(subprocessors);
        }
    }

    /** @param location where it processes the data (city or site) */
    public record Subprocessor(String id, String name, String service, String country, String location) {
    }

    /**
     * Counts of official data requests for the tenant received in the period, by outcome.
     *
     * @param received  all of them; 0 when there were none
     */
    public record OfficialRequests(int received, int disclosed, int refused, int pending, int withdrawn) {
    }

    /**
     * @param remediation what was or will be done
     * @param projectId   the project concerned; absent for tenant-wide findings
     * @param subjectRef  id of the record the finding is about (an access, a workload, a stored object)
     * @param closedAt    when it was resolved or accepted; absent while unresolved
     * @param derived     true when the factory derived it from the records of this report rather than an audit
     */
    public record Finding(String id, FindingCategory category, FindingState state, String description, String remediation,
                          String projectId, String subjectRef, Instant openedAt, Instant closedAt, boolean derived) {
    }

    public enum FindingCategory {
        LOCATION, ACCESS, ENCRYPTION, RETENTION;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static FindingCategory fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public enum FindingState {
        RESOLVED, UNRESOLVED, EXCEPTION
    }
}
