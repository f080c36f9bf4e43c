package eu.aifactory.client;

/** Base of every failure the client reports. */
public abstract class FactoryException extends RuntimeException {

    protected FactoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
