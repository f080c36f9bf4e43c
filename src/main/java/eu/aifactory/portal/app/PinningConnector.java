package eu.aifactory.portal.app;

import eu.aifactory.client.FactoryClient;
import eu.aifactory.client.FactoryClientConfig;
import eu.aifactory.client.HttpFactoryClient;
import eu.aifactory.client.trust.CertificatePinStore;
import eu.aifactory.portal.shell.FactoryConnector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Locale;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The portal's real connector: HTTP clients that trust the system's certificates and the one the user pinned for
 * the factory, kept in {@code trust/certificates} of the data directory. Runs off the UI thread.
 */
final class PinningConnector implements FactoryConnector {

    private final CertificatePinStore pins;
    private final Supplier<Locale> language;
    private final Supplier<OkHttpClient> http;

    PinningConnector(CertificatePinStore pins, Supplier<Locale> language, Supplier<OkHttpClient> http) {
        this.pins = pins;
        this.language = language;
        this.http = http;
    }

    @Override
    public FactoryClient connect(URI baseUrl, String token) {
        char[] secret = token.toCharArray();
        return connect(baseUrl, secret::clone);
    }

    @Override
    public FactoryClient connect(URI baseUrl, Supplier<char[]> token) {
        String pinned;
        try {
            pinned = pins.pinned(baseUrl).orElse(null);
        } catch (IOException e) {
            // An unreadable pin must not turn into "nothing pinned", which would offer the next certificate as new.
            throw new UncheckedIOException("the pinned certificate of " + baseUrl + " cannot be read", e);
        }
        return new HttpFactoryClient(FactoryClientConfig.builder(baseUrl)
                .token(token)
                .language(language)
                .httpClient(http.get())
                .pinnedCertificate(pinned)
                .build());
    }

    @Override
    public void trustCertificate(URI baseUrl, String fingerprint) throws IOException {
        pins.pin(baseUrl, fingerprint);
    }
}
