package eu.aifactory.portal.common;

import eu.aifactory.api.tenant.Me;
import eu.aifactory.client.FactoryClient;
import java.net.URI;
import java.util.Objects;

/**
 * A signed-in user at one factory. The client already carries the token; the token itself is not kept here.
 *
 * @param demo true for the embedded demo factory, false for a factory the user connected to with a URL and token
 */
public record Session(URI factoryUrl, FactoryClient client, Me me, boolean demo) {

    public Session {
        Objects.requireNonNull(factoryUrl, "factoryUrl");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(me, "me");
    }

    /**
     * A file-name-safe key of the factory, for what the portal keeps per factory (catalog cache, pinned keys). The
     * embedded demo factory gets a new port at every start but keeps its data, so it is keyed as "demo".
     */
    public String factoryKey() {
        return demo ? "demo"
                : (factoryUrl.getHost() + "_" + factoryUrl.getPort() + factoryUrl.getPath()).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    @Override
    public String toString() {
        return "Session[" + factoryUrl + ", user=" + me.user().id() + ", tenant=" + me.tenant().id()
                + (demo ? ", demo" : "") + "]";
    }
}
