package eu.aifactory.portal.workloads;

import eu.aifactory.api.LocalizedText;
import eu.aifactory.api.Page;
import eu.aifactory.api.catalog.AppQuery;
import eu.aifactory.api.catalog.AppSummary;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.client.FactoryClient;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The names of the factory's applications and resource plans, so that workloads show "Production Scheduling
 * Optimiser" and "4 × RTX PRO 6000" rather than the ids a workload carries. An id the factory no longer lists is shown
 * as it is.
 */
record CatalogNames(Map<String, LocalizedText> apps, Map<String, LocalizedText> plans) {

    static final CatalogNames NONE = new CatalogNames(Map.of(), Map.of());
    private static final int PAGE = 200;

    CatalogNames {
        apps = Map.copyOf(apps);
        plans = Map.copyOf(plans);
    }

    /** Reads every application and plan; blocking, for a background thread. */
    static CatalogNames load(FactoryClient client) {
        Map<String, LocalizedText> apps = new HashMap<>();
        String cursor = null;
        do {
            Page<AppSummary> page = client.listApps(AppQuery.all().withLimit(PAGE).withCursor(cursor));
            page.items().forEach(app -> apps.put(app.id(), app.name()));
            cursor = page.nextCursor();
        } while (cursor != null);
        Map<String, LocalizedText> plans = new HashMap<>();
        for (ResourcePlan plan : client.listResourcePlans()) {
            plans.put(plan.id(), plan.name());
        }
        return new CatalogNames(apps, plans);
    }

    String app(String appId, Locale locale) {
        LocalizedText name = apps.get(appId);
        return name == null ? appId : name.in(locale);
    }

    String plan(String planId, Locale locale) {
        LocalizedText name = plans.get(planId);
        return name == null ? planId : name.in(locale);
    }
}
