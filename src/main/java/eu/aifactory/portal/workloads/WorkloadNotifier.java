package eu.aifactory.portal.workloads;

import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadEvent;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.portal.common.TaskExecutor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Decides which events deserve a desktop notification: a workload of the signed-in user started, succeeded or
 * failed, and the user has notifications switched on in Settings. Whose workload it is comes from workloads seen
 * before, or from the factory. Runs on the UI thread; showing the notification is the sink's job.
 */
public final class WorkloadNotifier {

    /** What to tell the user. */
    public record Notice(String workloadId, String name, WorkloadStatus status, String reason, String reasonCode,
                         java.util.List<String> reasonArgs) {

        public Notice(String workloadId, String name, WorkloadStatus status, String reason) {
            this(workloadId, name, status, reason, null, null);
        }
    }

    private static final int REMEMBERED = 2_000;

    private final FactoryClient client;
    private final TaskExecutor executor;
    private final Me me;
    private final BooleanSupplier enabled;
    private final Consumer<Notice> sink;
    /** Submitter and name by workload id, oldest dropped first. */
    private final Map<String, Workload> known = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Workload> eldest) {
            return size() > REMEMBERED;
        }
    };
    private boolean disposed;

    public WorkloadNotifier(FactoryClient client, TaskExecutor executor, Me me, BooleanSupplier enabled,
                            Consumer<Notice> sink) {
        this.client = client;
        this.executor = executor;
        this.me = me;
        this.enabled = enabled;
        this.sink = sink;
    }

    /** A workload seen in the table or just submitted: no need to ask the factory whose it is. */
    public void remember(Workload workload) {
        known.put(workload.id(), workload);
    }

    public void onEvent(WorkloadEvent event) {
        if (disposed || !worthTelling(event.status()) || !enabled.getAsBoolean()) {
            return;
        }
        Workload workload = known.get(event.workloadId());
        if (workload != null) {
            tellIfMine(workload, event);
            return;
        }
        executor.run(() -> client.getWorkload(event.workloadId()), fetched -> {
            remember(fetched);
            tellIfMine(fetched, event);
        }, failure -> { });
    }

    private void tellIfMine(Workload workload, WorkloadEvent event) {
        if (disposed || !me.user().id().equals(workload.submittedBy())) {
            return;
        }
        sink.accept(new Notice(workload.id(), workload.name(), event.status(), event.statusReason(), event.reasonCode(),
                event.reasonArgs()));
    }

    private static boolean worthTelling(WorkloadStatus status) {
        return status == WorkloadStatus.RUNNING || status == WorkloadStatus.SUCCEEDED || status == WorkloadStatus.FAILED;
    }

    void dispose() {
        disposed = true;
        known.clear();
    }
}
