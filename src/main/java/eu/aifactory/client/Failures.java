package eu.aifactory.client;

import eu.aifactory.client.trust.CertificateNotTrusted;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import javax.net.ssl.SSLException;

/** Turns transport failures into the plain words a user and a support desk can act on. */
final class Failures {

    private Failures() {
    }

    /** The exception for a call that got no answer: cancelled if the caller's thread was interrupted, else unreachable. */
    static RuntimeException noAnswer(String origin, IOException e) {
        if (Thread.currentThread().isInterrupted()) {
            return cancelled("Call to the factory at " + origin + " was interrupted", e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateNotTrusted refused) {
                return new UntrustedCertificateException("Factory at " + origin + ": " + refused.getMessage(),
                        refused.fingerprint(), refused.pinnedFingerprint(), refused.subject(), e);
            }
        }
        return new FactoryUnreachableException("Factory at " + origin + " did not answer: " + describe(e), e);
    }

    static CancellationException cancelled(String message, Throwable cause) {
        CancellationException cancelled = new CancellationException(message);
        cancelled.initCause(cause);
        return cancelled;
    }

    /** "connection refused", "timed out", ...; never contains headers, so never a token. */
    static String describe(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof ConnectException) {
                return connectFailure(t);
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t instanceof SocketTimeoutException || (t instanceof InterruptedIOException && message.equals("timeout"))) {
                return "timed out";
            }
            if (t instanceof SSLException) {
                return "secure connection failed (" + t.getMessage() + ")";
            }
            if (message.contains("unexpected end of stream") || t instanceof EOFException) {
                return "connection closed before the answer was complete";
            }
            if (t instanceof SocketException && message.contains("reset")) {
                return "connection reset";
            }
            if (message.contains("canceled") || message.contains("cancelled")) {
                return "call cancelled";
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** OkHttp wraps the socket's ConnectException ("Connection refused") in its own "Failed to connect to ...". */
    private static String connectFailure(Throwable connect) {
        Throwable innermost = connect;
        while (innermost.getCause() != null) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage() == null ? "" : innermost.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("timed out")) {
            return "connection timed out";
        }
        if (message.isEmpty() || message.contains("refused") || message.startsWith("failed to connect")) {
            return "connection refused";
        }
        return message;
    }
}
