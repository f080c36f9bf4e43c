package eu.aifactory.server.http;

import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;
import eu.aifactory.api.usage.BudgetDenial;
import java.util.List;

/** Ends a request with an RFC 9457 problem; thrown anywhere below a route, turned into a response in one place. */
public final class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final transient List<Problem.FieldError> errors;
    private final transient BudgetDenial budget;
    private final Integer retryAfterSeconds;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        this(type, detail, errors, null);
    }

    /** A problem with the {@code budget} extension member (budget-exceeded). */
    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors, BudgetDenial budget) {
        this(type, detail, errors, budget, null);
    }

    private ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors, BudgetDenial budget,
                             Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.budget = budget;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A 503 that tells the client when to try again ({@code Retry-After}). */
    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(ProblemType.UNAVAILABLE, detail, List.of(), null, retryAfterSeconds);
    }

    public static ProblemException validation(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException validation(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException(ProblemType.VALIDATION, detail, errors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " not found");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
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
