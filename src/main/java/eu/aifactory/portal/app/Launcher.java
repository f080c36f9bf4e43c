package eu.aifactory.portal.app;

import eu.aifactory.client.operator.OperatorCommand;
import eu.aifactory.client.verify.VerifyCommand;
import eu.aifactory.server.cli.ServeCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.application.Application;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The entry point of the jar. Without arguments it opens the portal, with one {@code .json} file the portal and its
 * verdict on that signed report; {@code serve} runs the reference factory and {@code verify} checks a signed report
 * offline. It does not extend {@link Application}, so the portal
 * starts from a plain classpath (a shaded jar) without the JavaFX launcher's module check.
 */
@Command(name = "tenant-portal", mixinStandardHelpOptions = true, versionProvider = Launcher.Version.class,
        description = "AI Factory Tenant Portal. Without a command it opens the portal; with --kiosk alone, the portal "
                + "as a trade-fair kiosk.",
        subcommands = {ServeCommand.class, VerifyCommand.class, OperatorCommand.class})
public final class Launcher implements Callable<Integer> {

    /** Exit code when there is no display to open the portal on. */
    static final int NO_DISPLAY = 3;

    /** Opens the portal as a trade-fair kiosk (see {@code portal.kiosk.KioskMode}). */
    static final String KIOSK = "--kiosk";

    public static void main(String[] args) {
        int exit = args.length == 0 || opensReport(args) || kiosk(args)
                ? openPortal(args)
                : new CommandLine(new Launcher()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** A signed report given by the desktop (file association) or on the command line opens in the portal's verifier. */
    static boolean opensReport(String[] args) {
        return args.length == 1 && args[0].toLowerCase(Locale.ROOT).endsWith(".json")
                && Files.isRegularFile(Path.of(args[0]));
    }

    static boolean kiosk(String[] args) {
        return args.length == 1 && KIOSK.equals(args[0]);
    }

    @Override
    public Integer call() {
        return openPortal(new String[0]);
    }

    /**
     * Opens the portal (in a child JVM that maps the class-data archive, when it can start one), or says in one
     * sentence why it cannot (no display) instead of a stack trace.
     */
    private static int openPortal(String[] args) {
        String missing = missingDisplay(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("glass.platform"));
        if (missing != null) {
            LoggerFactory.getLogger(Launcher.class).error(missing);
            return NO_DISPLAY;
        }
        Optional<Integer> child = SharedClassesLauncher.relaunch(args);
        if (child.isPresent()) {
            return child.get();
        }
        PortalApp.prepare(kiosk(args));
        try {
            Application.launch(PortalApp.class, args);
        } catch (UnsupportedOperationException e) {
            // JavaFX's own words for a display it cannot open ("Unable to open DISPLAY").
            LoggerFactory.getLogger(Launcher.class).error(noDisplayMessage(String.valueOf(e.getMessage())));
            return NO_DISPLAY;
        }
        return 0;
    }

    /**
     * Why the portal cannot open a window here, or null when it can try: on Linux and the BSDs a window needs an X11
     * or Wayland display, unless a headless glass platform (Monocle) was chosen.
     */
    static String missingDisplay(Map<String, String> env, String osName, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        boolean needsDisplay = !os.startsWith("windows") && !os.startsWith("mac");
        boolean hasDisplay = notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"));
        if (!needsDisplay || hasDisplay || notBlank(glassPlatform)) {
            return null;
        }
        return noDisplayMessage("neither DISPLAY nor WAYLAND_DISPLAY is set");
    }

    private static String noDisplayMessage(String why) {
        return "The portal needs a graphical display and cannot open one (" + why + "). Start it from a desktop "
                + "session, or run the factory without a display: tenant-portal serve --help";
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Launcher.class.getPackage().getImplementationVersion();
            return new String[] {"tenant-portal " + (version == null ? "development build" : version)};
        }
    }
}
