package eu.aifactory.portal.residency;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.api.Json;
import eu.aifactory.api.report.ResidencyReport;
import eu.aifactory.api.report.ResidencyReport.Attestation;
import eu.aifactory.api.signing.Jwk;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.TrustAnchor;
import eu.aifactory.api.signing.VerificationResult;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.transparency.LogCheck;
import eu.aifactory.api.transparency.LogEntry;
import eu.aifactory.api.transparency.LogSection;
import eu.aifactory.api.transparency.TreeHead;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.client.trust.KeyPinStore;
import eu.aifactory.client.trust.KeyPinning;
import eu.aifactory.client.trust.TreeHeadStore;
import eu.aifactory.portal.common.KeyFingerprint;
import eu.aifactory.portal.common.AtomicFiles;
import eu.aifactory.portal.common.FileExport;
import eu.aifactory.portal.common.LoadState;
import eu.aifactory.portal.common.SiteTime;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.common.TaskHandle;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Residency page's state: loads the signed report and the factory's keys in the background, decides whether
 * the keys are the pinned ones, verifies the signature and turns the report into a verdict sentence and tables.
 * All methods and properties belong to the UI thread.
 */
public final class ResidencyViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ResidencyViewModel.class);
    static final int EXPIRY_WARNING_DAYS = 60;

    public enum PeriodChoice { LAST_90_DAYS, THIS_QUARTER, LAST_QUARTER, THIS_YEAR }

    public enum Verification {
        /** Signature good, made with a pinned key. */
        VERIFIED,
        /** The signature does not fit the report (changed content, damaged signature, malformed document). */
        TAMPERED,
        /** The factory publishes a key that is neither pinned nor reached by a rotation record. */
        KEY_CHANGED,
        /** Not checked: no report or no keys could be fetched. */
        UNVERIFIED
    }

    /** What the report's transparency log says against the last tree head this portal accepted for the tenant. */
    public enum LogStatus {
        /** The report carries no log section, or it was not verified: nothing to say. */
        NONE,
        /** The first head seen for this tenant: remembered, nothing to compare with yet. */
        FIRST,
        /** The report's log extends the last head seen. */
        CONSISTENT,
        /** The report's log does not extend the last head seen: an entry was dropped or changed. */
        INCONSISTENT,
        /** No proof from the last head seen came with the report. */
        NOT_CHECKED
    }

    /** An attestation with whether it runs out within {@value #EXPIRY_WARNING_DAYS} days. */
    public record AttestationRow(Attestation attestation, boolean expiringSoon) {
    }

    /** Where the report's calls go besides the page: the connection monitor. */
    public interface FactoryContact {
        void answered();

        void failed(Throwable failure);
    }

    /** What a background load produced. */
    record Loaded(JsonNode document, ResidencyReport report, JwkSet keys, KeyPinning.Decision decision,
                  TrustAnchor.Verdict verdict, LogCheck.Result log, LogSection section, Throwable keyFailure,
                  Map<String, String> projectNames) {

        VerificationResult result() {
            return verdict == null ? null : verdict.signature();
        }
    }

    private final FactoryClient client;
    private final TaskExecutor executor;
    private final I18n i18n;
    /** Re-describes after a switch; held here so the app-wide language holds this model weakly. */
    private final I18n.Follower languageFollower;
    private final KeyPinStore pins;
    private final Clock clock;
    private FactoryContact contact = new FactoryContact() {
        @Override
        public void answered() {
        }

        @Override
        public void failed(Throwable failure) {
        }
    };

    private final ObjectProperty<PeriodChoice> period = new SimpleObjectProperty<>(this, "period", PeriodChoice.LAST_90_DAYS);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<LoadState> state = new ReadOnlyObjectWrapper<>(this, "state", LoadState.LOADING);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<ResidencyReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyStringWrapper verdictText = new ReadOnlyStringWrapper(this, "verdictText");
    private final ReadOnlyObjectWrapper<Verification> verification =
            new ReadOnlyObjectWrapper<>(this, "verification", Verification.UNVERIFIED);
    private final ReadOnlyStringWrapper verificationText = new ReadOnlyStringWrapper(this, "verificationText");
    private final ReadOnlyStringWrapper keyFingerprint = new ReadOnlyStringWrapper(this, "keyFingerprint");
    private final ReadOnlyObjectWrapper<LogStatus> logStatus = new ReadOnlyObjectWrapper<>(this, "logStatus", LogStatus.NONE);
    private final ReadOnlyStringWrapper logText = new ReadOnlyStringWrapper(this, "logText");
    private final ObservableList<ResidencyReport.Site> sites = FXCollections.observableArrayList();
    private final ObservableList<ResidencyReport.StoredObject> inventory = FXCollections.observableArrayList();
    private final ObservableList<ResidencyReport.ProcessingRecord> processing = FXCollections.observableArrayList();
    private final ObservableList<ResidencyReport.Transfer> transfers = FXCollections.observableArrayList();
    private final ObservableList<ResidencyReport.OperatorAccess> operatorAccess = FXCollections.observableArrayList();
    private final ObservableList<AttestationRow> attestations = FXCollections.observableArrayList();
    private final ObservableList<ResidencyReport.Finding> findings = FXCollections.observableArrayList();

    private final FileExport pdfExport;
    private Runnable pdfDone = () -> { };
    private Consumer<String> pdfFailed = message -> { };

    private TaskHandle current = TaskHandle.NONE;
    private long generation;
    private Loaded loaded;
    private boolean loadedOnce;

    public ResidencyViewModel(FactoryClient client, TaskExecutor executor, I18n i18n, KeyPinStore pins, Clock clock) {
        this.client = client;
        this.executor = executor;
        this.i18n = i18n;
        this.pins = pins;
        this.clock = clock;
        this.pdfExport = new FileExport(executor);
        pdfExport.resultProperty().addListener((obs, old, now) -> pdfFinished(now));
        period.addListener((obs, old, now) -> load());
        languageFollower = i18n.follow(this::describe);
        describe();
    }

    public void setFactoryContact(FactoryContact contact) {
        this.contact = contact;
    }

    public ObjectProperty<PeriodChoice> periodProperty() {
        return period;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Loading until the factory answered; EMPTY when the period has nothing stored, processed or moved. */
    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** A localized description of why the last load failed, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ResidencyReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictTextProperty() {
        return verdictText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Verification> verificationProperty() {
        return verification.getReadOnlyProperty();
    }

    /** The badge text: which key verified, or what failed. */
    public ReadOnlyStringProperty verificationTextProperty() {
        return verificationText.getReadOnlyProperty();
    }

    /** Whether the report's transparency log extends the last one seen for the tenant. */
    public ReadOnlyObjectProperty<LogStatus> logStatusProperty() {
        return logStatus.getReadOnlyProperty();
    }

    /** The log check in words, or null when there is nothing to say. */
    public ReadOnlyStringProperty logTextProperty() {
        return logText.getReadOnlyProperty();
    }

    /** Fingerprint of the key that signed the report, once verified. */
    public ReadOnlyStringProperty keyFingerprintProperty() {
        return keyFingerprint.getReadOnlyProperty();
    }

    public ObservableList<ResidencyReport.Site> sites() {
        return FXCollections.unmodifiableObservableList(sites);
    }

    public ObservableList<ResidencyReport.StoredObject> inventory() {
        return FXCollections.unmodifiableObservableList(inventory);
    }

    public ObservableList<ResidencyReport.ProcessingRecord> processing() {
        return FXCollections.unmodifiableObservableList(processing);
    }

    public ObservableList<ResidencyReport.Transfer> transfers() {
        return FXCollections.unmodifiableObservableList(transfers);
    }

    public ObservableList<ResidencyReport.OperatorAccess> operatorAccess() {
        return FXCollections.unmodifiableObservableList(operatorAccess);
    }

    public ObservableList<AttestationRow> attestations() {
        return FXCollections.unmodifiableObservableList(attestations);
    }

    public ObservableList<ResidencyReport.Finding> findings() {
        return FXCollections.unmodifiableObservableList(findings);
    }

    /** Loads the first time the page is shown. */
    public void loadIfNeeded() {
        if (!loadedOnce) {
            load();
        }
    }

    /** Loads the report of the chosen period; a load still under way is called off. */
    public void load() {
        loadedOnce = true;
        current.cancel();
        long mine = ++generation;
        Instant[] range = range(period.get(), clock);
        // The last period's report goes at once: its verdict and badge would speak for the new period.
        apply(null);
        loading.set(true);
        error.set(null);
        state.set(LoadState.LOADING);
        current = executor.run(() -> fetch(range[0], range[1]), result -> {
            if (mine == generation) {
                loading.set(false);
                contact.answered();
                apply(result);
                state.set(isEmpty(result.report()) ? LoadState.EMPTY : LoadState.READY);
            }
        }, failure -> {
            if (mine == generation) {
                loading.set(false);
                contact.failed(failure);
                LOG.warn("residency report could not be loaded: {}", failure.getMessage());
                LoadState failed = LoadState.ofFailure(failure);
                error.set(failed == LoadState.OFFLINE ? i18n.get("residency.error.offline")
                        : i18n.get("residency.error.load", String.valueOf(failure.getMessage())));
                apply(null);
                state.set(failed);
            }
        });
    }

    public void dispose() {
        cancelPdfExport();
        current.cancel();
        generation++;
    }

    private static boolean isEmpty(ResidencyReport r) {
        return r.inventory().isEmpty() && r.processing().isEmpty() && r.transfers().isEmpty()
                && r.operatorAccess().isEmpty();
    }

    /** {@code from} inclusive, {@code to} exclusive, for a period choice at the clock's now. */
    static Instant[] range(PeriodChoice choice, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(SiteTime.ZONE));
        LocalDate quarterStart = today.with(IsoFields.DAY_OF_QUARTER, 1);
        LocalDate from;
        LocalDate to;
        switch (choice) {
            case THIS_QUARTER -> {
                from = quarterStart;
                to = today.plusDays(1);
            }
            case LAST_QUARTER -> {
                from = quarterStart.minusMonths(3);
                to = quarterStart;
            }
            case THIS_YEAR -> {
                from = today.withDayOfYear(1);
                to = today.plusDays(1);
            }
            default -> {
                from = today.minusDays(89);
                to = today.plusDays(1);
            }
        }
        return new Instant[]{from.atStartOfDay(SiteTime.ZONE).toInstant(), to.atStartOfDay(SiteTime.ZONE).toInstant()};
    }

    /**
     * Background: fetches report and keys, pins and verifies by the pinned keys (the same rule as {@code verify
     * --trusted-keys}), and checks the report's log against the last tree head accepted for the tenant.
     */
    private Loaded fetch(Instant from, Instant to) throws IOException {
        Me me = me();
        TreeHeadStore heads = pins.treeHeads();
        Optional<TreeHead> lastHead = me == null ? Optional.empty() : heads.last(me.tenant().id());
        JsonNode document = client.residencyReport(from, to, lastHead.map(TreeHead::treeSize).orElse(null));
        ResidencyReport parsed = Json.mapper().treeToValue(document.get("report"), ResidencyReport.class);
        Map<String, String> names = me == null ? Map.of()
                : me.projects().stream().collect(Collectors.toMap(Me.Project::id, Me.Project::name, (a, b) -> a));
        JwkSet keys;
        try {
            keys = client.factoryKeys();
        } catch (RuntimeException e) {
            // The report is still worth showing; it just cannot be vouched for.
            return new Loaded(document, parsed, null, null, null, null, null, e, names);
        }
        KeyPinning.Decision decision = pins.decide(keys);
        TrustAnchor.Verdict verdict = TrustAnchor.pinned(pins.pinned()).verify(document, keys);
        LogSection section = null;
        LogCheck.Result log = null;
        if (verdict.trust() == TrustAnchor.Trust.TRUSTED) {
            section = LogSection.of(document).orElse(null);
            if (section != null) {
                Optional<LogSection> previous = heads.lastSection(parsed.tenant().id());
                log = previous.isEmpty() ? null : LogCheck.check(previous.get(), section, null);
                if (log == null || log.status() == LogCheck.Status.CONSISTENT) {
                    heads.remember(section);
                }
            }
        }
        return new Loaded(document, parsed, keys, decision, verdict, log, section, null, names);
    }

    /** Who is signed in (tenant and project names), or null when it cannot be fetched: ids are shown, the log not compared. */
    private Me me() {
        try {
            return client.me();
        } catch (RuntimeException e) {
            LOG.debug("caller not fetched: {}", e.toString());
            return null;
        }
    }

    /** A project's name as the tenant knows it, or its id when the name is not known. */
    public String projectName(String projectId) {
        return loaded == null ? projectId : loaded.projectNames().getOrDefault(projectId, projectId);
    }

    private void apply(Loaded result) {
        loaded = result;
        ResidencyReport r = result == null ? null : result.report();
        sites.setAll(r == null ? List.of() : r.sites());
        inventory.setAll(r == null ? List.of() : r.inventory());
        processing.setAll(r == null ? List.of() : r.processing());
        transfers.setAll(r == null ? List.of() : r.transfers());
        operatorAccess.setAll(r == null ? List.of() : r.operatorAccess());
        LocalDate warnBefore = LocalDate.now(clock.withZone(SiteTime.ZONE)).plusDays(EXPIRY_WARNING_DAYS);
        attestations.setAll(r == null ? List.of() : r.attestations().stream()
                .map(a -> new AttestationRow(a, !a.validTo().isAfter(warnBefore)))
                .toList());
        findings.setAll(r == null ? List.of() : r.findings());
        // Set last: listeners of the report read the lists.
        report.set(r);
        if (result == null) {
            verification.set(Verification.UNVERIFIED);
            keyFingerprint.set(null);
        } else if (result.decision() == null) {
            verification.set(Verification.UNVERIFIED);
            keyFingerprint.set(null);
        } else if (!result.decision().trusted() || result.verdict().trust() == TrustAnchor.Trust.UNTRUSTED) {
            verification.set(Verification.KEY_CHANGED);
            keyFingerprint.set(null);
        } else if (result.verdict().trust() == TrustAnchor.Trust.TRUSTED) {
            verification.set(Verification.VERIFIED);
            keyFingerprint.set(result.keys().find(result.result().kid()).map(Jwk::fingerprint).orElse(null));
        } else {
            verification.set(Verification.TAMPERED);
            keyFingerprint.set(null);
        }
        logStatus.set(logStatusOf(result));
        describe();
    }

    private static LogStatus logStatusOf(Loaded result) {
        if (result == null || result.section() == null) {
            return LogStatus.NONE;
        }
        if (result.section().problem().isPresent()) {
            return LogStatus.INCONSISTENT;
        }
        if (result.log() == null) {
            return LogStatus.FIRST;
        }
        return switch (result.log().status()) {
            case CONSISTENT -> LogStatus.CONSISTENT;
            case INCONSISTENT -> LogStatus.INCONSISTENT;
            case NOT_CHECKED -> LogStatus.NOT_CHECKED;
        };
    }

    /** Writes the verdict and badge texts in the current language. */
    private void describe() {
        ResidencyReport r = report.get();
        verdictText.set(r == null ? null : verdictSentence(r, i18n));
        logText.set(switch (logStatus.get()) {
            case NONE -> null;
            case FIRST -> i18n.get("residency.log.first", loaded.section().treeHead().treeSize());
            case CONSISTENT -> i18n.get("residency.log.consistent", loaded.section().treeHead().treeSize());
            case INCONSISTENT -> i18n.get("residency.log.inconsistent", loaded.log() != null && !loaded.log().dropped().isEmpty()
                    ? loaded.log().dropped().stream().map(LogEntry::describe).collect(Collectors.joining(", "))
                    : loaded.section().problem().orElse(loaded.log() == null ? "" : loaded.log().message()));
            case NOT_CHECKED -> i18n.get("residency.log.notChecked");
        });
        verificationText.set(switch (verification.get()) {
            case VERIFIED -> i18n.get(switch (loaded.decision().outcome()) {
                // Says so when this load pinned the key: the first use, or again after the pin was forgotten.
                case FIRST_USE -> "residency.verify.firstUse";
                case ROTATED -> "residency.verify.rotated";
                default -> "residency.verify.ok";
            }, KeyFingerprint.shortForm(keyFingerprint.get()));
            case TAMPERED -> i18n.get("residency.verify.tampered", reasonText(loaded.result()));
            case KEY_CHANGED -> i18n.get("residency.verify.keyChanged", loaded.decision().untrustedKids().isEmpty()
                    ? String.valueOf(loaded.verdict().signature().kid()) : String.join(", ", loaded.decision().untrustedKids()));
            case UNVERIFIED -> loaded == null ? null : loaded.keyFailure() != null
                    ? i18n.get("residency.verify.noKeys") : i18n.get("residency.verify.unverified");
        });
    }

    private String reasonText(VerificationResult result) {
        String why = switch (result.reason()) {
            case UNKNOWN_KEY -> i18n.get("residency.reason.unknownKey", String.valueOf(result.kid()));
            case BAD_SIGNATURE -> i18n.get("residency.reason.badSignature");
            case MALFORMED -> i18n.get("residency.reason.malformed", result.message());
            case KEY_NOT_VALID_AT_SIGNING_TIME -> i18n.get("residency.reason.keyNotValid");
            case VALID -> "";
        };
        return why;
    }

    /** The verdict in plain words, in the language of {@code i18n}. */
    static String verdictSentence(ResidencyReport r, I18n i18n) {
        Locale locale = i18n.locale();
        String tenant = r.tenant().name();
        String from = Formats.date(LocalDate.ofInstant(r.period().from(), SiteTime.ZONE), locale);
        // The period's end is exclusive; people read the last day included.
        String to = Formats.date(LocalDate.ofInstant(r.period().to(), SiteTime.ZONE).minusDays(1), locale);
        ResidencyReport.Verdict v = r.verdict();
        String stored = countries(v.storageCountries(), locale);
        String processed = countries(v.processingCountries(), locale);
        String where = stored.equals(processed) || processed.isEmpty()
                ? i18n.get("residency.verdict.where.same", stored)
                : i18n.get("residency.verdict.where.split", stored, processed);
        return switch (v.status()) {
            case COMPLIANT -> i18n.get("residency.verdict.compliant", tenant, where, from, to);
            case FINDINGS -> i18n.get("residency.verdict.findings", tenant, where, from, to,
                    v.resolvedFindings() + v.exceptions());
            case VIOLATION -> i18n.get("residency.verdict.violation", tenant, from, to, v.unresolvedFindings());
        };
    }

    private static String countries(List<String> codes, Locale locale) {
        return codes.stream().map(c -> new Locale("", c).getDisplayCountry(locale)).collect(Collectors.joining(", "));
    }

    /** Writes the signed document as received (pretty printed; the signature covers the canonical form). */
    public void exportReport(Path target, Runnable done, Consumer<String> failed) {
        if (loaded == null) {
            return;
        }
        JsonNode document = loaded.document();
        write(target, () -> Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(document), done, failed);
    }

    /** Writes the factory's published key set, for an auditor's offline {@code verify --keys}. */
    public void exportKeys(Path target, Runnable done, Consumer<String> failed) {
        if (loaded == null || loaded.keys() == null) {
            return;
        }
        JwkSet keys = loaded.keys();
        write(target, () -> Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(keys.toJson()), done, failed);
    }

    /** Whether a PDF is being written. */
    public ReadOnlyBooleanProperty exportingPdfProperty() {
        return pdfExport.runningProperty();
    }

    /** How far the PDF export is, 0 to 1. */
    public ReadOnlyDoubleProperty pdfProgressProperty() {
        return pdfExport.progressProperty();
    }

    /**
     * Writes the report as shown, in the current language, as a PDF in the background. The file appears only when
     * complete; {@link #cancelPdfExport()} leaves no file behind.
     */
    public void exportPdf(Path target, Runnable done, Consumer<String> failed) {
        if (loaded == null) {
            return;
        }
        ResidencyReport shown = loaded.report();
        List<AttestationRow> rows = List.copyOf(attestations);
        ResidencyPdf.Signature signature = signatureSummary();
        Locale locale = i18n.locale();
        pdfDone = done;
        pdfFailed = failed;
        Map<String, String> names = loaded.projectNames();
        pdfExport.start(target, (out, progress) -> ResidencyPdf.write(out, shown, rows, signature, names, locale, progress));
    }

    /** Calls off a running PDF export; the target file is left as it was. */
    public void cancelPdfExport() {
        pdfExport.cancel();
    }

    private void pdfFinished(FileExport.Result result) {
        if (result == null || result.cancelled()) {
            return;
        }
        if (result.ok()) {
            pdfDone.run();
        } else {
            pdfFailed.accept(i18n.get("residency.export.failed", result.error()));
        }
    }

    /** The signature as the page judged it, for the PDF. */
    private ResidencyPdf.Signature signatureSummary() {
        VerificationResult result = loaded.result();
        String kid = result == null ? null : result.kid();
        String fingerprint = kid == null || loaded.keys() == null ? null
                : loaded.keys().find(kid).map(Jwk::fingerprint).orElse(null);
        return new ResidencyPdf.Signature(kid, fingerprint, verificationText.get(), result == null ? null : result.signedAt());
    }

    /** Whether a report is there to export. */
    public boolean canExport() {
        return loaded != null;
    }

    /** Whether keys are there to export. */
    public boolean canExportKeys() {
        return loaded != null && loaded.keys() != null;
    }

    private interface Bytes {
        byte[] get() throws IOException;
    }

    private void write(Path target, Bytes bytes, Runnable done, Consumer<String> failed) {
        executor.run(() -> {
            Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
            Files.write(temporary, bytes.get());
            AtomicFiles.move(temporary, target);
            return target;
        }, path -> done.run(), failure -> {
            LOG.warn("export to {} failed: {}", target, failure.getMessage());
            failed.accept(i18n.get("residency.export.failed", String.valueOf(failure.getMessage())));
        });
    }
}
