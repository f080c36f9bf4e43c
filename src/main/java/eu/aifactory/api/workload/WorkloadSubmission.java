package eu.aifactory.api.workload;

import java.util.Map;

/**
 * The body of {@code POST /v1/workloads}.
 *
 * @param parameters values keyed by parameter name, typed as the version's schema says
 * @param inputs     artifact ids keyed by input slot name
 */
public record WorkloadSubmission(
        String name,
        String appId,
        String appVersion,
        String projectId,
        String planId,
        Priority priority,
        Map<String, Object> parameters,
        Map<String, String> inputs) {

    public WorkloadSubmission {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
    }
}
