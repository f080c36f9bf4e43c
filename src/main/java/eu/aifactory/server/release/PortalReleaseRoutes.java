package eu.aifactory.server.release;

import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.http.Routes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/** {@code GET /.well-known/portal-release}: the signed release manifest, without a token, like the keys that verify it. */
public final class PortalReleaseRoutes implements Routes {

    private final PortalReleases releases;

    public PortalReleaseRoutes(PortalReleases releases) {
        this.releases = releases;
    }

    @Override
    public void register(Javalin app) {
        app.get("/.well-known/portal-release", this::release);
    }

    private void release(Context ctx) {
        byte[] manifest;
        try {
            manifest = releases.published().orElseThrow(() -> ProblemException.notFound("problem.notFound.release"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the published portal release", e);
        }
        // Served as signed: re-encoding would not change what the signature covers, but there is no reason to.
        ctx.status(200).contentType("application/json").result(manifest);
    }
}
