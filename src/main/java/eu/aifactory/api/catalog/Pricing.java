package eu.aifactory.api.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one price formula, shared by the catalog's "from" price, the estimate, the executor's charges, the budget
 * check and the portal's plan offers: a plan's hourly rate plus the application version's licence per GPU-hour.
 */
public final class Pricing {

    /** Charges are kept to a hundredth of a cent, so a run's many progress charges add up to its cost. */
    public static final int CHARGE_SCALE = 4;
    private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000L);

    private Pricing() {
    }

    /** EUR per hour of a run holding {@code gpuCount} GPUs of {@code plan}. */
    public static BigDecimal hourlyEur(ResourcePlan plan, AppVersion version, int gpuCount) {
        BigDecimal licence = version.pricePerGpuHourEur() == null ? BigDecimal.ZERO : version.pricePerGpuHourEur();
        return plan.eurPerHour().add(licence.multiply(BigDecimal.valueOf(gpuCount)));
    }

    /** EUR per hour of a run on the whole plan. */
    public static BigDecimal hourlyEur(ResourcePlan plan, AppVersion version) {
        return hourlyEur(plan, version, plan.gpuCount());
    }

    /** EUR for {@code runMillis} of run time, at {@link #CHARGE_SCALE}. */
    public static BigDecimal costEur(ResourcePlan plan, AppVersion version, int gpuCount, long runMillis) {
        BigDecimal hours = BigDecimal.valueOf(runMillis).divide(MILLIS_PER_HOUR, 10, RoundingMode.HALF_UP);
        return hourlyEur(plan, version, gpuCount).multiply(hours).setScale(CHARGE_SCALE, RoundingMode.HALF_UP);
    }
}
