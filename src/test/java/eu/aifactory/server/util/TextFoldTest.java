package eu.aifactory.server.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFoldTest {

    @Test
    void umlautsTheirTransliterationsAndBareVowelsFoldAlike() {
        String folded = TextFold.fold("Qualitätsprüfung");
        assertThat(TextFold.fold("QUALITAETSPRUEFUNG")).isEqualTo(folded);
        assertThat(TextFold.fold("qualitatsprufung")).isEqualTo(folded);
        assertThat(folded).contains(TextFold.fold("Qualität")).contains(TextFold.fold("qualitaet")).contains(TextFold.fold("qualitat"));
    }

    @Test
    void eszettAccentsAndPunctuationFold() {
        assertThat(TextFold.fold("Straße")).isEqualTo(TextFold.fold("strasse"));
        assertThat(TextFold.fold("Café-Crème")).isEqualTo("cafe creme");
        assertThat(TextFold.terms("  Öl,  Wärme ")).containsExactly("ol", "warme");
        assertThat(TextFold.terms(null)).isEmpty();
    }

    @Test
    void likeWildcardsAreEscaped() {
        assertThat(TextFold.likeEscape("50%_off!")).isEqualTo("50!%!_off!!");
    }
}
