package eu.aifactory.server.catalog;

import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.ResourcePlan;
import java.util.List;
import java.util.Optional;

/** The factory's offer: applications, resource plans and GPU pools, as every other feature reads them. */
public final class CatalogService {

    private final CatalogStore store;

    public CatalogService(CatalogStore store) {
        this.store = store;
    }

    /** An application with its current popularity. */
    public Optional<AppDetail> app(String appId) {
        return store.app(appId);
    }

    /** An application from the in-memory catalog, without a database round trip (hot paths: submit, reports). */
    public Optional<AppDetail> cachedApp(String appId) {
        return store.cachedApp(appId);
    }

    public List<ResourcePlan> plans() {
        return store.plans();
    }

    public Optional<ResourcePlan> plan(String planId) {
        return store.plan(planId);
    }

    public Optional<Pool> pool(String gpuClass) {
        return store.pool(gpuClass);
    }

    /** One page of applications matching the search, one more than asked for when there is a next page. */
    public List<AppHit> search(AppSearch search) {
        return store.search(search);
    }

    /** Recounts each application's workloads since {@code sinceMillis}, the window popularity is measured over. */
    public void refreshPopularity(long sinceMillis) {
        store.refreshPopularity(sinceMillis);
    }
}
