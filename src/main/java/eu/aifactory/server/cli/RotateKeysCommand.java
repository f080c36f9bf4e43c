package eu.aifactory.server.cli;

import eu.aifactory.api.signing.Jwk;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.signing.SigningKeyStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code serve rotate-keys}: replaces the factory's report-signing key in {@code <data-dir>/signing-keys}. The old
 * public key stays published with a rotation record signed by it, so reports it signed remain verifiable and
 * portals that pinned it accept the new key; the old private key is deleted.
 */
@Command(name = "rotate-keys", mixinStandardHelpOptions = true,
        description = {"Replace the report-signing key; reports signed with the old key stay verifiable.",
                "Run it while the factory is stopped: a running factory keeps signing with its old key until restarted."})
final class RotateKeysCommand implements Callable<Integer> {

    @ParentCommand
    ServeCommand parent;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path directory = FactoryServer.signingKeyDir(parent.dataDir());
        if (!Files.isDirectory(directory)) {
            // Opening would mint a first key, and rotating that would only add a pointless step to the history.
            throw new CommandLine.ParameterException(spec.commandLine(), "no signing keys in " + directory
                    + "; start the factory once with this --data-dir to create them");
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            SigningKeyStore store = SigningKeyStore.open(directory);
            String old = store.currentKid();
            Jwk next = store.rotate();
            out.println("retired " + old);
            out.println("current " + next.kid());
            out.println("fingerprint " + next.fingerprint());
            out.flush();
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("Cannot rotate the signing key: " + e.getMessage());
            return 1;
        }
    }
}
