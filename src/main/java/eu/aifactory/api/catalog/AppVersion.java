package eu.aifactory.api.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An executable version of an application (SAP AI Core: executable).
 *
 * @param planIds             the resource plans this version may run on
 * @param pricePerGpuHourEur  the application's licence price per GPU-hour, on top of the plan's price
 * @param baseRuntimeMinutes  typical runtime on one DGX B200 (8 GPUs), the basis of estimates
 * @param gpuUtilisation      typical GPU utilisation (0..1) while running, the basis of energy estimates
 */
public record AppVersion(
        String version,
        LocalDate releasedAt,
        List<ParameterSpec> parameters,
        List<ArtifactSlot> inputs,
        List<ArtifactSlot> outputs,
        List<String> planIds,
        BigDecimal pricePerGpuHourEur,
        int baseRuntimeMinutes,
        double gpuUtilisation) {

    public AppVersion {
        parameters = List.copyOf(parameters);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        planIds = List.copyOf(planIds);
    }

    /** The value of every parameter that has a default: what a submit with the defaults sends. */
    public Map<String, Object> defaultValues() {
        Map<String, Object> values = new HashMap<>();
        for (ParameterSpec spec : parameters) {
            if (spec.defaultValue() != null) {
                values.put(spec.name(), spec.defaultValue());
            }
        }
        return values;
    }
}
