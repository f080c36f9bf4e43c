package eu.aifactory.client.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.aifactory.testing.TestClock;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pinned certificates: one per host and port, fingerprints kept in one form, a damaged pin never read as "none". */
class CertificatePinStoreTest {

    @TempDir
    Path dir;

    @Test
    void aPinHoldsForItsHostAndPortOnlyWhateverThePathOrTheFingerprintsSpelling() throws Exception {
        CertificatePinStore pins = new CertificatePinStore(dir, TestClock.clock());
        String typed = "ab" + "cd".repeat(31);
        pins.pin(URI.create("https://factory.example.eu:8443/api"), typed);

        String expected = "AB:" + "CD:".repeat(30) + "CD";
        assertThat(pins.pinned(URI.create("https://factory.example.eu:8443"))).contains(expected);
        assertThat(pins.pinned(URI.create("https://FACTORY.example.eu:8443/other"))).contains(expected);
        assertThat(pins.pinned(URI.create("https://factory.example.eu"))).isEmpty();
        assertThat(pins.pinned(URI.create("https://other.example.eu:8443"))).isEmpty();
        assertThat(pins.file(URI.create("https://factory.example.eu")).getFileName().toString())
                .isEqualTo("factory.example.eu_443.json");
    }

    @Test
    void aDamagedPinIsAnErrorAndAFingerprintOfTheWrongLengthIsRefused() throws Exception {
        CertificatePinStore pins = new CertificatePinStore(dir, TestClock.clock());
        URI url = URI.create("https://10.0.0.9:18080");
        Files.writeString(pins.file(url), "{\"origin\": \"https://10.0.0.9:18080\"}");
        assertThatThrownBy(() -> pins.pinned(url)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("names no certificate fingerprint");
        assertThatThrownBy(() -> pins.pin(url, "AB:CD")).isInstanceOf(IllegalArgumentException.class);
    }
}
