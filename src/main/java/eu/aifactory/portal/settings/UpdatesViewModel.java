package eu.aifactory.portal.settings;

import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.release.ReleaseManifest;
import eu.aifactory.client.update.UpdateCheck;
import eu.aifactory.portal.common.Session;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.common.TaskHandle;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The update check on the Settings page: reads the signed release manifest from the address set here, or from the
 * connected factory when none is set, and says whether a newer portal exists and where to get it. It never
 * downloads or installs anything. The manifest must be signed by a key the portal pinned for this factory.
 */
public final class UpdatesViewModel {

    public enum State { IDLE, CHECKING, CURRENT, NEWER, UNAVAILABLE, INVALID_URL }

    private final SettingsService settings;
    private final TaskExecutor executor;
    private final UpdateCheck check;
    private final Session session;
    private final Callable<JwkSet> trustedKeys;
    private final String currentVersion;
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyObjectWrapper<ReleaseManifest> release = new ReadOnlyObjectWrapper<>(this, "release");
    private TaskHandle running = TaskHandle.NONE;

    /**
     * @param trustedKeys    the keys pinned for the session's factory (read off the UI thread)
     * @param currentVersion this portal's version, or null for a development build
     */
    public UpdatesViewModel(SettingsService settings, TaskExecutor executor, UpdateCheck check, Session session,
                            Callable<JwkSet> trustedKeys, String currentVersion) {
        this.settings = settings;
        this.executor = executor;
        this.check = check;
        this.session = session;
        this.trustedKeys = trustedKeys;
        this.currentVersion = currentVersion;
        String saved = settings.get().updateUrl();
        url.set(saved == null ? "" : saved);
    }

    /** Remembers the address in the field (empty: the factory's) and checks there. */
    public void apply() {
        String text = url.get() == null ? "" : url.get().trim();
        if (!text.isEmpty() && parse(text) == null) {
            running.cancel();
            release.set(null);
            state.set(State.INVALID_URL);
            return;
        }
        settings.update(s -> s.withUpdateUrl(text.isEmpty() ? null : text));
        check();
    }

    /** Reads the manifest at the remembered address in the background. */
    public void check() {
        String saved = settings.get().updateUrl();
        URI target = saved == null ? UpdateCheck.atFactory(session.factoryUrl()) : parse(saved);
        if (target == null) {
            state.set(State.INVALID_URL);
            return;
        }
        running.cancel();
        state.set(State.CHECKING);
        running = executor.run(() -> check.read(target, trustedKeys.call()),
                manifest -> {
                    release.set(manifest.orElse(null));
                    state.set(manifest.isEmpty() ? State.UNAVAILABLE
                            : manifest.get().isNewerThan(currentVersion) ? State.NEWER : State.CURRENT);
                },
                failure -> {
                    release.set(null);
                    state.set(State.UNAVAILABLE);
                });
    }

    private static URI parse(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The address field; empty means the connected factory's manifest. */
    public StringProperty urlProperty() {
        return url;
    }

    /** The address used when the field is empty. */
    public URI factoryManifest() {
        return UpdateCheck.atFactory(session.factoryUrl());
    }

    public String currentVersion() {
        return currentVersion;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The release the last check found (newer or not), or null. */
    public ReadOnlyObjectProperty<ReleaseManifest> releaseProperty() {
        return release.getReadOnlyProperty();
    }
}
