package eu.aifactory.portal.workloads;

import eu.aifactory.api.workload.LogLine;
import eu.aifactory.api.workload.LogPage;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.common.TaskHandle;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A workload's log: all lines fetched so far (pages of up to {@value #PAGE} lines), the tail followed by polling
 * while the workload runs, a search that highlights or (with "only matching lines") filters, and a download of the
 * whole log to a file. Filtering is local, over the lines already here, so it stays instant while the tail grows.
 */
public final class LogViewModel {

    static final int PAGE = 2_000;
    static final int DOWNLOAD_PAGE = 5_000;
    static final Duration POLL = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(LogViewModel.class);

    /** How a log download ended. */
    public record DownloadResult(Path file, long lines) {
    }

    private final FactoryClient client;
    private final TaskExecutor executor;
    private final String workloadId;
    private final Consumer<Throwable> contact;
    private final ObservableList<LogLine> lines = FXCollections.observableArrayList();
    private final FilteredList<LogLine> visible = new FilteredList<>(lines);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty onlyMatching = new SimpleBooleanProperty(this, "onlyMatching");
    private final BooleanProperty follow = new SimpleBooleanProperty(this, "follow", true);
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(this, "complete");
    private final ReadOnlyBooleanWrapper downloading = new ReadOnlyBooleanWrapper(this, "downloading");
    private final ReadOnlyObjectWrapper<DownloadResult> downloaded = new ReadOnlyObjectWrapper<>(this, "downloaded");
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>(this, "failure");

    private long nextLine = 1;
    private boolean fetching;
    private boolean started;
    private TaskHandle poll = TaskHandle.NONE;
    private TaskHandle call = TaskHandle.NONE;
    private TaskHandle download = TaskHandle.NONE;

    public LogViewModel(FactoryClient client, TaskExecutor executor, String workloadId, Consumer<Throwable> contact) {
        this.client = client;
        this.executor = executor;
        this.workloadId = workloadId;
        this.contact = contact;
        search.addListener((obs, old, now) -> refilter());
        onlyMatching.addListener((obs, old, now) -> refilter());
    }

    /** Every line fetched so far, in order. */
    public ObservableList<LogLine> lines() {
        return lines;
    }

    /** What the list shows: every line, or only the matching ones. */
    public ObservableList<LogLine> visibleLines() {
        return visible;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty onlyMatchingProperty() {
        return onlyMatching;
    }

    /** Whether the view keeps the newest line in sight. */
    public BooleanProperty followProperty() {
        return follow;
    }

    /** True once the workload ended and every line is here. */
    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty downloadingProperty() {
        return downloading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DownloadResult> downloadedProperty() {
        return downloaded.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** True when the line contains the search text (any case); every line matches an empty search. */
    public boolean matches(LogLine line) {
        String needle = search.get();
        return needle == null || needle.isBlank()
                || line.text().toLowerCase(Locale.ROOT).contains(needle.strip().toLowerCase(Locale.ROOT));
    }

    /** Starts fetching: everything so far, then the tail once a second until the log is complete. */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        fetch();
        poll = executor.repeat(POLL, this::fetch);
    }

    /** Fetches the lines after the last one seen; does nothing while a fetch is under way or once complete. */
    public void fetch() {
        if (fetching || complete.get()) {
            return;
        }
        fetching = true;
        long from = nextLine;
        call = executor.run(() -> client.logs(workloadId, from, null, null, PAGE), this::received, error -> {
            fetching = false;
            contact.accept(error);
            failure.set(error);
        });
    }

    private void received(LogPage page) {
        fetching = false;
        contact.accept(null);
        failure.set(null);
        lines.addAll(page.lines());
        if (page.nextLine() > nextLine) {
            nextLine = page.nextLine();
        }
        if (page.complete()) {
            complete.set(true);
            poll.cancel();
        } else if (page.lines().size() >= PAGE) {
            // A long log arrives in pages: ask for the next one at once rather than at the next tick.
            fetch();
        }
    }

    private void refilter() {
        if (onlyMatching.get() && search.get() != null && !search.get().isBlank()) {
            visible.setPredicate(this::matches);
        } else {
            visible.setPredicate(null);
        }
    }

    /**
     * Writes the whole log (every line, fetched again page by page, not only what is on screen) to {@code target},
     * off the UI thread. The file appears only when complete.
     */
    public void download(Path target) {
        download.cancel();
        downloading.set(true);
        downloaded.set(null);
        download = executor.run(() -> writeLog(target), result -> {
            downloading.set(false);
            contact.accept(null);
            downloaded.set(result);
        }, error -> {
            downloading.set(false);
            contact.accept(error);
            failure.set(error);
        });
    }

    private DownloadResult writeLog(Path target) {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        DateTimeFormatter time = DateTimeFormatter.ISO_INSTANT;
        long written = 0;
        try {
            try (BufferedWriter out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                long from = 1;
                while (true) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new java.util.concurrent.CancellationException("log download cancelled");
                    }
                    LogPage page = client.logs(workloadId, from, null, null, DOWNLOAD_PAGE);
                    for (var line : page.lines()) {
                        out.write(line.time() == null ? "" : time.format(line.time()));
                        out.write('\t');
                        out.write(line.text());
                        out.newLine();
                        written++;
                    }
                    if (page.lines().isEmpty() || page.nextLine() <= from) {
                        break;
                    }
                    from = page.nextLine();
                }
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(part);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // A half-written log is no use: the next download starts over.
            deleteQuietly(part);
            throw e;
        }
        return new DownloadResult(target, written);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", file, e.toString());
        }
    }

    public void dispose() {
        poll.cancel();
        call.cancel();
        download.cancel();
    }
}
