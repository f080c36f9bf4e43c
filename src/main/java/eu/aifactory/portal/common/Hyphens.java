package eu.aifactory.portal.common;

import java.util.regex.Pattern;

/**
 * Lets a wrapped name break after the hyphen of a compound ("8D-Report-" / "Assistent"), never before it. JavaFX
 * wraps plain Latin text at whitespace only and otherwise cuts wherever the line is full, which can put the hyphen at
 * the start of the next line. A zero-width non-joiner (U+200C) after a hyphen is invisible and makes JavaFX lay the
 * text out as complex text, which wraps at the line breaks of {@link java.text.BreakIterator}: after hyphens only.
 */
public final class Hyphens {

    static final String NON_JOINER = "\u200C";
    private static final Pattern COMPOUND_HYPHEN = Pattern.compile("(?<=[\\p{L}\\p{N}])-(?=\\p{L}|\\p{N})");

    private Hyphens() {
    }

    /** {@code text} with a break opportunity after each hyphen that joins two words; null stays null. */
    public static String breakAfter(String text) {
        return text == null ? null : COMPOUND_HYPHEN.matcher(text.replace(NON_JOINER, "")).replaceAll("-" + NON_JOINER);
    }
}
