package eu.aifactory.portal.admin;

import eu.aifactory.api.access.AccessRequest;
import eu.aifactory.api.access.AccessRequestState;
import eu.aifactory.client.ApiException;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Access requests tab: the factory operator's requests for access to the tenant's data, newest first. Tenant
 * admins approve or deny a pending one (a denial needs a comment); account managers only read. Every decision goes
 * to the factory in the background and the list is re-read from its answer.
 */
public final class AccessRequestsViewModel {

    private final FactoryClient client;
    private final TaskExecutor executor;
    private final ConnectionMonitor monitor;
    private final I18n i18n;
    private final boolean canDecide;
    private final ObservableList<AccessRequest> requests = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper pending = new ReadOnlyIntegerWrapper(this, "pending");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper(this, "info");
    private final ReadOnlyStringWrapper commentError = new ReadOnlyStringWrapper(this, "commentError");
    private boolean disposed;

    /** @param canDecide true for tenant admins; account managers read only */
    public AccessRequestsViewModel(FactoryClient client, TaskExecutor executor, ConnectionMonitor monitor, I18n i18n,
                                   boolean canDecide) {
        this.client = Objects.requireNonNull(client);
        this.executor = Objects.requireNonNull(executor);
        this.monitor = Objects.requireNonNull(monitor);
        this.i18n = Objects.requireNonNull(i18n);
        this.canDecide = canDecide;
    }

    public ObservableList<AccessRequest> requests() {
        return requests;
    }

    /** How many requests wait for a decision. */
    public ReadOnlyIntegerProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public boolean canDecide() {
        return canDecide;
    }

    /** Whether this request can be decided by this user now. */
    public boolean decidable(AccessRequest request) {
        return canDecide && request != null && request.state() == AccessRequestState.PENDING;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    /** Why the comment is missing, shown next to the field; null when fine. */
    public ReadOnlyStringProperty commentErrorProperty() {
        return commentError.getReadOnlyProperty();
    }

    public void load() {
        call(() -> client.listAccessRequests(null), null);
    }

    public void approve(AccessRequest request, String comment) {
        commentError.set(null);
        String text = blankToNull(comment);
        call(() -> {
            client.approveAccessRequest(request.id(), text);
            return client.listAccessRequests(null);
        }, i18n.get("access.approved", request.accessorName()));
    }

    /** Denies with a comment; without one nothing is sent and the field says why. */
    public boolean deny(AccessRequest request, String comment) {
        String text = blankToNull(comment);
        if (text == null) {
            commentError.set(i18n.get("access.comment.required"));
            return false;
        }
        commentError.set(null);
        call(() -> {
            client.denyAccessRequest(request.id(), text);
            return client.listAccessRequests(null);
        }, i18n.get("access.denied", request.accessorName()));
        return true;
    }

    // ---------------------------------------------------------------- texts of a request

    public String state(AccessRequest r) {
        return i18n.get(switch (r.state()) {
            case PENDING -> "access.state.pending";
            case APPROVED -> "access.state.approved";
            case DENIED -> "access.state.denied";
            case EXPIRED -> "access.state.expired";
        });
    }

    /** "Jonas Berger (T-Systems International GmbH)", for the table. */
    public String accessor(AccessRequest r) {
        return i18n.get("access.accessor", r.accessorName(), r.employer());
    }

    /** "Jonas Berger, Support engineer (2nd level), T-Systems International GmbH (office DE), working from AT". */
    public String who(AccessRequest r) {
        return i18n.get("access.who", r.accessorName(), r.accessorRole(), r.employer(), r.officeCountry(),
                r.locationCountry());
    }

    /** The resource, with its project's name when it belongs to one. */
    public String resource(AccessRequest r) {
        return r.projectName() == null ? r.resource() : i18n.get("access.resourceInProject", r.resource(), r.projectName());
    }

    public String reason(AccessRequest r) {
        return i18n.get(switch (r.reasonCode()) {
            case CUSTOMER_INITIATED_SUPPORT -> "residency.reason.support";
            case SERVICE_MAINTENANCE -> "residency.reason.maintenance";
            case SECURITY_RESPONSE -> "residency.reason.security";
            case LEGAL_REQUEST -> "residency.reason.legal";
            case HARDWARE_FAULT -> "residency.reason.hardware";
        });
    }

    public String duration(AccessRequest r) {
        int minutes = r.durationMinutes();
        return minutes % 60 == 0 ? i18n.get("access.duration.hours", minutes / 60) : i18n.get("access.duration.minutes", minutes);
    }

    public String deadline(AccessRequest r) {
        return Formats.dateTime(r.deadline(), i18n.locale());
    }

    /** What was decided, by whom and when, with the comment; what waits, until when. */
    public String decision(AccessRequest r) {
        return switch (r.state()) {
            case PENDING -> i18n.get("access.decision.pending", deadline(r));
            case EXPIRED -> i18n.get("access.decision.expired", deadline(r));
            case APPROVED -> i18n.get("access.decision.approved", r.decidedBy(), Formats.dateTime(r.decidedAt(), i18n.locale()),
                    Formats.dateTime(r.accessUntil(), i18n.locale()), r.accesses())
                    + (r.comment() == null ? "" : " \u2013 \u201e" + r.comment() + "\u201c");
            case DENIED -> i18n.get("access.decision.denied", r.decidedBy(), Formats.dateTime(r.decidedAt(), i18n.locale()))
                    + (r.comment() == null ? "" : " \u2013 \u201e" + r.comment() + "\u201c");
        };
    }

    /** The session ended: answers still on their way are dropped. */
    public void dispose() {
        disposed = true;
    }

    // ---------------------------------------------------------------- helpers

    private void call(Callable<List<AccessRequest>> work, String done) {
        busy.set(true);
        error.set(null);
        executor.run(work, list -> {
            if (disposed) {
                return;
            }
            busy.set(false);
            monitor.reportSuccess();
            requests.setAll(list);
            pending.set((int) list.stream().filter(r -> r.state() == AccessRequestState.PENDING).count());
            info.set(done);
        }, failure -> {
            if (disposed) {
                return;
            }
            busy.set(false);
            monitor.report(failure);
            info.set(null);
            error.set(Refusals.describe(failure, i18n));
            // A decision refused because the request changed meanwhile (expired, decided by someone else): show that.
            if (failure instanceof ApiException api && api.status() == 409) {
                executor.run(() -> client.listAccessRequests(null), list -> {
                    requests.setAll(list);
                    pending.set((int) list.stream().filter(r -> r.state() == AccessRequestState.PENDING).count());
                }, ignored -> { });
            }
        });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
