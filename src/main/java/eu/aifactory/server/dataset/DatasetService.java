package eu.aifactory.server.dataset;

import eu.aifactory.api.ProblemType;
import eu.aifactory.api.dataset.Dataset;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.tenant.Principal;
import eu.aifactory.server.tenant.TenantService;
import eu.aifactory.server.util.Ids;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploaded datasets: who may upload where, and storing the bytes. Bytes go to {@code <root>/<tenant>/<id>} through a
 * part file and a fixed-size buffer, hashed on the way, so a file of any size never sits in memory; the row in
 * {@code datasets} is written only once the file is complete, so the residency inventory never lists a half upload.
 */
public final class DatasetService {

    /** The largest dataset one upload may carry. */
    public static final long MAX_BYTES = 2L * 1024 * 1024 * 1024;
    private static final int MAX_NAME = 300;
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9!#$&^_.+-]{1,60}/[a-z0-9!#$&^_.+-]{1,60}");
    private static final Logger LOG = LoggerFactory.getLogger(DatasetService.class);

    private final DatasetStore store;
    private final TenantService tenants;
    private final Path root;
    private final Clock clock;

    public DatasetService(DatasetStore store, TenantService tenants, Path root, Clock clock) {
        this.store = store;
        this.tenants = tenants;
        this.root = root;
        this.clock = clock;
    }

    /** Where upload parts wait while a request is read (the servlet container's spill directory). */
    public Path incoming() {
        Path dir = root.resolve("incoming");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
        return dir;
    }

    /** One page of the datasets the caller may see, newest first; a project the caller cannot see gives nothing. */
    public List<Dataset> list(Principal principal, String projectId, DatasetCursor after, int limit) {
        List<String> projects;
        if (projectId != null) {
            projects = principal.sees(projectId) ? List.of(projectId) : List.of();
        } else {
            projects = principal.seesAllProjects() ? null : principal.projectIds();
        }
        return store.list(principal.tenantId(), projects, after, limit);
    }

    /** The dataset if the caller may see it. */
    public Optional<Dataset> visible(Principal principal, String datasetId) {
        return store.find(principal.tenantId(), datasetId).filter(d -> principal.sees(d.projectId()));
    }

    /** A dataset of the tenant, for an engine that stages a workload's inputs (the submit checked the caller's rights). */
    public Optional<Dataset> find(String tenantId, String datasetId) {
        return store.find(tenantId, datasetId);
    }

    /** Refuses callers whose role may not upload at all (account managers). */
    public void checkUploader(Principal principal) {
        if (!principal.canSubmit()) {
            throw ProblemException.forbidden("problem.forbidden.upload");
        }
    }

    /** Refuses callers who may not upload into {@code projectId}, before any byte is stored. */
    public void checkUpload(Principal principal, String projectId) {
        checkUploader(principal);
        if (projectId == null || projectId.isBlank()) {
            throw ProblemException.validation("projectId", "field.required");
        }
        boolean ofTenant = principal.isMemberOf(projectId)
                || tenants.projects(principal.tenantId()).stream().map(Me.Project::id).anyMatch(projectId::equals);
        if (!ofTenant) {
            throw ProblemException.validation("projectId", "field.unknownProject");
        }
        if (!principal.seesAllProjects() && !principal.isMemberOf(projectId)) {
            throw ProblemException.forbidden("problem.forbidden.notMember", projectId);
        }
    }

    /**
     * Stores {@code content} as a new dataset of {@code projectId}; call {@link #checkUpload} first.
     *
     * @param fileName  the name the client sent; any directory part is dropped
     * @param mediaType the part's content type, or null
     */
    public Dataset upload(Principal principal, String projectId, String fileName, String mediaType, InputStream content) {
        return store(principal.tenantId(), projectId, fileName, mediaType, content);
    }

    /** Whether {@code projectId} of the tenant has a dataset called {@code name}. */
    public boolean has(String tenantId, String projectId, String name) {
        return store.exists(tenantId, projectId, name);
    }

    /** Stores a dataset for the factory itself (the demo's sample data), with no caller whose rights to check. */
    public Dataset store(String tenantId, String projectId, String fileName, String mediaType, InputStream content) {
        String name = name(fileName);
        String id = Ids.next("ds");
        Path dir = root.resolve(tenantId);
        Path target = dir.resolve(id);
        Path part = dir.resolve(id + ".part");
        long size = 0;
        MessageDigest digest = sha256();
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(part)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = content.read(buffer)) != -1) {
                    size += n;
                    if (size > MAX_BYTES) {
                        throw tooLarge();
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(part);
            throw new ProblemException(ProblemType.MALFORMED_BODY, "problem.dataset.incomplete");
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        }
        List<String> site = store.primarySite();
        Dataset dataset = new Dataset(id, projectId, name, mediaType(mediaType), size, HexFormat.of().formatHex(digest.digest()),
                site.get(0), site.get(1), Instant.ofEpochMilli(clock.millis()));
        try {
            store.insert(tenantId, dataset);
        } catch (RuntimeException e) {
            deleteQuietly(target);
            throw e;
        }
        LOG.info("Dataset {} ({} bytes) stored for project {}", id, size, projectId);
        return dataset;
    }

    /** Where the bytes of a dataset are kept. */
    public Path file(String tenantId, String datasetId) {
        return root.resolve(tenantId).resolve(datasetId);
    }

    public static ProblemException tooLarge() {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "problem.dataset.tooLarge");
    }

    private static String name(String fileName) {
        String name = fileName == null ? "" : fileName;
        // Browsers and some clients send a full path ("C:\\data\\x.csv"); keep only the last part.
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        name = name.replaceAll("\\p{Cntrl}", "");
        if (name.isEmpty()) {
            throw ProblemException.validation("file", "field.fileName");
        }
        if (name.length() > MAX_NAME) {
            throw ProblemException.validation("file", "field.fileNameLength", MAX_NAME);
        }
        return name;
    }

    private static String mediaType(String mediaType) {
        String media = mediaType == null ? "" : mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return MEDIA_TYPE.matcher(media).matches() ? media : "application/octet-stream";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }
}
