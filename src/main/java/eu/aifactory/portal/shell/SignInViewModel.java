package eu.aifactory.portal.shell;

import eu.aifactory.api.ProblemType;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.tenant.SignInOptions;
import eu.aifactory.client.ApiException;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.client.FactoryUnreachableException;
import eu.aifactory.client.UntrustedCertificateException;
import eu.aifactory.client.sso.SsoException;
import eu.aifactory.portal.common.Session;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.common.TaskHandle;
import eu.aifactory.portal.settings.SecretStore;
import eu.aifactory.portal.settings.Settings;
import eu.aifactory.portal.settings.SettingsService;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign-in page: a demo user at the embedded factory, or a factory URL and API token, or, where the factory offers
 * it, the company account at its identity provider (signed in through the system browser). The token is checked by
 * asking the factory who it belongs to ({@code GET /v1/me}) in the background; failures become one plain sentence.
 * On start it resumes the remembered connection, if any: with the stored API token or single sign-on refresh token. A factory whose
 * certificate the system does not trust is shown with its fingerprint for the user to compare and trust (like SSH); a
 * changed certificate is refused loudly.
 */
public final class SignInViewModel {

    public enum Mode { DEMO, CONNECT }

    public enum DemoState { IDLE, STARTING, READY, FAILED }

    private static final Logger LOG = LoggerFactory.getLogger(SignInViewModel.class);

