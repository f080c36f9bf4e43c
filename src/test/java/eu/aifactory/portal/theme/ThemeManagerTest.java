package eu.aifactory.portal.theme;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ThemeManagerTest {

    private static final String LIGHT = new PrimerLight().getUserAgentStylesheet();
    private static final String DARK = new PrimerDark().getUserAgentStylesheet();

    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final List<String> installed = new ArrayList<>();

    @Test
    void systemModeStaysLightUntilTheOsSaysDark() {
        ThemeManager theme = new ThemeManager(executor, () -> true, installed::add);
        executor.holdWork();
        theme.start();
        assertThat(installed).containsExactly(LIGHT);

        executor.runHeldWork();

        assertThat(theme.isDark()).isTrue();
        assertThat(installed).containsExactly(LIGHT, DARK);
    }

    @Test
    void anExplicitChoiceWinsOverTheOs() {
        AtomicInteger probes = new AtomicInteger();
        ThemeManager theme = new ThemeManager(executor, () -> probes.incrementAndGet() > 0, installed::add);
        theme.modeProperty().set(ThemeMode.LIGHT);
        theme.start();
        assertThat(theme.isDark()).isFalse();
        assertThat(probes).as("the OS is not asked for an explicit choice").hasValue(0);

        theme.modeProperty().set(ThemeMode.DARK);
        assertThat(installed).endsWith(DARK);
    }

    @Test
    void backToSystemUsesTheOsAnswerWithoutAskingAgain() {
        AtomicInteger probes = new AtomicInteger();
        ThemeManager theme = new ThemeManager(executor, () -> {
            probes.incrementAndGet();
            return true;
        }, installed::add);
        theme.start();
        theme.modeProperty().set(ThemeMode.LIGHT);
        theme.modeProperty().set(ThemeMode.SYSTEM);
        assertThat(theme.isDark()).isTrue();
        assertThat(probes).hasValue(1);
    }

    @Test
    void aFailingProbeMeansLight() {
        ThemeManager theme = new ThemeManager(executor, () -> {
            throw new IllegalStateException("no gsettings");
        }, installed::add);
        theme.start();
        assertThat(theme.isDark()).isFalse();
    }
}
