package org.harbor.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.harbor.i18n.Refusal;
import org.harbor.testing.ChildJvm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("PDF preview")
class PdfPreviewTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("draws the asked page in memory and counts the pages")
    void drawsPages() throws Exception {
        byte[] pdf = PdfFixtures.pages(Color.RED, new Color(0, 0, 255));
        PdfPreview.Page second = PdfPreview.render(pdf, 1);
        assertEquals(2, second.pageCount());
        assertEquals(1, second.pageIndex());
        assertTrue(second.width() > 100 && second.height() > second.width(), second.toString());
        int centre = second.argb()[second.height() / 2 * second.width() + second.width() / 2];
        assertEquals(0xFF0000FF, centre, Integer.toHexString(centre));
        assertEquals(1, PdfPreview.render(pdf, 7).pageIndex(), "a page beyond the end shows the last");
    }

    @Test
    @DisplayName("reads an image's size from its header, without decoding it")
    void imageSize() throws Exception {
        assertEquals(java.util.Optional.of(new ImageDimensions.Size(80, 60)), ImageDimensions.of(TestImages.png(80, 60)));
        assertEquals(java.util.Optional.empty(), ImageDimensions.of(new byte[] {1, 2, 3}));
    }

    @Test
    @DisplayName("refuses what is not a PDF with the cannot-show message")
    void notAPdf() {
        Refusal e = assertThrows(Refusal.class,
                () -> PdfPreview.render("%PDF-1.7 nothing else".getBytes(StandardCharsets.US_ASCII), 0));
        assertEquals("attachments.error.cannotShow", e.key());
    }

    @Test
    @DisplayName("says nothing about a document on standard error, even when PDFBox has warnings (fresh JVM)")
    void quiet() throws Exception {
        byte[] good = PdfFixtures.pages(Color.GREEN);
        Path damaged = Files.write(dir.resolve("damaged.pdf"), PdfFixtures.damaged(good));
        Path broken = Files.write(dir.resolve("broken.pdf"), "%PDF-1.4\n1 0 obj << /Type /Catalog".getBytes(StandardCharsets.US_ASCII));
        Path photo = Files.write(dir.resolve("photo.pdf"), PdfFixtures.withJpeg());
        Process child = ChildJvm.start(PdfQuietProbe.class, damaged.toString(), broken.toString(), photo.toString());
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), out + err);
        assertTrue(out.contains("pages=1"), "the damaged PDF is repaired and drawn: " + out);
        assertTrue(out.contains("refused=attachments.error.cannotShow"), out);
        assertTrue(out.contains("log=org.apache.commons.logging.impl.NoOpLog"), out);
        assertEquals(2, out.lines().filter("pages=1"::equals).count(), "the damaged PDF and the one with a photo: " + out);
        assertTrue(out.contains("imageioFileCache=false"), "images in PDFs are decoded without a file cache: " + out);
        assertEquals("", err.lines().filter(l -> !l.contains("Unsupported JavaFX configuration")).reduce("", String::concat));
    }
}
