package eu.aifactory.server.transparency;

import eu.aifactory.server.http.Http;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.http.Routes;
import eu.aifactory.server.tenant.Auth;
import eu.aifactory.server.tenant.Principal;
import io.javalin.Javalin;
import io.javalin.http.Context;

/** The caller's tenant's transparency log: its signed head, consistency proofs between two sizes, inclusion proofs. */
public final class TransparencyRoutes implements Routes {

    private final Auth auth;
    private final TransparencyService log;

    public TransparencyRoutes(Auth auth, TransparencyService log) {
        this.auth = auth;
        this.log = log;
    }

    @Override
    public void register(Javalin app) {
        app.get("/v1/transparency/head", this::head);
        app.get("/v1/transparency/consistency", this::consistency);
        app.get("/v1/transparency/inclusion", this::inclusion);
    }

    void head(Context ctx) {
        Principal principal = auth.require(ctx);
        ctx.header("Cache-Control", "no-store");
        Http.json(ctx, 200, log.head(principal.tenantId()));
    }

    void consistency(Context ctx) {
        Principal principal = auth.require(ctx);
        long from = required(ctx, "from", 0);
        long to = required(ctx, "to", 0);
        if (to < from) {
            throw ProblemException.validation("to", "field.atLeast", from);
        }
        ctx.header("Cache-Control", "no-store");
        Http.json(ctx, 200, log.consistency(principal.tenantId(), from, to));
    }

    void inclusion(Context ctx) {
        Principal principal = auth.require(ctx);
        long index = required(ctx, "index", 0);
        long size = required(ctx, "treeSize", 1);
        if (index >= size) {
            throw ProblemException.validation("index", "field.belowTreeSize", size);
        }
        ctx.header("Cache-Control", "no-store");
        Http.json(ctx, 200, log.inclusion(principal.tenantId(), index, size));
    }

    private static long required(Context ctx, String name, long min) {
        if (ctx.queryParam(name) == null || ctx.queryParam(name).isBlank()) {
            throw ProblemException.validation(name, "field.required");
        }
        return Http.longValue(ctx, name, min, min);
    }
}
