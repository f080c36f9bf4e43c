package eu.aifactory.portal.workloads.submit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.aifactory.api.Json;
import eu.aifactory.portal.common.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The named submit presets of one user at one factory, kept in one JSON file ({@code <dir>/<factory>/<user>.json})
 * keyed by application id. Every change rewrites the file through a temporary file and an atomic move, so a crash
 * leaves the old or the new presets, never half a file. Without a directory the presets live in memory only.
 * Blocking file I/O: call it off the UI thread.
 */
public final class PresetStore {

    private static final Logger LOG = LoggerFactory.getLogger(PresetStore.class);
    private static final TypeReference<Map<String, List<SubmitPreset>>> SHAPE = new TypeReference<>() { };

    private final Path file;
    private final ObjectMapper mapper = Json.mapper();
    private Map<String, List<SubmitPreset>> presets;

    /** @param dir the presets directory of the portal, or null to keep presets in memory only */
    public PresetStore(Path dir, String factoryKey, String userId) {
        this.file = dir == null ? null : dir.resolve(safe(factoryKey)).resolve(safe(userId) + ".json");
    }

    /** The file this store writes, or null in memory. */
    public Path file() {
        return file;
    }

    /** The presets of {@code appId}, by name. */
    public synchronized List<SubmitPreset> list(String appId) {
        return List.copyOf(all().getOrDefault(appId, List.of()));
    }

    /** Saves {@code preset} for {@code appId}, replacing one of the same name; returns the app's presets. */
    public synchronized List<SubmitPreset> save(String appId, SubmitPreset preset) {
        List<SubmitPreset> list = new ArrayList<>(all().getOrDefault(appId, List.of()));
        list.removeIf(p -> p.name().equals(preset.name()));
        list.add(preset);
        list.sort(Comparator.comparing(SubmitPreset::name, String.CASE_INSENSITIVE_ORDER));
        all().put(appId, List.copyOf(list));
        write();
        return list(appId);
    }

    /** Deletes the preset {@code name} of {@code appId}; returns the app's presets. */
    public synchronized List<SubmitPreset> delete(String appId, String name) {
        List<SubmitPreset> list = new ArrayList<>(all().getOrDefault(appId, List.of()));
        if (list.removeIf(p -> p.name().equals(name))) {
            if (list.isEmpty()) {
                all().remove(appId);
            } else {
                all().put(appId, List.copyOf(list));
            }
            write();
        }
        return list(appId);
    }

    private Map<String, List<SubmitPreset>> all() {
        if (presets == null) {
            presets = read();
        }
        return presets;
    }

    private Map<String, List<SubmitPreset>> read() {
        if (file == null || !Files.exists(file)) {
            return new HashMap<>();
        }
        try {
            Map<String, List<SubmitPreset>> loaded = mapper.readValue(file.toFile(), SHAPE);
            return loaded == null ? new HashMap<>() : new HashMap<>(loaded);
        } catch (IOException e) {
            // A damaged file must not lock the user out of the form; it is replaced at the next save.
            LOG.warn("Presets in {} are unreadable ({}); starting without them", file, e.getMessage());
            return new HashMap<>();
        }
    }

    private void write() {
        if (file == null) {
            return;
        }
        try {
            AtomicFiles.write(file, temp -> mapper.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), presets));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save presets to " + file + ": " + e.getMessage(), e);
        }
    }

    private static String safe(String part) {
        return part == null || part.isBlank() ? "_" : part.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
