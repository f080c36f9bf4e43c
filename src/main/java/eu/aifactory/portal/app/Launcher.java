package eu.aifactory.portal.app;

import eu.aifactory.client.verify.VerifyCommand;
import eu.aifactory.server.cli.ServeCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.application.Application;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The entry point of the jar. Without arguments it opens the portal, with one {@code .json} file the portal and its
 * verdict on that signed report; {@code serve} runs the reference factory and {@code verify} checks a signed report
 * offline. It does not extend {@link Application}, so the portal
 * starts from a plain classpath (a shaded jar) without the JavaFX launcher's module check.
 */
@Command(name = "tenant-portal", mixinStandardHelpOptions = true, versionProvider = Launcher.Version.class,
        description = "AI Factory Tenant Portal. Without a command it opens the portal.",
        subcommands = {ServeCommand.class, VerifyCommand.class})
public final class Launcher implements Callable<Integer> {

    public static void main(String[] args) {
        if (args.length == 0 || opensReport(args)) {
            Optional<Integer> child = SharedClassesLauncher.relaunch(args);
            if (child.isPresent()) {
                System.exit(child.get());
            }
            PortalApp.prepare();
            Application.launch(PortalApp.class, args);
            return;
        }
        int exit = new CommandLine(new Launcher()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** A signed report given by the desktop (file association) or on the command line opens in the portal's verifier. */
    static boolean opensReport(String[] args) {
        return args.length == 1 && args[0].toLowerCase(Locale.ROOT).endsWith(".json") && Files.isRegularFile(Path.of(args[0]));
    }

    @Override
    public Integer call() {
        Application.launch(PortalApp.class);
        return 0;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Launcher.class.getPackage().getImplementationVersion();
            return new String[] {"tenant-portal " + (version == null ? "development build" : version)};
        }
    }
}
