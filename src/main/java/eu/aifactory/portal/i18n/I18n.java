package eu.aifactory.portal.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The user's language and the texts in it. Views bind to {@link #binding} so that switching the language in
 * Settings re-labels the open window without a restart.
 */
public final class I18n {

    public static final String BUNDLE = "eu.aifactory.portal.messages";
    public static final Locale GERMAN = Locale.GERMANY;
    public static final Locale ENGLISH = Locale.UK;

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale");
    private ResourceBundle bundle;

    public I18n(Locale initial) {
        // An invalidation listener, registered first: it runs before any binding built on the locale recomputes,
        // whereas a change listener would run after them and leave them with the previous language's bundle.
        locale.addListener(obs -> bundle = load(locale.get()));
        locale.set(supported(initial));
    }

    /** German for a German-speaking system, English otherwise. */
    public static Locale supported(Locale requested) {
        return "de".equals(requested.getLanguage()) ? GERMAN : ENGLISH;
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public boolean isGerman() {
        return "de".equals(locale().getLanguage());
    }

    /** The text for {@code key} with MessageFormat {@code args} in the current language. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale()).format(args);
    }

    /** A text that follows language changes. */
    public StringBinding binding(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), locale);
    }

    private static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
