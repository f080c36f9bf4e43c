package eu.aifactory.server.exec;

import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.ArtifactKind;
import eu.aifactory.api.catalog.ArtifactSlot;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.server.energy.model.PowerModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * What a simulated run looks like from outside: its log lines, its GPU utilisation and power minute by minute,
 * its planned failures and its result files. Everything is a pure function of the workload's id and its
 * application, so the live executor and the history seeder produce the same kind of data.
 */
public final class SimulationScript {

    /** A log line every this many simulated minutes while running. */
    public static final int LOG_EVERY_MINUTES = 5;
    /** Simulated time between STARTING and RUNNING (pulling the image, allocating GPUs). */
    public static final long STARTUP_MS = 45_000;
    public static final String SITE = "Munich (Tucherpark), DE";

    private static final List<String> FAILURE_REASONS = List.of(
            "GPU 3 reported an uncorrectable ECC memory error (Xid 48); the run was stopped to protect your results",
            "the run ran out of GPU memory; choose a smaller batch or input size, or a plan with more GPUs",
            "12 files of the input dataset could not be read (corrupt or truncated); fix or remove them and submit again",
            "the node lost its InfiniBand link and the run could not continue; nothing is charged after the failure");

    private SimulationScript() {
    }

    /**
     * About 4 % of runs fail, decided by a hash of what was submitted, so the same submission always has the same
     * outcome; a workload whose name contains {@code #fail} always fails (a hook for demos and tests).
     */
    public static Optional<Engine.PlannedFailure> plannedFailure(String fingerprint, String name, long runtimeMs) {
        Random random = new Random(fingerprint.hashCode() * 31L + 17);
        boolean forced = name != null && name.toLowerCase(Locale.ROOT).contains("#fail");
        if (!forced && random.nextInt(100) >= 4) {
            return Optional.empty();
        }
        long at = Math.max(60_000, Math.round(runtimeMs * (0.25 + 0.5 * random.nextDouble())));
        return Optional.of(new Engine.PlannedFailure(Math.min(at, runtimeMs), FAILURE_REASONS.get(random.nextInt(FAILURE_REASONS.size()))));
    }

    /** Mean GPU utilisation (0..1) during simulated minute {@code minute}: the app's typical value with some wobble. */
    public static double utilisation(String workloadId, long minute, double typical) {
        Random random = new Random(workloadId.hashCode() * 1_000_003L + minute);
        double wobble = 0.94 + 0.05 * Math.sin(minute / 7.0) + 0.04 * (random.nextDouble() - 0.5);
        double warmUp = minute < 3 ? 0.55 + 0.15 * minute : 1.0;
        return Math.max(0.05, Math.min(1.0, typical * wobble * warmUp));
    }

    /** One power sample: mean GPU utilisation in percent and IT power in watts. */
    public record Sample(int gpuUtilPercent, int powerWatts) {
    }

    /**
     * The provenance of a simulated sample (described in energy_sources): the demo factory plays a DCGM energy feed
     * on the DGX B200 nodes of Hall 1, while the RTX PRO servers of Hall 2 have no per-job meter and are modelled.
     */
    public static String provenance(ResourcePlan plan) {
        return plan.gpuClass().startsWith("b200") ? "measured: DCGM (simulated feed)" : "modelled: power model (simulated)";
    }

    public static Sample sample(String workloadId, long minute, double typical, ResourcePlan plan) {
        double u = utilisation(workloadId, minute, typical);
        return new Sample((int) Math.round(u * 100), (int) Math.round(PowerModel.watts(plan, u)));
    }

