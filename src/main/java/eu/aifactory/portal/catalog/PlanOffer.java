package eu.aifactory.portal.catalog;

import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.Pricing;
import eu.aifactory.api.catalog.ResourcePlan;
import java.math.BigDecimal;

/**
 * A resource plan as offered for one application version: the plan's hourly price plus the application's
 * licence for each of its GPUs.
 */
public record PlanOffer(ResourcePlan plan, BigDecimal eurPerHour) {

    public static PlanOffer of(ResourcePlan plan, AppVersion version) {
        return new PlanOffer(plan, Pricing.hourlyEur(plan, version));
    }

    public int peakWatts() {
        return plan.peakWatts();
    }
}
