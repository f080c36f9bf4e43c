package eu.aifactory.server.db;

/**
 * The database was created by a build whose migrations differ from this one's (e.g. a development build), so the
 * factory cannot safely use it. A real factory stops; the portal's embedded demo factory starts afresh.
 */
public final class IncompatibleSchemaException extends RuntimeException {

    public IncompatibleSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
