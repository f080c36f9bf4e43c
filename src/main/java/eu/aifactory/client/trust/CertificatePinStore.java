package eu.aifactory.client.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.aifactory.api.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * The TLS certificates the user chose to trust, one small JSON file per factory address ({@code host_port.json}:
 * fingerprint and when it was pinned) in its own directory, beside the pinned signing keys. Called off the UI thread.
 */
public final class CertificatePinStore {

    private final Path dir;
    private final Clock clock;

    public CertificatePinStore(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** The fingerprint pinned for the factory at {@code baseUrl}, if any. */
    public Optional<String> pinned(URI baseUrl) throws IOException {
        Path file = file(baseUrl);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode node = Json.mapper().readTree(Files.readAllBytes(file)).path("sha256");
        if (!node.isTextual()) {
            throw new IOException(file + " names no certificate fingerprint");
        }
        return Optional.of(PinnedCertificateTrust.normalize(node.textValue()));
    }

    /** Trusts the certificate with {@code fingerprint} for the factory at {@code baseUrl} from now on. */
    public void pin(URI baseUrl, String fingerprint) throws IOException {
        ObjectNode json = Json.mapper().createObjectNode()
                .put("origin", origin(baseUrl))
                .put("sha256", PinnedCertificateTrust.normalize(fingerprint))
                .put("pinned", clock.instant().toString());
        TrustFiles.write(file(baseUrl), json);
    }

    /** The file that pins the certificate of the factory at {@code baseUrl}: one per host and port. */
    public Path file(URI baseUrl) {
        String name = (baseUrl.getHost() + "_" + port(baseUrl)).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
        return dir.resolve(name + ".json");
    }

    private static String origin(URI baseUrl) {
        return baseUrl.getScheme().toLowerCase(Locale.ROOT) + "://" + baseUrl.getHost() + ":" + port(baseUrl);
    }

    private static int port(URI baseUrl) {
        if (baseUrl.getPort() != -1) {
            return baseUrl.getPort();
        }
        return "http".equalsIgnoreCase(baseUrl.getScheme()) ? 80 : 443;
    }
}