    private final TaskExecutor executor;
    private final FactoryConnector connector;
    private final DemoFactory.Launcher demoLauncher;
    private final SecretStore secrets;
    private final SettingsService settings;
    private final SessionManager sessions;
    private final SingleSignOn sso;

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.DEMO);
    private final ReadOnlyObjectWrapper<DemoState> demoState = new ReadOnlyObjectWrapper<>(this, "demoState", DemoState.IDLE);
    private final ObservableList<DemoAccount> demoAccounts = FXCollections.observableArrayList();
    /** One wrapper for everyone: a wrapper made per call would be collected together with its listeners. */
    private final ObservableList<DemoAccount> demoAccountsView = FXCollections.unmodifiableObservableList(demoAccounts);
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty token = new SimpleStringProperty(this, "token", "");
    private final ReadOnlyObjectWrapper<Message> urlError = new ReadOnlyObjectWrapper<>(this, "urlError");
    private final ReadOnlyObjectWrapper<Message> tokenError = new ReadOnlyObjectWrapper<>(this, "tokenError");
    private final ReadOnlyObjectWrapper<Message> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyObjectWrapper<Message> progress = new ReadOnlyObjectWrapper<>(this, "progress");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<CertificatePrompt> certificate = new ReadOnlyObjectWrapper<>(this, "certificate");
    private final ReadOnlyObjectWrapper<SignInOptions.Sso> ssoOffer = new ReadOnlyObjectWrapper<>(this, "ssoOffer");
    private final ReadOnlyBooleanWrapper ssoWaiting = new ReadOnlyBooleanWrapper(this, "ssoWaiting");
    private TaskHandle offerLookup = TaskHandle.NONE;

    private DemoFactory demoFactory;
    /** A demo user picked from the remembered list before the factory answered; signed in once it does. */
    private DemoAccount waitingFor;
    private String lastDemoUserId;
    private TaskHandle attempt = TaskHandle.NONE;
    private boolean started;

    public SignInViewModel(TaskExecutor executor, FactoryConnector connector, DemoFactory.Launcher demoLauncher,
                           SecretStore secrets, SettingsService settings, SessionManager sessions) {
        this(executor, connector, demoLauncher, secrets, settings, sessions, SingleSignOn.NONE);
    }

    public SignInViewModel(TaskExecutor executor, FactoryConnector connector, DemoFactory.Launcher demoLauncher,
                           SecretStore secrets, SettingsService settings, SessionManager sessions, SingleSignOn sso) {
        this.sso = sso;
        this.executor = executor;
        this.connector = connector;
        this.demoLauncher = demoLauncher;
        this.secrets = secrets;
        this.settings = settings;
        this.sessions = sessions;
        mode.addListener((obs, old, now) -> {
            error.set(null);
            if (now == Mode.DEMO) {
                loadDemo();
            }
        });
        url.addListener((obs, old, now) -> {
            urlError.set(null);
            certificate.set(null);
            // The offer belongs to the factory at the old address.
            offerLookup.cancel();
            ssoOffer.set(null);
        });
        token.addListener((obs, old, now) -> tokenError.set(null));
    }

    /**
     * Called when the page is shown: reconnects to the remembered factory with the stored token, or starts the
     * demo factory. A demo user is not signed in again unasked: on a shared demo machine the next person is someone
     * else; the page offers the last one first instead ({@link #lastDemoUserId()}).
     */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        Settings remembered = settings.get();
        if (remembered.factoryUrl() != null) {
            url.set(remembered.factoryUrl());
            mode.set(Mode.CONNECT);
            resumeRemote(remembered.factoryUrl());
        } else {
            lastDemoUserId = remembered.demoUserId();
            if (mode.get() == Mode.DEMO) {
                loadDemo();
            } else {
                mode.set(Mode.DEMO);
            }
        }
    }

    /** What a restart found: an API token to check, or a single sign-on session continued with its refresh token. */
    private record Resumed(String token, SignedIn sso) {
    }

    private record SignedIn(Session session, SingleSignOn.Signed signed) {
    }

    private void resumeRemote(String factoryUrl) {
        busy.set(true);
        progress.set(Message.of("signin.progress.connecting", factoryUrl));
        attempt = executor.run(() -> resume(factoryUrl),
                resumed -> {
                    busy.set(false);
                    progress.set(null);
                    if (resumed.token() != null) {
                        token.set(resumed.token());
                        connect();
                    } else if (resumed.sso() != null) {
                        sessions.openSso(resumed.sso().session(), resumed.sso().signed());
                    }
                },
                failure -> {
                    busy.set(false);
                    progress.set(null);
                    LOG.warn("the remembered sign-in at {} did not continue: {}", factoryUrl, failure.getMessage());
                    if (failure instanceof SsoException || failure instanceof ApiException) {
                        error.set(Message.of("signin.sso.error.ended"));
                        checkSignInOptions();
                    }
                });
    }

    private Resumed resume(String factoryUrl) {
        Optional<String> stored = secrets.read(SecretStore.tokenName(factoryUrl));
        if (stored.isPresent()) {
            return new Resumed(stored.get(), null);
        }
        Optional<String> refresh = secrets.read(SecretStore.refreshTokenName(factoryUrl));
        if (refresh.isEmpty()) {
            return new Resumed(null, null);
        }
        URI base = URI.create(factoryUrl);
        SignInOptions.Sso offer = sso.offer(base).orElseThrow(() -> new IllegalStateException(
                "the factory no longer offers single sign-on"));
        SingleSignOn.Signed signed = sso.resume(offer, refresh.get());
        return new Resumed(null, new SignedIn(openSession(base, signed), signed));
    }

    /**
     * Asks the factory at the entered address whether it offers single sign-on, quietly: the button appears when it
     * does; an address that is not one yet or a factory that cannot be reached simply shows no button.
     */
    public void checkSignInOptions() {
        Optional<URI> base = parseUrl();
        offerLookup.cancel();
        if (base.isEmpty()) {
            ssoOffer.set(null);
            return;
        }
        offerLookup = executor.run(() -> sso.offer(base.get()),
                offer -> ssoOffer.set(offer.orElse(null)),
                failure -> {
                    LOG.debug("sign-in options of {} not read: {}", base.get(), failure.getMessage());
                    ssoOffer.set(null);
                });
    }

    /** Signs in with the company account: the browser opens at the identity provider, the page waits for it. */
    public void signInWithSso() {
        SignInOptions.Sso offer = ssoOffer.get();
        if (offer == null || busy.get()) {
            return;
        }
        Optional<URI> base = validateUrl();
        if (base.isEmpty()) {
            return;
        }
        attempt.cancel();
        busy.set(true);
        ssoWaiting.set(true);
        error.set(null);
        progress.set(Message.of("signin.sso.progress"));
        attempt = executor.run(() -> {
            SingleSignOn.Signed signed = sso.signIn(offer);
            return new SignedIn(openSession(base.get(), signed), signed);
        }, signedIn -> {
            busy.set(false);
            ssoWaiting.set(false);
            progress.set(null);
            sessions.openSso(signedIn.session(), signedIn.signed());
        }, failure -> {
            busy.set(false);
            ssoWaiting.set(false);
            progress.set(null);
            error.set(describeSso(failure, base.get()));
        });
    }

    /** Stops waiting for the browser. */
    public void cancelSso() {
        if (ssoWaiting.get()) {
            sso.cancel();
        }
    }

    private Session openSession(URI base, SingleSignOn.Signed signed) {
        FactoryClient client = connector.connect(base, signed.accessToken());
        try {
            return new Session(base, client, client.me(), false);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** One sentence for a failed single sign-on; a cancellation by the user needs none. */
    static Message describeSso(Throwable failure, URI base) {
        if (failure instanceof SsoException sso) {
            LOG.info("single sign-on for {} ended: {}", base, sso.getMessage());
            return switch (sso.reason()) {
                case CANCELLED -> null;
                case TIMED_OUT -> Message.of("signin.sso.error.timedOut");
                case UNREACHABLE -> Message.of("signin.sso.error.unreachable");
                case MISMATCH -> Message.of("signin.sso.error.mismatch");
                case REFUSED -> Message.of("signin.sso.error.refused");
            };
        }
        if (failure instanceof ApiException api && api.status() == 401 && api.problem().detail() != null) {
            return Message.of("signin.sso.error.rejected", api.problem().detail());
        }
        return describe(failure, base);
    }

    /**
     * Starts the demo factory. Meanwhile the accounts of its last start are listed, so a returning user can pick
     * theirs at once; the factory's own list replaces them when it answers.
     */
    private void loadDemo() {
        if (demoState.get() == DemoState.STARTING || demoState.get() == DemoState.READY) {
            return;
        }
        demoState.set(DemoState.STARTING);
        executor.run(demoLauncher::remembered,
                known -> {
                    if (demoState.get() == DemoState.STARTING && demoAccounts.isEmpty()) {
                        demoAccounts.setAll(known);
                    }
                },
                failure -> LOG.warn("remembered demo accounts not read: {}", failure.toString()));
        executor.run(demoLauncher::start,
                factory -> {
                    demoFactory = factory;
                    demoAccounts.setAll(factory.accounts());
                    demoState.set(DemoState.READY);
                    signInWaiting();
                },
                failure -> {
                    LOG.error("the embedded demo factory did not start", failure);
                    waitingFor = null;
                    busy.set(false);
                    progress.set(null);
                    demoAccounts.clear();
                    demoState.set(DemoState.FAILED);
                    error.set(Message.of("signin.demo.failed"));
                });
    }

    /** Retries starting the demo factory after a failure. */
    public void retryDemo() {
        if (demoState.get() == DemoState.FAILED) {
            demoState.set(DemoState.IDLE);
            error.set(null);
            loadDemo();
        }
    }

    /**
     * Signs a demo user in at the embedded factory. Picked from the remembered list while the factory is still
     * starting, the sign-in waits for it and then goes ahead with the factory's own account of that user.
     */
    public void signIn(DemoAccount account) {
        if (busy.get()) {
            return;
        }
        if (demoFactory == null) {
            if (demoState.get() == DemoState.STARTING) {
                waitingFor = account;
                busy.set(true);
                error.set(null);
                progress.set(Message.of("signin.progress.demoWaiting", account.userName()));
            }
            return;
        }
        Optional<DemoAccount> current = demoFactory.accounts().stream()
                .filter(a -> a.userId().equals(account.userId())).findFirst();
        if (current.isEmpty()) {
            error.set(Message.of("signin.demo.gone", account.userName()));
            return;
        }
        verify(demoFactory.baseUrl(), current.get().token(), true,
                Message.of("signin.progress.demo", current.get().userName()),
                session -> sessions.openDemo(session, current.get().userId()));
    }

    /** The demo factory answered: the user picked while it started is signed in now. */
    private void signInWaiting() {
        DemoAccount picked = waitingFor;
        waitingFor = null;
        if (picked != null) {
            busy.set(false);
            progress.set(null);
            signIn(picked);
        }
    }

    /** Validates the URL and token fields, then checks the token with the factory. */
    public void connect() {
        if (busy.get()) {
            return;
        }
        error.set(null);
        certificate.set(null);
        Optional<URI> base = validateUrl();
        boolean tokenOk = validateToken();
        if (base.isEmpty() || !tokenOk) {
            return;
        }
        String secret = token.get().trim();
        verify(base.get(), secret, false, Message.of("signin.progress.connecting", base.get()),
                session -> sessions.openRemote(session, secret));
    }

    private void verify(URI base, String secret, boolean demo, Message working, Consumer<Session> onSignedIn) {
        attempt.cancel();
        busy.set(true);
        error.set(null);
        progress.set(working);
        attempt = executor.run(() -> openSession(base, secret, demo),
                session -> {
                    busy.set(false);
                    progress.set(null);
                    if (!demo) {
                        token.set("");
                    }
                    onSignedIn.accept(session);
                },
                failure -> {
                    busy.set(false);
                    progress.set(null);
                    if (failure instanceof UntrustedCertificateException untrusted) {
                        certificate.set(new CertificatePrompt(base, untrusted.fingerprint(), untrusted.subject(),
                                untrusted.pinnedFingerprint()));
                    }
                    error.set(describe(failure, base));
                });
    }

    /**
     * Trusts the certificate the user was shown and connects again. Never for a changed certificate: that one the
     * user must remove by hand after asking the factory's administrator, so a click cannot undo the warning.
     */
    public void trustCertificate() {
        CertificatePrompt prompt = certificate.get();
        if (prompt == null || prompt.changed() || busy.get()) {
            return;
        }
        busy.set(true);
        attempt = executor.run(() -> {
            connector.trustCertificate(prompt.factory(), prompt.fingerprint());
            return prompt;
        }, pinned -> {
            LOG.info("certificate {} of {} trusted by the user", pinned.fingerprint(), pinned.factory());
            busy.set(false);
            certificate.set(null);
            connect();
        }, failure -> {
            busy.set(false);
            LOG.warn("certificate of {} not pinned: {}", prompt.factory(), failure.getMessage());
            error.set(Message.of("signin.certificate.pinFailed", String.valueOf(failure.getMessage())));
        });
    }

    /** Leaves the certificate untrusted. */
    public void dismissCertificate() {
        certificate.set(null);
    }

    private Session openSession(URI base, String secret, boolean demo) {
        FactoryClient client = connector.connect(base, secret);
        try {
            Me me = client.me();
            return new Session(base, client, me, demo);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** One sentence for the user; details go to the log, never the token. */
    static Message describe(Throwable failure, URI base) {
        if (failure instanceof UntrustedCertificateException untrusted) {
            if (untrusted.changed()) {
                LOG.warn("certificate of {} changed from the trusted {} to {}: refused", base,
                        untrusted.pinnedFingerprint(), untrusted.fingerprint());
                return Message.of("signin.certificate.changed", base, untrusted.pinnedFingerprint(), untrusted.fingerprint());
            }
            return null;
        }
        if (failure instanceof ApiException api) {
            if (api.status() == 401 || api.type() == ProblemType.UNAUTHENTICATED) {
                return Message.of("signin.error.rejected");
            }
            if (api.status() == 403 || api.type() == ProblemType.FORBIDDEN) {
                return Message.of("signin.error.forbidden");
            }
            LOG.warn("sign-in at {} failed: {}", base, api.getMessage());
            return Message.of("signin.error.status", api.status());
        }
        if (failure instanceof FactoryUnreachableException) {
            LOG.info("factory at {} unreachable: {}", base, failure.getMessage());
            return Message.of("signin.error.unreachable", base);
        }
        LOG.warn("sign-in at {} failed", base, failure);
        return Message.of("signin.error.unreachable", base);
    }

    private Optional<URI> parseUrl() {
        String text = url.get() == null ? "" : url.get().trim();
        try {
            URI parsed = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && parsed.getHost() != null
                    ? Optional.of(parsed) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private Optional<URI> validateUrl() {
        String text = url.get() == null ? "" : url.get().trim();
        if (text.isEmpty()) {
            urlError.set(Message.of("signin.url.required"));
            return Optional.empty();
        }
        Optional<URI> parsed = parseUrl();
        if (parsed.isEmpty()) {
            urlError.set(Message.of("signin.url.invalid"));
        }
        return parsed;
    }

    private boolean validateToken() {
        if (token.get() == null || token.get().isBlank()) {
            tokenError.set(Message.of("signin.token.required"));
            return false;
        }
        return true;
    }

    /** The demo user signed in last on this computer, offered first on the sign-in page; null if none. */
    public String lastDemoUserId() {
        return lastDemoUserId;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public ReadOnlyObjectProperty<DemoState> demoStateProperty() {
        return demoState.getReadOnlyProperty();
    }

    public ObservableList<DemoAccount> demoAccounts() {
        return demoAccountsView;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public ReadOnlyObjectProperty<Message> urlErrorProperty() {
        return urlError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> tokenErrorProperty() {
        return tokenError.getReadOnlyProperty();
    }

    /** What went wrong with the last attempt, or null. */
    public ReadOnlyObjectProperty<Message> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What is happening right now ("Signing in as …"), or null. */
    public ReadOnlyObjectProperty<Message> progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** A certificate waiting for the user's decision (or, if changed, shown with the warning), or null. */
    public ReadOnlyObjectProperty<CertificatePrompt> certificateProperty() {
        return certificate.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The identity provider the factory at the entered address offers, or null: the company-account button. */
    public ReadOnlyObjectProperty<SignInOptions.Sso> ssoOfferProperty() {
        return ssoOffer.getReadOnlyProperty();
    }

    /** Whether the page waits for the person to finish signing in in the browser. */
    public ReadOnlyBooleanProperty ssoWaitingProperty() {
        return ssoWaiting.getReadOnlyProperty();
    }
}
