package eu.aifactory.portal.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;

class I18nTest {

    @Test
    void boundTextWithAnEagerListenerFollowsALanguageSwitch() {
        I18n i18n = new I18n(Locale.UK);
        StringProperty label = new SimpleStringProperty();
        label.bind(i18n.binding("nav.catalog"));
        List<String> seen = new ArrayList<>();
        // A change listener re-reads the text while the locale property is still notifying (as a Label does).
        label.addListener((obs, old, now) -> seen.add(now));

        i18n.localeProperty().set(I18n.GERMAN);

        assertThat(label.get()).isEqualTo("Katalog");
        assertThat(seen).containsExactly("Katalog");
    }

    @Test
    void formatsArgumentsInTheCurrentLanguage() {
        I18n i18n = new I18n(Locale.GERMANY);
        assertThat(i18n.get("nav.shortcut", 3)).isEqualTo("Strg+3");
        i18n.localeProperty().set(I18n.ENGLISH);
        assertThat(i18n.get("nav.shortcut", 3)).isEqualTo("Ctrl+3");
    }

    @Test
    void unknownKeyIsShownMarkedInsteadOfFailing() {
        assertThat(new I18n(Locale.UK).get("no.such.key")).isEqualTo("!no.such.key!");
    }

    @Test
    void anyGermanLocaleGivesGermanAndEverythingElseEnglish() {
        assertThat(I18n.supported(Locale.forLanguageTag("de-AT"))).isEqualTo(I18n.GERMAN);
        assertThat(I18n.supported(Locale.FRANCE)).isEqualTo(I18n.ENGLISH);
    }
}
