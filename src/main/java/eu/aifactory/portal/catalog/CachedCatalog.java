package eu.aifactory.portal.catalog;

import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppSummary;
import eu.aifactory.api.catalog.ResourcePlan;
import java.time.Instant;
import java.util.List;

/**
 * The catalog as last received from the factory, kept on disk for offline use.
 *
 * @param asOf    when the application list and plans were fetched
 * @param details the application details fetched so far
 */
public record CachedCatalog(Instant asOf, List<AppSummary> apps, List<ResourcePlan> plans, List<AppDetail> details) {

    public CachedCatalog {
        apps = List.copyOf(apps);
        plans = List.copyOf(plans);
        details = details == null ? List.of() : List.copyOf(details);
    }
}
