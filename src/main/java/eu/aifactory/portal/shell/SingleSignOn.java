package eu.aifactory.portal.shell;

import eu.aifactory.api.tenant.SignInOptions;
import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Signing in with the company account at the factory's identity provider. Every method blocks (network, the
 * browser): call them off the UI thread. The real one is {@link BrowserSingleSignOn}; view model tests use a fake.
 */
public interface SingleSignOn {

    /** For a portal without single sign-on: no factory offers it. */
    SingleSignOn NONE = new SingleSignOn() {
        @Override
        public Optional<SignInOptions.Sso> offer(URI factory) {
            return Optional.empty();
        }

        @Override
        public Signed signIn(SignInOptions.Sso sso) {
            throw new IllegalStateException("single sign-on is not available");
        }

        @Override
        public Signed resume(SignInOptions.Sso sso, String refreshToken) {
            throw new IllegalStateException("single sign-on is not available");
        }

        @Override
        public void cancel() {
        }
    };

    /** The identity provider a factory offers ({@code GET /v1/sign-in-options}), or empty when it offers none. */
    Optional<SignInOptions.Sso> offer(URI factory);

    /** Signs in through the system browser (authorization code with PKCE, loopback redirect). */
    Signed signIn(SignInOptions.Sso sso);

    /** Continues a session from a kept refresh token, without the browser. */
    Signed resume(SignInOptions.Sso sso, String refreshToken);

    /** Stops waiting for the browser; the pending {@link #signIn} ends with a cancellation. */
    void cancel();

    /** A live single sign-on session. */
    interface Signed {

        /** The current access token for every factory request, refreshed before it expires. */
        Supplier<char[]> accessToken();

        /** The refresh token to keep (secret store only); null when the provider issued none. */
        String refreshToken();

        /** Told of each new refresh token the provider hands out while refreshing. */
        void onRefreshed(Consumer<String> newRefreshToken);

        /** Ends the session at the provider. */
        void signOut();
    }
}
