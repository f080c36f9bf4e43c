package eu.aifactory.portal.catalog;

import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.ResourcePlan;
import java.math.BigDecimal;

/**
 * A resource plan as offered for one application version: the plan's hourly price plus the application's
 * licence for each of its GPUs.
 */
public record PlanOffer(ResourcePlan plan, BigDecimal eurPerHour) {

    public static PlanOffer of(ResourcePlan plan, AppVersion version) {
        BigDecimal licence = version.pricePerGpuHourEur() == null ? BigDecimal.ZERO : version.pricePerGpuHourEur();
        return new PlanOffer(plan, plan.eurPerHour().add(licence.multiply(BigDecimal.valueOf(plan.gpuCount()))));
    }

    public int peakWatts() {
        return plan.peakWatts();
    }
}
