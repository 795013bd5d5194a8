package org.harbor.seal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.harbor.crypto.Age;
import org.harbor.crypto.Blake2b;
import org.harbor.crypto.Ed25519;
import org.harbor.crypto.Hashes;

/**
 * Writes a package: a ZIP (manifest first, then each case's entries) inside an age file to the
 * central recipients, hashing the ciphertext with BLAKE2b-512 as it is written for the minisign
 * signature. The caller has chosen the file (a temporary one beside the target) and renames it.
 */
final class PackageWriter {

    private static final int BUFFER = 1 << 20;
    private static final long CANCEL_CHECK = 4L << 20;

    /** Everything of one case that goes into the package, and the answers left out of it. */
    record CaseContent(String caseId, String number, byte[] caseJson, byte[] auditJsonl, List<CaseExtras.FormInstance> forms,
                       List<CaseExtras.Attachment> attachments, List<ValueFilter.Withheld> withheld) {

        CaseContent(String caseId, String number, byte[] caseJson, byte[] auditJsonl, List<CaseExtras.FormInstance> forms,
                    List<CaseExtras.Attachment> attachments) {
            this(caseId, number, caseJson, auditJsonl, forms, attachments, List.of());
        }
    }

    /** The package as written: its manifest, the manifest's SHA-256, and the BLAKE2b-512 of the file. */
    record Written(Manifest manifest, String manifestHash, byte[] blake2b, long fileBytes) {
    }

    /** The manifest's fields other than the entries, which the writer computes. */
    record Header(String packageId, String deviceId, long sequence, String createdAt, long exporterId, String exporterName,
                  String exporterRole, long auditEntries, String auditHead, String purpose) {

        Header(String packageId, String deviceId, long sequence, String createdAt, long exporterId, String exporterName,
               String exporterRole, long auditEntries, String auditHead) {
            this(packageId, deviceId, sequence, createdAt, exporterId, exporterName, exporterRole, auditEntries, auditHead, null);
        }
    }

    private PackageWriter() {
    }

    static long estimate(List<CaseContent> cases) {
        long total = 4096;
        for (CaseContent c : cases) {
            total += c.caseJson().length + c.auditJsonl().length + 512;
            for (CaseExtras.FormInstance f : c.forms()) {
                total += f.xml().length + 256;
            }
            for (CaseExtras.Attachment a : c.attachments()) {
                total += a.size() + 256;
            }
        }
        return total;
    }

    /** The manifest of a package of {@code cases}, its canonical bytes and the device's signature of them. */
    record Signed(Manifest manifest, byte[] bytes, byte[] signature) {
    }

    static Signed manifest(Header header, List<CaseContent> cases, Ed25519.SigningKey device) {
        Map<String, Manifest.Entry> entries = new LinkedHashMap<>();
        for (CaseContent c : cases) {
            entries.put(PackageNames.caseJson(c.caseId()), entry(c.caseJson()));
            entries.put(PackageNames.auditJsonl(c.caseId()), entry(c.auditJsonl()));
            for (CaseExtras.FormInstance f : c.forms()) {
                entries.put(PackageNames.form(c.caseId(), f.submissionId()), entry(f.xml()));
            }
            for (CaseExtras.Attachment a : c.attachments()) {
                entries.put(PackageNames.attachment(c.caseId(), a.sha256()), new Manifest.Entry(a.sha256(), a.size()));
            }
        }
        for (String name : entries.keySet()) {
            if (!PackageNames.valid(name)) {
                throw new IllegalArgumentException("an entry name would not be accepted by the importer");
            }
        }
        Manifest manifest = new Manifest(header.packageId(), header.deviceId(), header.sequence(), header.createdAt(),
                header.exporterId(), header.exporterName(), header.exporterRole(),
                cases.stream().map(c -> new Manifest.CaseRef(c.caseId(), c.number())).toList(), entries,
                header.auditEntries(), header.auditHead(), header.purpose(),
                cases.stream().flatMap(c -> c.withheld().stream()).toList());
        byte[] manifestBytes = manifest.canonicalBytes();
        return new Signed(manifest, manifestBytes, Base64.getEncoder().encode(device.sign(manifestBytes)));
    }

    /** Writes the manifest, its signature and every case's documents (not its attachments) to {@code zip}. */
    static void documents(ZipOutputStream zip, Signed signed, List<CaseContent> cases, ExportListener listener) throws IOException {
        Progress progress = new Progress(listener, Long.MAX_VALUE);
        zip.setLevel(Deflater.BEST_SPEED);
        document(zip, PackageNames.MANIFEST, signed.bytes(), progress);
        document(zip, PackageNames.MANIFEST_SIG, signed.signature(), progress);
        for (CaseContent c : cases) {
            document(zip, PackageNames.caseJson(c.caseId()), c.caseJson(), progress);
            document(zip, PackageNames.auditJsonl(c.caseId()), c.auditJsonl(), progress);
            for (CaseExtras.FormInstance f : c.forms()) {
                document(zip, PackageNames.form(c.caseId(), f.submissionId()), f.xml(), progress);
            }
        }
    }

