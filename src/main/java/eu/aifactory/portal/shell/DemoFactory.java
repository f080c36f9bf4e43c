package eu.aifactory.portal.shell;

import java.net.URI;
import java.util.List;

/** The embedded reference factory once it is up: where it listens and who can sign in. */
public record DemoFactory(URI baseUrl, List<DemoAccount> accounts) {

    public DemoFactory {
        accounts = List.copyOf(accounts);
    }

    /**
     * Starts (or joins the start of) the embedded factory. Blocking: call it off the UI thread. Calling it again
     * returns the same factory.
     */
    @FunctionalInterface
    public interface Launcher {
        DemoFactory start() throws Exception;

        /**
         * The accounts the factory had when it last started, without tokens, read before it answers so the sign-in
         * page can list them at once; empty when unknown. Blocking (a small file): call it off the UI thread.
         */
        default List<DemoAccount> remembered() {
            return List.of();
        }
    }
}
