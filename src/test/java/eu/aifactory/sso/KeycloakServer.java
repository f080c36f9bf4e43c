package eu.aifactory.sso;

import eu.aifactory.server.support.Await;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Keycloak for the single sign-on tests, started once per test run (the first class that uses it) and stopped
 * when the run ends: the distribution zip Maven fetched ({@code keycloak.dist}) is unzipped into
 * {@code target/keycloak}, and {@code kc.sh start-dev} runs it on a free loopback port with an in-memory database and
 * the realms of {@code src/test/resources/keycloak}. Keycloak needs Java 21+: {@code keycloak.java.home}, else the
 * newest JDK 21+ under {@code /usr/lib/jvm}. With {@code -Dkeycloak.url=http://127.0.0.1:PORT} a Keycloak already
 * running with those realms is used instead (quick iterations while writing tests).
 */
public final class KeycloakServer implements BeforeAllCallback {

    public static final List<String> REALMS = List.of("realm-factory.json", "realm-elsewhere.json");
    private static final Path WORK = Paths.get("target", "keycloak");

    private static URI baseUrl;

    /** Keycloak's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public static URI baseUrl() {
        return baseUrl;
    }

    public static URI issuer(String realm) {
        return URI.create(baseUrl + "/realms/" + realm);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (KeycloakServer.class) {
            if (baseUrl != null) {
                return;
            }
            String external = System.getProperty("keycloak.url");
            if (external != null && !external.isBlank()) {
                baseUrl = URI.create(external);
                return;
            }
            Running running = start();
            // The root store closes its resources when the whole run ends, after the last class that used Keycloak.
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(KeycloakServer.class.getName(), running);
            baseUrl = running.url;
        }
    }

    private record Running(Process process, URI url) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws InterruptedException {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            children.forEach(ProcessHandle::destroy);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static Running start() throws IOException {
        Path home = unpack();
        Path imports = home.resolve("data").resolve("import");
        Files.createDirectories(imports);
        for (String realm : REALMS) {
            try (InputStream in = KeycloakServer.class.getResourceAsStream("/keycloak/" + realm)) {
                Files.copy(in, imports.resolve(realm), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        int port = freePort();
        Path log = WORK.resolve("keycloak.log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--db=dev-mem", "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", javaHome().toString());
        long t0 = System.nanoTime();
        Process process = builder.start();
        URI url = URI.create("http://127.0.0.1:" + port);
        Running running = new Running(process, url);
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI discovery = URI.create(url + "/realms/factory/.well-known/openid-configuration");
            Await.until("Keycloak answering its OpenID configuration (log: " + log.toAbsolutePath() + ")",
                    () -> process.isAlive() ? status(http, discovery) : -1,
                    status -> status == 200 || status == -1, Duration.ofMinutes(8));
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
            }
        } catch (RuntimeException | Error e) {
            closeQuietly(running);
            throw e;
        }
        // A figure for the README, not an assertion.
        System.out.printf("Keycloak answered its OpenID configuration %.1f s after start%n", (System.nanoTime() - t0) / 1e9);
        return running;
    }

    private static int status(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Unzips the distribution once per {@code target/}; later runs reuse it (and its built Quarkus application). */
    private static Path unpack() throws IOException {
        String version = System.getProperty("keycloak.version", "26.5.6");
        Path home = WORK.resolve("keycloak-" + version);
        Path done = WORK.resolve(".unpacked-" + version);
        if (Files.exists(done)) {
            return home;
        }
        String dist = System.getProperty("keycloak.dist");
        if (dist == null || !Files.isRegularFile(Paths.get(dist))) {
            throw new IllegalStateException("No Keycloak distribution at " + dist
                    + ": run the tests through Maven, which fetches org.keycloak:keycloak-quarkus-dist:zip");
        }
        Files.createDirectories(WORK);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(Paths.get(dist)))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = WORK.resolve(entry.getName()).normalize();
                if (!target.startsWith(WORK)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    if (entry.getName().endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
        Files.createFile(done);
        return home;
    }

    /** A JDK Keycloak runs on: 21 or newer. */
    private static Path javaHome() {
        String configured = System.getProperty("keycloak.java.home");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        Path jvms = Paths.get("/usr/lib/jvm");
        try (Stream<Path> candidates = Files.isDirectory(jvms) ? Files.list(jvms) : Stream.empty()) {
            Optional<Path> newest = candidates
                    .filter(p -> Files.isExecutable(p.resolve("bin").resolve("java")))
                    .filter(p -> featureVersion(p) >= 21)
                    .max((a, b) -> Integer.compare(featureVersion(a), featureVersion(b)));
            return newest.orElseThrow(() -> new IllegalStateException(
                    "Keycloak needs Java 21 or newer: none under /usr/lib/jvm; set -Dkeycloak.java.home"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int featureVersion(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void closeQuietly(Running running) {
        try {
            running.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
