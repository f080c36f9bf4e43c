package eu.aifactory.portal.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.aifactory.api.Json;
import eu.aifactory.portal.common.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last catalog seen, as one JSON file in a directory the shell chooses (per factory connection). Writes go to
 * a temporary file first and are then moved over the old one, so a crash never leaves half a catalog behind.
 * Blocking: call off the UI thread.
 */
public final class CatalogCache {

    static final String FILE_NAME = "catalog-cache.json";
    private static final Logger LOG = LoggerFactory.getLogger(CatalogCache.class);

    private final Path file;
    private final ObjectMapper mapper = Json.mapper();
    private long writtenGeneration = -1;

    public CatalogCache(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /**
     * Writes {@code catalog} unless a snapshot of a later {@code generation} was written already: background
     * writes may finish out of order, and an older snapshot must not replace a newer one.
     */
    public synchronized void write(CachedCatalog catalog, long generation) throws IOException {
        if (generation < writtenGeneration) {
            return;
        }
        AtomicFiles.write(file, temp -> mapper.writeValue(temp.toFile(), catalog));
        writtenGeneration = generation;
    }

    /** The cached catalog, or empty when there is none or it cannot be read (an unreadable cache is no cache). */
    public synchronized Optional<CachedCatalog> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(file.toFile(), CachedCatalog.class));
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable catalog cache {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }
}
