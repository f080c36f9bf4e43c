package eu.aifactory.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.aifactory.api.signing.CompactJws;
import eu.aifactory.api.signing.Jwk;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.JwsSigner;
import eu.aifactory.api.signing.VerificationResult;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The take-away text: readable lines, a signature line, and every edit of a line caught. */
class SignedEnergyReceiptTest {

    private static final Instant SIGNED = Instant.parse("2026-11-18T08:05:00Z");

    private final KeyPair pair = pair();
    private final Jwk key = Jwk.of(pair.getPublic(), Instant.parse("2026-01-01T00:00:00Z"));
    private final EnergyReceiptSummary summary = new EnergyReceiptSummary("wl_01", "Industrial AI Cloud Munich (Tucherpark), DE",
            Instant.parse("2026-11-18T08:00:12Z"), Instant.parse("2026-11-18T08:03:40.500Z"), new BigDecimal("0.412"),
            new BigDecimal("0.150"), key.kid());
    private final SignedEnergyReceipt signed = new SignedEnergyReceipt(summary, CompactJws.sign(
            new JwsSigner(pair.getPrivate(), key.kid()), summary.text().getBytes(StandardCharsets.UTF_8), SIGNED));

    private static KeyPair pair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theQrTextIsTheReadableLinesThenTheSignatureAndReadsBackToTheSummary() {
        String qr = signed.qrText();
        assertThat(qr).startsWith("AI Factory energy receipt\nworkload: wl_01\n")
                .contains("\nfacility energy: 0.412 kWh\nCO2e (location-based): 0.150 kg\n")
                .contains("\nkey: " + key.kid() + "\nsig: ");
        assertThat(SignedEnergyReceipt.read(qr)).isEqualTo(summary);
        VerificationResult result = SignedEnergyReceipt.verify(qr, JwkSet.of(key));
        assertThat(result.valid()).as(result.message()).isTrue();
        assertThat(result.signedAt()).isEqualTo(SIGNED);
    }

    @Test
    void anEditedLineAMissingSignatureOrAnotherKeyFails() {
        String qr = signed.qrText();
        for (String[] edit : new String[][] {{"0.412 kWh", "0.411 kWh"}, {"wl_01", "wl_02"}, {"08:00:12Z", "08:00:13Z"},
                {"Munich", "Paris"}}) {
            String edited = qr.replace(edit[0], edit[1]);
            assertThat(edited).isNotEqualTo(qr);
            assertThat(SignedEnergyReceipt.verify(edited, JwkSet.of(key)).reason())
                    .as(edit[0]).isEqualTo(VerificationResult.Reason.BAD_SIGNATURE);
        }
        assertThat(SignedEnergyReceipt.verify(summary.text(), JwkSet.of(key)).reason())
                .isEqualTo(VerificationResult.Reason.MALFORMED);
        Jwk stranger = Jwk.of(pair().getPublic(), Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(SignedEnergyReceipt.verify(qr, JwkSet.of(stranger)).reason())
                .isEqualTo(VerificationResult.Reason.UNKNOWN_KEY);
    }

    @Test
    void textsThatAreNotASummaryAreRefused() {
        assertThatThrownBy(() -> EnergyReceiptSummary.parse("hello\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnergyReceiptSummary.parse(summary.text().replace(" kWh", " MWh")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EnergyReceiptSummary("wl\nkey: forged", "site", Instant.EPOCH, Instant.EPOCH,
                BigDecimal.ONE, BigDecimal.ONE, "k")).isInstanceOf(IllegalArgumentException.class);
    }
}
