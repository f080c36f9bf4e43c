package eu.aifactory.server.energy.model;

import eu.aifactory.api.catalog.ResourcePlan;

/**
 * DOMAIN.md's power model: each GPU draws idle + (peak − idle) × utilisation; the plan adds its share of the
 * nodes' non-GPU power (CPU, memory, NICs, fans), which is already allocated in {@code nodeOverheadWatts}.
 */
public final class PowerModel {

    private PowerModel() {
    }

    /** IT power of a workload on {@code plan} at GPU utilisation {@code utilisation} (0..1), in watts. */
    public static double watts(ResourcePlan plan, double utilisation) {
        double u = Math.max(0, Math.min(1, utilisation));
        double perGpu = plan.gpuIdleWatts() + (plan.gpuPeakWatts() - plan.gpuIdleWatts()) * u;
        return plan.gpuCount() * perGpu + plan.nodeOverheadWatts();
    }

    /** Expected runtime on {@code gpuCount} GPUs: the base runtime refers to 8 GPUs and scales linearly. */
    public static long runtimeSeconds(int baseRuntimeMinutes, int referenceGpus, int gpuCount) {
        return Math.max(60, Math.round(baseRuntimeMinutes * 60.0 * referenceGpus / gpuCount));
    }
}
