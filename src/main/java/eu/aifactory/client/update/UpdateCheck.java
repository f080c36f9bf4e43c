package eu.aifactory.client.update;

import eu.aifactory.api.release.ReleaseManifest;
import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.api.Json;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.SignedDocument;
import eu.aifactory.api.signing.VerificationResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a signed release manifest and tells whether it announces a newer portal. Only reads: it never downloads or
 * installs a release. A manifest that is missing, unreadable, not validly signed by one of the given keys or not a
 * portal release is ignored with a log line, so a bad or forged manifest can at worst hide an update, never announce
 * one. Blocking: call it off the UI thread.
 */
public final class UpdateCheck {

    /** Where a factory publishes the manifest when no other address is set: under its own base URL. */
    public static final String FACTORY_PATH = ".well-known/portal-release";
    /** A manifest is a few hundred bytes; anything much larger is not one. */
    static final int MAX_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(UpdateCheck.class);

    private final Function<URI, OkHttpClient> transports;

    public UpdateCheck(OkHttpClient http) {
        this(url -> http);
    }

    /** @param transports the HTTP client for a manifest's address (a factory's may trust a pinned certificate) */
    public UpdateCheck(Function<URI, OkHttpClient> transports) {
        this.transports = transports;
    }

    /** The manifest address of a factory. */
    public static URI atFactory(URI factoryBase) {
        String base = factoryBase.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + FACTORY_PATH);
    }

    /** The release the manifest at {@code url} announces, if it is validly signed by {@code keys} and newer than {@code current}. */
    public Optional<ReleaseManifest> newerRelease(URI url, JwkSet keys, String current) {
        return read(url, keys).filter(release -> release.isNewerThan(current));
    }

    /** The release the manifest at {@code url} announces, if it can be read and is validly signed by {@code keys}. */
    public Optional<ReleaseManifest> read(URI url, JwkSet keys) {
        byte[] body;
        try (Response response = transports.apply(url).newCall(new Request.Builder().url(url.toString()).get().build()).execute()) {
            if (!response.isSuccessful()) {
                LOG.info("no release manifest at {}: HTTP {}", url, response.code());
                return Optional.empty();
            }
            body = limited(response.body());
        } catch (IOException | IllegalArgumentException e) {
            LOG.info("release manifest at {} not read: {}", url, e.getMessage());
            return Optional.empty();
        }
        VerificationResult result = SignedDocument.verify(body, keys);
        if (!result.valid()) {
            LOG.warn("release manifest at {} ignored, its signature does not hold: {} ({})", url, result.reason(),
                    result.message());
            return Optional.empty();
        }
        try {
            JsonNode report = Json.mapper().readTree(body).get("report");
            return Optional.of(ReleaseManifest.fromJson(report));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("release manifest at {} ignored: {}", url, e.getMessage());
            return Optional.empty();
        }
    }

    private static byte[] limited(ResponseBody body) throws IOException {
        if (body == null) {
            throw new IOException("empty answer");
        }
        try (InputStream in = body.byteStream()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException("larger than " + MAX_BYTES + " bytes");
            }
            return bytes;
        }
    }
}
