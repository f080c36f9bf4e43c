package eu.aifactory.client;

import eu.aifactory.client.FactoryClientConfig.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries safe requests: GET, and POSTs tagged {@link Idempotent} (a submit with its Idempotency-Key, an estimate,
 * a cancel). It retries after a transport failure and after 502, 503 or 504, and after 429 only when the factory
 * says when ({@code Retry-After}). It never retries another 4xx. A {@code Retry-After} longer than the backoff cap
 * is not waited for: the caller gets the answer at once instead of a thread blocked for minutes.
 */
final class RetryInterceptor implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(RetryInterceptor.class);

    /** Request tag marking a POST as safe to send again. */
    enum Idempotent { YES }

    private final int maxRetries;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Clock clock;

    RetryInterceptor(int maxRetries, Backoff backoff, Sleeper sleeper, Clock clock) {
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!isRetryable(request)) {
            return chain.proceed(request);
        }
        for (int retry = 0; ; retry++) {
            Response response;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                if (retry >= maxRetries || chain.call().isCanceled() || Thread.currentThread().isInterrupted()
                        || !isTransient(e)) {
                    throw e;
                }
                Duration wait = backoff.delay(retry);
                log(request, Failures.describe(e), retry, wait);
                sleep(wait);
                continue;
            }
            if (retry >= maxRetries) {
                return response;
            }
            Duration wait = waitBeforeRetry(response, retry);
            if (wait == null) {
                return response;
            }
            response.close();
            log(request, "HTTP " + response.code(), retry, wait);
            sleep(wait);
        }
    }

    static boolean isRetryable(Request request) {
        String method = request.method();
        return "GET".equals(method) || "HEAD".equals(method) || request.tag(Idempotent.class) != null;
    }

    /** Null when the response is final. */
    private Duration waitBeforeRetry(Response response, int retry) {
        int code = response.code();
        Duration retryAfter = retryAfter(response.header("Retry-After"));
        if (code == 502 || code == 503 || code == 504) {
            if (retryAfter == null) {
                return backoff.delay(retry);
            }
            return retryAfter.compareTo(backoff.cap()) <= 0 ? retryAfter : null;
        }
        if (code == 429 && retryAfter != null && retryAfter.compareTo(backoff.cap()) <= 0) {
            return retryAfter;
        }
        return null;
    }

    /** Seconds or an HTTP date (RFC 9110); null when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static boolean isTransient(IOException e) {
        if (e instanceof ProtocolException || e instanceof SSLPeerUnverifiedException) {
            return false;
        }
        if (e instanceof SSLHandshakeException && e.getCause() instanceof CertificateException) {
            return false;
        }
        // Cancelled or interrupted calls are InterruptedIOExceptions too; only a socket timeout is worth another try.
        return !(e instanceof InterruptedIOException) || e instanceof SocketTimeoutException;
    }

    private void sleep(Duration wait) throws InterruptedIOException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting to retry");
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    private void log(Request request, String reason, int retry, Duration wait) {
        LOG.info("{} {} failed ({}); retry {} of {} in {} ms [request {}]", request.method(),
                request.url().encodedPath(), reason, retry + 1, maxRetries, wait.toMillis(),
                request.header(RequestIdInterceptor.HEADER));
    }
}
