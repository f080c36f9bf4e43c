package eu.aifactory.client.sso;

/**
 * Single sign-on did not complete: the provider refused, the user cancelled, the answer did not match the request
 * ({@code state}, {@code nonce}), or the provider or factory could not be reached. Never carries a token or code.
 */
public final class SsoException extends RuntimeException {

    /** What went wrong, for a one-sentence message in the portal. */
    public enum Reason { UNREACHABLE, REFUSED, CANCELLED, TIMED_OUT, MISMATCH }

    private final Reason reason;

    public SsoException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SsoException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
