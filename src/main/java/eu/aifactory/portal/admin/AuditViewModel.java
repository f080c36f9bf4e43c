package eu.aifactory.portal.admin;

import eu.aifactory.api.Page;
import eu.aifactory.api.audit.AuditAction;
import eu.aifactory.api.audit.AuditEntry;
import eu.aifactory.api.audit.AuditOutcome;
import eu.aifactory.api.audit.AuditQuery;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.portal.common.FileExport;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.common.TaskHandle;
import eu.aifactory.portal.i18n.I18n;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Audit tab's state: the tenant's audit trail, newest first, narrowed by action, user, outcome and a date range
 * (whole days at the site), read a page at a time ("load more") and exported as CSV. A changed filter reads the
 * trail again and drops the answer of a read still on its way.
 */
public final class AuditViewModel {

    static final int PAGE_SIZE = 100;

    private final FactoryClient client;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Clock clock;
    private final ZoneId zone;
    private final FileExport export;

    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<AuditAction> action = new SimpleObjectProperty<>(this, "action");
    private final ObjectProperty<String> userId = new SimpleObjectProperty<>(this, "userId");
    private final ObjectProperty<AuditOutcome> outcome = new SimpleObjectProperty<>(this, "outcome");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(this, "more");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private TaskHandle pending = TaskHandle.NONE;
    private String cursor;
    private boolean loaded;
    private boolean disposed;

    public AuditViewModel(FactoryClient client, TaskExecutor executor, I18n i18n, Clock clock, ZoneId zone) {
        this.client = Objects.requireNonNull(client);
        this.executor = Objects.requireNonNull(executor);
        this.i18n = Objects.requireNonNull(i18n);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.export = new FileExport(executor);
        action.addListener((obs, old, now) -> reload());
        userId.addListener((obs, old, now) -> reload());
        outcome.addListener((obs, old, now) -> reload());
        from.addListener((obs, old, now) -> reload());
        to.addListener((obs, old, now) -> reload());
    }

    public ObservableList<AuditEntry> entries() {
        return entries;
    }

    /** Only entries of this action; null for all. */
    public ObjectProperty<AuditAction> actionProperty() {
        return action;
    }

    /** Only entries of this user; null for everyone. */
    public ObjectProperty<String> userIdProperty() {
        return userId;
    }

    public ObjectProperty<AuditOutcome> outcomeProperty() {
        return outcome;
    }

    /** The first day shown (at the site), or null. */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** The last day shown (at the site, inclusive), or null. */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Whether the factory has older entries than those shown. */
    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    /** Why the trail could not be read or exported, null otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return export.runningProperty();
    }

    public ReadOnlyObjectProperty<FileExport.Result> exportResultProperty() {
        return export.resultProperty();
    }

    /** Reads the first page the first time the tab is shown. */
    public void loadOnce() {
        if (!loaded) {
            reload();
        }
    }

    /** Reads the first page under the current filters again. */
    public void reload() {
        loaded = true;
        pending.cancel();
        entries.clear();
        cursor = null;
        more.set(false);
        fetch();
    }

    /** Appends the next page of older entries. */
    public void loadMore() {
        if (more.get() && !loading.get()) {
            fetch();
        }
    }

    /** Writes every entry matching the filters (not only those shown) as CSV to {@code target}. */
    public void exportCsv(Path target) {
        AuditQuery query = query(null);
        error.set(null);
        export.start(target, (out, progress) -> {
            progress.report(0);
            client.exportAudit(query, out);
        });
    }

    /** The file name offered for an export, e.g. {@code audit-2026-11-18.csv}. */
    public String suggestedCsvName() {
        return "audit-" + LocalDate.now(clock.withZone(zone)) + ".csv";
    }

    public void cancelExport() {
        export.cancel();
    }

    public void dispose() {
        disposed = true;
        pending.cancel();
        export.cancel();
    }

    private void fetch() {
        AuditQuery query = query(cursor);
        loading.set(true);
        error.set(null);
        pending = executor.run(() -> client.listAudit(query), (Page<AuditEntry> page) -> {
            if (disposed) {
                return;
            }
            loading.set(false);
            entries.addAll(page.items());
            cursor = page.nextCursor();
            more.set(page.hasMore());
        }, failure -> {
            if (disposed) {
                return;
            }
            loading.set(false);
            error.set(Refusals.describe(failure, i18n));
        });
    }

    private AuditQuery query(String after) {
        Instant start = from.get() == null ? null : from.get().atStartOfDay(zone).toInstant();
        Instant end = to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant();
        return new AuditQuery(action.get(), userId.get(), outcome.get(), start, end, after, PAGE_SIZE);
    }
}
