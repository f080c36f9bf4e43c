package eu.aifactory.client.trust;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * HTTPS trust for one factory, like SSH's known hosts: a certificate chain the system trusts is accepted as
 * browsers accept it; otherwise the server certificate is accepted only if its SHA-256 fingerprint is the one pinned
 * for this factory, and refused with a {@link CertificateNotTrusted} that names the fingerprint otherwise. The pinned
 * certificate stands for the factory's address, so its names are not checked against the host (a self-signed
 * certificate often lacks the name or address the user typed).
 */
public final class PinnedCertificateTrust {

    private final X509TrustManager system;
    private final String pinned;

    private PinnedCertificateTrust(X509TrustManager system, String pinned) {
        this.system = system;
        this.pinned = pinned == null ? null : normalize(pinned);
    }

    /** Trust in the system's store, and in the certificate with fingerprint {@code pinned} (null: none pinned). */
    public static PinnedCertificateTrust of(String pinned) {
        return new PinnedCertificateTrust(systemTrustManager(), pinned);
    }

    /** Applies this trust to the client being built: its socket factory, trust manager and host-name check. */
    public OkHttpClient.Builder applyTo(OkHttpClient.Builder builder, HostnameVerifier systemHostnames) {
        X509TrustManager manager = trustManager();
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {manager}, null);
            return builder.sslSocketFactory(context.getSocketFactory(), manager)
                    .hostnameVerifier((host, session) -> systemHostnames.verify(host, session) || isPinned(session));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is part of every JDK", e);
        }
    }

    X509TrustManager trustManager() {
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                system.checkClientTrusted(chain, authType);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                try {
                    system.checkServerTrusted(chain, authType);
                } catch (CertificateException systemVerdict) {
                    String presented = fingerprint(chain[0]);
                    if (!presented.equals(pinned)) {
                        throw new CertificateNotTrusted(presented, pinned,
                                chain[0].getSubjectX500Principal().getName(), systemVerdict);
                    }
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return system.getAcceptedIssuers();
            }
        };
    }

    private boolean isPinned(SSLSession session) {
        try {
            Certificate[] peer = session.getPeerCertificates();
            return pinned != null && peer.length > 0 && peer[0] instanceof X509Certificate leaf
                    && fingerprint(leaf).equals(pinned);
        } catch (SSLPeerUnverifiedException e) {
            return false;
        }
    }

    /** SHA-256 of the DER certificate as upper-case hex pairs joined by colons, as browsers and openssl show it. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A fingerprint as typed or copied (any case, with or without colons) in the form {@link #fingerprint} makes. */
    public static String normalize(String fingerprint) {
        String hex = fingerprint.replace(":", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 fingerprint: " + fingerprint);
        }
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
    }

    private static X509TrustManager systemTrustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                    .map(X509TrustManager.class::cast).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the JDK offers no X.509 trust manager"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the system's trust store cannot be read", e);
        }
    }
}
