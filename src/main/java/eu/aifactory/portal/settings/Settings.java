package eu.aifactory.portal.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import eu.aifactory.portal.theme.ThemeMode;

/**
 * What the portal remembers between starts (settings.json in the data directory). Never holds a token.
 *
 * @param factoryUrl   the factory the user connected to, or null for the embedded demo factory
 * @param demoUserId   the demo user last signed in at the embedded factory, or null
 * @param language     {@code de} or {@code en}, or null to follow the operating system
 * @param theme        light, dark or follow the operating system
 * @param window       the main window's last position and size, or null
 * @param notifications whether to show desktop notifications (workload started, finished)
 * @param updateUrl    where to read the signed release manifest, or null for the connected factory's
 * @param lastFolder   the folder a file was last opened from or saved to, where file dialogs start; or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(String factoryUrl, String demoUserId, String language, ThemeMode theme, WindowBounds window,
                       boolean notifications, String updateUrl, String lastFolder) {

    public Settings {
        theme = theme == null ? ThemeMode.SYSTEM : theme;
    }

    public static Settings defaults() {
        return new Settings(null, null, null, ThemeMode.SYSTEM, null, true, null, null);
    }

    public Settings withFactory(String newFactoryUrl, String newDemoUserId) {
        return new Settings(newFactoryUrl, newDemoUserId, language, theme, window, notifications, updateUrl, lastFolder);
    }

    public Settings withLanguage(String newLanguage) {
        return new Settings(factoryUrl, demoUserId, newLanguage, theme, window, notifications, updateUrl, lastFolder);
    }

    public Settings withTheme(ThemeMode newTheme) {
        return new Settings(factoryUrl, demoUserId, language, newTheme, window, notifications, updateUrl, lastFolder);
    }

    public Settings withWindow(WindowBounds newWindow) {
        return new Settings(factoryUrl, demoUserId, language, theme, newWindow, notifications, updateUrl, lastFolder);
    }

    public Settings withNotifications(boolean enabled) {
        return new Settings(factoryUrl, demoUserId, language, theme, window, enabled, updateUrl, lastFolder);
    }

    public Settings withUpdateUrl(String newUpdateUrl) {
        return new Settings(factoryUrl, demoUserId, language, theme, window, notifications, newUpdateUrl, lastFolder);
    }

    public Settings withLastFolder(String newLastFolder) {
        return new Settings(factoryUrl, demoUserId, language, theme, window, notifications, updateUrl, newLastFolder);
    }

    /** A position and size of a window in screen coordinates. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }
}
