package org.harbor.attachments;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** Synthetic PDFs: pages filled with one colour each, and a damaged variant PDFBox warns about. */
final class PdfFixtures {

    private PdfFixtures() {
    }

    static byte[] pages(Color... colours) throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (Color colour : colours) {
                PDPage page = new PDPage(PDRectangle.A6);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.setNonStrokingColor(colour);
                    content.addRect(0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
                    content.fill();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** One page showing a JPEG photo (kept as DCT-encoded, so drawing it goes through ImageIO). */
    static byte[] withJpeg() throws IOException {
        java.awt.image.BufferedImage photo = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                photo.setRGB(x, y, 0x336699 + x * 256 + y);
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(photo, "jpg", jpeg);
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A6);
            document.addPage(page);
            var image = org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory.createFromByteArray(document, jpeg.toByteArray());
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 20, 20, 160, 120);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** The same document with its cross-reference offset broken: PDFBox repairs it, logging warnings. */
    static byte[] damaged(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf("startxref");
        String tail = text.substring(at).replaceFirst("startxref\\s+\\d+", "startxref\n99");
        return (text.substring(0, at) + tail).getBytes(StandardCharsets.ISO_8859_1);
    }
}
