package eu.aifactory.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * How an {@link HttpFactoryClient} reaches a factory. Immutable; build with {@link #builder(URI)}.
 *
 * <p>The token is read through a supplier on every request, so a token changed in the settings applies to
 * the next call without a new client. The supplier's result is never logged and never appears in
 * {@link #toString()} or in an exception message. The client only reads the returned array; return a copy if
 * the caller wants to clear its own.
 */
public final class FactoryClientConfig {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final Duration DEFAULT_RETRY_BASE = Duration.ofMillis(200);
    public static final Duration DEFAULT_RETRY_CAP = Duration.ofSeconds(5);

    private final URI baseUrl;
    private final Supplier<char[]> token;
    private final Supplier<Locale> language;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final int maxRetries;
    private final Duration retryBase;
    private final Duration retryCap;
    private final String userAgent;
    private final OkHttpClient httpClient;
    private final Sleeper sleeper;
    private final Clock clock;
    private final String pinnedCertificate;

    private FactoryClientConfig(Builder b) {
        this.baseUrl = b.baseUrl;
        this.token = b.token;
        this.language = b.language;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.callTimeout = b.callTimeout;
        this.maxRetries = b.maxRetries;
        this.retryBase = b.retryBase;
        this.retryCap = b.retryCap;
        this.userAgent = b.userAgent;
        this.httpClient = b.httpClient;
        this.sleeper = b.sleeper;
        this.clock = b.clock;
        this.pinnedCertificate = b.pinnedCertificate;
    }

    public static Builder builder(URI baseUrl) {
        return new Builder(baseUrl);
    }

    /** A builder prefilled with this configuration, to derive a variant (e.g. another factory URL). */
    public Builder toBuilder() {
        Builder b = new Builder(baseUrl);
        b.token = token;
        b.language = language;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.callTimeout = callTimeout;
        b.maxRetries = maxRetries;
        b.retryBase = retryBase;
        b.retryCap = retryCap;
        b.userAgent = userAgent;
        b.httpClient = httpClient;
        b.sleeper = sleeper;
        b.clock = clock;
        b.pinnedCertificate = pinnedCertificate;
        return b;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** Supplies the bearer token; may return null or an empty array for calls without a token. */
    public Supplier<char[]> token() {
        return token;
    }

    /** Supplies the language the factory should answer in, read on every request; null (or a null result) for none. */
    public Supplier<Locale> language() {
        return language;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** Limit for one logical call including its retries; {@link Duration#ZERO} for none. Downloads and events have none. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** Retries after the first attempt; 0 disables retrying. */
    public int maxRetries() {
        return maxRetries;
    }

    public Duration retryBase() {
        return retryBase;
    }

    /** The longest wait between attempts; a {@code Retry-After} beyond it is not waited for. */
    public Duration retryCap() {
        return retryCap;
    }

    public String userAgent() {
        return userAgent;
    }

    /** The application's shared client to derive from, or null to let the factory client own one. */
    public OkHttpClient httpClient() {
        return httpClient;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * SHA-256 fingerprint of the factory's TLS certificate that the user chose to trust although the system does not,
     * or null: then only certificates the system's trust store vouches for are accepted.
     */
    public String pinnedCertificate() {
        return pinnedCertificate;
    }

    @Override
    public String toString() {
        return "FactoryClientConfig[baseUrl=" + baseUrl
                + ", token=" + (token == null ? "none" : "***")
                + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout
                + ", callTimeout=" + callTimeout
                + ", maxRetries=" + maxRetries
                + ", retryBase=" + retryBase
                + ", retryCap=" + retryCap
                + ", userAgent=" + userAgent
                + ", sharedHttpClient=" + (httpClient != null)
                + ", pinnedCertificate=" + (pinnedCertificate != null) + "]";
    }

    /** The user agent naming this build, {@code ai-factory-portal/<version>} ({@code dev} outside a packaged jar). */
    public static String defaultUserAgent() {
        String version = FactoryClientConfig.class.getPackage().getImplementationVersion();
        return "ai-factory-portal/" + (version == null || version.isBlank() ? "dev" : version);
    }

    /** Waits between retries; a seam so tests do not really wait. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    public static final class Builder {
        private final URI baseUrl;
        private Supplier<char[]> token;
        private Supplier<Locale> language;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration retryBase = DEFAULT_RETRY_BASE;
        private Duration retryCap = DEFAULT_RETRY_CAP;
        private String userAgent = defaultUserAgent();
        private OkHttpClient httpClient;
        private Sleeper sleeper = Sleeper.REAL;
        private Clock clock = Clock.systemUTC();
        private String pinnedCertificate;

        private Builder(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            String scheme = baseUrl.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("baseUrl must be http or https: " + baseUrl);
            }
            if (baseUrl.getHost() == null) {
                throw new IllegalArgumentException("baseUrl has no host: " + baseUrl);
            }
            if (baseUrl.getRawUserInfo() != null) {
                // Credentials in a URL end up in logs and messages; the token supplier is the only way in.
                throw new IllegalArgumentException("baseUrl must not carry credentials");
            }
            this.baseUrl = baseUrl;
        }

        public Builder token(Supplier<char[]> tokenSupplier) {
            this.token = tokenSupplier;
            return this;
        }

        /** The user's language, sent as {@code Accept-Language} so problems and field errors come back in it. */
        public Builder language(Supplier<Locale> languageSupplier) {
            this.language = languageSupplier;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = nonNegative(value, "connectTimeout");
            return this;
        }

        public Builder readTimeout(Duration value) {
            this.readTimeout = nonNegative(value, "readTimeout");
            return this;
        }

        public Builder callTimeout(Duration value) {
            this.callTimeout = nonNegative(value, "callTimeout");
            return this;
        }

        public Builder maxRetries(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0");
            }
            this.maxRetries = value;
            return this;
        }

        /** Exponential backoff with jitter: about {@code base × 2^retry}, at most {@code cap}. */
        public Builder retryBackoff(Duration base, Duration cap) {
            this.retryBase = nonNegative(base, "retry base");
            this.retryCap = nonNegative(cap, "retry cap");
            if (retryCap.compareTo(retryBase) < 0) {
                throw new IllegalArgumentException("retry cap must not be below the base");
            }
            return this;
        }

        public Builder userAgent(String value) {
            this.userAgent = Objects.requireNonNull(value, "userAgent");
            return this;
        }

        /** Share the application's one OkHttpClient (its pool and threads); the factory client derives from it. */
        public Builder httpClient(OkHttpClient value) {
            this.httpClient = value;
            return this;
        }

        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /** The clock that dates in {@code Retry-After} are compared with. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Also trust the TLS certificate with this SHA-256 fingerprint (trust on first use); null for none. */
        public Builder pinnedCertificate(String sha256Fingerprint) {
            this.pinnedCertificate = sha256Fingerprint == null ? null
                    : eu.aifactory.client.trust.PinnedCertificateTrust.normalize(sha256Fingerprint);
            return this;
        }

        public FactoryClientConfig build() {
            return new FactoryClientConfig(this);
        }

        private static Duration nonNegative(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return value;
        }
    }
}
