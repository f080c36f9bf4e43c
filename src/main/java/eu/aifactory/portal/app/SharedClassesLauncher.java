package eu.aifactory.portal.app;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Starts the portal in a child JVM that maps an AppCDS archive of the classes it loads, which roughly halves the
 * class loading before the first frame. A JAR manifest cannot carry JVM options, so {@code java -jar} and
 * {@code mvn javafx:run} come through here, and so does the Windows launcher (the portal's archive extends the one of
 * its jlinked runtime). The Linux packages start the portal in place with an archive made when they are installed,
 * the macOS launcher in place without one (decision 0028).
 *
 * <p>JDK 17 has no auto-created archives (JDK 19+), so the first start runs with {@code -XX:ArchiveClassesAtExit}
 * and the archive is written when that JVM exits; later starts map it. Archives live in the data directory under
 * {@code cds/}, named by a digest of the JDK and the class path (paths, sizes, times), so a rebuilt jar or another
 * JDK gets a new one. AppCDS only archives classes from jars, so class directories ({@code target/classes} under
 * {@code javafx:run}) are packed into a jar beside the archive first. Written without SLF4J: logging set-up costs
 * more than this whole parent process should.
 */
final class SharedClassesLauncher {

    /** Set on the child, and by the Linux and macOS launchers, so the portal starts in that JVM. */
    static final String IN_PLACE = "portal.cds.inPlace";

    /**
     * JVM options every portal JVM gets (before the user's own, which win), sized for a desktop client rather than the
     * JVM's server defaults: the serial collector (no G1 remembered sets), a heap that starts small (the default
     * starts at 1/64 of the RAM and the serial collector never shrinks below it) and gives memory back after a
     * collection, and only the C1 compiler (faster start, no C2 arenas; the portal does little long-running computing).
     * The young generation is capped at 24 MB: by default it is a third of the heap, and all of it is touched between
     * two collections, so it stays resident although the portal's short-lived garbage needs far less.
     * Together they take the portal's resident memory after every page from about 500 MB to about 350 MB.
     */
    static final List<String> PORTAL_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms16m", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30", "-XX:TieredStopAtLevel=1", "-XX:MaxNewSize=24m");

    /** glibc gives every thread that allocates its own 64 MB malloc arena; a desktop client needs few. */
    static final String MALLOC_ARENAS = "MALLOC_ARENA_MAX";
    private static final String DIRECTORY = "cds";

    private final Path cacheDir;
    private final Path java;
    private final List<Path> classPath;
    private final List<String> jvmOptions;

    SharedClassesLauncher(Path cacheDir, Path java, List<Path> classPath, List<String> jvmOptions) {
        this.cacheDir = cacheDir;
        this.java = java;
        this.classPath = classPath;
        this.jvmOptions = jvmOptions;
    }

    /**
     * Runs the portal in a child JVM with the archive and returns its exit code, or empty when the portal should start
     * in this JVM: already the child, installed launcher, no {@code java} executable, a debugger or agent attached,
     * CDS switched off, or the child could not be started.
     */
    static Optional<Integer> relaunch(String[] args) {
        if (Boolean.getBoolean(IN_PLACE)) {
            return Optional.empty();
        }
        // On Windows java.exe opens a console window when started from a desktop shortcut; javaw.exe does not.
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        Path java = Path.of(System.getProperty("java.home"), "bin",
                windows ? (System.console() == null ? "javaw.exe" : "java.exe") : "java");
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (!Files.isExecutable(java) || options.stream().anyMatch(SharedClassesLauncher::excludesRelaunch)) {
            return Optional.empty();
        }
        List<Path> classPath = Stream.of(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).map(Path::of).toList();
        SharedClassesLauncher launcher = new SharedClassesLauncher(DataDirectory.resolve().resolve(DIRECTORY), java,
                classPath, options);
        try {
            return Optional.of(launcher.run(args));
        } catch (IOException e) {
            // Logged only here: loading the logging stack earlier would cost the parent JVM's start-up.
            LoggerFactory.getLogger(SharedClassesLauncher.class).warn("Starting without a class data archive: {}",
                    e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean excludesRelaunch(String option) {
        return option.startsWith("-agentlib") || option.startsWith("-javaagent") || option.startsWith("-Xshare")
                || option.startsWith("-XX:SharedArchiveFile") || option.startsWith("-XX:ArchiveClassesAtExit");
    }

    private int run(String[] args) throws IOException {
        Files.createDirectories(cacheDir);
        String key = key();
        Path archive = cacheDir.resolve(key + ".jsa");
        Path pending = cacheDir.resolve(key + ".jsa.part");
        List<String> command = command(key, archive, pending, args);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putIfAbsent(MALLOC_ARENAS, "2");
        Process child = builder.start();
        // Ended by a signal or a window manager: end the child too, and let it write its archive.
        Thread forward = new Thread(() -> {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "portal-child-stop");
        Runtime.getRuntime().addShutdownHook(forward);
        int exit;
        try {
            exit = child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit = 1;
        }
        if (Files.isRegularFile(pending) && Files.size(pending) > 0) {
            Files.move(pending, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        removeOthers(key);
        return exit;
    }

    List<String> command(String key, Path archive, Path pending, String[] args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(PORTAL_OPTIONS);
        command.addAll(jvmOptions);
        if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        } else {
            command.add("-XX:ArchiveClassesAtExit=" + pending);
        }
        command.add("-D" + IN_PLACE + "=true");
        command.add("-cp");
        List<String> entries = new ArrayList<>();
        for (Path entry : classPath) {
            entries.add((Files.isDirectory(entry) ? packed(entry, key) : entry).toString());
        }
        command.add(String.join(File.pathSeparator, entries));
        command.add(Launcher.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** A digest of what the archive depends on: the JDK and every class path entry's path, size and time. */
    String key() throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        update(digest, java.toString() + '\n' + System.getProperty("java.vm.version") + '\n' + jvmOptions + '\n');
        for (Path entry : classPath) {
            update(digest, entry.toAbsolutePath().toString());
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                        stamp(digest, file);
                    }
                }
            } else if (Files.exists(entry)) {
                stamp(digest, entry);
            }
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 12);
    }

    private static void stamp(MessageDigest digest, Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        update(digest, file + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis());
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    /** The directory's files as a jar beside the archive, made once per key. */
    private Path packed(Path directory, String key) throws IOException {
        Path jar = cacheDir.resolve(key + "-" + Integer.toHexString(directory.toAbsolutePath().hashCode()) + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Path part = cacheDir.resolve(jar.getFileName() + ".part");
        try (OutputStream file = Files.newOutputStream(part);
             JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) files.filter(path -> !path.equals(directory)).sorted()::iterator) {
                String name = directory.relativize(path).toString().replace('\\', '/');
                // Directory entries too: class path scanners (Flyway's migrations) look folders up as resources.
                if (Files.isDirectory(path)) {
                    out.putNextEntry(new JarEntry(name + "/"));
                } else {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(path, out);
                }
                out.closeEntry();
            }
        }
        Files.move(part, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return jar;
    }

    /** Archives and packed jars of earlier builds: each is tens of megabytes. */
    private void removeOthers(String key) throws IOException {
        try (Stream<Path> files = Files.list(cacheDir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!file.getFileName().toString().startsWith(key)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
