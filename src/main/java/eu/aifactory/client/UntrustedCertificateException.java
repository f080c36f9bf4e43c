package eu.aifactory.client;

/**
 * The factory's TLS certificate is not trusted: the system does not vouch for it and it is not the one pinned for
 * this factory. With nothing pinned the user may compare the fingerprint and trust it; when another certificate was
 * pinned, someone may be between the portal and the factory.
 */
public final class UntrustedCertificateException extends FactoryException {

    private final String fingerprint;
    private final String pinnedFingerprint;
    private final String subject;

    public UntrustedCertificateException(String message, String fingerprint, String pinnedFingerprint, String subject,
                                         Throwable cause) {
        super(message, cause);
        this.fingerprint = fingerprint;
        this.pinnedFingerprint = pinnedFingerprint;
        this.subject = subject;
    }

    /** SHA-256 of the certificate the factory presented, upper-case hex pairs joined by colons. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The fingerprint pinned earlier, or null on first use. */
    public String pinnedFingerprint() {
        return pinnedFingerprint;
    }

    public String subject() {
        return subject;
    }

    /** Whether another certificate was pinned for this factory: the certificate changed. */
    public boolean changed() {
        return pinnedFingerprint != null;
    }
}
