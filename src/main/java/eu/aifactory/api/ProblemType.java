package eu.aifactory.api;

/** The stable problem types of the factory API; the URI is the contract, the enum name is for Java code. */
public enum ProblemType {
    VALIDATION("validation", "Invalid request", 400),
    MALFORMED_BODY("malformed-body", "Malformed request body", 400),
    /** The HTTP message itself: request line, URI, percent-encoding, headers. */
    MALFORMED_REQUEST("malformed-request", "Malformed HTTP request", 400),
    UNAUTHENTICATED("unauthenticated", "Missing or invalid token", 401),
    FORBIDDEN("forbidden", "Not allowed for your role", 403),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    CONFLICT("conflict", "Conflicting state", 409),
    BUDGET_EXCEEDED("budget-exceeded", "Budget exceeded", 409),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    RANGE_NOT_SATISFIABLE("range-not-satisfiable", "Range not satisfiable", 416),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency key reused with a different request", 422),
    IDEMPOTENCY_KEY_MISSING("idempotency-key-missing", "Idempotency-Key header required", 400),
    /** The factory speaks HTTP/1.1 (and 1.0); a request in another version is the client's error, not an internal one. */
    UNSUPPORTED_HTTP_VERSION("unsupported-http-version", "HTTP version not supported", 505),
    TOO_MANY_STREAMS("too-many-streams", "Too many event streams", 429),
    /** A rate, concurrency or failed sign-in limit of the factory; {@code Retry-After} says when to try again. */
    RATE_LIMITED("rate-limited", "Too many requests", 429),
    INTERNAL("internal", "Internal error", 500),
    UNAVAILABLE("unavailable", "Factory unavailable", 503),
    STREAMS_AT_CAPACITY("streams-at-capacity", "The factory serves as many event streams as it can", 503);

    private static final String BASE = "https://aifactory.eu/problems/";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    public static ProblemType fromUri(String uri) {
        for (ProblemType type : values()) {
            if (type.uri().equals(uri)) {
                return type;
            }
        }
        return null;
    }
}
