package eu.aifactory.server.exec.slurm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.aifactory.api.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of slurmrestd. It speaks one REST version, {@link #VERSION}, named here and nowhere else: a newer
 * slurmrestd (v0.0.40+) means changing this constant and the few JSON shapes read below.
 */
public final class SlurmRest {

    public static final String VERSION = "v0.0.38";
    private static final String BASE = "/slurm/" + VERSION;
    private static final Pattern OFFERED = Pattern.compile("^/slurm/(v[0-9][^/]*)/");
    private static final ObjectMapper JSON = Json.mapper();

    private final URI root;
    private final String user;
    private final SlurmSettings.Token token;
    private final HttpClient http;
    private volatile String jwt;

    /** slurmrestd did not answer, or answered that Slurm itself cannot be reached: try again later. */
    public static final class Unreachable extends Exception {
        Unreachable(String message) {
            super(message, null, false, false);
        }
    }

    /** Slurm answered and refused this request for good (an impossible job, an unknown partition). */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * What the factory reads of a Slurm job record. {@code exitStatus} is the raw wait status (exit code × 256 +
     * signal). A record of an array job has its {@code arrayJobId} (0 for a plain job) and either one task
     * ({@code arrayTaskId}) or, while tasks are pending together, the many it stands for ({@code arrayTasks}, e.g.
     * {@code 5-99}; {@code arrayTaskId} is then null).
     */
    public record Job(long id, String name, String state, String reason, int exitStatus, long startTime, long endTime,
                      String nodes, int timeLimitMinutes, long arrayJobId, Integer arrayTaskId, String arrayTasks) {


        /** The jobs this record stands for, as Slurm names them: {@code 123}, or {@code 123_4}, {@code 123_5}, … */
        public List<String> refs() {
            if (arrayJobId == 0) {
                return List.of(Long.toString(id));
            }
            if (arrayTaskId != null) {
                return List.of(ref(arrayJobId, arrayTaskId));
            }
            return taskIds(arrayTasks).stream().map(t -> ref(arrayJobId, t)).toList();
        }

        public int exitCode() {
            return (exitStatus >> 8) & 0xff;
        }

        public int signal() {
            return exitStatus & 0x7f;
        }
    }

    /** One batch job, or with {@code array} (e.g. {@code 0-99}) an array of them: the script and its job description. */
    public record JobRequest(String name, String partition, String gres, int timeLimitMinutes, String workDir,
                             String stdout, String stderr, Map<String, String> environment, String script,
                             String array) {
    }

    /** The name squeue shows for a plain job ({@code task} null) or for task {@code task} of an array job. */
    public static String ref(long jobId, Integer task) {
        return task == null ? Long.toString(jobId) : jobId + "_" + task;
    }

    /**
     * The task ids of Slurm's compact notation: {@code 1-4,6,8-20:4} (ranges, single ids, a step after a colon), with an
     * optional {@code %N} for the most that run at once.
     */
    static List<Integer> taskIds(String tasks) {
        List<Integer> ids = new ArrayList<>();
        String list = tasks.contains("%") ? tasks.substring(0, tasks.indexOf('%')) : tasks;
        for (String part : list.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] rangeStep = part.split(":");
            String[] bounds = rangeStep[0].split("-");
            int from = Integer.parseInt(bounds[0].strip());
            int to = bounds.length > 1 ? Integer.parseInt(bounds[1].strip()) : from;
            int step = rangeStep.length > 1 ? Integer.parseInt(rangeStep[1].strip()) : 1;
            for (int t = from; t <= to; t += step) {
                ids.add(t);
            }
        }
        return ids;
    }

    public SlurmRest(URI root, String user, SlurmSettings.Token token) {
        this.root = root;
        this.user = user;
        this.token = token;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3))
                .build();
    }

    /**
     * Reads the daemon's OpenAPI description and returns the REST versions it offers, e.g. {@code [v0.0.38]};
     * {@link #VERSION} must be among them.
     */
    public List<String> offeredVersions() throws Unreachable {
        JsonNode spec = send("GET", "/openapi/v3", null);
        TreeSet<String> versions = new TreeSet<>();
        spec.path("paths").fieldNames().forEachRemaining(path -> {
            Matcher m = OFFERED.matcher(path);
            if (m.find()) {
                versions.add(m.group(1));
            }
        });
        return List.copyOf(versions);
    }

    public void ping() throws Unreachable {
        send("GET", BASE + "/ping", null);
    }

    public long submit(JobRequest job) throws Unreachable, Refused {
        ObjectNode body = JSON.createObjectNode();
        body.put("script", job.script());
        ObjectNode spec = body.putObject("job");
        spec.put("name", job.name());
        spec.put("partition", job.partition());
        spec.put("gres", job.gres());
        spec.put("time_limit", job.timeLimitMinutes());
        spec.put("current_working_directory", job.workDir());
        spec.put("standard_output", job.stdout());
        spec.put("standard_error", job.stderr());
        if (job.array() != null) {
            spec.put("array", job.array());
        }
        ObjectNode env = spec.putObject("environment");
        job.environment().forEach(env::put);
        JsonNode answer = sendRefusable("POST", BASE + "/job/submit", body);
        if (!answer.path("job_id").canConvertToLong() || answer.path("job_id").asLong() <= 0) {
            throw new Refused("slurmrestd accepted the job but named no job id");
        }
        return answer.path("job_id").asLong();
    }

    /**
     * All jobs Slurm knows, or empty when nothing changed since {@code updateTime} (epoch seconds; 0 for all). Slurm
     * answers "no change" for the whole job table, so one cheap request per poll follows every job at once.
     *
     * @throws Unreachable also when slurmrestd answers with an error, as it does when slurmctld is too busy to list its
     *                     jobs: such an answer carries no jobs, and a listing without them would read as "all ended"
     */
    public Optional<List<Job>> jobs(long updateTime) throws Unreachable {
        String path = BASE + "/jobs?update_time=" + updateTime;
        HttpResponse<byte[]> response = exchange("GET", path, null);
        if (response.statusCode() == 304) {
            return Optional.empty();
        }
        JsonNode answer = parse(response);
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw new Unreachable("Slurm answered GET " + path + " with: "
                    + errors.get(0).path("error").asText("HTTP " + response.statusCode()));
        }
        if (response.statusCode() >= 300) {
            throw new Unreachable("slurmrestd answered GET " + path + " with HTTP " + response.statusCode());
        }
        List<Job> jobs = new ArrayList<>();
        for (JsonNode j : answer.path("jobs")) {
            JsonNode task = j.path("array_task_id");
            jobs.add(new Job(j.path("job_id").asLong(), j.path("name").asText(""), j.path("job_state").asText(""),
                    j.path("state_reason").asText(""), j.path("exit_code").asInt(), j.path("start_time").asLong(),
                    j.path("end_time").asLong(), j.path("nodes").asText(""), j.path("time_limit").asInt(),
                    j.path("array_job_id").asLong(), task.isIntegralNumber() ? task.asInt() : null,
                    j.path("array_task_string").asText("")));
        }
        return Optional.of(jobs);
    }

    /**
     * Asks Slurm to cancel the job named {@code ref} ({@code 123}, or {@code 123_4} for one task of an array, which
     * leaves its siblings alone); a job Slurm no longer knows counts as cancelled.
     */
    public void cancel(String ref) throws Unreachable {
        try {
            sendRefusable("DELETE", BASE + "/job/" + ref, null);
        } catch (Refused e) {
            // Already gone (ended, or forgotten after MinJobAge): the next poll tells what became of it.
        }
    }

    private JsonNode send(String method, String path, JsonNode body) throws Unreachable {
        try {
            return sendRefusable(method, path, body);
        } catch (Refused e) {
            throw new Unreachable(e.getMessage());
        }
    }

    private JsonNode sendRefusable(String method, String path, JsonNode body) throws Unreachable, Refused {
        HttpResponse<byte[]> response = exchange(method, path, body);
        JsonNode answer = parse(response);
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            JsonNode first = errors.get(0);
            int code = first.has("error_number") ? first.path("error_number").asInt() : first.path("error_code").asInt();
            String text = first.path("error").asText("error " + code);
            // Slurm's job errors (ESLURM_*, 2000-2999) refuse this job for good; anything else (authentication, no
            // controller, communication) is a Slurm that cannot work right now.
            if (code >= 2000 && code < 3000) {
                throw new Refused(text);
            }
            throw new Unreachable("Slurm answered " + method + " " + path + " with: " + text);
        }
        if (response.statusCode() >= 300) {
            throw new Unreachable("slurmrestd answered " + method + " " + path + " with HTTP " + response.statusCode());
        }
        return answer;
    }

    private HttpResponse<byte[]> exchange(String method, String path, JsonNode body) throws Unreachable {
        HttpResponse<byte[]> response = exchangeOnce(method, path, body, currentJwt());
        if (response.statusCode() == 401) {
            // The token may have been renewed in its file since it was read.
            jwt = null;
            response = exchangeOnce(method, path, body, currentJwt());
            if (response.statusCode() == 401) {
                throw new Unreachable("slurmrestd refused the Slurm token of user " + user + " (" + token + ")");
            }
        }
        return response;
    }

    private String currentJwt() throws Unreachable {
        String current = jwt;
        if (current == null) {
            try {
                current = token.get();
            } catch (RuntimeException e) {
                throw new Unreachable(e.getMessage());
            }
            jwt = current;
        }
        return current;
    }

    private HttpResponse<byte[]> exchangeOnce(String method, String path, JsonNode body, String bearer) throws Unreachable {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path))
                .timeout(Duration.ofSeconds(15))
                .header("X-SLURM-USER-NAME", user)
                .header("X-SLURM-USER-TOKEN", bearer)
                .header("Accept", "application/json");
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Unreachable("slurmrestd at " + root + " does not answer: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted while talking to slurmrestd");
        }
    }

    private static JsonNode parse(HttpResponse<byte[]> response) throws Unreachable {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new Unreachable("slurmrestd answered HTTP " + response.statusCode() + " without JSON");
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
