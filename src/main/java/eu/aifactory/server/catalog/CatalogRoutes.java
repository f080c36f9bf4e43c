package eu.aifactory.server.catalog;

import eu.aifactory.api.Page;
import eu.aifactory.api.catalog.AppSummary;
import eu.aifactory.server.http.Http;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.http.Routes;
import eu.aifactory.server.tenant.Auth;
import eu.aifactory.server.util.TextFold;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/** {@code /v1/apps}, {@code /v1/apps/{appId}} and {@code /v1/resource-plans}. */
public final class CatalogRoutes implements Routes {

    private final Auth auth;
    private final CatalogService catalog;

    public CatalogRoutes(Auth auth, CatalogService catalog) {
        this.auth = auth;
        this.catalog = catalog;
    }

    @Override
    public void register(Javalin app) {
        app.get("/v1/apps", this::listApps);
        app.get("/v1/apps/{appId}", this::getApp);
        app.get("/v1/resource-plans", this::listPlans);
    }

    void listApps(Context ctx) {
        auth.require(ctx);
        String q = Http.string(ctx, "q", 200);
        String sortParam = Http.string(ctx, "sort", 20);
        AppSort sort;
        try {
            sort = sortParam == null ? AppSort.NAME : AppSort.valueOf(sortParam.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("sort", "field.oneOf", "name, price, popularity");
        }
        int limit = Http.integer(ctx, "limit", 1, 500, 50);
        AppCursor after = AppCursor.parse(Http.string(ctx, "cursor", 500), sort);
        AppSearch search = new AppSearch(TextFold.terms(q), Http.string(ctx, "category", 100),
                Http.string(ctx, "vendor", 100), Http.string(ctx, "gpuClass", 100), Http.string(ctx, "tag", 100), sort,
                limit + 1, after);
        List<AppHit> hits = catalog.search(search);
        boolean more = hits.size() > limit;
        List<AppHit> page = more ? hits.subList(0, limit) : hits;
        String next = more ? page.get(page.size() - 1).cursor().wire(sort) : null;
        List<AppSummary> items = page.stream().map(AppHit::summary).toList();
        Http.json(ctx, 200, new Page<>(items, next));
    }

    void getApp(Context ctx) {
        auth.require(ctx);
        String appId = ctx.pathParam("appId");
        Http.json(ctx, 200, catalog.app(appId).orElseThrow(() -> ProblemException.notFound("problem.notFound.app", appId)));
    }

    void listPlans(Context ctx) {
        auth.require(ctx);
        Http.json(ctx, 200, catalog.plans());
    }
}
