package eu.aifactory.client.trust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * HTTP clients for the calls beside the factory SDK (single sign-on options, release manifests): an address whose
 * certificate the user pinned gets a client that trusts that certificate as well as the system's store, every other
 * address the shared client. Without it those calls fail against a factory with a self-signed certificate that the
 * SDK itself reaches.
 */
public final class PinnedTransports {

    private final CertificatePinStore pins;
    private final Supplier<OkHttpClient> shared;

    public PinnedTransports(CertificatePinStore pins, Supplier<OkHttpClient> shared) {
        this.pins = pins;
        this.shared = shared;
    }

    /** The client to reach {@code url} with. Reads the pin file, so not on the UI thread. */
    public OkHttpClient forUrl(URI url) {
        OkHttpClient http = shared.get();
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            return http;
        }
        String pinned;
        try {
            pinned = pins.pinned(url).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("the pinned certificate of " + url + " cannot be read", e);
        }
        if (pinned == null) {
            return http;
        }
        return PinnedCertificateTrust.of(pinned).applyTo(http.newBuilder(), http.hostnameVerifier()).build();
    }
}
