package org.harbor.attachments;

/**
 * Routes commons-logging (PDFBox's logging) to its no-op log, so warnings about a document never
 * reach standard error or a log file. Must run before the first PDFBox class loads: the desktop
 * start calls it, and so does {@link PdfPreview}. This class refers to no PDFBox class, so calling
 * it loads nothing.
 */
public final class PdfLogging {

    private PdfLogging() {
    }

    public static void quiet() {
        System.setProperty("org.apache.commons.logging.LogFactory", "org.apache.commons.logging.impl.LogFactoryImpl");
        System.setProperty("org.apache.commons.logging.Log", "org.apache.commons.logging.impl.NoOpLog");
    }
}
