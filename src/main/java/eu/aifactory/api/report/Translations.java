package eu.aifactory.api.report;

import java.util.Locale;
import java.util.Map;

/** Looks a report's English text up in the report's own translations (by language, then by English text). */
final class Translations {

    private Translations() {
    }

    static String text(Map<String, Map<String, String>> translations, String english, Locale locale) {
        if (english == null) {
            return null;
        }
        return translations.getOrDefault(locale.getLanguage(), Map.of()).getOrDefault(english, english);
    }
}
