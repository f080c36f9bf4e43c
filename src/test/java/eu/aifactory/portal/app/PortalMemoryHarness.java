package eu.aifactory.portal.app;

import eu.aifactory.server.support.Await;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;

/**
 * The portal's own memory, apart from the factory: starts {@code serve --demo} as one process and the portal as
 * another, connected to it over HTTP as a user of a real factory is, signs in as a tenant administrator (who sees
 * every page), opens every page of the navigation once and prints the portal process's resident memory (VmRSS).
 * The portal runs with the JVM options and environment its launcher gives it ({@link
 * SharedClassesLauncher#PORTAL_OPTIONS}), once to
 * write its class data archive and once mapping it, as later starts do. Not a test: figures, no asserts.
 *
 * <p>Run under Xvfb after {@code mvn -B package -DskipTests}: {@code xvfb-run -a -s "-screen 0 1600x1000x24" mvn -B
 * -Pbench test-compile exec:java@portal-memory}. {@code -Dmem.options="-XX:+UseG1GC"} replaces the launcher's
 * options (to compare), {@code -Dmem.details=true} prints the portal's native memory summary and heap histogram.
 */
public final class PortalMemoryHarness {

    static final String RESIDENT = "portal-memory: ";
    private static final Pattern LISTENING = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)");
    /** The demo tenant administrator: sees usage and administration, so every page of the navigation. */
    private static final String ADMIN_USER = "mp-thomas-mueller";
    /** How long each page may load its data before the next one opens. */
    private static final long SETTLE_MILLIS = Long.getLong("mem.settleMillis", 3000);

    private PortalMemoryHarness() {
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
        Path work = Files.createDirectories(root.resolve("target/portal-memory"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> factoryOutput = new ArrayList<>();
        Process factory = new ProcessBuilder(java, "-jar", jar.toString(), "serve", "--demo", "--print-tokens",
                "--port", "0", "--data-dir", work.resolve("factory").toString()).redirectErrorStream(true).start();
        try {
            List<String> started = awaitLines(factory, factoryOutput, "the factory's address and the administrator's token",
                    LISTENING, Pattern.compile(" " + Pattern.quote(ADMIN_USER) + " \\S+ (\\S+)$"));
            String url = started.get(0);
            String token = started.get(1);
            String options = System.getProperty("mem.options");
            List<String> jvmOptions = options == null || options.isBlank() ? SharedClassesLauncher.PORTAL_OPTIONS
                    : List.of(options.trim().split("\\s+"));
            Path archive = work.resolve("portal.jsa");
            Files.deleteIfExists(archive);
            System.out.println("portal JVM options: " + jvmOptions);
            System.out.println("first start (writes the class data archive): "
                    + portal(java, jar, work, jvmOptions, "-XX:ArchiveClassesAtExit=" + archive, url, token));
            System.out.println("later start (maps the archive):              "
                    + portal(java, jar, work, jvmOptions, "-XX:SharedArchiveFile=" + archive, url, token));
        } finally {
            factory.destroy();
            if (!factory.waitFor(30, TimeUnit.SECONDS)) {
                factory.destroyForcibly();
            }
        }
    }

    /** Runs the portal process until it has visited every page and returns what it printed about its memory. */
    private static String portal(String java, Path jar, Path work, List<String> jvmOptions, String archiveOption,
                                 String url, String token) throws Exception {
        Path dataDir = work.resolve("portal-data");
        deleteTree(dataDir);
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("settings.json"),
                "{\"factoryUrl\":\"" + url + "\",\"language\":\"en\",\"theme\":\"LIGHT\",\"notifications\":true}");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        boolean details = Boolean.getBoolean("mem.details");
        if (details) {
            command.add("-XX:NativeMemoryTracking=summary");
        }
        command.addAll(List.of(archiveOption, "-D" + SharedClassesLauncher.IN_PLACE + "=true",
                "-D" + DataDirectory.PROPERTY + "=" + dataDir,
                "-cp", jar + File.pathSeparator + Path.of("target/test-classes").toAbsolutePath(),
                Portal.class.getName(), token));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (jvmOptions.equals(SharedClassesLauncher.PORTAL_OPTIONS)) {
            builder.environment().putIfAbsent(SharedClassesLauncher.MALLOC_ARENAS, "2");
        }
        Process portal = builder.start();
        List<String> output = new ArrayList<>();
        try {
            String figures = awaitLines(portal, output, "the portal's memory figures",
                    Pattern.compile(Pattern.quote(RESIDENT) + "(.*)")).get(0);
            if (details) {
                jcmd(portal.pid(), "VM.native_memory", "summary");
                jcmd(portal.pid(), "GC.class_histogram");
            }
            return figures;
        } finally {
            // Ends it like a window manager (SIGTERM): the JVM exits normally and writes its archive.
            portal.destroy();
            if (!portal.waitFor(60, TimeUnit.SECONDS)) {
                portal.destroyForcibly();
            }
        }
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        try (BufferedReader in = jcmd.inputReader(StandardCharsets.UTF_8)) {
            in.lines().limit(60).forEach(System.out::println);
        }
        jcmd.waitFor();
    }

    /**
     * Reads the process's output until each pattern has matched a line, in order, and returns their first groups;
     * then keeps draining it, or a chatty process blocks on a full pipe.
     */
    private static List<String> awaitLines(Process process, List<String> output, String what, Pattern... patterns)
            throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> found = new ArrayList<>();
        String line;
        while (found.size() < patterns.length && (line = in.readLine()) != null) {
            output.add(line);
            Matcher matcher = patterns[found.size()].matcher(line);
            if (matcher.find()) {
                found.add(matcher.group(1));
            }
        }
        if (found.size() < patterns.length) {
            throw new IllegalStateException("the process ended before " + what + ":\n" + String.join("\n", output));
        }
        Thread drain = new Thread(() -> {
            try {
                in.lines().forEach(rest -> { });
            } catch (UncheckedIOException ended) {
                // The process was ended and its output closed.
            }
        }, "drain-" + process.pid());
        drain.setDaemon(true);
        drain.start();
        return found;
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted((a, b) -> b.compareTo(a))::iterator) {
                Files.delete(path);
            }
        }
    }

    /**
     * The portal process: the real start ({@link Launcher#main}) plus a driver thread that connects to the factory
     * with the token, as a user types it, and opens every page of the navigation.
     */
    public static final class Portal {

        private Portal() {
        }

        public static void main(String[] args) {
            String token = args[0];
            Thread driver = new Thread(() -> {
                try {
                    drive(token);
                } catch (Exception | AssertionError e) {
                    System.out.println(RESIDENT + "failed: " + e);
                }
            }, "memory-driver");
            driver.setDaemon(true);
            driver.start();
            Launcher.main(new String[0]);
        }

        private static void drive(String token) throws Exception {
            Duration bound = Duration.ofMinutes(3);
            Await.until("the connect form", () -> onFx(() -> lookup("#connect-button") != null), Boolean.TRUE::equals,
                    bound);
            onFx(() -> {
                ((TextInputControl) lookup("#factory-token")).setText(token);
                ((ButtonBase) lookup("#connect-button")).fire();
                return null;
            });
            Await.until("the signed-in shell", () -> onFx(() -> lookup("#header-tenant") != null), Boolean.TRUE::equals,
                    bound);
            List<String> pages = onFx(() -> navigation().stream().map(Node::getId).toList());
            for (String page : pages) {
                onFx(() -> {
                    ((ButtonBase) lookup("#" + page)).fire();
                    return null;
                });
                Await.until(page + " shown", () -> onFx(() -> {
                    Parent host = (Parent) lookup("#page-host");
                    return host != null && !host.getChildrenUnmodifiable().isEmpty();
                }), Boolean.TRUE::equals, bound);
                Thread.sleep(SETTLE_MILLIS);
            }
            long asIs = residentKb();
            Runtime runtime = Runtime.getRuntime();
            long heapAsIs = runtime.totalMemory() - runtime.freeMemory();
            System.gc();
            long afterGc = residentKb();
            long heapAfterGc = runtime.totalMemory() - runtime.freeMemory();
            System.out.printf(Locale.ROOT, "%s%d pages %s; resident %d MB (heap in use %d MB, committed %d MB), "
                            + "after a full GC %d MB (heap in use %d MB)%n", RESIDENT, pages.size(), pages,
                    asIs / 1024, heapAsIs >> 20, runtime.totalMemory() >> 20, afterGc / 1024, heapAfterGc >> 20);
        }

        private static List<Node> navigation() {
            List<Node> buttons = new ArrayList<>();
            collect(lookup("#navigation"), buttons);
            return buttons;
        }

        private static void collect(Node node, List<Node> buttons) {
            if (node instanceof ButtonBase && node.getId() != null && node.getId().startsWith("nav-") && node.isVisible()
                    && node.isManaged()) {
                buttons.add(node);
            }
            if (node instanceof Parent parent) {
                parent.getChildrenUnmodifiable().forEach(child -> collect(child, buttons));
            }
        }

        private static Node lookup(String selector) {
            for (Window window : Window.getWindows()) {
                Scene scene = window.getScene();
                Node node = scene == null ? null : scene.lookup(selector);
                if (node != null) {
                    return node;
                }
            }
            return null;
        }

        private static <T> T onFx(Callable<T> read) {
            CompletableFuture<T> result = new CompletableFuture<>();
            try {
                Platform.runLater(() -> {
                    try {
                        result.complete(read.call());
                    } catch (Exception | Error e) {
                        result.completeExceptionally(e);
                    }
                });
            } catch (IllegalStateException toolkitNotStarted) {
                return null;
            }
            return result.join();
        }

        /** VmRSS of this process, in kB, where Linux keeps it. */
        private static long residentKb() throws IOException {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> line.replaceAll("\\D", "")).mapToLong(Long::parseLong).findFirst().orElse(-1);
        }
    }
}
