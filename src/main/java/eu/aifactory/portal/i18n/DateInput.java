package eu.aifactory.portal.i18n;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.DatePicker;
import javafx.scene.control.skin.DatePickerSkin;
import javafx.util.StringConverter;

/**
 * A date picker in the portal's language: German dates typed and shown as 01.11.2026, English (the portal's English is
 * British) as 01/11/2026, ISO 2026-11-01 understood in both; the calendar with the language's month and day names and
 * first day of the week (Monday in German). Text that is no date never throws: the picker keeps its last date and
 * {@link #errorProperty()} says what to type, for the view to show next to the field.
 *
 * <p>JavaFX's calendar takes its names and first weekday from the JVM's default format locale, with no way to give
 * one per picker; the portal has one user and one language, so the picker makes that language the format locale
 * whenever its calendar opens, and builds a fresh calendar after a language switch.
 */
public final class DateInput {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("danger");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

    private final DatePicker picker;
    private final I18n i18n;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    /** The text that failed to parse, so the error can be re-worded after a language switch. */
    private String rejected;

    private DateInput(DatePicker picker, I18n i18n) {
        this.picker = picker;
        this.i18n = i18n;
    }

    /** Localizes {@code picker} for as long as it lives; the returned input carries its field error. */
    public static DateInput attach(DatePicker picker, I18n i18n) {
        DateInput input = new DateInput(picker, i18n);
        picker.getProperties().put(DateInput.class, input);
        picker.setConverter(input.converter());
        picker.addEventHandler(ComboBoxBase.ON_SHOWING, event ->
                Locale.setDefault(Locale.Category.FORMAT, i18n.locale()));
        picker.valueProperty().addListener((obs, old, now) -> input.clearError());
        i18n.onSwitch(picker, input::relocalize);
        return input;
    }

    /** The field error in the current language, or null while the text is a date (or empty). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** How {@code locale} writes a date in a form field: 01.11.2026 in German, 01/11/2026 in English. */
    public static DateTimeFormatter printFormat(Locale locale) {
        return DateTimeFormatter.ofPattern(german(locale) ? "dd.MM.uuuu" : "dd/MM/uuuu", locale);
    }

    /** The date in {@code text} as {@code locale} writes it (leading zeros optional) or as ISO, if it is one. */
    public static Optional<LocalDate> parse(String text, Locale locale) {
        String trimmed = text == null ? "" : text.strip();
        DateTimeFormatter local = DateTimeFormatter.ofPattern(german(locale) ? "d.M.uuuu" : "d/M/uuuu", locale)
                .withResolverStyle(ResolverStyle.STRICT);
        for (DateTimeFormatter format : new DateTimeFormatter[] {local, ISO}) {
            try {
                return Optional.of(LocalDate.parse(trimmed, format));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    private static boolean german(Locale locale) {
        return "de".equals(locale.getLanguage());
    }

    private StringConverter<LocalDate> converter() {
        Locale locale = i18n.locale();
        DateTimeFormatter print = printFormat(locale);
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : print.format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    clearError();
                    return null;
                }
                Optional<LocalDate> date = parse(text, locale);
                if (date.isEmpty()) {
                    rejected = text.strip();
                    showError();
                    return picker.getValue();
                }
                clearError();
                return date.get();
            }
        };
    }

    private void relocalize() {
        picker.setConverter(converter());
        // A fresh skin builds a fresh calendar, in the new language, the next time it opens.
        picker.setSkin(new DatePickerSkin(picker));
        if (rejected != null) {
            showError();
        }
    }

    private void showError() {
        error.set(i18n.get("date.unparseable", rejected));
        picker.pseudoClassStateChanged(INVALID, true);
    }

    private void clearError() {
        rejected = null;
        error.set(null);
        picker.pseudoClassStateChanged(INVALID, false);
    }
}
