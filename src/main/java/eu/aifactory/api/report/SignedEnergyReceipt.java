package eu.aifactory.api.report;

import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.SignedText;
import eu.aifactory.api.signing.VerificationResult;

/**
 * A workload's energy receipt summary signed by the factory with its report-signing key.
 *
 * @param summary the signed values, for clients that do not want to decode the JWS (not themselves the proof)
 * @param jws     compact JWS (EdDSA, header {@code alg}, {@code kid}, {@code iat}) whose payload is
 *                {@code summary.text()} in UTF-8
 */
public record SignedEnergyReceipt(EnergyReceiptSummary summary, String jws) {

    /** The take-away form for a QR code: the readable lines, then the signature line ({@link SignedText}). */
    public String qrText() {
        return SignedText.of(jws);
    }

    /** Checks a scanned {@link #qrText()} with the factory's published keys. */
    public static VerificationResult verify(String qrText, JwkSet keys) {
        return SignedText.verify(qrText, keys);
    }

    /** The values in a scanned {@link #qrText()}, read from its lines (check {@link #verify} first). */
    public static EnergyReceiptSummary read(String qrText) {
        return EnergyReceiptSummary.parse(SignedText.text(qrText));
    }
}
