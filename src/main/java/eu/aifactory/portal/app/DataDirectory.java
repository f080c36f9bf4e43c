package eu.aifactory.portal.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the portal keeps its settings, encrypted token file, offline caches and the embedded factory's database:
 * the per-user application data directory of the operating system, or {@code -Dportal.dataDir=...}.
 */
public final class DataDirectory {

    public static final String PROPERTY = "portal.dataDir";
    static final String NAME = "AI Factory Portal";
    static final String UNIX_NAME = "ai-factory-portal";

    private DataDirectory() {
    }

    public static Path resolve() {
        return resolve(System.getProperty(PROPERTY), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."), System.getenv());
    }

    static Path resolve(String override, String osName, String home, Map<String, String> env) {
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData != null && !appData.isBlank() ? Path.of(appData) : Path.of(home, "AppData", "Roaming"))
                    .resolve(NAME);
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", NAME);
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve(UNIX_NAME);
    }
}
