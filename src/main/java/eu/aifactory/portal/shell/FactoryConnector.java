package eu.aifactory.portal.shell;

import eu.aifactory.client.FactoryClient;
import java.net.URI;

/** Makes a client for a factory URL and token; no call is made yet. */
@FunctionalInterface
public interface FactoryConnector {

    FactoryClient connect(URI baseUrl, String token);
}
