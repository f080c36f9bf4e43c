package eu.aifactory.server.http;

import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;
import java.text.MessageFormat;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The factory's texts in the caller's language: {@code Accept-Language} (RFC 9110, q-values) chooses German or
 * English, English when neither is acceptable; keys live in {@code eu/aifactory/server/messages*.properties}.
 */
public final class Messages {

    static final String BUNDLE = "eu.aifactory.server.messages";
    /** The languages the factory speaks, English first: it is the fallback. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);
    /** Longer headers are not parsed; nobody lists that many languages. */
    private static final int MAX_HEADER_LENGTH = 1_000;
    // Without the no-fallback control a German JVM would answer "en" requests from the German bundle.
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** The supported language {@code acceptLanguage} prefers, English when it names none or cannot be read. */
    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > MAX_HEADER_LENGTH) {
            return Locale.ENGLISH;
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return chosen == null ? Locale.ENGLISH : chosen;
        } catch (IllegalArgumentException | IllformedLocaleException e) {
            return Locale.ENGLISH;
        }
    }

    public static String render(Text text, Locale locale) {
        ResourceBundle bundle = bundle(locale);
        Object[] args = text.args().stream().map(a -> a instanceof Text t ? render(t, locale) : a).toArray();
        return new MessageFormat(bundle.getString(text.key()), locale).format(args);
    }

    /** The title of {@code type} in {@code locale}; the English one is {@link ProblemType#title()}. */
    public static String title(ProblemType type, Locale locale) {
        return bundle(locale).getString("title." + type.uri().substring(type.uri().lastIndexOf('/') + 1));
    }

    public static List<Problem.FieldError> render(List<FieldError> errors, Locale locale) {
        return errors.stream().map(e -> new Problem.FieldError(e.field(), render(e.message(), locale))).toList();
    }

    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, CONTROL);
    }
}
