package eu.aifactory.api.workload;

import java.util.Map;

/** The body of {@code POST /v1/estimates}: what would this run cost, take and draw? */
public record EstimateRequest(String appId, String appVersion, String planId, Priority priority,
                              Map<String, Object> parameters) {

    public EstimateRequest {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
