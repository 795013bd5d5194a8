package org.harbor.seal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.ZipOutputStream;
import org.harbor.attachments.ShippedBlob;
import org.harbor.crypto.Age;
import org.harbor.crypto.Blake2b;
import org.harbor.crypto.Ed25519;
import org.harbor.crypto.Hashes;

/**
 * Writes a package in format 2 (ADR 0016): a ZIP of STORED entries holding {@code format}, the
 * signed index {@code SHA256SUMS} and its minisign signature, the documents in one age file to the
 * office ({@code documents.age}: manifest, manifest signature, case files, audit, forms), and each
 * attachment as its stored age payload, copied from the blob file ({@code FileChannel.transferTo}),
 * beside a new age header that wraps the blob's file key to the office. The payloads' SHA-256 and
 * CRC-32 were recorded when they were attached; only the small files are hashed here.
 */
final class FormatTwoWriter {

    /** Beyond these the ZIP would need ZIP64, and the importer refuses a package above 4 GiB anyway. */
    private static final long MAX_OFFSET = 0xFFFF_FFFFL;
    private static final int MAX_ENTRIES = 0xFFFF;

    /** Signs the BLAKE2b-512 of {@code SHA256SUMS}: returns the text of a minisign signature file. */
    @FunctionalInterface
    interface Signer {
        String sign(byte[] blake2b);
    }

    /** The package as written: its manifest and that manifest's SHA-256, the signature file's text, and its size. */
    record Written(Manifest manifest, String manifestHash, String signature, long fileBytes) {
    }

