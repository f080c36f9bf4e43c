package eu.aifactory.server.tls;

/** The factory's certificate or key cannot be used; the message says which file and what to do, for the operator. */
public final class TlsException extends RuntimeException {

    public TlsException(String message) {
        super(message);
    }

    public TlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
