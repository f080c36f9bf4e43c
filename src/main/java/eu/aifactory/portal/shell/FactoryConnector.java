package eu.aifactory.portal.shell;

import eu.aifactory.client.FactoryClient;
import java.io.IOException;
import java.net.URI;
import java.util.function.Supplier;

/** Makes a client for a factory URL and token; no call is made yet. */
@FunctionalInterface
public interface FactoryConnector {

    FactoryClient connect(URI baseUrl, String token);

    /**
     * Trusts the TLS certificate with this SHA-256 fingerprint for the factory at {@code baseUrl} from now on, after
     * the user compared it (trust on first use). Only a connector whose clients refuse untrusted certificates is asked;
     * one that keeps no pins says so. Blocking: call it off the UI thread.
     */
    default void trustCertificate(URI baseUrl, String fingerprint) throws IOException {
        throw new IOException("this connector keeps no certificate pins");
    }

    /**
     * A client that reads its bearer token from {@code token} on every request, as a single sign-on session that
     * refreshes it needs. This default reads it once, which is enough for connectors whose clients are fakes.
     */
    default FactoryClient connect(URI baseUrl, Supplier<char[]> token) {
        return connect(baseUrl, new String(token.get()));
    }
}
