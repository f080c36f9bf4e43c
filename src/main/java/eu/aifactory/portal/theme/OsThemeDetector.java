package eu.aifactory.portal.theme;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the operating system whether it is in dark mode: GNOME's {@code gsettings} (colour scheme, then GTK theme
 * name) or {@code GTK_THEME} on Linux, {@code defaults read -g AppleInterfaceStyle} on macOS, the
 * {@code AppsUseLightTheme} registry value on Windows. Blocking and time-limited: call it off the UI thread.
 * Anything it cannot tell counts as light.
 */
public class OsThemeDetector {

    private static final Logger LOG = LoggerFactory.getLogger(OsThemeDetector.class);

    private final String osName;
    private final Map<String, String> env;
    private final Duration timeout;

    public OsThemeDetector() {
        this(System.getProperty("os.name", ""), System.getenv(), Duration.ofSeconds(2));
    }

    public OsThemeDetector(String osName, Map<String, String> env, Duration timeout) {
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.env = Map.copyOf(env);
        this.timeout = timeout;
    }

    public boolean prefersDark() {
        if (osName.contains("win")) {
            return run("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme").map(OsThemeDetector::windowsSaysDark).orElse(false);
        }
        if (osName.contains("mac")) {
            return run("defaults", "read", "-g", "AppleInterfaceStyle").map(OsThemeDetector::macSaysDark).orElse(false);
        }
        String gtkTheme = env.get("GTK_THEME");
        if (gtkTheme != null && !gtkTheme.isBlank()) {
            return gtkThemeIsDark(gtkTheme);
        }
        Optional<String> scheme = run("gsettings", "get", "org.gnome.desktop.interface", "color-scheme");
        if (scheme.map(OsThemeDetector::colorSchemeIsDark).orElse(false)) {
            return true;
        }
        return run("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme")
                .map(OsThemeDetector::gtkThemeIsDark).orElse(false);
    }

    /** {@code reg query} prints {@code AppsUseLightTheme    REG_DWORD    0x0} when apps use the dark theme. */
    static boolean windowsSaysDark(String output) {
        return output.lines().anyMatch(line -> line.contains("AppsUseLightTheme") && line.trim().endsWith("0x0"));
    }

    static boolean macSaysDark(String output) {
        return output.trim().equalsIgnoreCase("dark");
    }

    static boolean colorSchemeIsDark(String output) {
        return output.toLowerCase(Locale.ROOT).contains("prefer-dark");
    }

    static boolean gtkThemeIsDark(String themeName) {
        return themeName.toLowerCase(Locale.ROOT).contains("dark");
    }

    /** The command's standard output if it ran and exited with 0 within the timeout. */
    private Optional<String> run(String... command) {
        Process process;
        try {
            process = new ProcessBuilder(List.of(command)).redirectErrorStream(false).start();
        } catch (IOException e) {
            LOG.debug("theme probe {} not available: {}", command[0], e.getMessage());
            return Optional.empty();
        }
        try {
            process.getOutputStream().close();
            process.getErrorStream().close();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                LOG.debug("theme probe {} timed out", command[0]);
                return Optional.empty();
            }
            String out = readAll(process.getInputStream());
            return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            process.destroy();
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
