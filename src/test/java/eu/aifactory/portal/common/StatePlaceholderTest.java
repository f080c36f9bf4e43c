package eu.aifactory.portal.common;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.client.FactoryUnreachableException;
import eu.aifactory.portal.i18n.I18n;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class StatePlaceholderTest {

    private final I18n i18n = new I18n(I18n.GERMAN);

    @Test
    void saysNothingIsThereOnlyAfterAnAnswer() {
        assertThat(StatePlaceholder.text(i18n, LoadState.LOADING, "residency.table.empty", null)).isEqualTo("Wird geladen\u2026");
        assertThat(StatePlaceholder.text(i18n, LoadState.EMPTY, "residency.table.empty", null))
                .isEqualTo(i18n.get("residency.table.empty"));
    }

    @Test
    void offlineAndErrorSayWhatWentWrong() {
        assertThat(StatePlaceholder.text(i18n, LoadState.OFFLINE, "residency.table.empty", null))
                .startsWith("Die Factory ist nicht erreichbar");
        assertThat(StatePlaceholder.text(i18n, LoadState.ERROR, "residency.table.empty", "Abgelehnt: zu lang"))
                .isEqualTo("Abgelehnt: zu lang");
        assertThat(StatePlaceholder.text(i18n, LoadState.ERROR, "residency.table.empty", null))
                .isEqualTo("Das konnte nicht geladen werden.");
    }

    @Test
    void anUnreachableFactoryAnywhereInTheCausesIsOffline() {
        FactoryUnreachableException down = new FactoryUnreachableException("down", new IOException("refused"));
        assertThat(LoadState.ofFailure(down)).isEqualTo(LoadState.OFFLINE);
        assertThat(LoadState.ofFailure(new RuntimeException("wrapped", down))).isEqualTo(LoadState.OFFLINE);
        assertThat(LoadState.ofFailure(new UncheckedIOException(new IOException("bad json")))).isEqualTo(LoadState.ERROR);
    }
}
