package eu.aifactory.portal.common;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one file at a time in the background, with progress and cancellation. The content goes to a hidden
 * temporary file beside the target, moved into place only when complete: a cancelled or failed export leaves the
 * target as it was and no partial file behind. Properties change on the UI thread only.
 */
public final class FileExport {

    /** Writes the file's content; calls {@link Progress#report} now and then, which throws once cancelled. */
    @FunctionalInterface
    public interface Content {
        void write(OutputStream out, Progress progress) throws IOException;
    }

    /** The writer's side of progress and cancellation. */
    @FunctionalInterface
    public interface Progress {
        /**
         * Reports the share done, 0 to 1.
         *
         * @throws Cancelled when the export was cancelled: the writer lets it propagate
         */
        void report(double fraction) throws Cancelled;
    }

    /** Thrown into the writer when the user cancelled the export. */
    public static final class Cancelled extends InterruptedIOException {
        private static final long serialVersionUID = 1L;

        public Cancelled() {
            super("export cancelled");
        }
    }

    /** How an export ended: the file written, or the error, or cancelled. */
    public record Result(Path file, boolean cancelled, String error) {
        public boolean ok() {
            return !cancelled && error == null;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(FileExport.class);

    /** Where a running export is: cancelling is possible until it starts moving the finished file into place. */
    private enum Phase { WRITING, COMMITTING, CANCELLED }

    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private TaskHandle task = TaskHandle.NONE;
    private AtomicReference<Phase> phase = new AtomicReference<>(Phase.WRITING);
    private Path runningTarget;

    public FileExport(TaskExecutor executor) {
        this.executor = Objects.requireNonNull(executor);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The share done of the running export, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** How the last export ended, null while one runs or before the first. */
    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Starts writing {@code target}; an export still running is cancelled first. */
    public void start(Path target, Content content) {
        Objects.requireNonNull(target);
        Objects.requireNonNull(content);
        cancel();
        result.set(null);
        AtomicReference<Phase> mine = new AtomicReference<>(Phase.WRITING);
        phase = mine;
        runningTarget = target;
        running.set(true);
        progress.set(0);
        AtomicReference<Double> pending = new AtomicReference<>();
        Progress report = fraction -> {
            if (mine.get() == Phase.CANCELLED || Thread.currentThread().isInterrupted()) {
                throw new Cancelled();
            }
            // Coalesced: at most one UI update queued, carrying the latest figure.
            if (pending.getAndSet(fraction) == null) {
                executor.runLater(Duration.ZERO, () -> {
                    Double latest = pending.getAndSet(null);
                    if (latest != null && mine.get() != Phase.CANCELLED) {
                        progress.set(latest);
                    }
                });
            }
        };
        task = executor.run(() -> {
            write(target, content, report, () -> mine.compareAndSet(Phase.WRITING, Phase.COMMITTING));
            return target;
        }, written -> {
            if (phase != mine) {
                return;
            }
            running.set(false);
            progress.set(1);
            result.set(new Result(written, false, null));
        }, failure -> {
            if (phase != mine) {
                return;
            }
            running.set(false);
            if (failure instanceof Cancelled) {
                result.set(new Result(target, true, null));
                return;
            }
            LOG.warn("export to {} failed: {}", target, failure.toString());
            String message = failure.getMessage();
            result.set(new Result(target, false,
                    message == null || message.isBlank() ? failure.getClass().getSimpleName() : message));
        });
    }

    /** Stops a running export; the target stays as it was. Does nothing when none runs. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        if (!phase.compareAndSet(Phase.WRITING, Phase.CANCELLED)) {
            // Too late: the complete file is being moved into place, and the export reports success.
            return;
        }
        task.cancel();
        running.set(false);
        result.set(new Result(runningTarget, true, null));
    }

    /** Writes {@code content} to a temporary file beside {@code target} and moves it into place once complete. */
    static void write(Path target, Content content, Progress progress) throws IOException {
        write(target, content, progress, () -> true);
    }

    /**
     * As {@link #write(Path, Content, Progress)}; {@code commit} is asked once the content is complete and may refuse
     * (the export was cancelled just then), in which case nothing is moved.
     */
    static void write(Path target, Content content, Progress progress, BooleanSupplier commit) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        // Not Files.createTempFile: its owner-only mode would stay on the export, unlike every other file the user
        // saves (downloads included), which gets the system's usual mode for new files.
        Path partial = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        boolean moved = false;
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE))) {
                content.write(out, progress);
            }
            progress.report(1);
            if (!commit.getAsBoolean()) {
                throw new Cancelled();
            }
            AtomicFiles.move(partial, target);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(partial);
            }
        }
    }
}
