package eu.aifactory.portal.shell;

import eu.aifactory.client.FactoryClient;
import java.net.URI;
import java.util.function.Supplier;

/** Makes a client for a factory URL and token; no call is made yet. */
@FunctionalInterface
public interface FactoryConnector {

    FactoryClient connect(URI baseUrl, String token);

    /**
     * A client that reads its bearer token from {@code token} on every request, as a single sign-on session that
     * refreshes it needs. This default reads it once, which is enough for connectors whose clients are fakes.
     */
    default FactoryClient connect(URI baseUrl, Supplier<char[]> token) {
        return connect(baseUrl, new String(token.get()));
    }
}
