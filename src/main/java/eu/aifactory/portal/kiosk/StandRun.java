package eu.aifactory.portal.kiosk;

import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.workload.Priority;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadSubmission;
import eu.aifactory.client.FactoryClient;
import java.util.Map;
import java.util.UUID;

/**
 * The run the stand keeps going so that the attract loop's "Running now" has a live energy counter: the seeded demo
 * holds only finished history. A long fine-tuning on its smallest plan, submitted as the demo engineer with the
 * version's defaults; every reset removes it with the visitor's work and the loop submits it again.
 */
final class StandRun {

    static final String APP = "llm-domain-fine-tuning";
    /** Stored once, as a user would have typed it, and shown in both of the loop's languages: one that reads in both. */
    static final String NAME = "Live-Demo";

    private StandRun() {
    }

    static Workload submit(FactoryClient client) {
        AppDetail app = client.getApp(APP);
        AppVersion version = app.latest();
        Map<String, Object> values = version.defaultValues();
        WorkloadSubmission submission = new WorkloadSubmission(NAME, app.summary().id(), version.version(),
                client.me().projects().get(0).id(), version.planIds().get(0), Priority.NORMAL, values, Map.of());
        return client.submit(submission, UUID.randomUUID().toString());
    }
}
