package org.harbor.attachments;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * A blob as package format 2 ships it (ADR 0016): a new age header to the office, and the stored
 * payload, {@code size} bytes of its file from {@code offset}, with its SHA-256 and CRC-32 as
 * recorded when it was attached. {@code header + payload} is an age file the office opens.
 */
public record ShippedBlob(byte[] header, long offset, long size, String payloadSha256, long payloadCrc32, Payload payload) {

    /** Opens the blob's file again for the copy of its payload (the header was read from it and closed). */
    @FunctionalInterface
    public interface Payload {
        FileChannel open() throws IOException;
    }
}
