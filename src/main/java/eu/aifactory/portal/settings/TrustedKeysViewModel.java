package eu.aifactory.portal.settings;

import eu.aifactory.client.trust.KeyPinStore;
import eu.aifactory.client.trust.KeyPinStore.PinnedKey;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Settings section on the current factory's pinned signing keys: which keys the portal trusts for signed
 * reports (key id, SHA-256 fingerprint, when first seen), and "forget", after which the next residency report pins
 * the key the factory publishes then. Reads and deletes the pin file in the background; UI thread otherwise.
 */
public final class TrustedKeysViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(TrustedKeysViewModel.class);

    private final KeyPinStore pins;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final ObservableList<PinnedKey> keys = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners added to a throw-away wrapper are lost when it is collected. */
    private final ObservableList<PinnedKey> readOnlyKeys = FXCollections.unmodifiableObservableList(keys);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");

    public TrustedKeysViewModel(KeyPinStore pins, TaskExecutor executor, I18n i18n) {
        this.pins = pins;
        this.executor = executor;
        this.i18n = i18n;
    }

    /** The pinned keys in pinning order; empty until a report was verified. */
    public ObservableList<PinnedKey> keys() {
        return readOnlyKeys;
    }

    /** What the last action did or why it failed, or null. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Reads the pins again (the Residency page may have pinned since). */
    public void refresh() {
        executor.run(pins::pinnedKeys, pinned -> {
            keys.setAll(pinned);
            if (!pinned.isEmpty()) {
                status.set(null);
            }
        }, failure -> {
            LOG.warn("pinned keys in {} could not be read: {}", pins.file(), failure.getMessage());
            keys.clear();
            status.set(i18n.get("settings.keys.unreadable", String.valueOf(failure.getMessage())));
        });
    }

    /** Forgets the pins; the confirmation is the view's job. */
    public void forget() {
        executor.run(() -> {
            pins.forget();
            return List.<PinnedKey>of();
        }, none -> {
            keys.clear();
            status.set(i18n.get("settings.keys.forgotten"));
        }, failure -> {
            LOG.warn("pinned keys in {} could not be deleted: {}", pins.file(), failure.getMessage());
            status.set(i18n.get("settings.keys.forgetFailed", String.valueOf(failure.getMessage())));
        });
    }

    /** "First seen 25.11.2026, 14:10", or that the pin predates the record of it. */
    public String firstSeenText(PinnedKey key) {
        return key.firstSeen() == null ? i18n.get("settings.keys.firstSeen.unknown")
                : i18n.get("settings.keys.firstSeen", Formats.dateTime(key.firstSeen(), i18n.locale()));
    }
}
