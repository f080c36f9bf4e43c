package eu.aifactory.portal.workloads;

import eu.aifactory.api.workload.Artifact;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.common.TaskHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One artifact of a workload and its download: progress, cancel, and resume. The client keeps a {@code .part} file
 * of an interrupted download and fetches only the rest (HTTP Range), so "Resume" after a drop or a cancel continues
 * where it stopped. Progress arrives on the download thread and is handed to the UI thread at most once per frame.
 */
public final class ArtifactDownload {

    /** Where the download stands. */
    public enum State { IDLE, DOWNLOADING, DONE, FAILED, CANCELLED }

    private final Artifact artifact;
    private final FactoryClient client;
    private final TaskExecutor executor;
    private final Consumer<Throwable> contact;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicBoolean progressQueued = new AtomicBoolean();
    private Path target;
    private TaskHandle call = TaskHandle.NONE;

    ArtifactDownload(Artifact artifact, FactoryClient client, TaskExecutor executor, Consumer<Throwable> contact) {
        this.artifact = artifact;
        this.client = client;
        this.executor = executor;
        this.contact = contact;
    }

    public Artifact artifact() {
        return artifact;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** 0..1 of the artifact's size on disk. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The file chosen for the last download, or null. */
    public Path target() {
        return target;
    }

    /** Downloads to {@code file}; a part file of an earlier attempt to the same file is resumed. */
    public void start(Path file) {
        if (state.get() == State.DOWNLOADING) {
            return;
        }
        target = file;
        failure.set(null);
        state.set(State.DOWNLOADING);
        call = executor.run(() -> client.downloadArtifact(artifact.id(), file, this::onBytes), total -> {
            progress.set(1.0);
            contact.accept(null);
            state.set(State.DONE);
        }, error -> {
            contact.accept(error);
            failure.set(error);
            state.set(State.FAILED);
        });
    }

    /** Continues an interrupted download to the same file. */
    public void resume() {
        if (target != null) {
            start(target);
        }
    }

    /** Stops the download; the part file stays, so {@link #resume()} continues it. */
    public void cancel() {
        if (state.get() == State.DOWNLOADING) {
            call.cancel();
            state.set(State.CANCELLED);
        }
    }

    private void onBytes(long onDisk) {
        bytes.set(onDisk);
        if (progressQueued.compareAndSet(false, true)) {
            executor.runLater(Duration.ZERO, () -> {
                progressQueued.set(false);
                if (state.get() == State.DOWNLOADING && artifact.sizeBytes() > 0) {
                    progress.set(Math.min(1.0, (double) bytes.get() / artifact.sizeBytes()));
                }
            });
        }
    }

    void dispose() {
        call.cancel();
    }
}
