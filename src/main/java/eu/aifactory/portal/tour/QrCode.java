package eu.aifactory.portal.tour;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * A QR code of a text (ZXing), as its modules: drawn into a JavaFX image for the screen and as squares into the PDF.
 * Error correction M (15 %) keeps a receipt of about 450 bytes at version 14 or so, still easy for a phone at arm's
 * length; the quiet zone is the four modules the standard asks for.
 */
public final class QrCode {

    static final int QUIET_ZONE = 4;
    private final BitMatrix modules;

    private QrCode(BitMatrix modules) {
        this.modules = modules;
    }

    public static QrCode of(String text) {
        try {
            return new QrCode(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN, QUIET_ZONE)));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text too long for a QR code: " + text.length() + " characters", e);
        }
    }

    /** Modules per side, quiet zone included. */
    public int size() {
        return modules.getWidth();
    }

    /** Whether the module at column {@code x}, row {@code y} is dark. */
    public boolean dark(int x, int y) {
        return modules.get(x, y);
    }

    /** Black on white, {@code pixelsPerModule} square pixels per module (whole pixels, so the edges stay sharp). */
    public WritableImage image(int pixelsPerModule) {
        int side = size() * pixelsPerModule;
        WritableImage image = new WritableImage(side, side);
        PixelWriter pixels = image.getPixelWriter();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                pixels.setColor(x, y, dark(x / pixelsPerModule, y / pixelsPerModule) ? Color.BLACK : Color.WHITE);
            }
        }
        return image;
    }
}
