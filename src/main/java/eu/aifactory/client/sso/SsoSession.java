package eu.aifactory.client.sso;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A signed-in single sign-on session as the factory client's token supplier: every request gets the current access
 * token, refreshed with the refresh token shortly before it expires, so a user never sees it lapse. A refresh that the
 * provider refuses (session ended there) keeps the old token: the factory then answers 401 and the portal signs out.
 */
public final class SsoSession implements Supplier<char[]> {

    private static final Logger LOG = LoggerFactory.getLogger(SsoSession.class);

    /** Refresh this long before expiry, so a request in flight does not arrive with a token that just lapsed. */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);

    private final SsoProvider provider;
    private final Clock clock;
    private final Consumer<SsoTokens> onRefreshed;
    private SsoTokens tokens;

    /** @param onRefreshed told of new tokens (to keep the new refresh token); called on the requesting thread */
    public SsoSession(SsoProvider provider, SsoTokens tokens, Clock clock, Consumer<SsoTokens> onRefreshed) {
        this.provider = provider;
        this.tokens = tokens;
        this.clock = clock;
        this.onRefreshed = onRefreshed;
    }

    @Override
    public synchronized char[] get() {
        if (!clock.instant().isBefore(tokens.expiresAt().minus(REFRESH_MARGIN)) && tokens.refreshToken() != null) {
            refreshNow();
        }
        return tokens.accessToken().toCharArray();
    }

    /** Refreshes now; false when the provider refused (the session ended there) or could not be reached. */
    public synchronized boolean refreshNow() {
        try {
            tokens = provider.refresh(tokens, clock);
            onRefreshed.accept(tokens);
            return true;
        } catch (SsoException e) {
            LOG.warn("single sign-on refresh failed: {}", e.getMessage());
            return false;
        }
    }

    public synchronized SsoTokens tokens() {
        return tokens;
    }

    /** Ends the session at the provider; the tokens stop working there. */
    public void signOut() {
        provider.signOut(tokens());
    }

    public SsoProvider provider() {
        return provider;
    }

    @Override
    public String toString() {
        return "SsoSession[issuer=" + provider.issuer() + "]";
    }
}
