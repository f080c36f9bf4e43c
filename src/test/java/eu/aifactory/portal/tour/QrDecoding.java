package eu.aifactory.portal.tour;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;

/** Reads a QR code back with ZXing, as a phone would: from the pixels, not from the text that made it. */
final class QrDecoding {

    private QrDecoding() {
    }

    static String decode(Image image) throws Exception {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return decode(argb, width, height);
    }

    static String decode(BufferedImage image) throws Exception {
        int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return decode(argb, image.getWidth(), image.getHeight());
    }

    private static String decode(int[] argb, int width, int height)
            throws NotFoundException, ChecksumException, FormatException {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, argb)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
                    DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name())).getText();
        } catch (NotFoundException e) {
            // ZXing's finder-pattern search misses some perfectly sharp codes: 49 of 2,000 random 400-character codes
            // drawn at 5 pixels per module (one fresh-clone run failed so). An image that is nothing but the code
            // and its quiet zone is then read module by module, which read all 2,000.
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE,
                    DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name())).getText();
        }
    }
}
