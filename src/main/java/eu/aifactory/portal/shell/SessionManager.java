package eu.aifactory.portal.shell;

import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.Session;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.settings.SecretStore;
import eu.aifactory.portal.settings.SettingsService;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signed-in session, if any. Opening one remembers the connection for the next start (the factory URL in the
 * settings, the token in the secret store; a demo user by id); signing out forgets both. Used on the UI thread;
 * the secret store is only touched in the background.
 */
public final class SessionManager {

    private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

    private final SettingsService settings;
    private final SecretStore secrets;
    private final TaskExecutor executor;
    private final ConnectionMonitor monitor;
    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>(this, "session");
    /** The single sign-on session behind the open session, or null when it was opened with a token or as demo. */
    private SingleSignOn.Signed signed;

    public SessionManager(SettingsService settings, SecretStore secrets, TaskExecutor executor, ConnectionMonitor monitor) {
        this.settings = settings;
        this.secrets = secrets;
        this.executor = executor;
        this.monitor = monitor;
    }

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public Session session() {
        return session.get();
    }

    /** A demo user signed in at the embedded factory; the next start signs them in again. */
    public void openDemo(Session opened, String demoUserId) {
        String previousUrl = settings.get().factoryUrl();
        settings.update(s -> s.withFactory(null, demoUserId));
        if (previousUrl != null) {
            forgetToken(previousUrl);
        }
        open(opened);
    }

    /** A user connected to a factory with a token; the next start reconnects with the stored token. */
    public void openRemote(Session opened, String token) {
        String url = opened.factoryUrl().toString();
        String previousUrl = settings.get().factoryUrl();
        settings.update(s -> s.withFactory(url, null));
        executor.run(() -> {
            secrets.write(SecretStore.tokenName(url), token);
            if (previousUrl != null && !previousUrl.equals(url)) {
                secrets.delete(SecretStore.tokenName(previousUrl));
            }
            return url;
        }, stored -> LOG.info("token for {} stored ({})", stored, secrets.kind()),
                failure -> LOG.warn("token for {} not stored: {}", url, failure.getMessage()));
        open(opened);
    }

    /**
     * A user signed in with their company account; the next start continues with the refresh token, which is kept in
     * the secret store (and replaced there whenever the provider hands out a new one), never in the settings.
     */
    public void openSso(Session opened, SingleSignOn.Signed sso) {
        String url = opened.factoryUrl().toString();
        String previousUrl = settings.get().factoryUrl();
        settings.update(s -> s.withFactory(url, null));
        sso.onRefreshed(fresh -> keepRefreshToken(url, fresh));
        executor.run(() -> {
            secrets.delete(SecretStore.tokenName(url));
            if (previousUrl != null && !previousUrl.equals(url)) {
                secrets.delete(SecretStore.tokenName(previousUrl));
                secrets.delete(SecretStore.refreshTokenName(previousUrl));
            }
            return url;
        }, done -> { }, failure -> LOG.warn("old sign-in for {} not forgotten: {}", url, failure.getMessage()));
        keepRefreshToken(url, sso.refreshToken());
        open(opened);
        signed = sso;
    }

    private void keepRefreshToken(String url, String refreshToken) {
        if (refreshToken == null) {
            return;
        }
        executor.run(() -> {
            secrets.write(SecretStore.refreshTokenName(url), refreshToken);
            return url;
        }, stored -> LOG.debug("sign-in for {} kept ({})", stored, secrets.kind()),
                failure -> LOG.warn("sign-in for {} not kept: {}", url, failure.getMessage()));
    }

    /** Ends the session and forgets the remembered factory, demo user and token. */
    public void signOut() {
        Session ending = session.get();
        if (ending == null) {
            return;
        }
        SingleSignOn.Signed endingSso = signed;
        signed = null;
        if (endingSso != null) {
            endingSso.onRefreshed(fresh -> { });
            String url = ending.factoryUrl().toString();
            executor.run(() -> {
                secrets.delete(SecretStore.refreshTokenName(url));
                endingSso.signOut();
                return url;
            }, done -> LOG.info("signed out at the identity provider of {}", done),
                    failure -> LOG.warn("sign-out at the identity provider failed: {}", failure.getMessage()));
        }
        monitor.stop();
        // Forget first: the sign-in page that appears next must not find the remembered user and sign in again.
        settings.update(s -> s.withFactory(null, null));
        session.set(null);
        if (!ending.demo()) {
            forgetToken(ending.factoryUrl().toString());
        }
        executor.run(() -> {
            ending.client().close();
            return ending;
        }, closed -> { }, failure -> LOG.debug("closing the client failed: {}", failure.getMessage()));
    }

    private void open(Session opened) {
        signed = null;
        Session previous = session.get();
        if (previous != null && previous.client() != opened.client()) {
            previous.client().close();
        }
        monitor.start(opened.client());
        session.set(opened);
        LOG.info("signed in: {}", opened);
    }

    private void forgetToken(String url) {
        executor.run(() -> {
            secrets.delete(SecretStore.tokenName(url));
            return url;
        }, deleted -> LOG.info("token for {} forgotten", deleted),
                failure -> LOG.warn("token for {} could not be deleted: {}", url, failure.getMessage()));
    }
}
