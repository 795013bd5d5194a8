package org.harbor.attachments;

import java.nio.file.Files;
import java.nio.file.Path;
import org.harbor.i18n.Refusal;

/**
 * Run in a fresh JVM by {@link PdfPreviewTest}: renders the PDFs named in its arguments (damaged
 * ones make PDFBox warn) and prints the page counts and which log PDFBox got, on standard output.
 */
public final class PdfQuietProbe {

    private PdfQuietProbe() {
    }

    public static void main(String[] args) throws Exception {
        for (String file : args) {
            try {
                System.out.println("pages=" + PdfPreview.render(Files.readAllBytes(Path.of(file)), 0).pageCount());
            } catch (Refusal e) {
                System.out.println("refused=" + e.key());
            }
        }
        System.out.println("imageioFileCache=" + javax.imageio.ImageIO.getUseCache());
        System.out.println("log=" + org.apache.commons.logging.LogFactory.getLog(org.apache.pdfbox.pdfparser.COSParser.class)
                .getClass().getName());
    }
}
