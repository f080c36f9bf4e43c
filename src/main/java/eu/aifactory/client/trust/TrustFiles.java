package eu.aifactory.client.trust;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.api.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** How the trust stores write their small JSON files. */
final class TrustFiles {

    private TrustFiles() {
    }

    /**
     * Writes {@code json} beside {@code file} and moves it over, so a crash never leaves half a file: a torn pin or
     * tree head would read as tampering the next time.
     */
    static void write(Path file, JsonNode json) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
