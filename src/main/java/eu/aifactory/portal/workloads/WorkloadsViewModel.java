package eu.aifactory.portal.workloads;

import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadEvent;
import eu.aifactory.api.workload.WorkloadQuery;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.client.FactoryClient.ConnectionState;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.common.TaskHandle;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The workloads table: pages from the factory (filtered and sorted there, never all 100,000 at once), quick filters
 * and search, and live updates from the event stream that replace rows in place, so the selection stays put. When
 * the stream has been reconnecting for a while, the first page is polled instead. Used on the UI thread.
 */
public final class WorkloadsViewModel {

    static final int PAGE_SIZE = 50;
    static final Duration SEARCH_DEBOUNCE = Duration.ofMillis(300);
    static final Duration POLL_PERIOD = Duration.ofSeconds(5);
    /** How long the stream may be reconnecting before the table polls instead. */
    static final Duration POLL_AFTER = Duration.ofSeconds(10);
    /** How often cost and energy of running rows are fetched again; events only carry status changes. */
    static final Duration ACTIVE_REFRESH = Duration.ofSeconds(15);
    static final Set<WorkloadStatus> RUNNING = EnumSet.of(WorkloadStatus.STARTING, WorkloadStatus.RUNNING,
            WorkloadStatus.CANCELLING);
    static final Set<WorkloadStatus> FAILED = EnumSet.of(WorkloadStatus.FAILED);

    private final FactoryClient client;
    private final TaskExecutor executor;
    private final Me me;
    private final WorkloadEvents events;
    private final Clock clock;
    private final Consumer<Throwable> contact;

    private final ObservableList<Workload> rows = FXCollections.observableArrayList();
    private final BooleanProperty mine = new SimpleBooleanProperty(this, "mine");
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final BooleanProperty failed = new SimpleBooleanProperty(this, "failed");
    private final BooleanProperty last24h = new SimpleBooleanProperty(this, "last24h");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    /** The factory's sort key ({@code status}, {@code -costEur}, ...); null for its default, newest first. */
    private final StringProperty sort = new SimpleStringProperty(this, "sort");
    private final ObjectProperty<Workload> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ReadOnlyBooleanWrapper polling = new ReadOnlyBooleanWrapper(this, "polling");
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final Consumer<WorkloadEvent> eventListener = this::onEvent;
    private final ChangeListener<ConnectionState> stateListener = (obs, old, now) -> connectionChanged(now);
    private final Set<String> fetching = new HashSet<>();

    private WorkloadQuery query;
    private String nextCursor;
    private int generation;
    private boolean loaded;
    private boolean replacing;
    private TaskHandle pageCall = TaskHandle.NONE;
    private TaskHandle searchDelay = TaskHandle.NONE;
    private TaskHandle pollStart = TaskHandle.NONE;
    private TaskHandle pollTimer = TaskHandle.NONE;
    private TaskHandle refreshCall = TaskHandle.NONE;
    private TaskHandle activeRefresh = TaskHandle.NONE;

    /** @param contact hears of every call's outcome (null for success), for the shell's connection monitor */
    public WorkloadsViewModel(FactoryClient client, TaskExecutor executor, Me me, WorkloadEvents events, Clock clock,
                              Consumer<Throwable> contact) {
        this.client = client;
        this.executor = executor;
        this.me = me;
        this.events = events;
        this.clock = clock;
        this.contact = contact;
        this.query = buildQuery();
        mine.addListener((obs, old, now) -> reload());
        running.addListener((obs, old, now) -> reload());
        failed.addListener((obs, old, now) -> reload());
        last24h.addListener((obs, old, now) -> reload());
        search.addListener((obs, old, now) -> {
            searchDelay.cancel();
            searchDelay = executor.runLater(SEARCH_DEBOUNCE, this::reload);
        });
        sort.addListener((obs, old, now) -> reload());
        events.addListener(eventListener);
        events.stateProperty().addListener(stateListener);
    }

    /** The order the factory sorts the table in; set it and the table loads again from the first page. */
    public StringProperty sortProperty() {
        return sort;
    }

    /** Whether the rows are newest first, so a new workload belongs on top. */
    private boolean newestFirst() {
        return sort.get() == null || sort.get().equals("createdAt");
    }

    public ObservableList<Workload> rows() {
        return rows;
    }

