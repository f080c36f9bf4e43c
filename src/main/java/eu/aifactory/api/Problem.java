package eu.aifactory.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import eu.aifactory.api.usage.BudgetDenial;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 *
 * @param type     stable URI naming the kind of problem; clients branch on this, never on {@code title}
 * @param title    short human summary of the type
 * @param status   the HTTP status code
 * @param detail   human explanation of this occurrence
 * @param instance the request path it happened on
 * @param errors   field-level validation errors, empty when the problem is not about input
 * @param budget   extension member of a {@code budget-exceeded} problem: the figures and who can help; else null
 */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                      BudgetDenial budget) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @JsonCreator
    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A problem without extension members. */
    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null);
    }

    /** One invalid input: {@code field} is a JSON pointer-like path such as {@code parameters.threshold}. */
    public record FieldError(String field, String message) {
    }
}
