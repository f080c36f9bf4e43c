package eu.aifactory.portal.shell;

import eu.aifactory.api.access.AccessRequestState;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.Permissions;
import eu.aifactory.portal.common.Session;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.common.TaskHandle;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The main window's header and navigation state for one session. */
public final class ShellViewModel {

    /** How often the shell counts pending access requests. */
    static final Duration ACCESS_REQUEST_POLL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);

    private final Session session;
    private final I18n i18n;
    private final ConnectionMonitor monitor;
    private final ObjectProperty<Destination> selected = new SimpleObjectProperty<>(this, "selected", Destination.CATALOG);
    private final Permissions permissions;
    private final List<Destination> destinations;

    private final ReadOnlyIntegerWrapper pendingAccessRequests = new ReadOnlyIntegerWrapper(this, "pendingAccessRequests");
    private TaskHandle accessRequestPoll;

    public ShellViewModel(Session session, I18n i18n, ConnectionMonitor monitor) {
        this(session, i18n, monitor, destination -> true);
    }

    /** @param shown which of the entries the user's roles allow are offered (the kiosk leaves Settings out) */
    public ShellViewModel(Session session, I18n i18n, ConnectionMonitor monitor,
                          java.util.function.Predicate<Destination> shown) {
        this.session = session;
        this.i18n = i18n;
        this.monitor = monitor;
        this.permissions = Permissions.of(session.me());
        this.destinations = Destination.allowedEntries(permissions).stream().filter(shown).toList();
    }

    public Permissions permissions() {
        return permissions;
    }

    /** The navigation entries this user may open, in order; the others are not shown at all. */
    public List<Destination> destinations() {
        return destinations;
    }

    /** The digit of the entry's Ctrl shortcut (1 for the first entry the user sees), 0 for an entry not shown. */
    public int shortcutDigit(Destination destination) {
        return destinations.indexOf(destination) + 1;
    }

    /** The entry Ctrl+digit opens, if the user has that many entries. */
    public Optional<Destination> destinationForShortcut(int digit) {
        return digit >= 1 && digit <= destinations.size() ? Optional.of(destinations.get(digit - 1)) : Optional.empty();
    }

    public Session session() {
        return session;
    }

    public String tenantName() {
        return session.me().tenant().name();
    }

    public String userName() {
        return session.me().user().name();
    }

    /** The user's roles, most powerful first, in the current language ("Tenant administrator, Engineer"). */
    public StringBinding roleText() {
        return Bindings.createStringBinding(() -> session.me().roles().stream()
                .sorted(Comparator.comparing(Role::ordinal).reversed())
                .map(role -> i18n.get("role." + role.wire()))
                .collect(Collectors.joining(", ")), i18n.localeProperty());
    }

    public ObjectProperty<Destination> selectedProperty() {
        return selected;
    }

    /** Opens the page with this id; a page the user's roles do not allow stays closed (returns false). */
    public boolean navigate(String pageId) {
        Destination destination = Destination.byPageId(pageId);
        if (!destinations.contains(destination)) {
            return false;
        }
        selected.set(destination);
        return true;
    }

    public ReadOnlyObjectProperty<ConnectionMonitor.State> connectionStateProperty() {
        return monitor.stateProperty();
    }

    /** "Online", "Reconnecting …" or "Offline". */
    public StringBinding connectionText() {
        return Bindings.createStringBinding(() -> i18n.get(switch (monitor.state()) {
            case ONLINE -> "connection.online";
            case RECONNECTING -> "connection.reconnecting";
            case OFFLINE -> "connection.offline";
        }), monitor.stateProperty(), i18n.localeProperty());
    }

    /** "Last contact 14:03:12", or empty before the first contact. */
    public StringBinding lastContactText() {
        return Bindings.createStringBinding(() -> {
            Instant last = monitor.lastContactProperty().get();
            return last == null ? "" : i18n.get("connection.lastContact", Formats.time(last, i18n.locale()));
        }, monitor.lastContactProperty(), i18n.localeProperty());
    }

    /** The factory the session talks to, for the tooltip of the connection indicator. */
    public StringBinding factoryText() {
        return Bindings.createStringBinding(() -> session.demo()
                ? i18n.get("connection.factory.demo", session.factoryUrl())
                : i18n.get("connection.factory.remote", session.factoryUrl()), i18n.localeProperty());
    }

    /** How many operator access requests wait for a tenant admin's decision: the badge on the Admin entry. */
    public ReadOnlyIntegerProperty pendingAccessRequestsProperty() {
        return pendingAccessRequests.getReadOnlyProperty();
    }

    /**
     * For tenant admins: counts the pending access requests now, every {@link #ACCESS_REQUEST_POLL} and whenever the
     * user changes page (so a decision on the Admin page shows when they leave it).
     */
    public void watchAccessRequests(TaskExecutor executor) {
        if (!permissions.administers() || accessRequestPoll != null) {
            return;
        }
        Runnable count = () -> executor.run(() -> session.client().listAccessRequests(AccessRequestState.PENDING).size(),
                pendingAccessRequests::set, failure -> LOG.debug("pending access requests not counted: {}", failure.toString()));
        count.run();
        selected.addListener((obs, old, now) -> count.run());
        accessRequestPoll = executor.repeat(ACCESS_REQUEST_POLL, count);
    }

    /** Stops counting; the session ends. */
    public void dispose() {
        if (accessRequestPoll != null) {
            accessRequestPoll.cancel();
        }
    }

    /** Asks the factory right away, e.g. when the user clicks the indicator. */
    public void checkConnection() {
        monitor.checkNow();
    }
}
