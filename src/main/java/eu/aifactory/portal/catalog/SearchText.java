package eu.aifactory.portal.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Case and umlaut folding for search as you type, so that "Qualität", "qualitaet" and "QUALITAT" find the same
 * application. A text is kept in two folded forms: <em>base</em> (lower case, accents dropped, ß → ss) and
 * <em>digraph</em> (base with ae → a, oe → o, ue → u). A query word matches when its base form occurs in the
 * text's base form or its digraph form occurs in the text's digraph form; checking the base form as well keeps
 * substrings that start inside a digraph ("ero" in "aerospace") findable.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final String base;
    private final String digraph;

    private SearchText(String base) {
        this.base = base;
        this.digraph = digraph(base);
    }

    /** Folds {@code text} once so that it can be matched against many queries. */
    public static SearchText of(String text) {
        return new SearchText(base(text));
    }

    /** True when every whitespace-separated word of {@code query} occurs in this text; a blank query matches all. */
    public boolean matches(Query query) {
        for (Word word : query.words) {
            if (!base.contains(word.base) && !digraph.contains(word.digraph)) {
                return false;
            }
        }
        return true;
    }

    /** A folded query, built once per keystroke. */
    public static Query query(String text) {
        return new Query(text);
    }

    static String base(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("ß", "ss");
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    static String digraph(String base) {
        return base.replace("ae", "a").replace("oe", "o").replace("ue", "u");
    }

    /** The words of a search query in folded form. */
    public static final class Query {

        private final List<Word> words = new ArrayList<>();

        private Query(String text) {
            String trimmed = text == null ? "" : text.strip();
            if (!trimmed.isEmpty()) {
                for (String word : WHITESPACE.split(trimmed)) {
                    String folded = base(word);
                    words.add(new Word(folded, digraph(folded)));
                }
            }
        }

        public boolean isBlank() {
            return words.isEmpty();
        }
    }

    private record Word(String base, String digraph) {
    }
}
