package eu.aifactory.server.cli;

import eu.aifactory.api.release.ReleaseManifest;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.release.PortalReleases;
import eu.aifactory.server.signing.SigningKeyStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code serve publish-release}: announces a portal version to the portals of this factory. Signs the manifest with
 * the factory's report key and writes it where {@code GET /.well-known/portal-release} serves it from; a running
 * factory picks it up at the next request. Portals only tell their users; nothing is downloaded or installed.
 */
@Command(name = "publish-release", mixinStandardHelpOptions = true,
        description = "Announce a portal version to this factory's portals (signed with the report key).")
final class PublishReleaseCommand implements Callable<Integer> {

    @ParentCommand
    ServeCommand parent;
    @Spec
    CommandSpec spec;

    @Option(names = "--version", required = true, description = "The portal version, e.g. 0.2.0.")
    String version;

    @Option(names = "--download", required = true, description = "The http(s) page where users get it.")
    String download;

    @Option(names = "--notes", description = "One line on what changed.")
    String notes;

    @Override
    public Integer call() {
        Path directory = FactoryServer.signingKeyDir(parent.dataDir());
        if (!Files.isDirectory(directory)) {
            // Signing with a key minted here would announce the release under a key no portal has pinned.
            throw new CommandLine.ParameterException(spec.commandLine(), "no signing keys in " + directory
                    + "; start the factory once with this --data-dir to create them");
        }
        ReleaseManifest release;
        try {
            release = new ReleaseManifest(version, URI.create(download), notes);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            SigningKeyStore keys = SigningKeyStore.open(directory);
            PortalReleases.in(parent.dataDir()).publish(release, keys);
            out.println("published portal " + release.version() + " (" + release.download() + "), signed by "
                    + keys.currentKid());
            out.flush();
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("Cannot publish the release: " + e.getMessage());
            return 1;
        }
    }
}
