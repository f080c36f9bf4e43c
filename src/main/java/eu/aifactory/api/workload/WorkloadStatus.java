package eu.aifactory.api.workload;

/** The lifecycle: QUEUED → STARTING → RUNNING → SUCCEEDED | FAILED | CANCELLED (via CANCELLING). */
public enum WorkloadStatus {
    QUEUED, STARTING, RUNNING, CANCELLING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public boolean isCancellable() {
        return this == QUEUED || this == STARTING || this == RUNNING;
    }
}
