package eu.aifactory.server.exec.slurm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.aifactory.api.Json;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.ArtifactSlot;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.server.workload.WorkloadRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The batch job of a workload: its script, environment and resources. */
final class JobScript {

    static final String STDOUT = "stdout.log";
    static final String STDERR = "stderr.log";
    /** A workload's environment and script, for the task of an array job that runs it. */
    static final String TASK_ENV = "job.env";
    static final String TASK_SCRIPT = "job.sh";
    /** Slurm kills a job at its time limit; twice the catalog's expected run time, at least ten minutes. */
    private static final int MIN_TIME_LIMIT_MINUTES = 10;
    private static final ObjectMapper JSON = Json.mapper().copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private JobScript() {
    }

    /** What a batch job asks of Slurm; workloads with the same shape can run as the tasks of one array job. */
    record Shape(String partition, String gres, int timeLimitMinutes) {
    }

    static Shape shape(SlurmSettings settings, WorkloadRow w, ResourcePlan plan) {
        String gresType = settings.gresType() == null ? plan.gpuClass() : settings.gresType();
        int timeLimit = (int) Math.max(MIN_TIME_LIMIT_MINUTES, (w.expectedRuntimeS() * 2 + 59) / 60);
        return new Shape(plan.gpuClass(), "gpu:" + gresType + ":" + w.gpuCount(), timeLimit);
    }

    static SlurmRest.JobRequest request(SlurmSettings settings, WorkloadRow w, ResourcePlan plan, AppVersion version,
                                        Path dir) {
        Shape shape = shape(settings, w, plan);
        Map<String, String> env = environment(w, version, dir);
        return new SlurmRest.JobRequest(w.id(), shape.partition(), shape.gres(), shape.timeLimitMinutes(),
                dir.toString(), dir.resolve(STDOUT).toString(), dir.resolve(STDERR).toString(), env,
                script(w, settings.command(w.appId()), dir), null);
    }

    /**
     * One array job for workloads of one shape: task i runs the workload whose directory is line i + 1 of
     * {@code manifest}, with the environment and script {@link #writeTask} left there. The tasks' own stdout and
     * stderr (only the wrapper's complaints; each workload's script writes its output into its own directory) go to
     * {@code arrayDir}.
     */
    static SlurmRest.JobRequest arrayRequest(String name, Shape shape, int tasks, Path arrayDir, Path manifest) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("HOME", arrayDir.toString());
        String script = "#!/bin/bash\n"
                + "# AI factory: " + tasks + " workloads as the tasks of one array job\n"
                + "dir=\"$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" " + quote(manifest.toString()) + ")\"\n"
                + "[ -n \"$dir\" ] && cd \"$dir\" || exit 1\n"
                + ". ./" + TASK_ENV + " || exit 1\n"
                + "exec /bin/bash ./" + TASK_SCRIPT + "\n";
        return new SlurmRest.JobRequest(name, shape.partition(), shape.gres(), shape.timeLimitMinutes(),
                arrayDir.toString(), arrayDir.resolve("task-%a.out").toString(), arrayDir.resolve("task-%a.err").toString(),
                env, script, "0-" + (tasks - 1));
    }

    /** Leaves a workload's environment and script in its directory, for a task of an array job to run. */
    static void writeTask(SlurmSettings settings, WorkloadRow w, AppVersion version, Path dir) throws IOException {
        StringBuilder env = new StringBuilder();
        environment(w, version, dir).forEach((k, v) -> env.append("export ").append(k).append('=').append(quote(v))
                .append('\n'));
        Files.writeString(dir.resolve(TASK_ENV), env);
        String script = script(w, settings.command(w.appId()), dir);
        // The task's stdout and stderr are the array's: the workload's script writes its own files, as a plain job's.
        int body = script.indexOf("|| exit 1\n") + "|| exit 1\n".length();
        Files.writeString(dir.resolve(TASK_SCRIPT), script.substring(0, body) + "exec >" + STDOUT + " 2>" + STDERR + "\n"
                + script.substring(body));
    }

    private static Map<String, String> environment(WorkloadRow w, AppVersion version, Path dir) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("HOME", dir.toString());
        env.put("AIF_WORKLOAD_ID", w.id());
        env.put("AIF_APP_ID", w.appId());
        env.put("AIF_APP_VERSION", w.appVersion());
        try {
            env.put("AIF_PARAMETERS", JSON.writeValueAsString(w.parameters()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the parameters of " + w.id(), e);
        }
        env.put("AIF_JOB_DIR", dir.toString());
        env.put("AIF_OUTPUTS", outputs(version.outputs()));
        return env;
    }

    private static String outputs(List<ArtifactSlot> slots) {
        return slots.stream().map(s -> s.name() + ":" + s.kind().wire()).collect(Collectors.joining(","));
    }

    /**
     * Runs the app's command in the job directory and then leaves an exit record, which tells a restarted factory
     * how the job ended after slurmctld has forgotten it (MinJobAge) and no accounting database remembers.
     */
    static String script(WorkloadRow w, List<String> command, Path dir) {
        return "#!/bin/bash\n"
                + "# AI factory workload " + w.id() + " (" + w.appId() + " " + w.appVersion() + ")\n"
                + "cd " + quote(dir.toString()) + " || exit 1\n"
                + command.stream().map(JobScript::quote).collect(Collectors.joining(" ")) + "\n"
                + "code=$?\n"
                + "echo \"$code\" > " + SlurmEngine.EXIT_RECORD + ".part && mv " + SlurmEngine.EXIT_RECORD + ".part "
                + SlurmEngine.EXIT_RECORD + "\n"
                + "exit \"$code\"\n";
    }

    static String quote(String word) {
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    /** A file or directory name from user input that cannot leave its directory. */
    static String safeName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }

    static String mediaType(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        String extension = lower.contains(".") ? lower.substring(lower.lastIndexOf('.') + 1) : "";
        return switch (extension) {
            case "json" -> "application/json";
            case "csv" -> "text/csv";
            case "txt", "log" -> "text/plain";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "pdf" -> "application/pdf";
            case "parquet" -> "application/vnd.apache.parquet";
            default -> "application/octet-stream";
        };
    }
}
