package eu.aifactory.client;

/** No answer from the factory: refused, timed out or dropped. Safe to show as "offline". */
public final class FactoryUnreachableException extends FactoryException {

    public FactoryUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
