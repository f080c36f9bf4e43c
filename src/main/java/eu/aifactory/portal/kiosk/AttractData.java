package eu.aifactory.portal.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.api.Json;
import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppQuery;
import eu.aifactory.api.catalog.AppSummary;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.api.report.EnergyGroupBy;
import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.api.report.ResidencyReport;
import eu.aifactory.api.report.SiteIndicator;
import eu.aifactory.api.signing.Jwk;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.SignedDocument;
import eu.aifactory.api.signing.VerificationResult;
import eu.aifactory.api.workload.Estimate;
import eu.aifactory.api.workload.EstimateRequest;
import eu.aifactory.api.workload.Priority;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadQuery;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.client.FactoryClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the attract loop shows, read from the demo factory through the real client: the factory now, a catalog
 * highlight, a workload running live, the residency report with its signature checked here, and a visitor's question
 * answered with a real estimate.
 *
 * @param gpusBusy       GPUs of the running workloads the demo engineer sees
 * @param runningCount   how many workloads run
 * @param renewableShare renewable energy over facility energy in the last 30 days (0..1), null without energy
 * @param pue            the site's PUE over the last 30 days, with its EnEfG limit
 * @param highlight      the catalog's most popular application
 * @param live           a running workload (null when nothing runs)
 * @param residency      the residency report (its sites, and its texts in German)
 * @param verified       whether the report's signature verified against the factory's published keys
 * @param signedBy       the SHA-256 fingerprint (grouped hex) of the key that signed the report, as the Residency page
 *                       names it; its key id when the factory does not publish that key
 * @param question       the application the visitor's question is about
 * @param estimate       what one run of it costs and emits
 */
public record AttractData(int gpusBusy, int runningCount, BigDecimal renewableShare, SiteIndicator pue,
                          AppSummary highlight, Workload live, ResidencyReport residency, boolean verified,
                          String signedBy, AppSummary question, Estimate estimate) {

    static final String QUESTION_APP = "visual-quality-inspection";
    private static final Duration ENERGY_WINDOW = Duration.ofDays(30);

    /** Reads everything, blocking: call it in the background. */
    public static AttractData load(FactoryClient client, Clock clock) {
        Instant now = clock.instant();
        Map<String, ResourcePlan> plans = client.listResourcePlans().stream()
                .collect(Collectors.toMap(ResourcePlan::id, Function.identity(), (a, b) -> a));
        List<Workload> running = client.listWorkloads(WorkloadQuery.all().withStatus(Set.of(WorkloadStatus.RUNNING))
                .withLimit(100)).items();
        int gpus = running.stream().mapToInt(w -> plans.containsKey(w.planId()) ? plans.get(w.planId()).gpuCount() : 0).sum();

        EnergyReport energy = client.energyReport(now.minus(ENERGY_WINDOW), now, EnergyGroupBy.APPLICATION);
        BigDecimal facility = energy.totals().facilityKwh();
        BigDecimal renewable = facility == null || facility.signum() == 0 ? null
                : energy.totals().renewableKwh().divide(facility, 4, RoundingMode.HALF_UP);
        SiteIndicator pue = energy.indicators().stream().filter(i -> "PUE".equals(i.name())).findFirst().orElse(null);

        List<AppSummary> apps = client.listApps(AppQuery.all()).items();
        AppSummary highlight = apps.stream().max((a, b) -> Integer.compare(a.popularity(), b.popularity())).orElse(null);
        Workload live = running.stream().filter(w -> w.energyKwh() != null).findFirst().orElse(null);

        JsonNode document = client.residencyReport(now.minus(ENERGY_WINDOW), now);
        JwkSet keys = client.factoryKeys();
        VerificationResult verdict = SignedDocument.verify(document, keys);
        ResidencyReport residency;
        try {
            residency = Json.mapper().treeToValue(document.get("report"), ResidencyReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The residency report cannot be read: " + e.getMessage(), e);
        }

        AppDetail asked = client.getApp(QUESTION_APP);
        AppVersion version = asked.latest();
        Map<String, Object> defaults = version.defaultValues();
        Estimate estimate = client.estimate(new EstimateRequest(asked.summary().id(), version.version(),
                version.planIds().get(0), Priority.NORMAL, defaults));
        String signedBy = verdict.kid() == null ? null
                : keys.find(verdict.kid()).map(Jwk::fingerprint).orElse(verdict.kid());
        return new AttractData(gpus, running.size(), renewable, pue, highlight, live, residency, verdict.valid(),
                signedBy, asked.summary(), estimate);
    }

    /** The sites the residency report lists. */
    public List<ResidencyReport.Site> sites() {
        return residency.sites();
    }

    /** The same figures with the live workload read again: its energy counter moves between two looks. */
    public AttractData withLive(Workload now) {
        return new AttractData(gpusBusy, runningCount, renewableShare, pue, highlight, now, residency, verified, signedBy,
                question, estimate);
    }
}
