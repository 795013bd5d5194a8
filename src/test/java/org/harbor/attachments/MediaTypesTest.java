package org.harbor.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The type of an attached file")
class MediaTypesTest {

    private static String of(byte[] head, String name) {
        return MediaTypes.of(head, Math.min(head.length, MediaTypes.SNIFF_BYTES), name);
    }

    @Test
    @DisplayName("comes from the first bytes for images and PDFs, whatever the name says")
    void sniffed() {
        assertEquals("application/pdf", of("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), "letter.txt"));
        assertEquals("image/png", of(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, "x"));
        assertEquals("image/jpeg", of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, "x.bin"));
        assertEquals(AttachmentKind.IMAGE, AttachmentKind.of(of(new byte[] {'G', 'I', 'F', '8', '9', 'a'}, "")));
    }

    @Test
    @DisplayName("a file named like an image or PDF that is not one is never shown as one")
    void namesDoNotDecide() {
        assertEquals("application/octet-stream", of(new byte[] {1, 2, 3, 4}, "photo.png"));
        assertEquals("application/octet-stream", of(new byte[] {1, 2, 3, 4}, "scan.PDF"));
        assertEquals("text/plain", of("hello".getBytes(StandardCharsets.US_ASCII), "notes.TXT"));
        assertEquals(AttachmentKind.OTHER, AttachmentKind.of("text/plain"));
    }

    @Test
    @DisplayName("a saved copy keeps the name's last part, without characters systems refuse")
    void safeNames() {
        assertEquals("report.pdf", SafeNames.numbered("../../etc/report.pdf", "abcdef123", 1));
        assertEquals("a_b_.pdf", SafeNames.numbered("a:b?.pdf", "abcdef123", 1));
        assertEquals("scan (3).png", SafeNames.numbered("scan.png", "abcdef123", 3));
        assertEquals("attachment-abcdef12", SafeNames.numbered("...", "abcdef123456", 1));
    }
}
