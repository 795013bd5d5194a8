package org.harbor.attachments;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.harbor.i18n.Refusal;

/**
 * Draws pages of a PDF held in memory with PDFBox, into pixels the desktop face copies into an
 * image: no temporary file (PDFBox's memory-only stream cache, ImageIO without its file cache) and
 * no log line about the document (PDFBox logs through commons-logging, which is switched to its
 * no-op log before PDFBox loads).
 */
public final class PdfPreview {

    /** Pages are drawn at this resolution, scaled down if a side would exceed {@link #MAX_SIDE}. */
    public static final float DPI = 110f;
    static final int MAX_SIDE = 2400;

    static {
        PdfLogging.quiet();
        // PDFBox decodes embedded JPEG and other images through ImageIO, whose default is to
        // cache the stream in a file in the temp folder: that would be plaintext on disk.
        javax.imageio.ImageIO.setUseCache(false);
    }

    private PdfPreview() {
    }

    /** One drawn page: ARGB pixels, row by row, and how many pages the document has. */
    public record Page(int width, int height, int[] argb, int pageIndex, int pageCount) {
        @Override
        public String toString() {
            return "Page[" + (pageIndex + 1) + "/" + pageCount + ", " + width + "x" + height + "]";
        }
    }

    /** Draws page {@code pageIndex} (from 0; clamped to the document) of {@code pdf}. */
    public static Page render(byte[] pdf, int pageIndex) {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(pdf), IOUtils.createMemoryOnlyStreamCache())) {
            int count = document.getNumberOfPages();
            if (count == 0) {
                throw new Refusal("attachments.error.cannotShow");
            }
            int index = Math.max(0, Math.min(pageIndex, count - 1));
            var box = document.getPage(index).getCropBox();
            float longest = Math.max(box.getWidth(), box.getHeight()) / 72f * DPI;
            float dpi = longest > MAX_SIDE ? DPI * MAX_SIDE / longest : DPI;
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(index, dpi, ImageType.ARGB);
            int w = image.getWidth();
            int h = image.getHeight();
            int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
            image.flush();
            return new Page(w, h, argb, index, count);
        } catch (IOException | RuntimeException e) {
            throw new Refusal("attachments.error.cannotShow", e);
        }
    }
}
