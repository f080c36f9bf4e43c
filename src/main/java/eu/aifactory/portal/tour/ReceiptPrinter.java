package eu.aifactory.portal.tour;

import java.awt.image.BufferedImage;
import java.io.IOException;
import javafx.print.PageLayout;
import javafx.print.PageOrientation;
import javafx.print.Paper;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Prints the A6 receipt on the default printer: the PDF page rendered at 300 dpi (PDFBox) and printed as an image
 * filling the A6 page's printable area. Runs on a background thread: the image is not part of any scene.
 */
final class ReceiptPrinter {

    private static final float DPI = 300;

    private ReceiptPrinter() {
    }

    static void print(byte[] pdf) throws IOException {
        Printer printer = Printer.getDefaultPrinter();
        if (printer == null) {
            throw new IOException("no printer is configured");
        }
        BufferedImage page;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            page = new PDFRenderer(document).renderImageWithDPI(0, DPI);
        }
        WritableImage image = new WritableImage(page.getWidth(), page.getHeight());
        int[] argb = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        image.getPixelWriter().setPixels(0, 0, page.getWidth(), page.getHeight(), PixelFormat.getIntArgbInstance(),
                argb, 0, page.getWidth());
        PageLayout layout = printer.createPageLayout(Paper.A6, PageOrientation.PORTRAIT, Printer.MarginType.HARDWARE_MINIMUM);
        ImageView view = new ImageView(image);
        view.setPreserveRatio(true);
        view.setFitWidth(layout.getPrintableWidth());
        view.setFitHeight(layout.getPrintableHeight());
        PrinterJob job = PrinterJob.createPrinterJob(printer);
        if (job == null) {
            throw new IOException("the printer " + printer.getName() + " cannot start a job");
        }
        if (!job.printPage(layout, view) || !job.endJob()) {
            job.cancelJob();
            throw new IOException("the printer " + printer.getName() + " refused the receipt: " + job.getJobStatus());
        }
    }
}
