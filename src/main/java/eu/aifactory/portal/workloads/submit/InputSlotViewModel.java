package eu.aifactory.portal.workloads.submit;

import eu.aifactory.api.catalog.ArtifactSlot;
import eu.aifactory.api.dataset.Dataset;
import eu.aifactory.client.ApiException;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.client.FactoryUnreachableException;
import eu.aifactory.portal.common.MediaTypes;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.common.TaskHandle;
import eu.aifactory.portal.i18n.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One input slot of the submit form: the project's datasets to pick from, or a file to upload. The upload runs in the
 * background; its progress arrives on the upload thread and is handed to the UI thread at most once per frame.
 * Cancelling interrupts the upload, so the factory keeps nothing. A dataset that finished uploading is selected.
 *
 * <p>A slot cloned from an earlier run may name an id that is not in the list (an artifact of another run): it is
 * kept as {@link #carriedIdProperty()} and sent until the user picks a dataset.
 */
public final class InputSlotViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(InputSlotViewModel.class);
    private static final int LIST_LIMIT = 200;

    private final ArtifactSlot slot;
    private final FactoryClient client;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final ObservableList<Dataset> datasets = FXCollections.observableArrayList();
    private final ObjectProperty<Dataset> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper carriedId = new ReadOnlyStringWrapper(this, "carriedId");
    private final ReadOnlyBooleanWrapper uploading = new ReadOnlyBooleanWrapper(this, "uploading");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper uploadName = new ReadOnlyStringWrapper(this, "uploadName");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final AtomicLong sent = new AtomicLong();
    private final AtomicBoolean progressQueued = new AtomicBoolean();
    private TaskHandle listCall = TaskHandle.NONE;
    private TaskHandle uploadCall = TaskHandle.NONE;
    private String projectId;
    private long uploadSize;

    public InputSlotViewModel(ArtifactSlot slot, FactoryClient client, TaskExecutor executor, I18n i18n) {
        this.slot = slot;
        this.client = client;
        this.executor = executor;
        this.i18n = i18n;
        selected.addListener((obs, old, now) -> {
            if (now != null) {
                carriedId.set(null);
                error.set(typeProblem(now.mediaType(), now.name()));
            }
        });
    }

    public ArtifactSlot slot() {
        return slot;
    }

    public String name() {
        return slot.name();
    }

    /** What people call the input ("Part images"), in the user's language; the slot's name when it has no title. */
    public String title() {
        return slot.title() == null ? slot.name() : slot.title().in(i18n.locale());
    }

    /** "PNG, JPEG, TIFF" for an input that reads only those, or null when any file will do. */
    public String acceptedTypes() {
        return slot.mediaTypes().isEmpty() ? null : MediaTypes.labels(slot.mediaTypes());
    }

    /**
     * Checks the input before a submit and shows the problem: a required input needs a dataset (the factory would
     * otherwise run on sample data), and the chosen one must be of a type the input reads. True when it may be sent.
     */
    public boolean validate() {
        if (uploading.get()) {
            error.set(i18n.get("workloads.input.waitForUpload"));
            return false;
        }
        Dataset dataset = selected.get();
        String problem = dataset != null ? typeProblem(dataset.mediaType(), dataset.name())
                : slot.required() && carriedId.get() == null ? i18n.get("workloads.input.required") : null;
        error.set(problem);
        return problem == null;
    }

    private String typeProblem(String mediaType, String fileName) {
        return MediaTypes.accepts(slot.mediaTypes(), mediaType, fileName) ? null
                : i18n.get("workloads.input.wrongType", fileName, acceptedTypes());
    }

    /** The datasets of the form's project, newest first. */
    public ObservableList<Dataset> datasets() {
        return datasets;
    }

    public ObjectProperty<Dataset> selectedProperty() {
        return selected;
    }

    /** An id taken over from a cloned run that is not one of the listed datasets, or null. */
    public ReadOnlyStringProperty carriedIdProperty() {
        return carriedId.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty uploadingProperty() {
        return uploading.getReadOnlyProperty();
    }

    /** 0..1 of the file sent so far. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The name of the file being uploaded, or null. */
    public ReadOnlyStringProperty uploadNameProperty() {
        return uploadName.getReadOnlyProperty();
    }

    /** What went wrong with listing, uploading, or the factory's verdict on this input; null when nothing did. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The id the form sends for this slot, or null. */
    public String value() {
        Dataset dataset = selected.get();
        return dataset != null ? dataset.id() : carriedId.get();
    }

    /** Takes over an earlier run's input; it is selected when it turns out to be one of the listed datasets. */
    public void prefill(String id) {
        selected.set(null);
        carriedId.set(id);
        matchCarried();
    }

    /** Lists the datasets of {@code project}; a selection from another project is dropped. */
    public void load(String project) {
        listCall.cancel();
        if (project != null && !project.equals(projectId) && selected.get() != null
                && !project.equals(selected.get().projectId())) {
            selected.set(null);
        }
        projectId = project;
        datasets.clear();
        if (project == null) {
            return;
        }
        listCall = executor.run(() -> client.listDatasets(project, null, LIST_LIMIT), page -> {
            Dataset keep = selected.get();
            datasets.setAll(page.items());
            if (keep != null) {
                datasets.stream().filter(d -> d.id().equals(keep.id())).findFirst().ifPresentOrElse(selected::set,
                        () -> datasets.add(0, keep));
            }
            matchCarried();
        }, failure -> {
            LOG.debug("datasets of {} not listed: {}", project, failure.toString());
            error.set(i18n.get("workloads.input.listFailed"));
        });
    }

    /** Uploads {@code file} into the form's project; on success the new dataset is listed and selected. */
    public void upload(Path file) {
        if (file == null || uploading.get()) {
            return;
        }
        String project = projectId;
        if (project == null) {
            error.set(i18n.get("workloads.input.chooseProject"));
            return;
        }
        String wrongType = typeProblem(null, file.getFileName().toString());
        if (wrongType != null) {
            error.set(wrongType);
            return;
        }
        error.set(null);
        sent.set(0);
        progress.set(0);
        uploadSize = size(file);
        uploadName.set(file.getFileName().toString());
        uploading.set(true);
        uploadCall = executor.run(() -> client.uploadDataset(project, file, this::onSent), dataset -> {
            uploading.set(false);
            uploadName.set(null);
            progress.set(1.0);
            if (project.equals(projectId)) {
                datasets.add(0, dataset);
                selected.set(dataset);
            }
        }, failure -> {
            uploading.set(false);
            uploadName.set(null);
            progress.set(0);
            if (!(failure instanceof CancellationException)) {
                error.set(describe(failure));
            }
        });
    }

    /** Stops the upload under way; nothing is stored at the factory. */
    public void cancelUpload() {
        if (uploading.get()) {
            uploadCall.cancel();
            uploading.set(false);
            uploadName.set(null);
            progress.set(0);
        }
    }

    /** Shows the factory's verdict on this input (a field error of the submit). */
    void showServerError(String message) {
        error.set(message);
    }

    void dispose() {
        listCall.cancel();
        cancelUpload();
    }

    private void matchCarried() {
        String id = carriedId.get();
        if (id != null) {
            datasets.stream().filter(d -> d.id().equals(id)).findFirst().ifPresent(selected::set);
        }
    }

    private void onSent(long bytes) {
        sent.set(bytes);
        if (progressQueued.compareAndSet(false, true)) {
            executor.runLater(Duration.ZERO, () -> {
                progressQueued.set(false);
                if (uploading.get() && uploadSize > 0) {
                    progress.set(Math.min(1.0, (double) sent.get() / uploadSize));
                }
            });
        }
    }

    private String describe(Throwable failure) {
        if (failure instanceof FactoryUnreachableException) {
            return i18n.get("workloads.input.unreachable");
        }
        if (failure instanceof ApiException api) {
            String detail = api.problem().detail();
            return i18n.get("workloads.input.refused", detail == null || detail.isBlank() ? api.problem().title() : detail);
        }
        if (failure instanceof java.io.UncheckedIOException) {
            return i18n.get("workloads.input.unreadable");
        }
        LOG.warn("upload failed", failure);
        return i18n.get("workloads.input.refused", failure.toString());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
