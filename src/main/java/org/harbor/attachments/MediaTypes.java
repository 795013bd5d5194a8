package org.harbor.attachments;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names the type of a file from its first bytes (what it is), falling back to its name's ending
 * (what it claims to be). Only types Harbor can show need the first; the rest is for the list.
 */
final class MediaTypes {

    static final String PDF = "application/pdf";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String GIF = "image/gif";
    static final String BMP = "image/bmp";
    static final String UNKNOWN = "application/octet-stream";
    /** Image types JavaFX decodes. */
    static final Set<String> SHOWN_IMAGES = Set.of(PNG, JPEG, GIF, BMP);
    /** How many leading bytes {@link #sniff} looks at. */
    static final int SNIFF_BYTES = 8;

    private static final Map<String, String> BY_ENDING = Map.ofEntries(
            Map.entry("pdf", PDF), Map.entry("png", PNG), Map.entry("jpg", JPEG), Map.entry("jpeg", JPEG),
            Map.entry("gif", GIF), Map.entry("bmp", BMP), Map.entry("heic", "image/heic"),
            Map.entry("webp", "image/webp"), Map.entry("tif", "image/tiff"), Map.entry("tiff", "image/tiff"),
            Map.entry("txt", "text/plain"), Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("m4a", "audio/mp4"), Map.entry("mp4", "video/mp4"),
            Map.entry("zip", "application/zip"));

    private MediaTypes() {
    }

    static String of(byte[] head, int length, String fileName) {
        String sniffed = sniff(head, length);
        if (sniffed != null) {
            return sniffed;
        }
        int dot = fileName.lastIndexOf('.');
        if (dot >= 0 && dot < fileName.length() - 1) {
            String byEnding = BY_ENDING.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
            if (byEnding != null && !SHOWN_IMAGES.contains(byEnding) && !PDF.equals(byEnding)) {
                return byEnding; // a file named .png that is not one is not shown as an image
            }
        }
        return UNKNOWN;
    }

    static String sniff(byte[] b, int n) {
        if (starts(b, n, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return PDF;
        }
        if (starts(b, n, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (starts(b, n, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(b, n, 0x47, 0x49, 0x46, 0x38)) {
            return GIF;
        }
        if (starts(b, n, 0x42, 0x4D)) {
            return BMP;
        }
        return null;
    }

    private static boolean starts(byte[] b, int n, int... magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
