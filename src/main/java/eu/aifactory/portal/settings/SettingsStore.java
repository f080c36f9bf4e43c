package eu.aifactory.portal.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.aifactory.api.Json;
import eu.aifactory.portal.common.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and writes {@link Settings} as JSON; a missing or unreadable file gives the defaults. Blocking I/O. */
public final class SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;
    private final ObjectMapper mapper = Json.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SettingsStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public Settings load() {
        if (!Files.exists(file)) {
            return Settings.defaults();
        }
        try {
            Settings settings = mapper.readValue(file.toFile(), Settings.class);
            return settings == null ? Settings.defaults() : settings;
        } catch (IOException e) {
            LOG.warn("settings file {} is unreadable, starting with defaults: {}", file, e.getMessage());
            return Settings.defaults();
        }
    }

    /** Writes atomically (temp file, then move), so a crash mid-write leaves the previous settings. */
    public synchronized void save(Settings settings) {
        try {
            AtomicFiles.write(file, temp -> mapper.writeValue(temp.toFile(), settings));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write settings to " + file, e);
        }
    }
}
