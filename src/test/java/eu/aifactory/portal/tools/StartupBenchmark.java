package eu.aifactory.portal.tools;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Start-up benchmark (issue 3, point 7), run under Xvfb: wall-clock time from spawning the JVM to the first frame
 * and to a signed-in shell, for the portal's first start (empty data directory: the embedded factory creates and
 * seeds its database) and later starts (seeded database, remembered demo user), next to a JavaFX hello-world;
 * each with and without an AppCDS archive. Prints medians of N runs (default 5). Not a test: figures, no asserts.
 *
 * <p>Run: {@code mvn -o package -DskipTests && xvfb-run -a -s "-screen 0 1600x1000x24" mvn -o -Pscreenshots
 * -Dtour.main=eu.aifactory.portal.tools.StartupBenchmark test-compile exec:exec} (-Dbench.runs=5).
 */
public final class StartupBenchmark {

    private static final String FIRST_FRAME = "startup: first frame";
    private static final String SHELL_READY = "startup: shell ready";
    private static final String DEMO_USER = "mp-anna-schmidt";

    private final Path work;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final int runs = Integer.getInteger("bench.runs", 5);

    private StartupBenchmark(Path root) throws IOException {
        this.work = Files.createDirectories(root.resolve("target/startup-bench"));
    }

    public static void main(String[] args) throws Exception {
        if (System.getenv("DISPLAY") == null) {
            throw new IllegalStateException("needs a display: run under xvfb-run");
        }
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
        Path jar = root.resolve("target/tenant-portal.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the jar first: mvn -o package -DskipTests");
        }
        new StartupBenchmark(root).runAll(jar);
    }

    private void runAll(Path jar) throws Exception {
        Path helloArchive = work.resolve("hello.jsa");
        Path portalArchive = work.resolve("portal.jsa");
        // AppCDS only archives classes from jars, so the hello-world runs from the portal jar (for JavaFX) and a
        // one-class jar of its own.
        List<String> helloCommand = List.of(java, "-cp", jar + File.pathSeparator + helloJar(),
                HelloFx.Launch.class.getName());
        List<String> portalCommand = List.of(java, "-jar", jar.toString());

        // AppCDS archives: one training run each, the archive is written when the JVM exits.
        Files.deleteIfExists(helloArchive);
        Files.deleteIfExists(portalArchive);
        measure(with(helloCommand, "-XX:ArchiveClassesAtExit=" + helloArchive), HelloFx.FIRST_FRAME);
        Path trainingDir = seededDataDir(portalCommand);
        measure(with(portalCommand, "-XX:ArchiveClassesAtExit=" + portalArchive, "-Dportal.dataDir=" + trainingDir), FIRST_FRAME, SHELL_READY);

        Map<String, List<long[]>> results = new LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
            record(results, "hello-world", measure(helloCommand, HelloFx.FIRST_FRAME));
            record(results, "hello-world + AppCDS",
                    measure(with(helloCommand, "-XX:SharedArchiveFile=" + helloArchive), HelloFx.FIRST_FRAME));
            Path fresh = freshDataDir();
            record(results, "portal first start", measure(with(portalCommand, "-Dportal.dataDir=" + fresh),
                    FIRST_FRAME, SHELL_READY));
            record(results, "portal later start", measure(with(portalCommand, "-Dportal.dataDir=" + trainingDir),
                    FIRST_FRAME, SHELL_READY));
            record(results, "portal later start + AppCDS", measure(with(portalCommand,
                    "-XX:SharedArchiveFile=" + portalArchive, "-Dportal.dataDir=" + trainingDir), FIRST_FRAME, SHELL_READY));
            record(results, "portal later start + AppCDS + C1", measure(with(portalCommand,
                    "-XX:SharedArchiveFile=" + portalArchive, "-XX:TieredStopAtLevel=1", "-Dportal.dataDir=" + trainingDir), FIRST_FRAME, SHELL_READY));
            System.out.println("run " + (run + 1) + " of " + runs + " done");
        }
        print(results);
    }

    private Path helloJar() throws IOException {
        Path target = work.resolve("hello.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target))) {
            for (Class<?> type : List.of(HelloFx.class, HelloFx.Launch.class)) {
                String entry = type.getName().replace('.', '/') + ".class";
                try (InputStream in = HelloFx.class.getClassLoader().getResourceAsStream(entry)) {
                    out.putNextEntry(new JarEntry(entry));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    /** A data directory whose database is seeded and which remembers a demo user, as after a first session. */
    private Path seededDataDir(List<String> portalCommand) throws Exception {
        Path dir = freshDataDir();
        measure(with(portalCommand, "-Dportal.dataDir=" + dir), FIRST_FRAME, SHELL_READY);
        return dir;
    }

    private Path freshDataDir() throws IOException {
        Path dir = Files.createTempDirectory(work, "data");
        Files.writeString(dir.resolve("settings.json"),
                "{\"demoUserId\":\"" + DEMO_USER + "\",\"language\":\"en\",\"theme\":\"LIGHT\",\"notifications\":true}");
        return dir;
    }

    private static List<String> with(List<String> command, String... jvmOptions) {
        List<String> result = new ArrayList<>();
        result.add(command.get(0));
        result.addAll(Arrays.asList(jvmOptions));
        result.addAll(command.subList(1, command.size()));
        return result;
    }

    /** Spawns the command and returns, per marker, the milliseconds from spawn until the marker line appeared. */
    private long[] measure(List<String> command, String... markers) throws Exception {
        Map<String, Long> seen = new ConcurrentHashMap<>();
        List<String> output = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(markers.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        long start = System.nanoTime();
        Process process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    long at = System.nanoTime();
                    output.add(line);
                    for (String marker : markers) {
                        if (line.contains(marker) && seen.putIfAbsent(marker, at) == null) {
                            all.countDown();
                        }
                    }
                }
            } catch (IOException e) {
                // The process ended; missing markers are reported below.
            }
        });
        reader.setDaemon(true);
        reader.start();
        boolean complete = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!complete && process.isAlive() && System.nanoTime() < deadline) {
            complete = all.await(100, TimeUnit.MILLISECONDS);
        }
        complete = complete || all.await(1, TimeUnit.SECONDS);
        // Let the JVM finish a running archive dump, then end it like a window manager would (SIGTERM).
        Thread.sleep(300);
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        if (!complete) {
            throw new IllegalStateException("markers not seen (process ended or 180 s passed): " + seen.keySet()
                    + " for " + command + "\n" + String.join("\n", output));
        }
        long[] millis = new long[markers.length];
        for (int i = 0; i < markers.length; i++) {
            millis[i] = TimeUnit.NANOSECONDS.toMillis(seen.get(markers[i]) - start);
        }
        return millis;
    }

    private static void record(Map<String, List<long[]>> results, String name, long[] millis) {
        results.computeIfAbsent(name, key -> new ArrayList<>()).add(millis);
    }

    private void print(Map<String, List<long[]>> results) {
        System.out.println();
        System.out.printf(Locale.ROOT, "Start-up, median of %d runs (ms from JVM spawn), under Xvfb:%n", runs);
        System.out.printf(Locale.ROOT, "%-36s %14s %14s   %s%n", "configuration", "first frame", "shell ready", "all runs");
        for (Map.Entry<String, List<long[]>> entry : results.entrySet()) {
            List<long[]> samples = entry.getValue();
            long frame = median(samples, 0);
            String shell = samples.get(0).length > 1 ? Long.toString(median(samples, 1)) : "-";
            StringBuilder all = new StringBuilder();
            for (long[] sample : samples) {
                all.append(Arrays.toString(sample)).append(' ');
            }
            System.out.printf(Locale.ROOT, "%-36s %14d %14s   %s%n", entry.getKey(), frame, shell, all.toString().trim());
        }
    }

    private static long median(List<long[]> samples, int index) {
        long[] values = samples.stream().mapToLong(sample -> sample[index]).sorted().toArray();
        return values[values.length / 2];
    }
}