    /** The package would need a ZIP of more than 4 GiB or 65 535 entries. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("the package would be larger than format 2 allows");
        }
    }

    private FormatTwoWriter() {
    }

    static Written write(Path file, Path documentsTemp, List<String> recipients, PackageWriter.Header header,
                         List<PackageWriter.CaseContent> cases, Ed25519.SigningKey device, Signer signer, ExportListener listener)
            throws IOException {
        long total = PackageWriter.estimate(cases);
        long[] done = {0};
        PackageWriter.Signed manifest = PackageWriter.manifest(header, cases, device);
        ExportListener cancelOnly = new ExportListener() {
            @Override
            public boolean cancelled() {
                return listener.cancelled();
            }
        };

        // 2. every attachment once (two cases may hold the same file), its header rewrapped to the
        // office. Each new header costs three X25519 agreements, most of an export's CPU: they run on
        // every core, while this thread writes the documents (step 1).
        Map<String, CaseExtras.Attachment> distinct = new LinkedHashMap<>();
        for (PackageWriter.CaseContent c : cases) {
            for (CaseExtras.Attachment a : c.attachments()) {
                if (a.shipper() == null) {
                    throw new IOException("an attachment has no stored ciphertext to ship");
                }
                distinct.putIfAbsent(a.sha256(), a);
            }
        }
        if (4 + 2L * distinct.size() > MAX_ENTRIES) {
            throw new TooLarge();
        }
        Map<String, ShippedBlob> shipped = new LinkedHashMap<>();
        try (Rewraps rewraps = new Rewraps(distinct, recipients)) {

            // 1. the documents, encrypted to the office, in a temporary file beside the package
            CRC32 documentsCrc = new CRC32();
            MessageDigest documentsSha = Hashes.sha256();
            try (FileChannel out = FileChannel.open(documentsTemp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                WritableByteChannel digesting = new Digesting(out, documentsSha, documentsCrc);
                try (WritableByteChannel age = Age.encrypting(digesting, recipients);
                     ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Channels.newOutputStream(age), 1 << 16))) {
                    PackageWriter.documents(zip, manifest, cases, cancelOnly);
                    zip.finish();
                }
                // Not forced to disk: a temporary file, read back into the package (which is forced)
                // and deleted.
            }
            for (PackageWriter.CaseContent c : cases) {
                done[0] += c.caseJson().length + c.auditJsonl().length;
                for (CaseExtras.FormInstance f : c.forms()) {
                    done[0] += f.xml().length;
                }
            }
            listener.progress(Math.min(done[0], total), total);
            check(listener);

            for (Map.Entry<String, CaseExtras.Attachment> e : distinct.entrySet()) {
                ShippedBlob blob = rewraps.take(e.getKey());
                if (blob.size() != payloadSize(e.getValue().size())) {
                    throw new IOException("an attachment's stored ciphertext does not have its recorded size");
                }
                shipped.put(e.getKey(), blob);
                check(listener);
            }
            return finish(file, documentsTemp, documentsSha, documentsCrc, shipped, manifest, signer, listener, done, total);
        } finally {
            Files.deleteIfExists(documentsTemp);
        }
    }

    private static Written finish(Path file, Path documentsTemp, MessageDigest documentsSha, CRC32 documentsCrc,
                                  Map<String, ShippedBlob> shipped, PackageWriter.Signed manifest, Signer signer,
                                  ExportListener listener, long[] done, long total) throws IOException {
        // 3. the index and its signature
        StringBuilder sums = new StringBuilder();
        byte[] formatBytes = FormatTwo.FORMAT_TEXT.getBytes(StandardCharsets.US_ASCII);
        sums.append(line(Hashes.hex(Hashes.sha256(formatBytes)), FormatTwo.FORMAT));
        sums.append(line(Hashes.hex(documentsSha.digest()), FormatTwo.DOCUMENTS));
        for (Map.Entry<String, ShippedBlob> e : shipped.entrySet()) {
            sums.append(line(Hashes.hex(Hashes.sha256(e.getValue().header())), FormatTwo.header(e.getKey())));
            sums.append(line(e.getValue().payloadSha256(), FormatTwo.payload(e.getKey())));
        }
        byte[] sumsBytes = sums.toString().getBytes(StandardCharsets.US_ASCII);
        Blake2b blake = new Blake2b();
        blake.update(sumsBytes, 0, sumsBytes.length);
        String signature = signer.sign(blake.digest());
        byte[] signatureBytes = signature.getBytes(StandardCharsets.US_ASCII);

        // 4. the ZIP: small entries from memory, the documents and the payloads copied file to file
        try (FileChannel zip = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
            ZipWriter writer = new ZipWriter(zip);
            writer.bytes(FormatTwo.FORMAT, formatBytes);
            writer.bytes(FormatTwo.SUMS, sumsBytes);
            writer.bytes(FormatTwo.SUMS_SIG, signatureBytes);
            try (FileChannel documents = FileChannel.open(documentsTemp, StandardOpenOption.READ)) {
                writer.copy(FormatTwo.DOCUMENTS, documents, 0, documents.size(), documentsCrc.getValue());
            }
            for (Map.Entry<String, ShippedBlob> e : shipped.entrySet()) {
                ShippedBlob blob = e.getValue();
                writer.bytes(FormatTwo.header(e.getKey()), blob.header());
                try (FileChannel payload = blob.payload().open()) {
                    if (payload.size() != blob.offset() + blob.size()) {
                        throw new IOException("an attachment changed while it was packed");
                    }
                    writer.copy(FormatTwo.payload(e.getKey()), payload, blob.offset(), blob.size(), blob.payloadCrc32());
                }
                done[0] += blob.size();
                listener.progress(Math.min(done[0], total), total); // each attachment moves the bar
                check(listener);
            }
            writer.finish();
            zip.force(true);
            return new Written(manifest.manifest(), Hashes.hex(Hashes.sha256(manifest.bytes())), signature, zip.size());
        }
    }

    /**
     * The new headers of the distinct attachments, made on a pool of one thread per core (at most
     * four), in the background from the moment it is made; {@link #take} waits for one. Closing it
     * stops what has not started (an export cancelled or failed).
     */
    private static final class Rewraps implements AutoCloseable {
        private final ExecutorService pool;
        private final Map<String, Future<ShippedBlob>> pending = new LinkedHashMap<>();

        Rewraps(Map<String, CaseExtras.Attachment> distinct, List<String> recipients) {
            int threads = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 4);
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads,
                    r -> Thread.ofPlatform().daemon().name("harbor-export-headers-" + n.incrementAndGet()).unstarted(r));
            try {
                distinct.forEach((sha256, a) -> pending.put(sha256, pool.submit(() -> a.shipper().ship(recipients))));
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        ShippedBlob take(String sha256) throws IOException {
            try {
                return pending.get(sha256).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("the export was interrupted");
            } catch (ExecutionException e) {
                switch (e.getCause()) {
                    case IOException io -> throw io;
                    case RuntimeException r -> throw r;
                    case Error err -> throw err;
                    default -> throw new IOException("an attachment's header could not be made", e.getCause());
                }
            }
        }

        /** Drops the headers not yet begun and waits for those begun (each a fraction of a millisecond): the vault's identity is released after this. */
        @Override
        public void close() {
            pool.shutdownNow();
            pool.close();
        }
    }

