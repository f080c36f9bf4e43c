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
    private Locale bundleLocale;

    public I18n(Locale initial) {
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
            pattern = bundle().getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale()).format(args);
    }

    /** A text that follows language changes. */
    public StringBinding binding(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), locale);
    }

    /**
     * The bundle of the current language, loaded on first use after a switch. Bindings re-read texts while the
     * locale property notifies its listeners, before a change listener could have swapped the bundle.
     */
    private ResourceBundle bundle() {
        Locale current = locale.get();
        if (bundle == null || !current.equals(bundleLocale)) {
            bundle = load(current);
            bundleLocale = current;
        }
        return bundle;
    }

    private static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
