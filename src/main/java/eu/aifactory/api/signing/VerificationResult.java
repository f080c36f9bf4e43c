package eu.aifactory.api.signing;

import java.time.Instant;

/**
 * The outcome of checking a signature. The portal translates by {@link #reason()}; {@link #message()} is the
 * English explanation for logs and the command line.
 *
 * @param valid    true only for {@link Reason#VALID}
 * @param kid      the key id named by the signature, or {@code null} if it could not be read
 * @param reason   what was found
 * @param message  a human explanation in English
 * @param signedAt the signing time from the protected header, or {@code null} if absent or unreadable
 */
public record VerificationResult(boolean valid, String kid, Reason reason, String message, Instant signedAt) {

    public enum Reason {
        /** The signature is good and was made with a published key while that key was in use. */
        VALID,
        /** The signature names a key that is not in the key set. */
        UNKNOWN_KEY,
        /** The signature does not match the content: the document was changed or the signature damaged. */
        BAD_SIGNATURE,
        /** The document is not a signed document this verifier understands. */
        MALFORMED,
        /** The signature is good, but its signing time lies outside the key's notBefore/notAfter. */
        KEY_NOT_VALID_AT_SIGNING_TIME
    }

    public VerificationResult {
        if (valid != (reason == Reason.VALID)) {
            throw new IllegalArgumentException("valid must be true exactly for reason VALID");
        }
    }

    static VerificationResult ok(String kid, Instant signedAt) {
        return new VerificationResult(true, kid, Reason.VALID, "signature valid, signed by key " + kid, signedAt);
    }

    static VerificationResult failed(Reason reason, String kid, String message, Instant signedAt) {
        return new VerificationResult(false, kid, reason, message, signedAt);
    }

    static VerificationResult malformed(String message) {
        return new VerificationResult(false, null, Reason.MALFORMED, message, null);
    }
}