    public static List<String> startLines(AppDetail app, AppVersion version, ResourcePlan plan, String workloadId,
                                          Map<String, Object> parameters, Map<String, String> inputs) {
        List<String> lines = new ArrayList<>();
        lines.add("pulling image registry.muc.aifactory.eu/apps/" + app.summary().id() + ":" + version.version());
        lines.add(String.format(Locale.ROOT, "allocated %d x %s on node %s (%s)", plan.gpuCount(), plan.gpuModel(),
                nodeName(workloadId, plan), SITE));
        if (!parameters.isEmpty()) {
            StringBuilder p = new StringBuilder("parameters:");
            new java.util.TreeMap<>(parameters).forEach((k, v) -> p.append(' ').append(k).append('=').append(v));
            lines.add(p.toString());
        }
        for (ArtifactSlot slot : version.inputs()) {
            String artifact = inputs.get(slot.name());
            if (artifact != null) {
                lines.add("input " + slot.name() + ": " + (artifact.startsWith("ds-") ? "dataset " : "artifact ") + artifact);
            } else if (slot.required()) {
                // The simulation needs no real bytes, so a run without its input uses the application's sample data.
                lines.add("input " + slot.name() + ": none given; using the application's sample data");
            }
        }
        lines.add("input data read from the tenant's storage in " + SITE + "; nothing leaves the site");
        return lines;
    }

    /** The progress line written at simulated minute {@code minute} of a run planned for {@code totalMinutes}. */
    public static String progressLine(AppDetail app, String workloadId, long minute, long totalMinutes, ResourcePlan plan,
                                      double typicalUtil) {
        double done = Math.min(1.0, minute / (double) Math.max(1, totalMinutes));
        Random random = new Random(workloadId.hashCode() + minute * 7919L);
        if (minute % 15 == 0) {
            Sample s = sample(workloadId, minute, typicalUtil, plan);
            return String.format(Locale.ROOT, "telemetry: GPU utilisation %d %%, power %,d W over %d GPUs and node share",
                    s.gpuUtilPercent(), s.powerWatts(), plan.gpuCount());
        }
        String category = app.summary().category().toLowerCase(Locale.ROOT);
        if (category.contains("quality") || category.contains("inspection") || category.contains("vision")) {
            int total = 40_000 + Math.floorMod(workloadId.hashCode(), 20_000);
            int seen = (int) (total * done);
            int defects = (int) (seen * (0.002 + random.nextDouble() * 0.0005));
            return String.format(Locale.ROOT, "inspected %,d of %,d images; %,d defects flagged (%.2f %%)", seen, total,
                    defects, seen == 0 ? 0.0 : 100.0 * defects / seen);
        }
        if (category.contains("forecast") || category.contains("demand") || category.contains("planning")) {
            int total = 5_000;
            return String.format(Locale.ROOT, "fitted %,d of %,d series; MAPE so far %.1f %%", (int) (total * done), total,
                    6 + 4 * (1 - done) + random.nextDouble());
        }
        if (category.contains("document") || category.contains("extraction")) {
            int total = 12_000;
            return String.format(Locale.ROOT, "extracted %,d of %,d pages; %.1f %% of fields with confidence >= 0.9",
                    (int) (total * done), total, 95 + 4 * done + random.nextDouble() * 0.5);
        }
        if (category.contains("llm") || category.contains("assistant") || category.contains("language")) {
            int steps = 2_000;
            return String.format(Locale.ROOT, "step %,d/%,d: loss %.3f, %,d tokens/s per GPU", (int) (steps * done), steps,
                    2.6 - 1.1 * done + random.nextDouble() * 0.05, 3_600 + random.nextInt(600));
        }
        if (category.contains("simulation") || category.contains("cae") || category.contains("surrogate")) {
            int steps = 6_000;
            return String.format(Locale.ROOT, "time step %,d/%,d: residual %.1e, surrogate error %.1f %%", (int) (steps * done),
                    steps, 1e-2 * Math.pow(0.05, done) * (1 + random.nextDouble()), 1.5 + 3 * (1 - done));
        }
        int epochs = 40;
        int epoch = Math.max(1, (int) Math.ceil(epochs * done));
        double loss = 0.9 * Math.exp(-2.5 * done) + 0.05 + random.nextDouble() * 0.01;
        return String.format(Locale.ROOT, "epoch %d/%d: loss %.4f, val_loss %.4f", epoch, epochs, loss,
                loss * (1.05 + random.nextDouble() * 0.05));
    }

    public static List<String> endLines(long runtimeMs, int gpuCount, List<String> fileNames) {
        List<String> lines = new ArrayList<>();
        for (String file : fileNames) {
            lines.add("wrote " + file + " to the tenant's storage in " + SITE);
        }
        lines.add(String.format(Locale.ROOT, "finished after %d min on %d GPUs (%.2f GPU-hours)", runtimeMs / 60_000, gpuCount,
                runtimeMs / 3_600_000.0 * gpuCount));
        return lines;
    }

