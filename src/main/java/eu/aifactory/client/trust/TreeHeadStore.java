package eu.aifactory.client.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.aifactory.api.Json;
import eu.aifactory.api.transparency.LogSection;
import eu.aifactory.api.transparency.TreeHead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The last transparency-log section the portal accepted per tenant of one factory (its signed tree head and the
 * entries the report listed), kept next to the pinned keys ({@code trust/tree-heads/<factory>.json},
 * {@code {"<tenant id>": <section>}}), so the next report can be checked to extend it and a dropped entry named.
 * Called off the UI thread.
 */
public final class TreeHeadStore {

    private final Path file;

    public TreeHeadStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The last accepted head of {@code tenantId}'s log, if any. */
    public Optional<TreeHead> last(String tenantId) throws IOException {
        return lastSection(tenantId).map(LogSection::treeHead);
    }

    /** The last accepted section of {@code tenantId}'s log, if any. */
    public Optional<LogSection> lastSection(String tenantId) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode section = Json.mapper().readTree(Files.readAllBytes(file)).get(tenantId);
        return section == null || section.isNull() ? Optional.empty() : Optional.of(LogSection.fromJson(section));
    }

    /** Keeps {@code section} (without its proof) as the tenant's last accepted one. */
    public void remember(LogSection section) throws IOException {
        ObjectNode all = Files.exists(file) ? (ObjectNode) Json.mapper().readTree(Files.readAllBytes(file))
                : Json.mapper().createObjectNode();
        LogSection kept = new LogSection(section.treeHead(), section.first(), section.last(), section.entries(), null);
        all.set(section.treeHead().tenantId(), kept.toJson());
        TrustFiles.write(file, all);
    }
}