    public BooleanProperty mineProperty() {
        return mine;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty failedProperty() {
        return failed;
    }

    public BooleanProperty last24hProperty() {
        return last24h;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** The selected workload; updated in place when its row is. */
    public ObjectProperty<Workload> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    /** True while the table polls because the event stream is away. */
    public ReadOnlyBooleanProperty pollingProperty() {
        return polling.getReadOnlyProperty();
    }

    /** Why the last page did not load, or null. */
    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The query the table shows now. */
    public WorkloadQuery query() {
        return query;
    }

    /** Loads the first page the first time the page is shown. */
    public void loadIfNeeded() {
        if (!loaded) {
            reload();
            activeRefresh = executor.repeat(ACTIVE_REFRESH, this::refreshActive);
        }
    }

    /** Cost and energy "so far" of the running workloads at the top, while the stream is live (polling does it else). */
    private void refreshActive() {
        if (!polling.get() && rows.stream().limit(PAGE_SIZE).anyMatch(w -> !w.status().isTerminal())) {
            refreshTop();
        }
    }

    /** Starts over with the current filters. */
    public void reload() {
        searchDelay.cancel();
        pageCall.cancel();
        refreshCall.cancel();
        generation++;
        loaded = true;
        query = buildQuery();
        nextCursor = null;
        loadPage(null, true);
    }

    /**
     * After a language switch: the factory sends reason values (the site, ...) in the caller's language, so rows
     * fetched before the switch are fetched again; nothing is fetched before the page first loaded.
     */
    public void languageSwitched() {
        if (loaded) {
            reload();
        }
    }

    /** Loads the next page at the end of the table; does nothing while a page is loading or on the last page. */
    public void loadMore() {
        if (loading.get() || nextCursor == null) {
            return;
        }
        loadPage(nextCursor, false);
    }

    private void loadPage(String cursor, boolean replace) {
        int expected = generation;
        WorkloadQuery request = query.withCursor(cursor);
        loading.set(true);
        failure.set(null);
        pageCall = executor.run(() -> client.listWorkloads(request), page -> {
            if (expected != generation) {
                return;
            }
            loading.set(false);
            contact.accept(null);
            if (replace) {
                replaceAll(page.items());
            } else {
                appendNew(page.items());
            }
            nextCursor = page.nextCursor();
            hasMore.set(page.hasMore());
        }, error -> {
            if (expected != generation) {
                return;
            }
            loading.set(false);
            contact.accept(error);
            failure.set(error);
        });
    }

    private void replaceAll(List<Workload> items) {
        String selectedId = selected.get() == null ? null : selected.get().id();
        rows.setAll(items);
        if (selectedId != null) {
            selected.set(rows.stream().filter(w -> w.id().equals(selectedId)).findFirst().orElse(null));
        }
    }

    private void appendNew(List<Workload> items) {
        Set<String> present = new HashSet<>();
        rows.forEach(w -> present.add(w.id()));
        rows.addAll(items.stream().filter(w -> !present.contains(w.id())).toList());
    }

    /** Fetches the first page again and merges it: known rows change in place, new ones go on top. */
    public void refreshTop() {
        if (!loaded || loading.get()) {
            return;
        }
        int expected = generation;
        WorkloadQuery request = query.withCursor(null);
        refreshCall.cancel();
        refreshCall = executor.run(() -> client.listWorkloads(request), page -> {
            if (expected != generation) {
                return;
            }
            contact.accept(null);
            List<Workload> fresh = page.items();
            for (int i = fresh.size() - 1; i >= 0; i--) {
                upsert(fresh.get(i), true);
            }
        }, contact::accept);
    }

    /** One status change from the stream. */
    void onEvent(WorkloadEvent event) {
        int index = indexOf(event.workloadId());
        if (index >= 0) {
            Workload current = rows.get(index);
            replace(index, applied(current, event));
            // Start and end times, cost and energy are the factory's to say.
            if (event.status() == WorkloadStatus.RUNNING || event.status().isTerminal()) {
                fetch(event.workloadId(), false);
            }
        } else if (event.status() == WorkloadStatus.QUEUED || !query.status().isEmpty()) {
            fetch(event.workloadId(), true);
        }
    }

    /** A workload this portal just created (or that the detail reloaded): shown at once, in place or on top. */
    public void show(Workload workload) {
        upsert(workload, matches(workload));
    }

    private void fetch(String workloadId, boolean insertIfMatching) {
        if (!fetching.add(workloadId)) {
            return;
        }
        int expected = generation;
        executor.run(() -> client.getWorkload(workloadId), workload -> {
            fetching.remove(workloadId);
            contact.accept(null);
            if (expected == generation) {
                upsert(workload, insertIfMatching && matches(workload));
            }
        }, error -> {
            fetching.remove(workloadId);
            contact.accept(error);
        });
    }

    private void upsert(Workload workload, boolean insertOnTop) {
        int index = indexOf(workload.id());
        if (index >= 0) {
            Workload row = withoutHistory(workload);
            if (!row.equals(rows.get(index))) {
                replace(index, row);
            }
        } else if (insertOnTop && newestFirst()) {
            // In another order a new workload has its place somewhere in the pages; it shows after the next load.
            rows.add(0, withoutHistory(workload));
        }
    }

    private void replace(int index, Workload workload) {
        Workload chosen = selected.get();
        boolean wasSelected = chosen != null && chosen.id().equals(workload.id());
        replacing = true;
        try {
            rows.set(index, workload);
        } finally {
            replacing = false;
        }
        if (wasSelected) {
            selected.set(workload);
        }
    }

    /**
     * True while a row is being replaced in place. A table may drop its selection for a moment while its item is
     * swapped; the view ignores that, and the selection comes back with the new item.
     */
    public boolean isReplacing() {
        return replacing;
    }

    private int indexOf(String workloadId) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(workloadId)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a workload belongs to the current filter, checked here as the factory would. */
    boolean matches(Workload workload) {
        if (!query.status().isEmpty() && !query.status().contains(workload.status())) {
            return false;
        }
        if (query.submittedBy() != null && !me.user().id().equals(workload.submittedBy())) {
            return false;
        }
        if (query.from() != null && workload.createdAt() != null && workload.createdAt().isBefore(query.from())) {
            return false;
        }
        if (query.q() != null) {
            String text = fold(workload.name() + " " + workload.appId() + " " + workload.id());
            return text.contains(fold(query.q()));
        }
        return true;
    }

    private WorkloadQuery buildQuery() {
        Set<WorkloadStatus> statuses = EnumSet.noneOf(WorkloadStatus.class);
        if (running.get()) {
            statuses.addAll(RUNNING);
        }
        if (failed.get()) {
            statuses.addAll(FAILED);
        }
        Instant from = last24h.get() ? clock.instant().minus(Duration.ofHours(24)) : null;
        String text = search.get() == null || search.get().isBlank() ? null : search.get().strip();
        return new WorkloadQuery(statuses, null, null, mine.get() ? "me" : null, from, null, text, sort.get(), PAGE_SIZE,
                null);
    }

    private void connectionChanged(ConnectionState state) {
        if (state == ConnectionState.CONNECTED) {
            stopPolling();
            return;
        }
        if (state == ConnectionState.RECONNECTING && !polling.get()) {
            pollStart.cancel();
            pollStart = executor.runLater(POLL_AFTER, () -> {
                polling.set(true);
                pollTimer = executor.repeat(POLL_PERIOD, this::refreshTop);
            });
        }
    }

    private void stopPolling() {
        pollStart.cancel();
        pollTimer.cancel();
        if (polling.get()) {
            polling.set(false);
            // The stream resumes from the last event it saw; one fetch covers what polling may have shown stale.
            refreshTop();
        }
    }

    public void dispose() {
        generation++;
        activeRefresh.cancel();
        pageCall.cancel();
        refreshCall.cancel();
        searchDelay.cancel();
        pollStart.cancel();
        pollTimer.cancel();
        events.removeListener(eventListener);
        events.stateProperty().removeListener(stateListener);
    }

    static Workload applied(Workload w, WorkloadEvent e) {
        Instant started = w.startedAt() == null && e.status() == WorkloadStatus.RUNNING ? e.at() : w.startedAt();
        Instant ended = w.endedAt() == null && e.status().isTerminal() ? e.at() : w.endedAt();
        // Text, code and values travel together: an event's reason replaces all three, or none.
        return e.statusReason() != null
                ? w.withReason(e.status(), e.statusReason(), e.reasonCode(), e.reasonArgs(), started, ended)
                : w.withReason(e.status(), w.statusReason(), w.statusReasonCode(), w.statusReasonArgs(), started, ended);
    }

    private static Workload withoutHistory(Workload w) {
        return w.withoutHistory();
    }

    private static String fold(String text) {
        String decomposed = Normalizer.normalize(text.replace("ß", "ss"), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /** For the paging check in tests: the cursor of the next page, or null. */
    String nextCursor() {
        return nextCursor;
    }
}