    /** The size of age's payload for {@code plaintext} bytes: a 16-byte nonce, and a 16-byte tag per 64 KiB chunk (at least one). */
    static long payloadSize(long plaintext) {
        long chunks = Math.max(1, (plaintext + 65535) / 65536);
        return 16 + plaintext + 16 * chunks;
    }

    private static String line(String hex, String name) {
        return hex + "  " + name + "\n"; // sha256sum's text format: two spaces
    }

    private static void check(ExportListener listener) throws PackageWriter.Cancelled {
        if (listener.cancelled()) {
            throw new PackageWriter.Cancelled();
        }
    }

    /** Passes bytes to the file and through a SHA-256 and a CRC-32. */
    private record Digesting(FileChannel target, MessageDigest sha, CRC32 crc) implements WritableByteChannel {
        @Override
        public int write(ByteBuffer src) throws IOException {
            ByteBuffer view = src.duplicate();
            int n = 0;
            while (src.hasRemaining()) {
                n += target.write(src);
            }
            view.limit(view.position() + n);
            sha.update(view.duplicate());
            crc.update(view);
            return n;
        }

        @Override
        public boolean isOpen() {
            return target.isOpen();
        }

        @Override
        public void close() {
            // the owner forces and closes the file
        }
    }

    /**
     * The smallest ZIP writer that standard tools read: STORED entries whose CRC-32 and sizes are in
     * the local header (no data descriptors), file times 1980-01-01 00:00 (no time of the exporting
     * machine), a central directory and its end record. No ZIP64.
     */
    private static final class ZipWriter {
        private final FileChannel out;
        private final List<byte[]> central = new ArrayList<>();
        private long position;

        ZipWriter(FileChannel out) {
            this.out = out;
        }

        void bytes(String name, byte[] content) throws IOException {
            CRC32 crc = new CRC32();
            crc.update(content);
            local(name, crc.getValue(), content.length);
            write(ByteBuffer.wrap(content));
        }

        void copy(String name, FileChannel from, long offset, long size, long crc) throws IOException {
            local(name, crc, size);
            long at = offset;
            long end = offset + size;
            while (at < end) {
                long n = from.transferTo(at, end - at, out);
                if (n <= 0) {
                    throw new IOException("a file ended before its recorded size");
                }
                at += n;
            }
            position += size;
        }

        private void local(String name, long crc, long size) throws IOException {
            if (position + 30 + name.length() + size > MAX_OFFSET || central.size() >= MAX_ENTRIES) {
                throw new TooLarge();
            }
            central.add(centralHeader(name, crc, size, position));
            write(ByteBuffer.wrap(localHeader(name, crc, size)));
        }

        void finish() throws IOException {
            long start = position;
            for (byte[] c : central) {
                write(ByteBuffer.wrap(c));
            }
            if (position > MAX_OFFSET) {
                throw new TooLarge();
            }
            write(ByteBuffer.wrap(end(central.size(), position - start, start)));
        }

        private void write(ByteBuffer b) throws IOException {
            while (b.hasRemaining()) {
                position += out.write(b);
            }
        }
    }

    // The bytes of the ZIP's structure, one function of each entry's name, CRC-32, size and place: the
    // importer recomputes them and compares them with the file, so no byte outside the hashed files
    // can change unnoticed (ADR 0016).

    static byte[] localHeader(String name, long crc, long size) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer h = ByteBuffer.allocate(30 + n.length).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0x04034b50).putShort((short) 10).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0).putShort((short) DOS_DATE).putInt((int) crc).putInt((int) size).putInt((int) size)
                .putShort((short) n.length).putShort((short) 0).put(n);
        return h.array();
    }

    static byte[] centralHeader(String name, long crc, long size, long offset) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer c = ByteBuffer.allocate(46 + n.length).order(ByteOrder.LITTLE_ENDIAN);
        c.putInt(0x02014b50).putShort((short) 20).putShort((short) 10).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0).putShort((short) DOS_DATE).putInt((int) crc).putInt((int) size).putInt((int) size)
                .putShort((short) n.length).putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                .putInt(0).putInt((int) offset).put(n);
        return c.array();
    }

    static byte[] end(int entries, long centralSize, long centralStart) {
        ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries)
                .putShort((short) entries).putInt((int) centralSize).putInt((int) centralStart).putShort((short) 0);
        return end.array();
    }

    private static final int DOS_DATE = (1 << 5) | 1; // 1980-01-01
}
