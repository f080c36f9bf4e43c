package eu.aifactory.portal.common;

import eu.aifactory.portal.i18n.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parameter's pattern as people read it: {@code ^L[0-9]{2}$} becomes "L01–L99", {@code ^[A-Z0-9]{4}$} an example
 * like "A1B2". Understands the patterns application catalogs use (literals, escaped literals, character classes
 * with ranges, {@code \d}, and {@code {n}} / {@code {n,m}} repeats); for anything else there is no example, and
 * the caller says "the expected form" without showing a regular expression.
 */
public final class PatternExample {

    /** The lowest and highest value of the form, or one example ({@code last} null) when no order is obvious. */
    public record Example(String first, String last) {
    }

    private enum CharKind { DIGITS, UPPER, LOWER, MIXED }

    private record Token(String literal, CharKind kind, String chars, int min, int max) {
    }

    private PatternExample() {
    }

    /** "L01–L99" or "e.g. A1B2" in the user's language, or null when the pattern has no readable example. */
    public static String text(String regex, I18n i18n) {
        return of(regex).map(e -> e.last() == null ? i18n.get("pattern.example", e.first())
                : e.first().equals(e.last()) ? e.first() : e.first() + "\u2009\u2013\u2009" + e.last()).orElse(null);
    }

    public static Optional<Example> of(String regex) {
        if (regex == null || regex.isBlank()) {
            return Optional.empty();
        }
        List<Token> tokens = parse(regex);
        if (tokens == null || tokens.isEmpty()) {
            return Optional.empty();
        }
        boolean ordered = tokens.stream().allMatch(t -> t.literal() != null || t.kind() != CharKind.MIXED);
        StringBuilder first = new StringBuilder();
        StringBuilder last = new StringBuilder();
        int lastDigitsEnd = -1;
        int lastDigitsCount = 0;
        for (Token token : tokens) {
            if (token.literal() != null) {
                first.append(token.literal());
                last.append(token.literal());
                continue;
            }
            for (int i = 0; i < token.min(); i++) {
                first.append(ordered ? lowest(token) : mixed(token, i));
            }
            for (int i = 0; i < token.max(); i++) {
                last.append(highest(token));
            }
            if (token.kind() == CharKind.DIGITS) {
                lastDigitsEnd = first.length();
                lastDigitsCount = token.min();
            }
        }
        if (!ordered) {
            return Optional.of(new Example(first.toString(), null));
        }
        // "L00" reads like a placeholder; the first real number of a form is 1.
        if (lastDigitsEnd == first.length() && lastDigitsCount > 0
                && first.substring(lastDigitsEnd - lastDigitsCount).chars().allMatch(c -> c == '0')) {
            first.setCharAt(lastDigitsEnd - 1, '1');
        }
        return Optional.of(new Example(first.toString(), last.toString()));
    }

    private static char lowest(Token token) {
        return token.chars().charAt(0);
    }

    private static char highest(Token token) {
        return switch (token.kind()) {
            case DIGITS -> '9';
            case UPPER -> 'Z';
            case LOWER -> 'z';
            case MIXED -> token.chars().charAt(0);
        };
    }

    /** Letters and digits taking turns, so the example shows both are allowed. */
    private static char mixed(Token token, int index) {
        String chars = token.chars();
        List<Character> letters = new ArrayList<>();
        List<Character> digits = new ArrayList<>();
        for (char c : chars.toCharArray()) {
            (Character.isDigit(c) ? digits : letters).add(c);
        }
        if (letters.isEmpty() || digits.isEmpty()) {
            return chars.charAt(index % chars.length());
        }
        return index % 2 == 0 ? letters.get((index / 2) % letters.size()) : digits.get((index / 2 + 1) % digits.size());
    }

    /** The tokens of a simple pattern, or null when it uses anything else. */
    private static List<Token> parse(String regex) {
        String body = regex;
        if (body.startsWith("^")) {
            body = body.substring(1);
        }
        if (body.endsWith("$") && !body.endsWith("\\$")) {
            body = body.substring(0, body.length() - 1);
        }
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            String chars;
            String literal = null;
            if (c == '[') {
                int end = body.indexOf(']', i + 1);
                if (end < 0) {
                    return null;
                }
                chars = expand(body.substring(i + 1, end));
                if (chars == null) {
                    return null;
                }
                i = end + 1;
            } else if (c == '\\' && i + 1 < body.length()) {
                char next = body.charAt(i + 1);
                if (next == 'd') {
                    chars = "0123456789";
                } else if (Character.isLetterOrDigit(next)) {
                    return null;
                } else {
                    chars = null;
                    literal = String.valueOf(next);
                }
                i += 2;
            } else if ("()|?*+.{}".indexOf(c) >= 0) {
                return null;
            } else {
                chars = null;
                literal = String.valueOf(c);
                i++;
            }
            int min = 1;
            int max = 1;
            if (i < body.length() && body.charAt(i) == '{') {
                int end = body.indexOf('}', i);
                if (end < 0) {
                    return null;
                }
                String[] bounds = body.substring(i + 1, end).split(",", -1);
                try {
                    min = Integer.parseInt(bounds[0].strip());
                    max = bounds.length == 1 ? min : Integer.parseInt(bounds[1].strip());
                } catch (NumberFormatException e) {
                    return null;
                }
                if (bounds.length > 2 || max < min || max > 64) {
                    return null;
                }
                i = end + 1;
            }
            if (literal != null) {
                tokens.add(new Token(literal.repeat(min), null, null, min, max));
                if (min != max) {
                    return null;
                }
            } else {
                tokens.add(new Token(null, kindOf(chars), chars, min, max));
            }
        }
        return tokens;
    }

    /** The characters of a class body like {@code A-Z0-9-}, in order, or null for negated or odd classes. */
    private static String expand(String set) {
        if (set.isEmpty() || set.startsWith("^")) {
            return null;
        }
        StringBuilder chars = new StringBuilder();
        for (int i = 0; i < set.length(); i++) {
            char c = set.charAt(i);
            if (c == '\\') {
                return null;
            }
            if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                char to = set.charAt(i + 2);
                if (to < c) {
                    return null;
                }
                for (char x = c; x <= to; x++) {
                    chars.append(x);
                }
                i += 2;
            } else {
                chars.append(c);
            }
        }
        return chars.toString();
    }

    private static CharKind kindOf(String chars) {
        if (chars.chars().allMatch(Character::isDigit)) {
            return CharKind.DIGITS;
        }
        if (chars.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            return CharKind.UPPER;
        }
        if (chars.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return CharKind.LOWER;
        }
        return CharKind.MIXED;
    }
}
