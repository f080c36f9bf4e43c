package eu.aifactory.client.update;

import eu.aifactory.api.release.ReleaseManifest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.aifactory.api.signing.Jwk;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.SignedDocument;
import eu.aifactory.api.signing.TestKeys;
import java.io.IOException;
import java.net.URI;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpdateCheckTest {

    private static final Instant SIGNED_AT = Instant.parse("2026-03-02T10:00:00Z");

    private final KeyPair factoryKey = TestKeys.generate();
    private final Jwk factoryJwk = Jwk.of(factoryKey.getPublic(), Instant.parse("2026-01-01T00:00:00Z"));
    private final JwkSet pinned = JwkSet.of(factoryJwk);
    private final UpdateCheck check = new UpdateCheck(new OkHttpClient());
    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void announcesANewerSignedReleaseWithWhereToGetIt() throws InterruptedException {
        serve(signed(manifest("0.2.0"), factoryKey));

        Optional<ReleaseManifest> release = check.newerRelease(url(), pinned, "0.1.0-SNAPSHOT");

        assertThat(release).hasValueSatisfying(r -> {
            assertThat(r.version()).isEqualTo("0.2.0");
            assertThat(r.download()).isEqualTo(URI.create("https://downloads.aifactory.example/portal/0.2.0/"));
            assertThat(r.notes()).isEqualTo("Faster start");
        });
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/.well-known/portal-release");
    }

    @Test
    void staysQuietWhenTheManifestAnnouncesTheRunningOrAnOlderVersion() {
        serve(signed(manifest("0.2.0"), factoryKey));
        serve(signed(manifest("0.1.9"), factoryKey));

        assertThat(check.newerRelease(url(), pinned, "0.2.0")).isEmpty();
        assertThat(check.newerRelease(url(), pinned, "0.2.0")).isEmpty();
    }

    @Test
    void ignoresAManifestChangedAfterSigning() {
        ObjectNode document = signed(manifest("0.2.0"), factoryKey);
        ((ObjectNode) document.get("report")).put("download", "https://evil.example/portal.exe");
        serve(document);

        assertThat(check.read(url(), pinned)).isEmpty();
    }

    @Test
    void ignoresAManifestSignedWithAKeyThePortalHasNotPinned() {
        serve(signed(manifest("9.0.0"), TestKeys.generate()));

        assertThat(check.read(url(), pinned)).isEmpty();
    }

    @Test
    void ignoresAValidlySignedDocumentThatIsNoPortalRelease() {
        ObjectNode report = manifest("0.2.0").put("product", "something-else");
        serve(signed(report, factoryKey));

        assertThat(check.read(url(), pinned)).isEmpty();
    }

    @Test
    void ignoresADownloadThatIsNoWebAddress() {
        serve(signed(manifest("0.2.0").put("download", "file:///etc/passwd"), factoryKey));

        assertThat(check.read(url(), pinned)).isEmpty();
    }

    @Test
    void ignoresMissingUnsignedAndOversizedManifests() {
        server.enqueue(new MockResponse().setResponseCode(404));
        server.enqueue(new MockResponse().setBody(manifest("0.2.0").toString()));
        server.enqueue(new MockResponse().setBody("{\"report\":\"" + "x".repeat(UpdateCheck.MAX_BYTES) + "\"}"));

        assertThat(check.read(url(), pinned)).isEmpty();
        assertThat(check.read(url(), pinned)).isEmpty();
        assertThat(check.read(url(), pinned)).isEmpty();
    }

    @Test
    void findsTheManifestUnderTheFactoryBaseUrl() {
        assertThat(UpdateCheck.atFactory(URI.create("https://factory.example.eu/api")))
                .isEqualTo(URI.create("https://factory.example.eu/api/.well-known/portal-release"));
        assertThat(UpdateCheck.atFactory(URI.create("http://127.0.0.1:8080/")))
                .isEqualTo(URI.create("http://127.0.0.1:8080/.well-known/portal-release"));
    }

    @Test
    void comparesVersionsNumberByNumberWithQualifiedVersionsOlder() {
        assertThat(ReleaseManifest.compare("0.10.0", "0.9.3")).isPositive();
        assertThat(ReleaseManifest.compare("0.2", "0.2.0")).isZero();
        assertThat(ReleaseManifest.compare("0.2.0", "0.2.0-SNAPSHOT")).isPositive();
        assertThat(ReleaseManifest.compare("1.0.0-rc1", "1.0.0")).isNegative();
        assertThat(ReleaseManifest.compare("0.1.9", "0.2.0")).isNegative();
        assertThat(new ReleaseManifest("0.1.0", URI.create("https://x.example/"), null).isNewerThan(null)).isTrue();
    }

    private URI url() {
        return UpdateCheck.atFactory(server.url("/").uri());
    }

    private void serve(ObjectNode document) {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(document.toString()));
    }

    private static ObjectNode manifest(String version) {
        return JsonNodeFactory.instance.objectNode()
                .put("product", "tenant-portal")
                .put("version", version)
                .put("download", "https://downloads.aifactory.example/portal/" + version + "/")
                .put("notes", "Faster start");
    }

    private static ObjectNode signed(ObjectNode report, KeyPair key) {
        return SignedDocument.sign(report, key.getPrivate(), Jwk.of(key.getPublic(), null).kid(), SIGNED_AT);
    }
}