    static Written write(Path file, List<String> recipients, Header header, List<CaseContent> cases, Ed25519.SigningKey device,
                         ExportListener listener) throws IOException {
        Signed signed = manifest(header, cases, device);
        Manifest manifest = signed.manifest();
        byte[] manifestBytes = signed.bytes();
        byte[] manifestSig = signed.signature();
        long total = estimate(cases);
        Progress progress = new Progress(listener, total);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
            HashingChannel hashing = new HashingChannel(channel);
            try {
                try (WritableByteChannel age = Age.encrypting(hashing, recipients);
                     ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Channels.newOutputStream(age), BUFFER))) {
                    zip.setLevel(Deflater.BEST_SPEED);
                    document(zip, PackageNames.MANIFEST, manifestBytes, progress);
                    document(zip, PackageNames.MANIFEST_SIG, manifestSig, progress);
                    byte[] buffer = new byte[BUFFER];
                    for (CaseContent c : cases) {
                        document(zip, PackageNames.caseJson(c.caseId()), c.caseJson(), progress);
                        document(zip, PackageNames.auditJsonl(c.caseId()), c.auditJsonl(), progress);
                        for (CaseExtras.FormInstance f : c.forms()) {
                            document(zip, PackageNames.form(c.caseId(), f.submissionId()), f.xml(), progress);
                        }
                        // Attachments are mostly compressed media already: STORED when their CRC-32 was
                        // recorded at attach time (issue 16), else through the Deflater at level 0.
                        zip.setLevel(Deflater.NO_COMPRESSION);
                        for (CaseExtras.Attachment a : c.attachments()) {
                            attachment(zip, PackageNames.attachment(c.caseId(), a.sha256()), a, buffer, progress);
                        }
                        zip.setLevel(Deflater.BEST_SPEED);
                        progress.report(); // each case moves the bar, small ones too
                    }
                    zip.finish();
                }
                channel.force(true);
                return new Written(manifest, Hashes.hex(Hashes.sha256(manifestBytes)), hashing.digest(), channel.size());
            } finally {
                hashing.stop();
            }
        }
    }

    private static Manifest.Entry entry(byte[] bytes) {
        return new Manifest.Entry(Hashes.hex(Hashes.sha256(bytes)), bytes.length);
    }

    private static void document(ZipOutputStream zip, String name, byte[] bytes, Progress progress) throws IOException {
        progress.check();
        ZipEntry e = new ZipEntry(name);
        e.setTime(0); // no local time of the export machine inside the package
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
        progress.add(bytes.length);
    }

    private static void attachment(ZipOutputStream zip, String name, CaseExtras.Attachment a, byte[] buffer, Progress progress)
            throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0);
        if (a.crc32() != null) {
            // sizes and CRC in the local header: what a streaming reader needs of a STORED entry; the
            // ZIP writer checks the CRC of the bytes against it when the entry closes
            e.setMethod(ZipEntry.STORED);
            e.setSize(a.size());
            e.setCompressedSize(a.size());
            e.setCrc(a.crc32());
        }
        zip.putNextEntry(e);
        long size = 0;
        // The opener's stream checks the SHA-256 recorded at attach time as it is read, and fails
        // rather than end when the bytes differ: hashed once here, not twice (issue 16).
        try (InputStream in = a.opener().open()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                zip.write(buffer, 0, n);
                size += n;
                progress.add(n);
            }
        }
        zip.closeEntry();
        if (size != a.size()) {
            throw new IOException("an attachment changed while it was packed");
        }
    }

    /** Reports progress and checks for a cancel every few megabytes. */
    private static final class Progress {
        private final ExportListener listener;
        private final long total;
        private long done;
        private long lastCheck;

        Progress(ExportListener listener, long total) {
            this.listener = listener;
            this.total = total;
        }

        void add(long n) throws Cancelled {
            done += n;
            if (done - lastCheck >= CANCEL_CHECK) {
                lastCheck = done;
                listener.progress(Math.min(done, total), total);
                check();
            }
        }

        /** Reports what is written so far, between the every-few-megabytes reports; a cancel is checked too. */
        void report() throws Cancelled {
            listener.progress(Math.min(done, total), total);
            check();
        }

        void check() throws Cancelled {
            if (listener.cancelled()) {
                throw new Cancelled();
            }
        }
    }

    /** The export was cancelled; the partial file is removed by the caller. */
    static final class Cancelled extends IOException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("cancelled");
        }
    }

    /**
     * Passes bytes through to the file while a second thread hashes a copy of them, in order, with
     * BLAKE2b-512: the hash was a quarter of the export's time on one thread. At most
     * {@link #IN_FLIGHT} chunks (age writes 64 KiB ones) wait for the hasher.
     */
    private static final class HashingChannel implements WritableByteChannel {
        private static final int IN_FLIGHT = 64;
        private final WritableByteChannel target;
        private final Blake2b hash = new Blake2b();
        private final ExecutorService hasher = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("harbor-package-hash").factory());
        private final Semaphore waiting = new Semaphore(IN_FLIGHT);

        HashingChannel(WritableByteChannel target) {
            this.target = target;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            ByteBuffer view = src.duplicate();
            int n = target.write(src);
            view.limit(view.position() + n);
            byte[] copy = new byte[n];
            view.get(copy);
            waiting.acquireUninterruptibly();
            hasher.execute(() -> {
                try {
                    hash.update(copy, 0, copy.length);
                } finally {
                    waiting.release();
                }
            });
            return n;
        }

        /** The hash of everything written; call once, after the last write. */
        byte[] digest() throws IOException {
            hasher.shutdown();
            try {
                if (!hasher.awaitTermination(10, TimeUnit.MINUTES)) {
                    throw new IOException("the package hash did not finish");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while hashing the package", e);
            }
            return hash.digest();
        }

        @Override
        public boolean isOpen() {
            return target.isOpen();
        }

        /** Closing the age stream closes this: nothing to do, the file channel's owner closes it. */
        @Override
        public void close() {
        }

        /** Ends the hasher thread, also when the export failed or was cancelled. */
        void stop() {
            hasher.shutdownNow();
        }
    }

}
