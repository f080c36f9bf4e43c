package eu.aifactory.server.residency;

import eu.aifactory.server.http.Http;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.http.Routes;
import eu.aifactory.server.residency.DownloadLog;
import eu.aifactory.server.residency.ResidencyReportService;
import eu.aifactory.server.signing.SigningKeyStore;
import eu.aifactory.server.tenant.Auth;
import eu.aifactory.server.tenant.Principal;
import eu.aifactory.server.http.FieldError;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The signed residency report, the factory's public signing keys, and the download entries of the transfer log. */
public final class ResidencyRoutes implements Routes {

    /** A year, leap day included. */
    static final Duration MAX_PERIOD = Duration.ofDays(366);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/\\d+");

    private final Auth auth;
    private final ResidencyReportService reports;
    private final SigningKeyStore keys;
    private final DownloadLog downloads;

    public ResidencyRoutes(Auth auth, ResidencyReportService reports, SigningKeyStore keys, DownloadLog downloads) {
        this.auth = auth;
        this.reports = reports;
        this.keys = keys;
        this.downloads = downloads;
    }

    @Override
    public void register(Javalin app) {
        app.after("/v1/artifacts/{artifactId}/content", this::afterContent);
        app.get("/v1/reports/residency", this::report);
        app.get("/.well-known/factory-keys", this::keys);
    }

    void report(Context ctx) {
        Principal principal = auth.require(ctx);
        List<FieldError> errors = new ArrayList<>();
        Instant from = required(ctx, "from", errors);
        Instant to = required(ctx, "to", errors);
        if (from != null && to != null) {
            if (!from.isBefore(to)) {
                errors.add(new FieldError("to", "field.afterFrom"));
            } else if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
                errors.add(new FieldError("to", "field.within366Days"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        Long since = ctx.queryParam("since") == null ? null : Http.longValue(ctx, "since", 0, 0);
        // Tenant data: no shared cache may keep it.
        ctx.header("Cache-Control", "no-store");
        Http.json(ctx, 200, reports.signedReport(principal, from, to, since));
    }

    void keys(Context ctx) {
        Http.json(ctx, 200, keys.publishedKeys());
    }

    /** Runs after the artifact content route: a successful download is a transfer out of the site. */
    void afterContent(Context ctx) {
        int status = ctx.statusCode();
        if (status != 200 && status != 206) {
            return;
        }
        Principal principal = auth.require(ctx);
        // A 206 says what it sent in Content-Range ("bytes <first>-<last>/<size>"); a 200 sent the whole artifact.
        Long bytes = null;
        Matcher range = CONTENT_RANGE.matcher(String.valueOf(ctx.res().getHeader("Content-Range")));
        if (status == 206 && range.matches()) {
            bytes = Long.parseLong(range.group(2)) - Long.parseLong(range.group(1)) + 1;
        }
        downloads.record(principal.tenantId(), ctx.pathParam("artifactId"), bytes);
    }

    private static Instant required(Context ctx, String name, List<FieldError> errors) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(name, "field.requiredDateTime"));
            return null;
        }
        return Http.instant(ctx, name, errors);
    }
}
