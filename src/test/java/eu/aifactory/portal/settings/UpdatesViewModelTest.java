package eu.aifactory.portal.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.aifactory.api.signing.Jwk;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.SignedDocument;
import eu.aifactory.api.signing.TestKeys;
import eu.aifactory.client.update.UpdateCheck;
import eu.aifactory.portal.common.Session;
import eu.aifactory.portal.settings.UpdatesViewModel.State;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.testing.FakeFactoryClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdatesViewModelTest {

    private final KeyPair factoryKey = TestKeys.generate();
    private final JwkSet pinned = JwkSet.of(Jwk.of(factoryKey.getPublic(), null));
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private MockWebServer factory;
    private MockWebServer downloads;
    private SettingsService settings;
    private UpdatesViewModel viewModel;

    @BeforeEach
    void setUp(@TempDir Path dir) throws IOException {
        factory = new MockWebServer();
        factory.start();
        downloads = new MockWebServer();
        downloads.start();
        settings = new SettingsService(new SettingsStore(dir.resolve("settings.json")), Settings.defaults(), executor);
        Session session = new Session(factory.url("/").uri(), new FakeFactoryClient(), FakeFactoryClient.demoMe(), false);
        viewModel = new UpdatesViewModel(settings, executor, new UpdateCheck(new OkHttpClient()), session,
                () -> pinned, "0.1.0");
    }

    @AfterEach
    void tearDown() throws IOException {
        factory.shutdown();
        downloads.shutdown();
    }

    @Test
    void withoutAnAddressAsksTheFactoryAndTellsOfANewerVersion() throws InterruptedException {
        factory.enqueue(signed("0.2.0", factoryKey));

        viewModel.check();

        assertThat(factory.takeRequest().getPath()).isEqualTo("/.well-known/portal-release");
        assertThat(viewModel.stateProperty().get()).isEqualTo(State.NEWER);
        assertThat(viewModel.releaseProperty().get().version()).isEqualTo("0.2.0");
        assertThat(viewModel.releaseProperty().get().download()).hasHost("downloads.example.eu");
    }

    @Test
    void aSetAddressIsRememberedAndAskedInsteadOfTheFactory() throws InterruptedException {
        downloads.enqueue(signed("0.1.0", factoryKey));
        String address = downloads.url("/portal/release.json").toString();

        viewModel.urlProperty().set("  " + address + " ");
        viewModel.apply();

        assertThat(settings.get().updateUrl()).isEqualTo(address);
        assertThat(downloads.takeRequest().getPath()).isEqualTo("/portal/release.json");
        assertThat(factory.getRequestCount()).isZero();
        assertThat(viewModel.stateProperty().get()).isEqualTo(State.CURRENT);
    }

    @Test
    void aManifestWithABadSignatureAnnouncesNothing() {
        factory.enqueue(signed("9.9.9", TestKeys.generate()));

        viewModel.check();

        assertThat(viewModel.stateProperty().get()).isEqualTo(State.UNAVAILABLE);
        assertThat(viewModel.releaseProperty().get()).isNull();
    }

    @Test
    void anAddressThatIsNoWebAddressIsRefusedAndNotRemembered() {
        viewModel.urlProperty().set("ftp://downloads.example.eu/release.json");

        viewModel.apply();

        assertThat(viewModel.stateProperty().get()).isEqualTo(State.INVALID_URL);
        assertThat(settings.get().updateUrl()).isNull();
        assertThat(factory.getRequestCount()).isZero();
    }

    private static MockResponse signed(String version, KeyPair key) {
        ObjectNode report = JsonNodeFactory.instance.objectNode()
                .put("product", "tenant-portal")
                .put("version", version)
                .put("download", "https://downloads.example.eu/portal/" + version);
        ObjectNode document = SignedDocument.sign(report, key.getPrivate(), Jwk.of(key.getPublic(), null).kid(),
                Instant.parse("2026-03-02T10:00:00Z"));
        return new MockResponse().setBody(document.toString());
    }
}