    /** A result file of a finished run. */
    public record ResultFile(String slot, ArtifactKind kind, String name, String mediaType, byte[] content) {
    }

    /** Small but real output files, one per output slot of the version (or one JSON report if it names none). */
    public static List<ResultFile> results(AppDetail app, AppVersion version, String workloadId, String workloadName,
                                           Map<String, Object> parameters) {
        List<ArtifactSlot> slots = version.outputs().isEmpty()
                ? List.of(new ArtifactSlot("report", ArtifactKind.OTHER, null, true, null, List.of()))
                : version.outputs();
        List<ResultFile> files = new ArrayList<>();
        Random random = new Random(workloadId.hashCode());
        for (ArtifactSlot slot : slots) {
            switch (slot.kind()) {
                case RESULTSET, DATASET -> files.add(new ResultFile(slot.name(), slot.kind(), slot.name() + ".csv", "text/csv",
                        csv(app, random)));
                case MODEL -> files.add(new ResultFile(slot.name(), slot.kind(), slot.name() + ".json", "application/json",
                        json(app, version, workloadId, workloadName, parameters, random, "model")));
                default -> files.add(new ResultFile(slot.name(), slot.kind(), slot.name() + ".json", "application/json",
                        json(app, version, workloadId, workloadName, parameters, random, "report")));
            }
        }
        return files;
    }

    private static byte[] csv(AppDetail app, Random random) {
        StringBuilder out = new StringBuilder("item,score,label,confidence\n");
        int rows = 40 + random.nextInt(80);
        for (int i = 1; i <= rows; i++) {
            double score = random.nextDouble();
            out.append(String.format(Locale.ROOT, "%s-%05d,%.4f,%s,%.3f%n", app.summary().id(), i, score,
                    score > 0.93 ? "anomaly" : "ok", 0.80 + random.nextDouble() * 0.2));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(AppDetail app, AppVersion version, String workloadId, String workloadName,
                               Map<String, Object> parameters, Random random, String type) {
        StringBuilder params = new StringBuilder();
        new java.util.TreeMap<>(parameters).forEach((k, v) -> {
            if (params.length() > 0) {
                params.append(", ");
            }
            params.append('"').append(escape(k)).append("\": ");
            params.append(v instanceof String s ? '"' + escape(s) + '"' : String.valueOf(v));
        });
        String text = String.format(Locale.ROOT, "{%n  \"type\": \"%s\",%n  \"app\": \"%s\",%n  \"version\": \"%s\",%n"
                        + "  \"workload\": \"%s\",%n  \"name\": \"%s\",%n  \"parameters\": {%s},%n"
                        + "  \"metrics\": {\"accuracy\": %.4f, \"f1\": %.4f},%n  \"site\": \"%s\"%n}%n",
                type, escape(app.summary().id()), escape(version.version()), escape(workloadId), escape(workloadName), params,
                0.9 + random.nextDouble() * 0.09, 0.85 + random.nextDouble() * 0.1, SITE);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String nodeName(String workloadId, ResourcePlan plan) {
        return nodeName(workloadId, plan.gpuClass());
    }

    /** The node a simulated run is placed on, as its log says; the residency report names the same node. */
    public static String nodeName(String workloadId, String gpuClass) {
        String kind = gpuClass.contains("rtx") ? "rtxpro" : "dgx-b200";
        return String.format(Locale.ROOT, "%s-%03d", kind, Math.floorMod(workloadId.hashCode(), 160) + 1);
    }

    /** The reason shown while a workload runs. */
    public static String runningReason(ResourcePlan plan) {
        return String.format(Locale.ROOT, "running on %d x %s in %s", plan.gpuCount(), plan.gpuModel(), SITE);
    }

    public static String startingReason(ResourcePlan plan) {
        return String.format(Locale.ROOT, "allocating %d x %s and pulling the application image", plan.gpuCount(),
                plan.gpuModel());
    }
}
