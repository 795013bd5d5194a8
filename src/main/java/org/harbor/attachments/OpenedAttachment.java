package org.harbor.attachments;

/**
 * An attachment decrypted into memory for viewing, its SHA-256 already checked. The bytes never
 * touch the disk; {@link #wipe()} overwrites them when the preview closes.
 */
public record OpenedAttachment(Attachment attachment, byte[] content) {

    public void wipe() {
        java.util.Arrays.fill(content, (byte) 0);
    }

    @Override
    public String toString() {
        return "OpenedAttachment[" + attachment + "]";
    }
}
