package org.harbor.seal;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.harbor.crypto.Age;
import org.harbor.crypto.AgeException;
import org.harbor.crypto.Blake2b;
import org.harbor.crypto.Hashes;
import org.harbor.crypto.Minisign;

/**
 * Reads a package of format 2 (ADR 0016) as one stream, never extracting it: {@code format},
 * {@code SHA256SUMS} and its minisign signature first, checked against an enrolled device before a
 * byte is decrypted; then the sequence number; then every file the signed index lists, in its
 * order, each hashed as it is read (and decrypted as it is read: the documents through
 * {@link PackageReader}'s checks and caps, each attachment's header and payload into its plaintext
 * SHA-256). A file whose hash differs from the index is refused at once, at the signature check;
 * any other failure is refused (at its check) only once every later file's hash is known to match,
 * so a package failing several checks is refused at the first of them in ADR 0004's order.
 */
final class FormatTwoReader {

    private static final int MAX_FORMAT = 64;
    private static final int MAX_HEADER = 4096;
    private static final Pattern SUM_LINE = Pattern.compile("([0-9a-f]{64})  (\\S+)");

    /** The enrolled device with this minisign key id, if any. */
    @FunctionalInterface
    interface Devices {
        Optional<Minisign.PublicKey> enrolled(String keyIdHex);
    }

    /** Whether the signed package was imported before (then reading stops); refuses a replay itself. */
    @FunctionalInterface
    interface Replay {
        boolean seen(PackageSignature.Signed signed);
    }

    /** A read package: what its signature says, the signature file's text, and the contents (null when {@link Replay#seen}). */
    record Read(PackageSignature.Signed signed, byte[] signatureFile, PackageReader.Contents contents, List<Object[]> entries) {
    }

    /**
     * The ZIP's structure outside the hashed files (local headers, central directory, end record, the
     * file's length) is exactly what the device's writer makes of the entries read: a package that
     * differs in any byte is refused at the signature check, as a format-1 package is.
     */
    static void checkLayout(java.nio.channels.FileChannel file, List<Object[]> entries) throws IOException {
        long at = 0;
        java.io.ByteArrayOutputStream central = new java.io.ByteArrayOutputStream();
        for (Object[] e : entries) {
            String name = (String) e[0];
            long crc = (Long) e[1];
            long size = (Long) e[2];
            byte[] local = FormatTwoWriter.localHeader(name, crc, size);
            if (!java.util.Arrays.equals(local, readAt(file, at, local.length))) {
                throw new PackageRefused(ImportCheck.SIGNATURE, "the package's ZIP is not the one the device wrote");
            }
            central.writeBytes(FormatTwoWriter.centralHeader(name, crc, size, at));
            at += local.length + size;
        }
        byte[] tail = central.toByteArray();
        byte[] end = FormatTwoWriter.end(entries.size(), tail.length, at);
        if (file.size() != at + tail.length + end.length
                || !java.util.Arrays.equals(tail, readAt(file, at, tail.length))
                || !java.util.Arrays.equals(end, readAt(file, at + tail.length, end.length))) {
            throw new PackageRefused(ImportCheck.SIGNATURE, "the package's ZIP is not the one the device wrote");
        }
    }

