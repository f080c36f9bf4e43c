package eu.aifactory.server.util;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for search so that case, accents and the German umlaut spellings do not matter:
 * "Qualitätsprüfung", "QUALITAETSPRUEFUNG" and "qualitatsprufung" fold to the same string.
 * Stored text and queries go through the same fold, so a match on folded strings is a match for the user.
 */
public final class TextFold {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextFold() {
    }

    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = text.toLowerCase(Locale.ROOT).replace("ß", "ss");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        // The transliterations ae/oe/ue of ä/ö/ü fold to the bare vowel, like the umlauts themselves.
        s = s.replace("ae", "a").replace("oe", "o").replace("ue", "u");
        return NON_WORD.matcher(s).replaceAll(" ").trim();
    }

    /** The folded words of a query, each of which must occur in the folded text. */
    public static List<String> terms(String query) {
        String folded = fold(query);
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }

    /** Escapes {@code %}, {@code _} and the escape character itself for a LIKE pattern with ESCAPE '!'. */
    public static String likeEscape(String term) {
        return term.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
