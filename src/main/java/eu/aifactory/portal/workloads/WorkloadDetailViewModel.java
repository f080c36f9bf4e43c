package eu.aifactory.portal.workloads;

import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadEvent;
import eu.aifactory.api.workload.WorkloadSubmission;
import eu.aifactory.client.ApiException;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.common.TaskHandle;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One workload in detail: its full record with the status history, its log, its artifacts with downloads, and the
 * actions Cancel, Re-run and Clone. Follows the workload's events while open. Used on the UI thread.
 */
public final class WorkloadDetailViewModel {

    /** How often a running workload's record (cost and energy so far) is fetched again. */
    static final Duration LIVE_REFRESH = Duration.ofSeconds(10);

    private final FactoryClient client;
    private final TaskExecutor executor;
    private final Consumer<Throwable> contact;
    private final Supplier<String> newKey;
    private final ReadOnlyObjectWrapper<Workload> workload = new ReadOnlyObjectWrapper<>(this, "workload");
    private final ObservableList<ArtifactDownload> artifacts = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final ReadOnlyObjectWrapper<Workload> rerun = new ReadOnlyObjectWrapper<>(this, "rerun");
    private final ReadOnlyObjectWrapper<AppDetail> app = new ReadOnlyObjectWrapper<>(this, "app");
    private final BooleanBinding cancellable;
    private final LogViewModel log;
    private String rerunKey;
    private TaskHandle refreshCall = TaskHandle.NONE;
    private TaskHandle appCall = TaskHandle.NONE;
    private TaskHandle artifactsCall = TaskHandle.NONE;
    private TaskHandle liveRefresh = TaskHandle.NONE;
    private boolean artifactsLoaded;

    public WorkloadDetailViewModel(FactoryClient client, TaskExecutor executor, Workload initial, Consumer<Throwable> contact) {
        this(client, executor, initial, contact, () -> UUID.randomUUID().toString());
    }

    WorkloadDetailViewModel(FactoryClient client, TaskExecutor executor, Workload initial, Consumer<Throwable> contact,
                            Supplier<String> newKey) {
        this.client = client;
        this.executor = executor;
        this.contact = contact;
        this.newKey = newKey;
        this.workload.set(initial);
        this.log = new LogViewModel(client, executor, initial.id(), contact);
        this.cancellable = Bindings.createBooleanBinding(() -> workload.get() != null
                && workload.get().status().isCancellable() && !busy.get(), workload, busy);
    }

    public String workloadId() {
        return workload.get().id();
    }

    public ReadOnlyObjectProperty<Workload> workloadProperty() {
        return workload.getReadOnlyProperty();
    }

    public Workload workload() {
        return workload.get();
    }

    public LogViewModel log() {
        return log;
    }

    public ObservableList<ArtifactDownload> artifacts() {
        return artifacts;
    }

    /** True while Cancel or Re-run is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The workload a Re-run created. */
    public ReadOnlyObjectProperty<Workload> rerunProperty() {
        return rerun.getReadOnlyProperty();
    }

    /** Whether Cancel is offered: only while queued, starting or running, and not already asked. */
    public BooleanBinding cancellableProperty() {
        return cancellable;
    }

    /** The run's application from the catalog, for names, labels and units; null until it arrived or if it did not. */
    public ReadOnlyObjectProperty<AppDetail> appProperty() {
        return app.getReadOnlyProperty();
    }

    /** The catalog's description of the run's application version, or null while it is not known. */
    public AppVersion appVersion() {
        return app.get() == null ? null : app.get().version(workload.get().appVersion());
    }

    /** Loads the full record (with history), the artifacts and the log; keeps cost and energy current while it runs. */
    public void start() {
        String appId = workload.get().appId();
        // Names and units only: without them the detail shows what the factory stored.
        appCall = executor.run(() -> client.getApp(appId), app::set, failure -> { });
        refresh();
        log.start();
        liveRefresh = executor.repeat(LIVE_REFRESH, () -> {
            if (workload.get().status().isTerminal()) {
                liveRefresh.cancel();
            } else {
                refresh();
            }
        });
    }

    public void refresh() {
        String id = workload.get().id();
        refreshCall.cancel();
        refreshCall = executor.run(() -> client.getWorkload(id), fresh -> {
            contact.accept(null);
            workload.set(fresh);
            if (!artifactsLoaded || fresh.status().isTerminal()) {
                loadArtifacts();
            }
        }, error -> {
            contact.accept(error);
            failure.set(error);
        });
    }

    private void loadArtifacts() {
        String id = workload.get().id();
        artifactsCall.cancel();
        artifactsCall = executor.run(() -> client.listArtifacts(id), list -> {
            artifactsLoaded = true;
            contact.accept(null);
            for (var artifact : list) {
                if (artifacts.stream().noneMatch(a -> a.artifact().id().equals(artifact.id()))) {
                    artifacts.add(new ArtifactDownload(artifact, client, executor, contact));
                }
            }
        }, contact::accept);
    }

    /** An event of this workload arrived: show its status at once, then the factory's full record. */
    public void onEvent(WorkloadEvent event) {
        Workload current = workload.get();
        if (current == null || !current.id().equals(event.workloadId())) {
            return;
        }
        workload.set(WorkloadsViewModel.applied(current, event));
        refresh();
    }

    /** Asks the factory to cancel (the view confirms first). */
    public void cancel() {
        if (!cancellable.get()) {
            return;
        }
        String id = workload.get().id();
        busy.set(true);
        failure.set(null);
        executor.run(() -> client.cancel(id), updated -> {
            busy.set(false);
            contact.accept(null);
            workload.set(updated);
            refresh();
        }, error -> {
            busy.set(false);
            contact.accept(error);
            failure.set(error);
        });
    }

    /**
     * Submits the same application, version, plan, parameters and inputs again (the view confirms first). A new
     * Idempotency-Key per re-run, kept for a retry while the factory has not answered.
     */
    public void rerun() {
        if (busy.get()) {
            return;
        }
        Workload w = workload.get();
        WorkloadSubmission again = new WorkloadSubmission(w.name(), w.appId(), w.appVersion(), w.projectId(), w.planId(),
                w.priority(), w.parameters(), w.inputs());
        if (rerunKey == null) {
            rerunKey = newKey.get();
        }
        String key = rerunKey;
        busy.set(true);
        failure.set(null);
        executor.run(() -> client.submit(again, key), created -> {
            busy.set(false);
            rerunKey = null;
            contact.accept(null);
            rerun.set(created);
        }, error -> {
            busy.set(false);
            if (error instanceof ApiException api && api.status() < 500) {
                rerunKey = null;
            }
            contact.accept(error);
            failure.set(error);
        });
    }

    public void dispose() {
        liveRefresh.cancel();
        refreshCall.cancel();
        appCall.cancel();
        artifactsCall.cancel();
        log.dispose();
        artifacts.forEach(ArtifactDownload::dispose);
    }
}
