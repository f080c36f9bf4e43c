package eu.aifactory.server.http;

import eu.aifactory.api.ProblemType;
import eu.aifactory.api.usage.BudgetDenial;
import java.util.List;
import java.util.Locale;

/**
 * Ends a request with an RFC 9457 problem; thrown anywhere below a route, turned into a response in one place, where
 * {@link #detail()} and the field errors are rendered in the caller's language. {@link #getMessage()} is English.
 */
public final class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Text detail;
    private final transient List<FieldError> errors;
    private final transient BudgetDenial budget;
    private final Integer retryAfterSeconds;

    /** A problem whose detail is the text under {@code key} of the factory's messages, with {@code args}. */
    public ProblemException(ProblemType type, String key, Object... args) {
        this(type, Text.of(key, args), List.of(), null);
    }

    /** A problem with field errors and, on budget-exceeded, the {@code budget} extension member (else null). */
    public ProblemException(ProblemType type, Text detail, List<FieldError> errors, BudgetDenial budget) {
        this(type, detail, errors, budget, null);
    }

    private ProblemException(ProblemType type, Text detail, List<FieldError> errors, BudgetDenial budget,
                             Integer retryAfterSeconds) {
        super(null, null, false, false);
        this.type = type;
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.budget = budget;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A 503 that tells the client when to try again ({@code Retry-After}). */
    public static ProblemException unavailable(Text detail, int retryAfterSeconds) {
        return new ProblemException(ProblemType.UNAVAILABLE, detail, List.of(), null, retryAfterSeconds);
    }

    /** A 429 of the abuse limits that tells the client when to try again ({@code Retry-After}). */
    public static ProblemException rateLimited(Text detail, int retryAfterSeconds) {
        return new ProblemException(ProblemType.RATE_LIMITED, detail, List.of(), null, retryAfterSeconds);
    }

    public static ProblemException validation(String field, String key, Object... args) {
        return validation(List.of(new FieldError(field, key, args)));
    }

    public static ProblemException validation(String field, Text message) {
        return validation(List.of(new FieldError(field, message)));
    }

    public static ProblemException validation(List<FieldError> errors) {
        Text detail = errors.size() == 1
                ? Text.of("problem.validation.one", errors.get(0).field(), errors.get(0).message())
                : Text.of("problem.validation.many", errors.size());
        return new ProblemException(ProblemType.VALIDATION, detail, errors, null);
    }

    public static ProblemException notFound(String key, Object... args) {
        return new ProblemException(ProblemType.NOT_FOUND, key, args);
    }

    public static ProblemException forbidden(String key, Object... args) {
        return new ProblemException(ProblemType.FORBIDDEN, key, args);
    }

    @Override
    public String getMessage() {
        return Messages.render(detail, Locale.ENGLISH);
    }

    public ProblemType type() {
        return type;
    }

    public Text detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Seconds for the {@code Retry-After} header, else null. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The extension member of a budget-exceeded problem, else null. */
    public BudgetDenial budget() {
        return budget;
    }
}
