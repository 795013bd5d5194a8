package org.harbor.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import org.harbor.crypto.Hashes;
import org.harbor.i18n.Refusal;

/**
 * The streaming copies of attachments: a source file into a new blob (hashing as it goes), a
 * verified blob out to a file, and the best-effort removal of an original. Memory use is one
 * 64 KiB buffer whatever the file's size.
 */
final class BlobWriter {

    static final int BUFFER = 64 * 1024;

    /** A blob written and renamed into place; its type was read from its first bytes. */
    record Stored(String blobName, String sha256, long size, String mediaType, long crc32, String payloadSha256, long payloadCrc32) {
    }

    private BlobWriter() {
    }

    static Stored store(BlobStore blobs, Path source, String recipient, long limit, ProgressListener progress) {
        Path temp;
        try {
            temp = blobs.newTemp();
        } catch (IOException e) {
            throw new Refusal("attachments.error.writeFailed", e);
        }
        boolean kept = false;
        byte[] buffer = new byte[BUFFER];
        try {
            long total = sizeOf(source);
            MessageDigest sha = Hashes.sha256();
            java.util.zip.CRC32 crc = new java.util.zip.CRC32(); // a package's STORED entry needs it first
            byte[] head = new byte[MediaTypes.SNIFF_BYTES];
            int headLength = 0;
            long count = 0;
            BlobStore.BlobOut written;
            try (InputStream in = openSource(source);
                 BlobStore.BlobOut out = blobs.encryptingTo(temp, recipient)) {
                for (int n = readSource(in, buffer); n >= 0; n = readSource(in, buffer)) {
                    count += n;
                    if (count > limit) {
                        throw new Refusal("attachments.error.tooLarge", limit / AttachmentService.MEGABYTE);
                    }
                    if (headLength < head.length) {
                        int k = Math.min(head.length - headLength, n);
                        System.arraycopy(buffer, 0, head, headLength, k);
                        headLength += k;
                    }
                    sha.update(buffer, 0, n);
                    crc.update(buffer, 0, n);
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                    progress.progress(count, total);
                }
                written = out;
            } catch (IOException e) {
                throw new Refusal("attachments.error.writeFailed", e);
            }
            String name;
            try {
                name = blobs.commit(temp);
            } catch (IOException e) {
                throw new Refusal("attachments.error.writeFailed", e);
            }
            kept = true;
            String fileName = source.getFileName() == null ? "" : source.getFileName().toString();
            String type = MediaTypes.of(head, headLength, fileName);
            Arrays.fill(head, (byte) 0);
            return new Stored(name, Hashes.hex(sha.digest()), count, type, crc.getValue(), written.payloadSha256(), written.payloadCrc32());
        } finally {
            Arrays.fill(buffer, (byte) 0);
            if (!kept) {
                BlobStore.deleteQuietly(temp);
            }
        }
    }

    /**
     * Copies a verified plaintext stream to {@code target} through a temporary file beside it;
     * nothing is left behind when the blob turns out altered.
     */
    static long copyOut(InputStream verified, Path folder, Path target) throws IOException {
        Path temp = Files.createTempFile(folder, ".harbor-", ".part");
        boolean moved = false;
        byte[] buffer = new byte[BUFFER];
        try {
            long count = 0;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                for (int n = verified.read(buffer); n >= 0; n = verified.read(buffer)) {
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                    count += n;
                }
                out.force(true);
            }
            Files.move(temp, target); // never over an existing file
            moved = true;
            return count;
        } finally {
            Arrays.fill(buffer, (byte) 0);
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** The SHA-256 of a file, streamed. */
    static String sha256Of(Path file) {
        MessageDigest sha = Hashes.sha256();
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = openSource(file)) {
            for (int n = readSource(in, buffer); n >= 0; n = readSource(in, buffer)) {
                sha.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new Refusal("attachments.error.unreadable", e);
        } finally {
            Arrays.fill(buffer, (byte) 0);
        }
        return Hashes.hex(sha.digest());
    }

    /**
     * Overwrites a file with zeros, forces that to disk, then deletes it. On SSDs and copy-on-write
     * file systems the old blocks may survive anyway; people are told so before they choose this.
     */
    static void overwriteAndDelete(Path file) throws IOException {
        long size = Files.size(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocate(BUFFER);
            for (long at = 0; at < size; ) {
                zeros.clear();
                zeros.limit((int) Math.min(BUFFER, size - at));
                at += channel.write(zeros, at);
            }
            channel.force(true);
        }
        Files.delete(file);
    }

    static long sizeOf(Path source) {
        try {
            if (!Files.isRegularFile(source)) {
                throw new Refusal("attachments.error.unreadable");
            }
            return Files.size(source);
        } catch (IOException e) {
            throw new Refusal("attachments.error.unreadable", e);
        }
    }

    private static InputStream openSource(Path source) {
        try {
            return Files.newInputStream(source);
        } catch (IOException e) {
            throw new Refusal("attachments.error.unreadable", e);
        }
    }

    private static int readSource(InputStream in, byte[] buffer) {
        try {
            int n;
            do {
                n = in.read(buffer);
            } while (n == 0);
            return n;
        } catch (IOException e) {
            throw new Refusal("attachments.error.unreadable", e);
        }
    }
}
