package eu.aifactory.api;

import java.util.Locale;

/** A text the factory provides in English and German; the portal picks by the user's language. */
public record LocalizedText(String en, String de) {

    public String in(Locale locale) {
        return "de".equals(locale.getLanguage()) && de != null && !de.isBlank() ? de : en;
    }

    public static LocalizedText of(String en, String de) {
        return new LocalizedText(en, de);
    }
}
