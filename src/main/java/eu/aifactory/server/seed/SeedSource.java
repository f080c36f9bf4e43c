package eu.aifactory.server.seed;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.aifactory.api.Json;
import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.api.tenant.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The seed files on the classpath: {@code catalog.json} (AppDetail[]), {@code resource-plans.json}
 * (ResourcePlan[]) and {@code tenants.json} (tenants with projects and users).
 */
public final class SeedSource {

    public static final String BUNDLED = "/eu/aifactory/server/seed/";

    private static final ObjectMapper JSON = Json.mapper();

    private final String basePath;

    private SeedSource(String basePath) {
        this.basePath = basePath.endsWith("/") ? basePath : basePath + "/";
    }

    public static SeedSource bundled() {
        return new SeedSource(BUNDLED);
    }

    /** Seed files under another classpath folder, e.g. a small fixture in tests. */
    public static SeedSource at(String classpathFolder) {
        return new SeedSource(classpathFolder);
    }

    public record SeedTenant(String id, String name, List<SeedProject> projects, List<SeedUser> users) {
        public SeedTenant {
            projects = projects == null ? List.of() : List.copyOf(projects);
            users = users == null ? List.of() : List.copyOf(users);
        }
    }

    public record SeedProject(String id, String name) {
    }

    public record SeedUser(String id, String name, String email, Role role, List<String> projects) {
        public SeedUser {
            projects = projects == null ? List.of() : List.copyOf(projects);
        }
    }

    public List<AppDetail> catalog() {
        return read("catalog.json", new TypeReference<>() { });
    }

    public List<ResourcePlan> plans() {
        return read("resource-plans.json", new TypeReference<>() { });
    }

    public List<SeedTenant> tenants() {
        return read("tenants.json", new TypeReference<>() { });
    }

    private <T> List<T> read(String file, TypeReference<List<T>> type) {
        try (InputStream in = SeedSource.class.getResourceAsStream(basePath + file)) {
            if (in == null) {
                throw new IllegalStateException("seed file " + basePath + file + " is missing from the classpath");
            }
            return List.copyOf(JSON.readValue(in, type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed file " + basePath + file, e);
        }
    }
}
