package eu.aifactory.server.routes;

import eu.aifactory.api.Page;
import eu.aifactory.api.catalog.AppSummary;
import eu.aifactory.api.workload.EstimateRequest;
import eu.aifactory.server.service.EstimateService;
import eu.aifactory.server.store.CatalogStore;
import eu.aifactory.server.util.TextFold;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/** {@code /v1/apps}, {@code /v1/apps/{appId}}, {@code /v1/resource-plans}, {@code /v1/estimates}. */
final class CatalogRoutes {

    private final Auth auth;
    private final CatalogStore catalog;
    private final EstimateService estimates;

    CatalogRoutes(Auth auth, CatalogStore catalog, EstimateService estimates) {
        this.auth = auth;
        this.catalog = catalog;
        this.estimates = estimates;
    }

    void listApps(Context ctx) {
        auth.require(ctx);
        String q = Http.string(ctx, "q", 200);
        String sortParam = Http.string(ctx, "sort", 20);
        CatalogStore.AppSort sort;
        try {
            sort = sortParam == null ? CatalogStore.AppSort.NAME : CatalogStore.AppSort.valueOf(sortParam.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("sort", "must be one of name, price, popularity");
        }
        int limit = Http.integer(ctx, "limit", 1, 500, 50);
        CatalogStore.AppCursor after = Cursors.app(Http.string(ctx, "cursor", 500), sort);
        CatalogStore.AppSearch search = new CatalogStore.AppSearch(TextFold.terms(q), Http.string(ctx, "category", 100),
                Http.string(ctx, "vendor", 100), Http.string(ctx, "gpuClass", 100), Http.string(ctx, "tag", 100), sort,
                limit + 1, after);
        List<CatalogStore.AppHit> hits = catalog.search(search);
        boolean more = hits.size() > limit;
        List<CatalogStore.AppHit> page = more ? hits.subList(0, limit) : hits;
        String next = more ? Cursors.app(sort, page.get(page.size() - 1).cursor()) : null;
        List<AppSummary> items = page.stream().map(CatalogStore.AppHit::summary).toList();
        Http.json(ctx, 200, new Page<>(items, next));
    }

    void getApp(Context ctx) {
        auth.require(ctx);
        String appId = ctx.pathParam("appId");
        Http.json(ctx, 200, catalog.app(appId).orElseThrow(() -> ProblemException.notFound("Application " + appId)));
    }

    void listPlans(Context ctx) {
        auth.require(ctx);
        Http.json(ctx, 200, catalog.plans());
    }

    void estimate(Context ctx) {
        auth.require(ctx);
        EstimateRequest request = Http.body(ctx, EstimateRequest.class);
        Http.json(ctx, 200, estimates.estimate(request));
    }
}
