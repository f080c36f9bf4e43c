package eu.aifactory.server.dataset;

import eu.aifactory.api.Page;
import eu.aifactory.api.ProblemType;
import eu.aifactory.api.dataset.Dataset;
import eu.aifactory.server.http.Http;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.http.RequestText;
import eu.aifactory.server.http.Routes;
import eu.aifactory.server.tenant.Auth;
import eu.aifactory.server.tenant.Principal;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Datasets: the list a submit form picks from, and multipart upload. The servlet container spills each part above
 * {@link #IN_MEMORY_BYTES} to a file under the service's incoming directory while reading, so the request never
 * sits in memory; the service then streams that part into storage.
 */
public final class DatasetRoutes implements Routes {

    static final int IN_MEMORY_BYTES = 1024 * 1024;
    /** Room for the multipart boundaries and the small fields beside the file. */
    private static final long ENVELOPE_BYTES = 64 * 1024;
    private static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";

    private static final Logger LOG = LoggerFactory.getLogger(DatasetRoutes.class);

    private final Auth auth;
    private final DatasetService service;

    public DatasetRoutes(Auth auth, DatasetService service) {
        this.auth = auth;
        this.service = service;
    }

    @Override
    public void register(Javalin app) {
        app.get("/v1/datasets", this::list);
        app.post("/v1/datasets", this::upload);
    }

    void list(Context ctx) {
        Principal principal = auth.require(ctx);
        int limit = Http.integer(ctx, "limit", 1, 500, 50);
        DatasetCursor after = DatasetCursor.parse(Http.string(ctx, "cursor", 500));
        List<Dataset> rows = service.list(principal, Http.string(ctx, "projectId", 100), after, limit + 1);
        boolean more = rows.size() > limit;
        List<Dataset> page = more ? rows.subList(0, limit) : rows;
        String next = null;
        if (more) {
            Dataset last = page.get(page.size() - 1);
            next = new DatasetCursor(last.createdAt().toEpochMilli(), last.id()).wire();
        }
        Http.json(ctx, 200, new Page<>(page, next));
    }

    void upload(Context ctx) {
        Principal principal = auth.require(ctx);
        // Refuse before reading: a caller who may not upload, or a body that is too large, costs no disk.
        service.checkUploader(principal);
        String contentType = ctx.header("Content-Type");
        String media = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!media.equals("multipart/form-data")) {
            throw media.isEmpty() ? new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "problem.dataset.noMediaType")
                    : new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "problem.dataset.mediaType", media);
        }
        if (ctx.req().getContentLengthLong() > DatasetService.MAX_BYTES + ENVELOPE_BYTES) {
            throw DatasetService.tooLarge();
        }
        ctx.req().setAttribute(MULTIPART_CONFIG, new MultipartConfigElement(service.incoming().toString(),
                DatasetService.MAX_BYTES, DatasetService.MAX_BYTES + ENVELOPE_BYTES, IN_MEMORY_BYTES));
        Part projectPart;
        Part filePart;
        try {
            projectPart = ctx.req().getPart("projectId");
            filePart = ctx.req().getPart("file");
        } catch (IllegalStateException e) {
            // Jetty's way of saying a part or the request is above the configured maximum.
            throw DatasetService.tooLarge();
        } catch (IOException | ServletException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "problem.dataset.multipart");
        }
        String projectId = projectPart == null ? null : text(projectPart);
        service.checkUpload(principal, projectId);
        if (filePart == null || filePart.getSubmittedFileName() == null) {
            throw ProblemException.validation("file", "field.filePart");
        }
        Dataset dataset;
        try (InputStream in = filePart.getInputStream()) {
            dataset = service.upload(principal, projectId, filePart.getSubmittedFileName(), filePart.getContentType(), in);
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "problem.dataset.filePart");
        } finally {
            // The container's spill file of this part is not needed once the bytes are in storage.
            deleteQuietly(filePart);
        }
        ctx.header("Location", "/v1/datasets/" + dataset.id());
        Http.json(ctx, 201, dataset);
    }

    private static void deleteQuietly(Part part) {
        try {
            part.delete();
        } catch (IOException e) {
            LOG.debug("Spill file of an upload not deleted: {}", e.getMessage());
        }
    }

    private static String text(Part part) {
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(101);
            if (bytes.length > 100) {
                throw ProblemException.validation("projectId", "field.maxLength", 100);
            }
            return RequestText.check("projectId", new String(bytes, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "problem.dataset.projectPart");
        }
    }
}
