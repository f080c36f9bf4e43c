package eu.aifactory.portal.shell;

import eu.aifactory.api.tenant.SignInOptions;
import eu.aifactory.client.sso.SsoException;
import eu.aifactory.client.sso.SsoLogin;
import eu.aifactory.client.sso.SsoProvider;
import eu.aifactory.client.sso.SsoSession;
import eu.aifactory.client.sso.SsoTokens;
import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/** Single sign-on through the desktop's browser, with the client's PKCE login and refreshing session. */
public final class BrowserSingleSignOn implements SingleSignOn {

    /** How long the portal waits for the person to finish signing in in the browser. */
    static final Duration BROWSER_WAIT = Duration.ofMinutes(5);

    private final Function<URI, OkHttpClient> transports;
    private final Clock clock;
    private final Supplier<String> donePage;
    private final AtomicReference<SsoLogin> pending = new AtomicReference<>();

    /**
     * @param transports the HTTP client for an address (the factory's may trust a pinned certificate)
     * @param donePage   the page the browser shows once it handed the sign-in back, in the user's language
     */
    public BrowserSingleSignOn(Function<URI, OkHttpClient> transports, Clock clock, Supplier<String> donePage) {
        this.transports = transports;
        this.clock = clock;
        this.donePage = donePage;
    }

    @Override
    public Optional<SignInOptions.Sso> offer(URI factory) {
        return Optional.ofNullable(SsoProvider.signInOptions(transports.apply(factory), factory).sso());
    }

    @Override
    public Signed signIn(SignInOptions.Sso sso) {
        SsoProvider provider = SsoProvider.discover(transports.apply(URI.create(sso.issuer())), sso);
        SsoLogin login = new SsoLogin(provider, BrowserSingleSignOn::browse, clock, donePage.get());
        pending.set(login);
        try {
            return new Live(provider, login.signIn(BROWSER_WAIT));
        } finally {
            pending.compareAndSet(login, null);
        }
    }

    @Override
    public Signed resume(SignInOptions.Sso sso, String refreshToken) {
        SsoProvider provider = SsoProvider.discover(transports.apply(URI.create(sso.issuer())), sso);
        // Expired on purpose: the first request refreshes, so a refused refresh token shows at sign-in, not later.
        return new Live(provider, new SsoTokens("", refreshToken, null, Instant.EPOCH));
    }

    @Override
    public void cancel() {
        SsoLogin login = pending.get();
        if (login != null) {
            login.cancel();
        }
    }

    private static void browse(URI url) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(url);
            } else {
                new ProcessBuilder("xdg-open", url.toString()).inheritIO().start();
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new SsoException(SsoException.Reason.UNREACHABLE, "no browser could be opened: " + e.getMessage(), e);
        }
    }

    private final class Live implements Signed {
        private final SsoSession session;
        private volatile Consumer<String> listener = refresh -> { };

        Live(SsoProvider provider, SsoTokens tokens) {
            this.session = new SsoSession(provider, tokens, clock, fresh -> listener.accept(fresh.refreshToken()));
        }

        @Override
        public Supplier<char[]> accessToken() {
            return session;
        }

        @Override
        public String refreshToken() {
            return session.tokens().refreshToken();
        }

        @Override
        public void onRefreshed(Consumer<String> newRefreshToken) {
            this.listener = newRefreshToken;
        }

        @Override
        public void signOut() {
            session.signOut();
        }
    }
}
