package eu.aifactory.server.exec.slurm;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The single-node Slurm that {@code installer/slurm/slurm-up} starts (and {@code .ci/run} runs before the build): read
 * from its {@code slurm.env}. Tests that need it skip, saying how to start it, when it is not there.
 */
public final class SlurmCluster {

    public static final String HOW_TO_START = "Slurm is not running here: start it with installer/slurm/slurm-up "
            + "(after installer/slurm/install-packages; .ci/run does both)";

    public final URI restUrl;
    final String user;
    final Path tokenFile;
    final SlurmRest rest;

    private SlurmCluster(URI restUrl, String user, Path tokenFile) {
        this.restUrl = restUrl;
        this.user = user;
        this.tokenFile = tokenFile;
        this.rest = new SlurmRest(restUrl, user, SlurmSettings.Token.fromFile(tokenFile));
    }

    /** The cluster if its settings are there and slurmrestd answers. */
    public static Optional<SlurmCluster> find() {
        String home = System.getenv().getOrDefault("AIF_SLURM_HOME", "/var/tmp/aifactory-slurm");
        Path env = Path.of(home, "slurm.env");
        if (!Files.isReadable(env)) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        try {
            for (String line : Files.readAllLines(env)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!values.containsKey("SLURMRESTD_URL") || !values.containsKey("SLURM_JWT_FILE")) {
            return Optional.empty();
        }
        SlurmCluster cluster = new SlurmCluster(URI.create(values.get("SLURMRESTD_URL")), values.get("SLURM_USER"),
                Path.of(values.get("SLURM_JWT_FILE")));
        try {
            cluster.rest.ping();
            return Optional.of(cluster);
        } catch (SlurmRest.Unreachable e) {
            return Optional.empty();
        }
    }

    /** Settings for a factory whose jobs live in {@code jobRoot}, reaching slurmrestd at {@code url}. */
    public SlurmSettings settings(URI url, Path jobRoot, Map<String, String> appCommands) {
        return new SlurmSettings(url, user, SlurmSettings.Token.fromFile(tokenFile), jobRoot, "b200", appCommands,
                Duration.ofMillis(200));
    }

    /** The record Slurm lists now for the job {@code ref} ({@code 123}, or {@code 123_4} for a task of an array). */
    SlurmRest.Job job(String ref) {
        return jobs().stream().filter(j -> j.refs().contains(ref)).findFirst().orElse(null);
    }

    List<SlurmRest.Job> jobs() {
        try {
            return rest.jobs(0).orElseThrow();
        } catch (SlurmRest.Unreachable e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Cancels what Slurm still runs of the jobs of the factory whose job root is {@code jobRoot}. */
    void cancelJobsUnder(Path jobRoot) {
        Set<String> names = new HashSet<>();
        for (Path dir : List.of(jobRoot, jobRoot.resolve(SlurmEngine.ARRAYS))) {
            if (Files.isDirectory(dir)) {
                try (var list = Files.list(dir)) {
                    list.forEach(p -> names.add(p.getFileName().toString()));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        for (SlurmRest.Job job : jobs()) {
            if (names.contains(job.name()) && SlurmStates.phase(job.state()) != SlurmStates.Phase.ENDED) {
                try {
                    rest.cancel(Long.toString(job.arrayJobId() == 0 ? job.id() : job.arrayJobId()));
                } catch (SlurmRest.Unreachable e) {
                    throw new AssertionError(e.getMessage(), e);
                }
            }
        }
    }
}
