package eu.aifactory.portal.workloads.submit;

import eu.aifactory.api.catalog.ParameterSpec;
import eu.aifactory.portal.common.PatternExample;
import eu.aifactory.portal.i18n.I18n;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One generated form field for a typed application parameter. Text, integer and number fields keep what the user
 * typed (so an out-of-range value stays visible with its error rather than being clamped away); check boxes and
 * choice boxes keep their value. {@link #errorProperty()} holds the local check or, after a submit, the factory's
 * message for this field, in that order of preference, and clears when the value changes.
 */
public final class ParameterField {

    /** Which control the form builds. */
    public enum Kind { TEXT, INTEGER, NUMBER, CHECK, CHOICE }

    private final ParameterSpec spec;
    private final Kind kind;
    private final I18n i18n;
    private final Pattern pattern;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final BooleanProperty checked = new SimpleBooleanProperty(this, "checked");
    private final ObjectProperty<String> choice = new SimpleObjectProperty<>(this, "choice");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private String serverError;

    ParameterField(ParameterSpec spec, I18n i18n) {
        this.spec = spec;
        this.i18n = i18n;
        this.kind = switch (spec.type()) {
            case STRING -> Kind.TEXT;
            case INTEGER -> Kind.INTEGER;
            case NUMBER -> Kind.NUMBER;
            case BOOLEAN -> Kind.CHECK;
            case ENUM -> Kind.CHOICE;
        };
        this.pattern = compile(spec.pattern());
        reset();
        text.addListener((obs, old, now) -> changed());
        checked.addListener((obs, old, now) -> changed());
        choice.addListener((obs, old, now) -> changed());
    }

    public ParameterSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public Kind kind() {
        return kind;
    }

    /** The typed text of a text, integer or number field. */
    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty checkedProperty() {
        return checked;
    }

    public ObjectProperty<String> choiceProperty() {
        return choice;
    }

    public List<String> choices() {
        return spec.enumValues();
    }

    /** The message to show under the control, or null when the value is fine. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String error() {
        return error.get();
    }

    /** The label in the user's language, falling back to the parameter name. */
    public String label(Locale locale) {
        return spec.label() == null ? spec.name() : spec.label().in(locale);
    }

    /** The help text in the user's language, or null. */
    public String help(Locale locale) {
        return spec.description() == null ? null : spec.description().in(locale);
    }

    /** "0.05 – 0.99 px" for a bounded number, null otherwise. */
    public String rangeText(Locale locale) {
        if (spec.minimum() == null && spec.maximum() == null) {
            return null;
        }
        String unit = spec.unit() == null || spec.unit().isBlank() ? "" : "\u00a0" + spec.unit();
        if (spec.minimum() != null && spec.maximum() != null) {
            return NumberText.format(spec.minimum(), locale) + " – " + NumberText.format(spec.maximum(), locale) + unit;
        }
        return spec.minimum() != null
                ? "≥ " + NumberText.format(spec.minimum(), locale) + unit
                : "≤ " + NumberText.format(spec.maximum(), locale) + unit;
    }

    /** Back to the schema's default (or empty). */
    public void reset() {
        prefill(spec.defaultValue());
    }

    /** Sets the control from a JSON value (a default or a previous run's value); ignores values of the wrong type. */
    public void prefill(Object value) {
        switch (kind) {
            case TEXT -> text.set(value == null ? "" : value.toString());
            case INTEGER, NUMBER -> text.set(value == null ? "" : NumberText.format(NumberText.decimal(value), i18n.locale()));
            case CHECK -> checked.set(Boolean.TRUE.equals(value) || "true".equals(value));
            case CHOICE -> choice.set(value != null && spec.enumValues().contains(value.toString()) ? value.toString()
                    : spec.enumValues().isEmpty() || spec.required() ? firstChoiceOrNull() : null);
        }
    }

    private String firstChoiceOrNull() {
        return spec.enumValues().isEmpty() ? null : spec.enumValues().get(0);
    }

    /**
     * The value as the factory expects it: a string, a whole number (Long), a number (BigDecimal), a boolean, or
     * null when the field is empty or invalid.
     */
    public Object value() {
        return switch (kind) {
            case TEXT -> text.get() == null || text.get().isEmpty() ? null : text.get();
            case INTEGER -> {
                BigDecimal number = NumberText.parse(text.get(), i18n.locale());
                yield number == null || number.stripTrailingZeros().scale() > 0 ? null : number.longValueExact();
            }
            case NUMBER -> NumberText.parse(text.get(), i18n.locale());
            case CHECK -> checked.get();
            case CHOICE -> choice.get();
        };
    }

    /** Runs the local checks and shows the result; true when the value may be sent. */
    public boolean validate() {
        serverError = null;
        String problem = check();
        error.set(problem);
        return problem == null;
    }

    /** Shows the factory's message for this field until the value changes. */
    void showServerError(String message) {
        serverError = message;
        error.set(message);
    }

    private void changed() {
        serverError = null;
        error.set(check());
    }

    /** The local check's message in the user's language, or null when the value is fine. */
    String check() {
        if (serverError != null) {
            return serverError;
        }
        return switch (kind) {
            case CHECK -> null;
            case CHOICE -> choice.get() == null && spec.required() ? i18n.get("workloads.submit.error.required") : null;
            case TEXT -> checkText(text.get());
            case INTEGER, NUMBER -> checkNumber(text.get());
        };
    }

    private String checkText(String value) {
        if (value == null || value.isEmpty()) {
            // An emptied required field is an error even with a default: nobody sees the default being sent.
            return spec.required() ? i18n.get("workloads.submit.error.required") : null;
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            String example = PatternExample.text(spec.pattern(), i18n);
            return example == null ? i18n.get("workloads.submit.error.form")
                    : i18n.get("workloads.submit.error.pattern", example);
        }
        return null;
    }

    private String checkNumber(String value) {
        if (value == null || value.isBlank()) {
            return spec.required() ? i18n.get("workloads.submit.error.required") : null;
        }
        BigDecimal number = NumberText.parse(value, i18n.locale());
        if (number == null) {
            return i18n.get(kind == Kind.INTEGER ? "workloads.submit.error.integer" : "workloads.submit.error.number");
        }
        if (kind == Kind.INTEGER && number.stripTrailingZeros().scale() > 0) {
            return i18n.get("workloads.submit.error.integer");
        }
        String unit = spec.unit() == null || spec.unit().isBlank() ? "" : "\u00a0" + spec.unit();
        if (spec.minimum() != null && number.compareTo(spec.minimum()) < 0) {
            return i18n.get("workloads.submit.error.min", NumberText.format(spec.minimum(), i18n.locale()) + unit);
        }
        if (spec.maximum() != null && number.compareTo(spec.maximum()) > 0) {
            return i18n.get("workloads.submit.error.max", NumberText.format(spec.maximum(), i18n.locale()) + unit);
        }
        return null;
    }

    private static Pattern compile(String regex) {
        if (regex == null || regex.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            // The factory checks again; a pattern Java cannot read must not block the form.
            return null;
        }
    }
}
