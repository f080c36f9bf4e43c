package eu.aifactory.server.cli;

import java.nio.file.Path;
import java.util.Locale;

/** The per-user data directory of the factory, following each desktop OS's convention. */
public final class DataDirs {

    private static final String APP = "ai-factory-portal";

    private DataDirs() {
    }

    public static Path factoryDataDir() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, APP, "factory");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", APP, "factory");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve(APP).resolve("factory");
    }
}
