package eu.aifactory.server.release;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.aifactory.api.Json;
import eu.aifactory.api.release.ReleaseManifest;
import eu.aifactory.server.signing.SigningKeyStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The portal release a factory announces to its portals: a {@link ReleaseManifest} signed with the factory's report
 * key (the key portals already pin), kept as {@code portal-release.json} in the data directory. The operator
 * publishes with {@code serve publish-release}; a running factory serves the newest file at once, no restart.
 */
public final class PortalReleases {

    private static final String FILE = "portal-release.json";

    private final Path file;

    private PortalReleases(Path file) {
        this.file = file;
    }

    /** The releases of a factory with this data directory; null for a factory without one (it announces none). */
    public static PortalReleases in(Path dataDir) {
        return new PortalReleases(dataDir == null ? null : dataDir.resolve(FILE));
    }

    /** Signs the manifest now and replaces the published one in a single rename, so a reader never sees half a file. */
    public ObjectNode publish(ReleaseManifest release, SigningKeyStore keys) throws IOException {
        if (file == null) {
            throw new IOException("a factory without a data directory announces no releases");
        }
        ObjectNode signed = keys.sign(release.toJson());
        Path partial = file.resolveSibling(FILE + ".partial");
        Files.write(partial, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(signed));
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return signed;
    }

    /** The signed manifest as published, byte for byte, or empty when none is. */
    public Optional<byte[]> published() throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(Files.readAllBytes(file));
    }
}
