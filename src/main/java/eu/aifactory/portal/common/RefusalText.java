package eu.aifactory.portal.common;

import eu.aifactory.api.Problem;
import eu.aifactory.portal.i18n.I18n;
import java.util.stream.Collectors;

/**
 * A factory's refusal in the user's words. The factory words its messages in the user's language, but names invalid
 * fields by their wire names ({@code budgetEur}, {@code projectIds.2}); these are shown by the portal's label for the
 * field, or left out when the portal has none, never as the wire name.
 */
public final class RefusalText {

    private static final String FIELD_LABEL = "problem.field.";

    private RefusalText() {
    }

    /** The invalid fields with their messages when the factory named any, else its detail or title. */
    public static String of(Problem problem, I18n i18n) {
        if (!problem.errors().isEmpty()) {
            return problem.errors().stream().map(error -> field(error, i18n)).collect(Collectors.joining("; "));
        }
        return problem.detail() != null && !problem.detail().isBlank() ? problem.detail() : problem.title();
    }

    /** One field's message, after the field's label: "Budget (EUR): darf höchstens 100000000 sein". */
    public static String field(Problem.FieldError error, I18n i18n) {
        String name = error.field() == null ? "" : error.field();
        int dot = name.indexOf('.');
        String key = FIELD_LABEL + (dot < 0 ? name : name.substring(0, dot));
        return i18n.has(key) ? i18n.get(key) + ": " + error.message() : error.message();
    }
}
