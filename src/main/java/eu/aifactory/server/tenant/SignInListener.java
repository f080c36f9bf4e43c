package eu.aifactory.server.tenant;

/** Told about every bearer token the factory checks: the abuse limits and the audit trail listen. */
public interface SignInListener {

    /** A token authenticated a request; only its hash is passed on. */
    default void succeeded(String tokenHash) {
    }

    /**
     * A request's token was refused. {@code tokenPrefix} is its clear prefix ({@link Tokens#displayPrefix}) when it
     * has the API token format, else null; {@code reasonKey} is the problem's message key.
     */
    void failed(String clientAddress, String tokenPrefix, String reasonKey);
}
