package eu.aifactory.server.exec.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How the factory reaches Slurm.
 *
 * @param restUrl      slurmrestd's base URL, e.g. {@code http://127.0.0.1:6820}
 * @param user         the Slurm user jobs are submitted as ({@code X-SLURM-USER-NAME})
 * @param token        where the user's JWT comes from; read again when slurmrestd refuses it, so a renewed token file
 *                     is picked up without a restart
 * @param jobRoot      where each workload gets its job directory (inputs, output, stdout, stderr); must be visible
 *                     at the same path on the nodes
 * @param gresType     the GPU type in {@code --gres=gpu:TYPE:N}; null: the plan's GPU class
 * @param appCommands  per app id, the command its job runs instead of the built-in {@code RunApp}
 * @param pollInterval how often the jobs endpoint is read while work is in flight
 */
public record SlurmSettings(URI restUrl, String user, Token token, Path jobRoot, String gresType,
                            Map<String, String> appCommands, Duration pollInterval) {

    public static final Duration DEFAULT_POLL = Duration.ofMillis(500);

    public SlurmSettings {
        if (restUrl == null || !("http".equals(restUrl.getScheme()) || "https".equals(restUrl.getScheme()))) {
            throw new IllegalArgumentException("the slurmrestd URL must be http:// or https://, was " + restUrl);
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("a Slurm user name is required");
        }
        if (token == null || jobRoot == null) {
            throw new IllegalArgumentException("a Slurm token source and a job directory are required");
        }
        appCommands = Map.copyOf(appCommands);
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("the poll interval must be positive");
        }
    }

    public SlurmSettings(URI restUrl, String user, Token token, Path jobRoot, String gresType) {
        this(restUrl, user, token, jobRoot, gresType, Map.of(), DEFAULT_POLL);
    }

    public SlurmSettings withAppCommands(Map<String, String> commands) {
        return new SlurmSettings(restUrl, user, token, jobRoot, gresType, commands, pollInterval);
    }

    /** A JWT source that never shows the token: its {@code toString} names only where the token comes from. */
    public static final class Token implements Supplier<String> {
        private final String origin;
        private final Supplier<String> reader;

        private Token(String origin, Supplier<String> reader) {
            this.origin = origin;
            this.reader = reader;
        }

        /** The token in {@code file} (surrounding white space and a {@code SLURM_JWT=} prefix are dropped). */
        public static Token fromFile(Path file) {
            return new Token("file " + file, () -> {
                try {
                    return clean(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the Slurm token file " + file + ": " + e.getMessage(), e);
                }
            });
        }

        /** The token in environment variable {@code name}. */
        public static Token fromEnvironment(String name) {
            return new Token("environment variable " + name, () -> {
                String value = System.getenv(name);
                if (value == null || value.isBlank()) {
                    throw new IllegalStateException("environment variable " + name + " holds no Slurm token");
                }
                return clean(value);
            });
        }

        private static String clean(String text) {
            String token = text.strip();
            return token.startsWith("SLURM_JWT=") ? token.substring("SLURM_JWT=".length()) : token;
        }

        @Override
        public String get() {
            return reader.get();
        }

        @Override
        public String toString() {
            return "JWT from " + origin;
        }
    }

    /** The command of {@code appId}'s job: configured, or this factory's own Java running {@link RunApp}. */
    List<String> command(String appId) {
        String configured = appCommands.get(appId);
        if (configured != null) {
            return List.of("/bin/sh", "-c", configured);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes;
        try {
            classes = Path.of(RunApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the factory's classes", e);
        }
        // RunApp uses only the JDK, so the factory's own jar or class directory is its whole class path.
        return List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", classes,
                RunApp.class.getName(), appId);
    }
}