    private static byte[] readAt(java.nio.channels.FileChannel file, long at, int length) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (file.read(b, at + b.position()) < 0) {
                break;
            }
        }
        return b.position() == length ? b.array() : new byte[0];
    }

    private FormatTwoReader() {
    }

    static Read read(InputStream raw, long size, Devices devices, Replay replay, Age.Decryptor office, PackageLimits limits,
                     ExportListener listener) {
        try {
            return new Pass(new ZipInputStream(raw), size, devices, replay, office, limits, listener).run();
        } catch (PackageRefused e) {
            throw e;
        } catch (Cancelled e) {
            throw new org.harbor.i18n.Refusal("import.cancelled");
        } catch (IOException | RuntimeException e) {
            throw new PackageRefused(ImportCheck.SIGNATURE, "the package's ZIP structure is damaged");
        }
    }

    /**
     * Without a vault (no office key): the signature of the index by {@code device}, and every file's
     * SHA-256 against the index, in its order, as {@code minisign -V} and {@code sha256sum -c} would.
     *
     * @throws PackageRefused at the signature check
     */
    static PackageSignature.Signed checkIndex(java.nio.file.Path file, Minisign.PublicKey device) {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file);
             InputStream in = new java.io.BufferedInputStream(Channels.newInputStream(channel), 1 << 16)) {
            Pass pass = new Pass(new ZipInputStream(in), channel.size(), id -> id.equals(device.keyIdHex())
                    ? Optional.of(device) : Optional.empty(), signed -> false, null, PackageLimits.DEFAULT, ExportListener.SILENT);
            PackageSignature.Signed signed = pass.index();
            checkLayout(channel, pass.entries);
            return signed;
        } catch (PackageRefused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new PackageRefused(ImportCheck.SIGNATURE, "the package's ZIP structure is damaged");
        }
    }

    /**
     * Only {@code format}, the index and its signature, against an enrolled device, and whether the
     * package was seen before ({@code replay}): read before an import copies the package into the
     * vault folder, so that no work is spent on a package from a stranger (ADR 0004) or on one
     * imported already. A few kilobytes read; the whole check follows on the copy.
     *
     * @throws PackageRefused at the signature check
     */
    static PackageSignature.Signed checkSigner(java.nio.file.Path file, Devices devices, Replay replay, PackageLimits limits) {
        try (InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file), 1 << 16)) {
            return new Pass(new ZipInputStream(in), 1, devices, signed -> {
                replay.seen(signed);
                return true; // the index itself is read with the rest, on the copy
            }, null, limits, ExportListener.SILENT).head().signed();
        } catch (PackageRefused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new PackageRefused(ImportCheck.SIGNATURE, "the package's ZIP structure is damaged");
        }
    }

    private static final class Cancelled extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** One reading of one package. */
    private static final class Pass {
        private final ZipInputStream zip;
        private final Devices devices;
        private final Replay replay;
        private final Age.Decryptor office;
        private final PackageLimits limits;
        private final ExportListener listener;
        private final byte[] buffer = new byte[1 << 16];
        /** The first failure other than a differing hash, refused once every hash is known to match. */
        private PackageRefused failed;
        private long progress;
        private final long fileSize;
        /** Each entry's name, CRC-32 and size as read, for the check of the ZIP's structure. */
        private final List<Object[]> entries = new ArrayList<>();
        private ZipEntry current;

        Pass(ZipInputStream zip, long size, Devices devices, Replay replay, Age.Decryptor office, PackageLimits limits,
             ExportListener listener) {
            this.zip = zip;
            this.fileSize = Math.max(1, size);
            this.devices = devices;
            this.replay = replay;
            this.office = office;
            this.limits = limits;
            this.listener = listener;
        }

        /** Only the signature of the index and every file's hash against it, nothing decrypted. */
        PackageSignature.Signed index() throws IOException {
            Head head = head();
            for (String name : head.index().keySet()) {
                if (name.equals(FormatTwo.FORMAT)) {
                    continue;
                }
                expect(name);
                Hashing in = new Hashing(zip);
                in.drain(buffer);
                matches(in, head.index().get(name));
            }
            if (next() != null) {
                throw new PackageRefused(ImportCheck.SIGNATURE, "the package holds a file its signed index does not list");
            }
            return head.signed();
        }

        private record Head(PackageSignature.Signed signed, byte[] signatureFile, Minisign.PublicKey device, Map<String, String> index) {
        }

        /** {@code format}, the index and its signature, checked; the index parsed (null when the package was seen before). */
        private Head head() throws IOException {
            expect(FormatTwo.FORMAT);
            byte[] format = small(MAX_FORMAT, ImportCheck.SIGNATURE);
            if (!FormatTwo.FORMAT_TEXT.equals(new String(format, StandardCharsets.US_ASCII))) {
                throw new PackageRefused(ImportCheck.SIGNATURE, "the package is of an unknown format");
            }
            expect(FormatTwo.SUMS);
            byte[] sums = small(64 + 150 * (limits.maxEntries() + 4L), ImportCheck.SIGNATURE);
            expect(FormatTwo.SUMS_SIG);
            byte[] signatureFile = small(PackageSignature.MAX_SIGNATURE_FILE, ImportCheck.SIGNATURE);
            Minisign.Signature signature;
            try {
                signature = Minisign.parseSignature(new String(signatureFile, StandardCharsets.UTF_8));
            } catch (Minisign.FormatException e) {
                throw new PackageRefused(ImportCheck.SIGNATURE, "the signature file is not valid: " + e.getMessage());
            }
            Minisign.PublicKey device = devices.enrolled(signature.keyIdHex())
                    .orElseThrow(() -> new PackageRefused(ImportCheck.SIGNATURE, "the package is not signed by an enrolled device"));
            Blake2b blake = new Blake2b();
            blake.update(sums, 0, sums.length);
            PackageSignature.Signed signed = PackageSignature.verify(blake.digest(), signature, device);
            if (!java.util.Arrays.equals(signatureFile, FormatTwo.canonical(signature).getBytes(StandardCharsets.UTF_8))) {
                throw new PackageRefused(ImportCheck.SIGNATURE, "the index's signature file is not in the form the device writes");
            }
            if (replay.seen(signed)) {
                return new Head(signed, signatureFile, device, null);
            }
            Map<String, String> index = index(sums);
            if (!Hashes.hex(Hashes.sha256(format)).equals(index.get(FormatTwo.FORMAT))) {
                throw new PackageRefused(ImportCheck.SIGNATURE, "a file is not the one its signed index lists");
            }
            return new Head(signed, signatureFile, device, index);
        }

        Read run() throws IOException {
            // the signed index, before anything is decrypted
            Head head = head();
            PackageSignature.Signed signed = head.signed();
            byte[] signatureFile = head.signatureFile();
            Minisign.PublicKey device = head.device();
            Map<String, String> index = head.index();
            if (index == null) {
                return new Read(signed, signatureFile, null, entries);
            }

            // the documents
            expect(FormatTwo.DOCUMENTS);
            Hashing documents = new Hashing(zip);
            PackageReader.Contents contents = null;
            try {
                ReadableByteChannel plain = office.decrypting(Channels.newChannel(documents));
                contents = PackageReader.read(Channels.newInputStream(plain), device.keyIdHex(), device.key(), limits, false);
            } catch (AgeException e) {
                fail(ImportCheck.DECRYPT, "the documents are not encrypted to this central office's keys");
            } catch (PackageReader.SourceFailure e) {
                cancelled();
                fail(ImportCheck.DECRYPT, "the encrypted documents are damaged or cut short");
            } catch (PackageReader.WrongDevice e) {
                fail(ImportCheck.DEVICE_ID, e.getMessage());
            } catch (PackageReader.Malformed e) {
                fail(ImportCheck.PARSE, e.getMessage());
            }
            documents.drain(buffer);
            matches(documents, index.get(FormatTwo.DOCUMENTS));

            // the attachments, each a header and a payload, in the index's order
            Map<String, Long> listed = new HashMap<>();
            if (contents != null) {
                for (Map.Entry<String, Manifest.Entry> e : contents.manifest().entries().entrySet()) {
                    if (PackageNames.isAttachment(e.getKey())) {
                        Long before = listed.put(e.getValue().sha256(), e.getValue().size());
                        if (before != null && before != e.getValue().size()) {
                            fail(ImportCheck.PARSE, "the manifest lists one attachment with two sizes");
                        }
                    }
                }
            }
            List<String> names = new ArrayList<>(index.keySet());
            long total = 0;
            int shipped = 0;
            // Each attachment's outcome in the index's order: a failure known at once, or the check
            // of its plaintext (decrypted and hashed on another core). The first failure in this order
            // is the one refused, as if they had been checked one after the other.
            List<Object> outcomes = new ArrayList<>();
            try (Decryptions decryptions = new Decryptions()) {
                for (int i = 2; i < names.size(); i += 2) {
                    String sha = FormatTwo.attachmentOf(names.get(i));
                    expect(FormatTwo.header(sha));
                    Hashing headerIn = new Hashing(zip);
                    byte[] header = headerIn.readAtMost(MAX_HEADER);
                    headerIn.drain(buffer);
                    matches(headerIn, index.get(FormatTwo.header(sha)));
                    expect(FormatTwo.payload(sha));
                    Hashing payload = new Hashing(zip);
                    Long size = listed.get(sha);
                    PackageRefused problem = null;
                    if (header.length > MAX_HEADER) {
                        problem = new PackageRefused(ImportCheck.PARSE, "an attachment header is larger than the cap");
                    } else if (size == null) {
                        problem = new PackageRefused(ImportCheck.PARSE, "an attachment is not listed in the manifest");
                    } else if (size > limits.maxAttachmentBytes()) {
                        problem = new PackageRefused(ImportCheck.PARSE, "an entry is larger than the cap");
                    } else {
                        total += size;
                        if (total > limits.maxTotalBytes()) {
                            problem = new PackageRefused(ImportCheck.PARSE, "the package expands beyond the total cap");
                        }
                    }
                    if (problem != null) {
                        outcomes.add(problem);
                    } else if (failed == null) {
                        long expected = FormatTwoWriter.payloadSize(size);
                        if (expected <= Decryptions.IN_MEMORY) {
                            // read unhashed; hashed against the index on the other thread, before it is
                            // decrypted (a payload longer than its plaintext says is hashed here, whole)
                            payload.hashing = false;
                            Decryptions.Held bytes = decryptions.reserve(payload, expected);
                            int more = payload.next();
                            if (more < 0) {
                                String indexed = index.get(FormatTwo.payload(sha));
                                outcomes.add(decryptions.submit(bytes, () -> {
                                    MessageDigest cipher = Hashes.sha256();
                                    cipher.update(bytes.array(), 0, bytes.length());
                                    if (!Hashes.hex(cipher.digest()).equals(indexed)) {
                                        return new PackageRefused(ImportCheck.SIGNATURE, "a file is not the one its signed index lists");
                                    }
                                    return attachment(header, new ByteArrayInputStream(bytes.array(), 0, bytes.length()), sha, size, Decryptions.WORK.get());
                                }));
                                payload.hashed = true;
                            } else {
                                // longer than its plaintext says: hashed and decrypted here, whole, as
                                // a large payload is (age's framing refuses the extra bytes at decrypt)
                                payload.sha.update(bytes.array(), 0, bytes.length());
                                payload.sha.update((byte) more);
                                payload.hashing = true;
                                InputStream whole = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                                        new ByteArrayInputStream(bytes.array(), 0, bytes.length()),
                                        new ByteArrayInputStream(new byte[] {(byte) more}), payload)));
                                PackageRefused longer;
                                try {
                                    longer = attachment(header, whole, sha, size, buffer);
                                } finally {
                                    decryptions.release(bytes);
                                }
                                if (longer != null) {
                                    cancelled();
                                    outcomes.add(longer);
                                }
                            }
                        } else {
                            PackageRefused large = attachment(header, payload, sha, size, buffer);
                            if (large != null) {
                                cancelled();
                                outcomes.add(large);
                            }
                        }
                    }
                    payload.drain(buffer);
                    if (!payload.hashed) {
                        matches(payload, index.get(FormatTwo.payload(sha)));
                    }
                    if (problem == null && payload.count != FormatTwoWriter.payloadSize(size)) {
                        outcomes.add(new PackageRefused(ImportCheck.PARSE, "an attachment's ciphertext does not have the size of its plaintext"));
                    }
                    progress += payload.count;
                    shipped++;
                    listener.progress(Math.min(progress, fileSize), fileSize); // each attachment moves the bar
                }
                if (next() != null) {
                    throw new PackageRefused(ImportCheck.SIGNATURE, "the package holds a file its signed index does not list");
                }
                List<PackageRefused> refusals = new ArrayList<>();
                for (Object outcome : outcomes) {
                    refusals.add(outcome instanceof PackageRefused r ? r : decryptions.await(outcome));
                }
                // a payload that is not the one the index lists is refused at the signature check
                // before any other failure, as when its hash was checked on this thread
                for (PackageRefused refused : refusals) {
                    if (refused != null && refused.check() == ImportCheck.SIGNATURE) {
                        throw refused;
                    }
                }
                if (failed != null) {
                    throw failed;
                }
                for (PackageRefused refused : refusals) {
                    if (refused != null) {
                        throw refused;
                    }
                }
            }
            if (shipped != listed.size()) {
                throw new PackageRefused(ImportCheck.PARSE, "an entry listed in the manifest is missing");
            }
            return new Read(signed, signatureFile, contents, entries);
        }

        /**
         * Decrypts one attachment (its header before its payload) and checks its plaintext against its
         * name: the failure, or null. Reads nothing of the package but {@code payload}, so it runs on
         * any thread.
         */
        private PackageRefused attachment(byte[] header, InputStream payload, String sha, long size, byte[] buffer) {
            MessageDigest plain = Hashes.sha256();
            long count = 0;
            try {
                ReadableByteChannel channel = office.decrypting(Channels.newChannel(
                        new SequenceInputStream(new ByteArrayInputStream(header), payload)));
                InputStream in = Channels.newInputStream(channel);
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    count += n;
                    if (count > size) {
                        return new PackageRefused(ImportCheck.PARSE, "an entry is larger than the manifest says");
                    }
                    plain.update(buffer, 0, n);
                }
            } catch (AgeException e) {
                return new PackageRefused(ImportCheck.DECRYPT, "an attachment is not encrypted to this central office's keys");
            } catch (IOException | RuntimeException e) {
                return new PackageRefused(ImportCheck.DECRYPT, "an encrypted attachment is damaged or cut short");
            }
            if (count != size || !Hashes.hex(plain.digest()).equals(sha)) {
                return new PackageRefused(ImportCheck.PARSE, "an entry does not match its hash in the manifest");
            }
            return null;
        }

        private void cancelled() throws Cancelled {
            if (listener.cancelled()) {
                throw new Cancelled();
            }
        }

        private void fail(ImportCheck check, String detail) {
            if (failed == null) {
                failed = new PackageRefused(check, detail);
            }
        }

        private void matches(Hashing read, String indexed) {
            if (!Hashes.hex(read.sha.digest()).equals(indexed)) {
                throw new PackageRefused(ImportCheck.SIGNATURE, "a file is not the one its signed index lists");
            }
        }

        /** The index: "sha256  name" lines naming format, documents.age, then each attachment's header and payload. */
        private Map<String, String> index(byte[] sums) {
            Map<String, String> out = new LinkedHashMap<>();
            String text = new String(sums, StandardCharsets.US_ASCII);
            if (!text.endsWith("\n")) {
                throw new PackageRefused(ImportCheck.PARSE, "the signed index is not in sha256sum's format");
            }
            List<String> order = new ArrayList<>();
            for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
                Matcher m = SUM_LINE.matcher(line);
                if (!m.matches() || out.put(m.group(2), m.group(1)) != null) {
                    throw new PackageRefused(ImportCheck.PARSE, "the signed index is not in sha256sum's format or lists a file twice");
                }
                order.add(m.group(2));
            }
            if (order.size() < 2 || !order.get(0).equals(FormatTwo.FORMAT) || !order.get(1).equals(FormatTwo.DOCUMENTS)
                    || order.size() % 2 != 0 || order.size() - 2 > 2L * limits.maxEntries()) {
                throw new PackageRefused(ImportCheck.PARSE, "the signed index does not list a format-2 package's files");
            }
            for (int i = 2; i < order.size(); i += 2) {
                String sha = FormatTwo.attachmentOf(order.get(i));
                if (sha == null || !order.get(i).equals(FormatTwo.header(sha)) || !order.get(i + 1).equals(FormatTwo.payload(sha))) {
                    throw new PackageRefused(ImportCheck.PARSE, "the signed index does not list a format-2 package's files");
                }
            }
            return out;
        }

        private void expect(String name) throws IOException {
            ZipEntry e = next();
            if (e == null || !name.equals(e.getName())) {
                throw new PackageRefused(ImportCheck.SIGNATURE, "the package's files are not the ones its signed index lists, in its order");
            }
            if (e.getMethod() != ZipEntry.STORED) {
                throw new PackageRefused(ImportCheck.SIGNATURE, "the package's ZIP is not the one the device wrote");
            }
            entries.add(new Object[] {name, e.getCrc(), e.getSize()});
            if (listener.cancelled()) {
                throw new Cancelled();
            }
        }

        private ZipEntry next() throws IOException {
            try {
                return zip.getNextEntry();
            } catch (ZipException | IllegalArgumentException e) {
                throw new PackageRefused(ImportCheck.SIGNATURE, "the package's ZIP structure is damaged");
            }
        }

        /** A small entry whole, refused at {@code check} beyond {@code cap} bytes. */
        private byte[] small(long cap, ImportCheck check) throws IOException {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                if (out.size() + (long) n > cap) {
                    throw new PackageRefused(check, "a file of the package is larger than the cap");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /**
     * The attachments' decryption on one thread per core (at most four), while the reading thread
     * goes on through the ZIP: a payload of at most {@link #IN_MEMORY} bytes is read whole into one
     * of {@link #BUFFERS} reused buffers and handed over (hashed, decrypted and its plaintext hashed
     * there); the reading thread waits for a free buffer. A larger payload is decrypted as it is
     * read, on the reading thread.
     */
    private static final class Decryptions implements AutoCloseable {
        static final long IN_MEMORY = 4L << 20;
        /** Payload buffers: 32 MiB waiting at most, allocated (and zeroed) once per import, as needed. */
        private static final int BUFFERS = 8;
        /** Each decrypting thread's buffer for the plaintext. */
        static final ThreadLocal<byte[]> WORK = ThreadLocal.withInitial(() -> new byte[1 << 16]);
        private final java.util.concurrent.BlockingQueue<byte[]> free = new java.util.concurrent.ArrayBlockingQueue<>(BUFFERS);
        private int made;
        private java.util.concurrent.ExecutorService pool;

        /** A payload read into a buffer of the pool: its first {@code length} bytes. */
        record Held(byte[] array, int length) {
        }

        /** The payload whole, once a buffer is free; the buffer goes back when its check ends. */
        Held reserve(Hashing payload, long expected) throws IOException {
            byte[] buffer = free.poll();
            if (buffer == null && made < BUFFERS) {
                made++;
                buffer = new byte[(int) IN_MEMORY];
            }
            try {
                if (buffer == null) {
                    buffer = free.take();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("the import was interrupted");
            }
            try {
                // in large reads, not 16 KiB at a time
                return new Held(buffer, payload.readNBytes(buffer, 0, (int) expected));
            } catch (IOException | RuntimeException e) {
                free.add(buffer);
                throw e;
            }
        }

        /** Gives back the buffer of a payload checked on the reading thread. */
        void release(Held held) {
            free.add(held.array());
        }

        /** Checks a payload read by {@link #reserve} (its buffer given back at the end). */
        java.util.concurrent.Future<PackageRefused> submit(Held held, java.util.concurrent.Callable<PackageRefused> check) {
            if (pool == null) {
                int threads = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 4);
                java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
                pool = java.util.concurrent.Executors.newFixedThreadPool(threads,
                        r -> Thread.ofPlatform().daemon().name("harbor-import-attachments-" + n.incrementAndGet()).unstarted(r));
            }
            return pool.submit(() -> {
                try {
                    return check.call();
                } finally {
                    free.add(held.array());
                }
            });
        }

        /** The failure of a submitted check, or null. */
        PackageRefused await(Object submitted) throws IOException {
            try {
                return ((java.util.concurrent.Future<?>) submitted).get() instanceof PackageRefused r ? r : null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("the import was interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                return new PackageRefused(ImportCheck.DECRYPT, "an encrypted attachment is damaged or cut short");
            }
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.shutdownNow();
                pool.close();
            }
        }
    }

    /** The current ZIP entry, hashed (SHA-256) and counted as it is read; never closes the ZIP. */
    private static final class Hashing extends FilterInputStream {
        final MessageDigest sha = Hashes.sha256();
        long count;
        /** Whether what is read goes through {@link #sha} (off while a payload is read to be hashed elsewhere). */
        boolean hashing = true;
        /** Whether the entry's hash is checked elsewhere. */
        boolean hashed;

        Hashing(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                if (hashing) {
                    sha.update(b, off, n);
                }
                count += n;
            }
            return n;
        }

        /** The entry's next byte, or -1 at its end (counted, and hashed when {@link #hashing}). */
        int next() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        /** Up to {@code cap + 1} bytes of the entry (more than {@code cap}: over the cap). */
        byte[] readAtMost(int cap) throws IOException {
            return readNBytes(cap + 1);
        }

        /** The rest of the entry, hashed. */
        void drain(byte[] buffer) throws IOException {
            while (read(buffer, 0, buffer.length) >= 0) {
                // hashed in read
            }
        }

        @Override
        public void close() {
            // the ZIP stays open for the next entry
        }
    }
}
