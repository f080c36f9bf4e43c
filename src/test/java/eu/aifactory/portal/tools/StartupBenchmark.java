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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Start-up benchmark, run under Xvfb: wall-clock time from spawning a command to the portal's first frame, to a
 * clickable demo user on its sign-in page and to the demo users of the running factory, next to a JavaFX hello-world started the same way ({@code java}, no
 * options), in alternating runs so both see the same machine. Each way the portal is started is measured as a user
 * starts it: {@code java -jar target/tenant-portal.jar} (which maps its AppCDS archive in a child JVM),
 * {@code mvn javafx:run} (against a hello-world project started with {@code mvn javafx:run} too) and, when
 * installed, the Linux launcher (in place, with the archive its install made); beside it the same jar started in place with the JVM's defaults (no child JVM, no
 * archive, none of the launcher's options) and, with {@code -Dbench.baseline=<jar>}, another build's jar (say, main's)
 * on its own data directory. Prints medians of N runs (default 5), both milestones' ratios to the hello-world, the
 * load average before and after, and the first start (empty data directory: seeding, archive written at exit) once.
 * Not a test: figures, no asserts.
 *
 * <p>Run: {@code mvn -B package -DskipTests && xvfb-run -a -s "-screen 0 1600x1000x24" mvn -B -Pbench
 * test-compile exec:java@startup-benchmark} (more runs: {@code -Dbench.runs=7}; a build to compare with:
 * {@code -Dbench.baseline=/path/to/tenant-portal.jar}).
 */
public final class StartupBenchmark {

    private static final String FIRST_FRAME = "startup: first frame";
    private static final String SIGN_IN_READY = "startup: sign-in ready";
    private static final String DEMO_READY = "startup: demo factory ready";
    private static final String JAVA_HELLO = "hello-world (java -cp)";
    private static final String MAVEN_HELLO = "hello-world (mvn javafx:run)";
    private static final Path INSTALLED = Path.of("/opt/ai-factory-portal/bin/ai-factory-portal");

    private final Path root;
    private final Path work;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final int runs = Integer.getInteger("bench.runs", 5);

    private StartupBenchmark(Path root) throws IOException {
        this.root = root;
        this.work = Files.createDirectories(root.resolve("target/startup-bench"));
    }

    public static void main(String[] args) throws Exception {
        if (System.getenv("DISPLAY") == null) {
            throw new IllegalStateException("needs a display: run under xvfb-run");
        }
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
        Path jar = root.resolve("target/tenant-portal.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the jar first: mvn -B package -DskipTests");
        }
        new StartupBenchmark(root).runAll(jar);
    }

    private void runAll(Path jar) throws Exception {
        List<String> hello = List.of(java, "-cp", jar + File.pathSeparator + helloJar(), HelloFx.Launch.class.getName());
        Path data = Files.createTempDirectory(work, "data");
        List<String> portal = List.of(java, "-Dportal.dataDir=" + data, "-jar", jar.toString());
        boolean installed = Files.isExecutable(INSTALLED);
        Path installedData = Files.createTempDirectory(work, "installed");
        List<String> launcher = List.of(INSTALLED.toString());
        Map<String, String> installedEnv = Map.of("XDG_DATA_HOME", installedData.toString());
        // The same jar in the JVM it was started in: what the launcher's child JVM, archive and options save.
        List<String> inPlace = List.of(java, "-Dportal.cds.inPlace=true", "-Dportal.dataDir=" + data, "-jar", jar.toString());
        // Through Maven, as a newcomer starts it: the hello-world beside it is forked by Maven the same way.
        String mvn = System.getProperty("bench.mvn", "mvn");
        List<String> mavenHello = List.of(mvn, "-B", "-q", "-f", helloProject().toString(), "javafx:run");
        List<String> mavenPortal = List.of(mvn, "-B", "-q", "-f", root.resolve("pom.xml").toString(), "javafx:run");
        Path mavenData = Files.createTempDirectory(work, "maven");
        Map<String, String> mavenEnv = Map.of("XDG_DATA_HOME", mavenData.toString());
        String baselineJar = System.getProperty("bench.baseline", "");
        Path baselineData = Files.createTempDirectory(work, "baseline");
        List<String> baseline = List.of(java, "-Dportal.dataDir=" + baselineData, "-jar", baselineJar);
        System.out.println("load before: " + load());

        // First start: seeds the demo database and writes the class data archive when the JVM exits.
        settings(data);
        long[] first = measure(portal, Map.of(), FIRST_FRAME, SIGN_IN_READY, DEMO_READY);
        System.out.printf(Locale.ROOT, "first start (seeding, archive written at exit): first frame %d ms, sign-in ready %d ms, "
                + "demo factory ready %d ms%n", first[0], first[1], first[2]);
        if (installed) {
            settings(installedData.resolve("ai-factory-portal"));
            measure(launcher, installedEnv, FIRST_FRAME, SIGN_IN_READY, DEMO_READY);
        }
        if (!baselineJar.isEmpty()) {
            settings(baselineData);
            long[] base = measure(baseline, Map.of(), FIRST_FRAME, SIGN_IN_READY);
            System.out.printf(Locale.ROOT, "baseline first start: first frame %d ms, sign-in ready %d ms%n", base[0], base[1]);
        }
        settings(mavenData.resolve("ai-factory-portal"));
        measure(mavenPortal, mavenEnv, FIRST_FRAME, SIGN_IN_READY, DEMO_READY);
        measure(hello, Map.of(), HelloFx.FIRST_FRAME);

        Map<String, List<long[]>> results = new LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
            record(results, JAVA_HELLO, measure(hello, Map.of(), HelloFx.FIRST_FRAME));
            settings(data);
            record(results, "portal java -jar", measure(portal, Map.of(), FIRST_FRAME, SIGN_IN_READY, DEMO_READY));
            if (installed) {
                settings(installedData.resolve("ai-factory-portal"));
                record(results, "portal installed launcher", measure(launcher, installedEnv, FIRST_FRAME, SIGN_IN_READY, DEMO_READY));
            }
            record(results, MAVEN_HELLO, measure(mavenHello, Map.of(), HelloFx.FIRST_FRAME));
            settings(mavenData.resolve("ai-factory-portal"));
            record(results, "portal mvn javafx:run", measure(mavenPortal, mavenEnv, FIRST_FRAME, SIGN_IN_READY, DEMO_READY));
            settings(data);
            record(results, "portal in place, JVM defaults", measure(inPlace, Map.of(), FIRST_FRAME, SIGN_IN_READY, DEMO_READY));
            if (!baselineJar.isEmpty()) {
                settings(baselineData);
                record(results, "baseline java -jar", measure(baseline, Map.of(), FIRST_FRAME, SIGN_IN_READY));
            }
            System.out.println("run " + (run + 1) + " of " + runs + " done");
        }
        print(results);
        System.out.println("load after: " + load());
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} prints them. */
    private static String load() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.isReadable(loadavg) ? String.join(" ", Arrays.asList(Files.readString(loadavg).split(" ")).subList(0, 3))
                : "unknown";
    }

    /** Settings as after a first session (a demo user is never signed in again unasked, so none is remembered). */
    private static void settings(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("settings.json"), "{\"language\":\"en\",\"theme\":\"LIGHT\",\"notifications\":true}");
    }

    /**
     * A hello-world project started with {@code mvn javafx:run} as the portal is: the same plugin and JavaFX version,
     * the class path option the portal uses, the hello-world's classes as its build output.
     */
    private Path helloProject() throws IOException {
        Path project = Files.createDirectories(work.resolve("hello-project"));
        String portalPom = Files.readString(root.resolve("pom.xml"));
        Matcher version = Pattern.compile("<javafx.version>([^<]+)</javafx.version>").matcher(portalPom);
        if (!version.find()) {
            throw new IllegalStateException("no <javafx.version> in " + root.resolve("pom.xml"));
        }
        Path classes = project.resolve("target/classes");
        for (Map.Entry<String, byte[]> type : helloClasses().entrySet()) {
            Path file = classes.resolve(type.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, type.getValue());
        }
        Path pom = project.resolve("pom.xml");
        Files.writeString(pom, """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench</groupId>
                  <artifactId>hello-fx</artifactId>
                  <version>1</version>
                  <dependencies>
                    <dependency>
                      <groupId>org.openjfx</groupId>
                      <artifactId>javafx-controls</artifactId>
                      <version>%s</version>
                    </dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.openjfx</groupId>
                        <artifactId>javafx-maven-plugin</artifactId>
                        <version>0.0.8</version>
                        <configuration>
                          <mainClass>%s</mainClass>
                          <runtimePathOption>CLASSPATH</runtimePathOption>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(version.group(1), HelloFx.Launch.class.getName()));
        return pom;
    }

    private Path helloJar() throws IOException {
        Path target = work.resolve("hello.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target))) {
            for (Map.Entry<String, byte[]> type : helloClasses().entrySet()) {
                out.putNextEntry(new JarEntry(type.getKey()));
                out.write(type.getValue());
                out.closeEntry();
            }
        }
        return target;
    }

    /** The hello-world's class files, by their path in a jar or a class directory. */
    private static Map<String, byte[]> helloClasses() throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (Class<?> type : List.of(HelloFx.class, HelloFx.Launch.class)) {
            String entry = type.getName().replace('.', '/') + ".class";
            try (InputStream in = HelloFx.class.getClassLoader().getResourceAsStream(entry)) {
                classes.put(entry, in.readAllBytes());
            }
        }
        return classes;
    }

    /** Spawns the command and returns, per marker, the milliseconds from spawn until the marker line appeared. */
    private long[] measure(List<String> command, Map<String, String> environment, String... markers) throws Exception {
        Map<String, Long> seen = new ConcurrentHashMap<>();
        List<String> output = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(markers.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
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
        // The portal's JVM is a child of the launched one: the next run must not start before it has let go of the
        // demo database, which on a loaded machine can be after its parent has ended.
        // Maven does not always pass the signal on to the JVM it forked: every process of the command gets it.
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                child.destroyForcibly();
                child.onExit().get(10, TimeUnit.SECONDS);
            }
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
        System.out.printf(Locale.ROOT, "Start-up, median of %d alternated runs (ms from spawning the command), under Xvfb:%n", runs);
        System.out.printf(Locale.ROOT, "%-36s %12s %7s %14s %7s %14s %7s   %s%n", "configuration", "first frame", "ratio",
                "list ready", "ratio", "factory ready", "ratio", "all runs");
        for (Map.Entry<String, List<long[]>> entry : results.entrySet()) {
            List<long[]> samples = entry.getValue();
            // Each way of starting against the hello-world started the same way.
            long hello = median(results.get(entry.getKey().contains("mvn") ? MAVEN_HELLO : JAVA_HELLO), 0);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-36s", entry.getKey()));
            for (int milestone = 0; milestone < 3; milestone++) {
                boolean measured = samples.get(0).length > milestone;
                long median = measured ? median(samples, milestone) : 0;
                row.append(String.format(Locale.ROOT, " %" + (milestone == 0 ? 12 : 14) + "s %7s",
                        measured ? Long.toString(median) : "-",
                        measured ? String.format(Locale.ROOT, "%.2f", (double) median / hello) : "-"));
            }
            StringBuilder all = new StringBuilder();
            for (long[] sample : samples) {
                all.append(Arrays.toString(sample)).append(' ');
            }
            System.out.println(row + "   " + all.toString().trim());
        }
        System.out.println("ratios: to the first frame of the hello-world started the same way (java or Maven); list ready: a demo user on the sign-in page clickable "
                + "(on later starts the users of the last start); factory ready: the running factory's users listed");
    }

    private static long median(List<long[]> samples, int index) {
        long[] values = samples.stream().mapToLong(sample -> sample[index]).sorted().toArray();
        return values[values.length / 2];
    }
}
