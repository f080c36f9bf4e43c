package eu.aifactory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.aifactory.client.FactoryClientConfig;
import eu.aifactory.client.HttpFactoryClient;
import eu.aifactory.client.UntrustedCertificateException;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.tls.SelfSignedCertificate;
import eu.aifactory.server.tls.TlsIdentity;
import eu.aifactory.testing.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole contract once over HTTPS: the factory with a self-signed certificate, every client pinning it. */
class TlsContractTest extends AbstractContractTest {

    @TempDir
    static Path certificateDir;

    private TlsIdentity identity;

    @Override
    String freshJdbcUrl() {
        return TestDatabases.freshUrl(TestDatabases.Kind.H2);
    }

    @Override
    ServerConfig factoryConfig(ServerConfig plain) {
        identity = SelfSignedCertificate.loadOrCreate(certificateDir, "127.0.0.1", TestClock.clock()).identity();
        return plain.withTls(identity);
    }

    @Override
    FactoryClientConfig.Builder clientConfig(FactoryClientConfig.Builder builder) {
        return builder.pinnedCertificate(identity.fingerprint());
    }

    @Override
    okhttp3.OkHttpClient.Builder transport(okhttp3.OkHttpClient.Builder builder) {
        return eu.aifactory.client.trust.PinnedCertificateTrust.of(identity.fingerprint())
                .applyTo(builder, builder.build().hostnameVerifier());
    }

    @Test
    void theFactoryAnswersOnlyOverHttpsAndAClientWithoutThePinIsToldTheFingerprint() throws IOException {
        assertThat(factoryUri().getScheme()).isEqualTo("https");
        try (Socket socket = new Socket(factoryUri().getHost(), factoryUri().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).doesNotContain("\"status\":\"ok\"");
        }
        try (HttpFactoryClient unpinned = new HttpFactoryClient(FactoryClientConfig.builder(factoryUri()).maxRetries(0).build())) {
            assertThatThrownBy(unpinned::health).isInstanceOfSatisfying(UntrustedCertificateException.class, e -> {
                assertThat(e.fingerprint()).isEqualTo(identity.fingerprint());
                assertThat(e.changed()).isFalse();
            });
        }
    }

    @Test
    void aClientThatPinnedAnotherCertificateIsRefusedNamingBothFingerprints() {
        String other = "AB:".repeat(31) + "CD";
        try (HttpFactoryClient pinnedElsewhere = new HttpFactoryClient(FactoryClientConfig.builder(factoryUri())
                .pinnedCertificate(other).maxRetries(0).token("afp_secret"::toCharArray).build())) {
            assertThatThrownBy(pinnedElsewhere::me).isInstanceOfSatisfying(UntrustedCertificateException.class, e -> {
                assertThat(e.changed()).isTrue();
                assertThat(e.pinnedFingerprint()).isEqualTo(other);
                assertThat(e.fingerprint()).isEqualTo(identity.fingerprint());
            });
        }
    }
}
