package eu.aifactory.server.support;

import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.workload.Priority;
import eu.aifactory.api.workload.WorkloadSubmission;
import eu.aifactory.client.FactoryClient;
import java.util.Map;

/** A visitor's submit in the demo: the visual inspection with its defaults, into the caller's first project. */
public final class DemoSubmissions {

    private DemoSubmissions() {
    }

    public static WorkloadSubmission inspection(FactoryClient client, String name) {
        AppDetail app = client.getApp("visual-quality-inspection");
        AppVersion version = app.latest();
        Map<String, Object> values = version.defaultValues();
        return new WorkloadSubmission(name, app.summary().id(), version.version(), client.me().projects().get(0).id(),
                version.planIds().get(0), Priority.NORMAL, values, Map.of());
    }
}
