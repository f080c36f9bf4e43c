package eu.aifactory.portal.settings;

import eu.aifactory.portal.common.TaskExecutor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current settings as a property; every change is written to disk in the background. Used on the UI thread.
 */
public final class SettingsService {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsService.class);

    private final SettingsStore store;
    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<Settings> current;
    /** What the next write stores: each background write takes the newest value, so writes cannot reorder. */
    private final AtomicReference<Settings> latest;

    public SettingsService(SettingsStore store, Settings initial, TaskExecutor executor) {
        this.store = store;
        this.executor = executor;
        this.current = new ReadOnlyObjectWrapper<>(this, "settings", initial);
        this.latest = new AtomicReference<>(initial);
    }

    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return current.getReadOnlyProperty();
    }

    public Settings get() {
        return current.get();
    }

    /** Applies {@code change} and saves the result off the UI thread. */
    public void update(UnaryOperator<Settings> change) {
        Settings next = change.apply(current.get());
        if (next.equals(current.get())) {
            return;
        }
        current.set(next);
        latest.set(next);
        try {
            executor.run(this::saveLatest, saved -> { }, failure -> LOG.warn("settings not saved: {}", failure.getMessage()));
        } catch (RejectedExecutionException e) {
            // Shutting down (the window closes after the executor stopped): write on this thread instead.
            saveLatest();
        }
    }

    /** Saves on the calling thread; for shutdown, when background work would be cut off. */
    public void saveNow() {
        saveLatest();
    }

    private synchronized Settings saveLatest() {
        Settings value = latest.get();
        store.save(value);
        return value;
    }
}
