package eu.aifactory.portal.workloads.submit;

import eu.aifactory.api.workload.Priority;
import java.util.Map;

/**
 * A named set of submit-form values a user keeps for one application: project, plan, priority, parameter values and
 * input datasets. Applied to a form, values the form's version does not know are left out.
 */
public record SubmitPreset(String name, String projectId, String planId, Priority priority,
                           Map<String, Object> parameters, Map<String, String> inputs) {

    public SubmitPreset {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
    }
}
