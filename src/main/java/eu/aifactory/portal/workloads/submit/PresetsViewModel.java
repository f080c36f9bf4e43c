package eu.aifactory.portal.workloads.submit;

import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.i18n.I18n;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The named presets of the submit form's application: choose one to fill the form, save the form's values under a
 * name, delete one. The file work runs through the {@link TaskExecutor}; the list changes on the UI thread.
 */
public final class PresetsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(PresetsViewModel.class);
    static final int MAX_NAME = 80;

    private final SubmitFormViewModel form;
    private final PresetStore store;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final String appId;
    private final ObservableList<SubmitPreset> presets = FXCollections.observableArrayList();
    private final ObjectProperty<SubmitPreset> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");

    public PresetsViewModel(SubmitFormViewModel form, PresetStore store, TaskExecutor executor, I18n i18n) {
        this.form = form;
        this.store = store;
        this.executor = executor;
        this.i18n = i18n;
        this.appId = form.app().summary().id();
    }

    /** The application's presets, by name. */
    public ObservableList<SubmitPreset> presets() {
        return presets;
    }

    /** The preset last applied or saved; null when none. */
    public ObjectProperty<SubmitPreset> selectedProperty() {
        return selected;
    }

    /** What happened to the last save or delete, or why it failed; null when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void load() {
        executor.run(() -> store.list(appId), presets::setAll, this::failed);
    }

    /** Fills the form from {@code preset}. */
    public void apply(SubmitPreset preset) {
        if (preset == null) {
            return;
        }
        selected.set(preset);
        form.applyPreset(preset);
        message.set(i18n.get("workloads.preset.applied", preset.name()));
    }

    /** Saves the form's values as {@code name} (replacing a preset of that name); false for an unusable name. */
    public boolean saveAs(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            message.set(i18n.get("workloads.preset.badName", MAX_NAME));
            return false;
        }
        SubmitPreset preset = form.preset(trimmed);
        executor.run(() -> store.save(appId, preset), saved -> {
            presets.setAll(saved);
            selected.set(saved.stream().filter(p -> p.name().equals(trimmed)).findFirst().orElse(null));
            message.set(i18n.get("workloads.preset.saved", trimmed));
        }, this::failed);
        return true;
    }

    /** Deletes the selected preset. */
    public void deleteSelected() {
        SubmitPreset preset = selected.get();
        if (preset == null) {
            return;
        }
        executor.run(() -> store.delete(appId, preset.name()), (List<SubmitPreset> left) -> {
            presets.setAll(left);
            selected.set(null);
            message.set(i18n.get("workloads.preset.deleted", preset.name()));
        }, this::failed);
    }

    private void failed(Throwable failure) {
        LOG.warn("Presets could not be read or written: {}", failure.getMessage());
        message.set(i18n.get("workloads.preset.failed"));
    }
}
