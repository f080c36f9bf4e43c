package eu.aifactory.client.trust;

import java.security.cert.CertificateException;

/**
 * The factory presented a certificate that neither the system's trust store nor the certificate pinned for it vouch
 * for. Carries what the user needs to decide: the presented certificate's SHA-256 fingerprint and, when another one
 * was pinned before, that one's.
 */
public final class CertificateNotTrusted extends CertificateException {

    private final String fingerprint;
    private final String pinnedFingerprint;
    private final String subject;

    public CertificateNotTrusted(String fingerprint, String pinnedFingerprint, String subject, Throwable systemVerdict) {
        super((pinnedFingerprint == null ? "certificate not trusted by the system, fingerprint "
                : "certificate changed from the pinned " + pinnedFingerprint + " to ") + fingerprint, systemVerdict);
        this.fingerprint = fingerprint;
        this.pinnedFingerprint = pinnedFingerprint;
        this.subject = subject;
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** The fingerprint pinned for this factory earlier, or null when none was. */
    public String pinnedFingerprint() {
        return pinnedFingerprint;
    }

    /** The certificate's subject, e.g. {@code CN=factory.example.eu,O=...}. */
    public String subject() {
        return subject;
    }
}
