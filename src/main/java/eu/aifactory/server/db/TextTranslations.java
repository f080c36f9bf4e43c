package eu.aifactory.server.db;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The German (or other) forms of the English texts the factory's records carry, from {@code text_translations}:
 * read by every feature whose reports carry such texts (residency, energy), so the lookup lives beside the database.
 */
public final class TextTranslations {

    private TextTranslations() {
    }

    /** The {@code language} forms of those of {@code english} that have one, by English text. */
    public static Map<String, String> find(Jdbi jdbi, String language, Collection<String> english) {
        Map<String, String> found = new TreeMap<>();
        if (english.isEmpty()) {
            return found;
        }
        jdbi.useHandle(h -> h.createQuery("SELECT english, translated FROM text_translations "
                        + "WHERE language = :language AND english IN (<english>)")
                .bind("language", language).bindList("english", List.copyOf(english))
                .map((rs, ctx) -> Map.entry(rs.getString("english"), rs.getString("translated")))
                .forEach(e -> found.put(e.getKey(), e.getValue())));
        return found;
    }

    /** Every {@code language} form there is, by English text: for texts whose English is not known in advance. */
    public static Map<String, String> all(Jdbi jdbi, String language) {
        Map<String, String> found = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT english, translated FROM text_translations WHERE language = :language")
                .bind("language", language)
                .map((rs, ctx) -> Map.entry(rs.getString("english"), rs.getString("translated")))
                .forEach(e -> found.put(e.getKey(), e.getValue())));
        return found;
    }
}
