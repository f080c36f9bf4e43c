package eu.aifactory.portal.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OsThemeDetectorTest {

    @Test
    void readsTheWindowsRegistryValue() {
        assertThat(OsThemeDetector.windowsSaysDark("""
                HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize
                    AppsUseLightTheme    REG_DWORD    0x0
                """)).isTrue();
        assertThat(OsThemeDetector.windowsSaysDark("    AppsUseLightTheme    REG_DWORD    0x1")).isFalse();
    }

    @Test
    void readsMacAndGnomeAnswers() {
        assertThat(OsThemeDetector.macSaysDark("Dark\n")).isTrue();
        assertThat(OsThemeDetector.colorSchemeIsDark("'prefer-dark'\n")).isTrue();
        assertThat(OsThemeDetector.colorSchemeIsDark("'default'\n")).isFalse();
        assertThat(OsThemeDetector.gtkThemeIsDark("'Adwaita-dark'")).isTrue();
        assertThat(OsThemeDetector.gtkThemeIsDark("'Adwaita'")).isFalse();
    }

    @Test
    void gtkThemeVariableDecidesOnLinuxWithoutRunningAnything() {
        assertThat(new OsThemeDetector("Linux", Map.of("GTK_THEME", "Adwaita:dark"), Duration.ofMillis(200)).prefersDark()).isTrue();
        assertThat(new OsThemeDetector("Linux", Map.of("GTK_THEME", "Adwaita"), Duration.ofMillis(200)).prefersDark()).isFalse();
    }

    @Test
    void missingToolsMeanLight() {
        // No gsettings here, or one without a desktop: either way the answer is "light", not an exception.
        assertThat(new OsThemeDetector("Linux", Map.of(), Duration.ofSeconds(2)).prefersDark()).isFalse();
    }
}
