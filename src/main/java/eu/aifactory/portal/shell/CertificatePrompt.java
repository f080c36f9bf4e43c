package eu.aifactory.portal.shell;

import java.net.URI;

/**
 * A factory presented a TLS certificate the system does not trust.
 *
 * @param factory           the factory's URL
 * @param fingerprint       SHA-256 of the presented certificate, for the user to compare
 * @param pinnedFingerprint the certificate trusted for this factory before, or null on first use
 */
public record CertificatePrompt(URI factory, String fingerprint, String subject, String pinnedFingerprint) {

    /** Whether another certificate was trusted for this factory: never to be accepted with one click. */
    public boolean changed() {
        return pinnedFingerprint != null;
    }
}
