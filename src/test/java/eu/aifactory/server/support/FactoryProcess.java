package eu.aifactory.server.support;

import eu.aifactory.portal.app.Launcher;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code serve} in a JVM of its own, started from this JVM's class path: killing it is a real crash of the factory and
 * nothing else, and its CPU is its own. Standard output and error go to {@code NAME.out} and {@code NAME.err}.
 */
public final class FactoryProcess implements AutoCloseable {

    /**
     * For a test's factory that starts more than once on two cores: C1 only (less time compiling), a small serial heap.
     * The benchmark passes the options the README gives a server instead.
     */
    public static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        // Should this JVM itself be stopped, no factory outlives it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly)));
    }

    public final Process process;
    public final URI base;
    private final Path out;

    private FactoryProcess(Process process, URI base, Path out) {
        this.process = process;
        this.base = base;
        this.out = out;
    }

    /** Starts {@code java JVM_OPTIONS -cp … Launcher serve SERVE_ARGS} and waits until it listens. */
    public static FactoryProcess start(List<String> jvmOptions, List<String> serveArgs, Path dir, String name)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath(), Launcher.class.getName(), "serve"));
        command.addAll(serveArgs);
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        LIVE.add(process);
        try {
            String base = Await.until(name + " to listen", () -> listening(process, out, err), url -> url != null);
            return new FactoryProcess(process, URI.create(base), out);
        } catch (RuntimeException | AssertionError e) {
            kill(process);
            throw e;
        }
    }

    /**
     * This JVM's class path. Under {@code exec:java} (the benchmarks) {@code java.class.path} is Maven's own and the
     * project's classes are the context class loader's.
     */
    private static String classPath() {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    /** What the factory printed to standard output so far. */
    public String output() {
        try {
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The token {@code serve --demo --print-tokens} printed for {@code userId}, once it has. */
    public String demoToken(String userId) {
        Pattern line = Pattern.compile("(?m)^\\S+ " + Pattern.quote(userId) + " \\S+ (\\S+)$");
        return Await.until(userId + "'s token", () -> {
            Matcher matcher = line.matcher(output());
            return matcher.find() ? matcher.group(1) : null;
        }, token -> token != null);
    }

    /** SIGKILL on Linux: no shutdown hook, no orderly close of the database or the engine. */
    public void kill() {
        kill(process);
    }

    @Override
    public void close() {
        kill();
    }

    private static String listening(Process process, Path out, Path err) {
        try {
            Matcher matcher = LISTENING.matcher(Files.readString(out, StandardCharsets.UTF_8));
            if (matcher.find()) {
                return matcher.group(1);
            }
            if (!process.isAlive()) {
                throw new AssertionError("the factory exited with " + process.exitValue() + ": "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void kill(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LIVE.remove(process);
    }
}
