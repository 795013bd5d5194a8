package org.harbor.attachments;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.harbor.crypto.Age;
import org.harbor.crypto.AgeIdentity;
import org.harbor.crypto.CryptoRandom;
import org.harbor.crypto.Hashes;
import org.harbor.i18n.Refusal;
import org.harbor.vault.AtomicFiles;

/**
 * The blob files under {@code HARBOR_HOME/blobs/}: age files with random names. A new blob is
 * written under a temporary name in the same folder, forced to disk, then renamed, so a crash
 * leaves either nothing or a whole file. Nothing here knows a file's name, type or case.
 */
final class BlobStore {

    static final String SUFFIX = ".age";
    private static final String TEMP_PREFIX = ".incoming-";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{32}\\.age");
    /** Temporary files younger than this may belong to an attach still running. */
    private static final Duration STALE = Duration.ofHours(1);

    private final Path dir;

    BlobStore(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** A new, empty temporary file in the blobs folder (created private on first use). */
    Path newTemp() throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the per-user data folder protects it
            }
        }
        return Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX);
    }

    /** Gives a finished temporary file its random final name, durably; returns that name. */
    String commit(Path temp) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String name = Hashes.hex(CryptoRandom.bytes(16)) + SUFFIX;
            Path target = dir.resolve(name);
            try {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target);
                }
                AtomicFiles.forceDirectory(dir);
                return name;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 3) {
                    throw e;
                }
            }
        }
    }

    /** An open blob being written; after {@link #close()}, the digests of its payload (the ciphertext after age's header). */
    interface BlobOut extends WritableByteChannel {
        String payloadSha256();

        long payloadCrc32();
    }

    /**
     * Opens a temporary file for the ciphertext of a new blob. Closing the returned channel writes
     * age's last chunk and forces the file to disk. The payload's SHA-256 and CRC-32 are taken as it
     * is written (issue 16: package format 2 ships the payload as it is, under those digests).
     */
    BlobOut encryptingTo(Path temp, String recipient) throws IOException {
        FileChannel file = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            PayloadDigest digest = new PayloadDigest(file);
            WritableByteChannel age = Age.encrypting(digest, List.of(recipient));
            return new BlobOut() {
                @Override
                public int write(ByteBuffer src) throws IOException {
                    return age.write(src);
                }

                @Override
                public boolean isOpen() {
                    return age.isOpen();
                }

                @Override
                public void close() throws IOException {
                    try (file) {
                        age.close();
                        file.force(true);
                    }
                }

                @Override
                public String payloadSha256() {
                    return digest.sha256();
                }

                @Override
                public long payloadCrc32() {
                    return digest.crc32();
                }
            };
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /**
     * The payload digests of blob {@code name}, read from its file: for blobs attached before vault
     * migration 0019, once.
     */
    PayloadDigests payloadDigests(String name) throws IOException {
        try (FileChannel file = FileChannel.open(path(name), StandardOpenOption.READ)) {
            long offset = org.harbor.crypto.AgeHeaders.headerLength(file);
            java.security.MessageDigest sha = Hashes.sha256();
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            for (long at = offset; ; ) {
                buffer.clear();
                int n = file.read(buffer, at);
                if (n < 0) {
                    break;
                }
                at += n;
                buffer.flip();
                sha.update(buffer.duplicate());
                crc.update(buffer);
            }
            return new PayloadDigests(Hashes.hex(sha.digest()), crc.getValue());
        }
    }

    /** The SHA-256 (hex) and CRC-32 of a blob's payload. */
    record PayloadDigests(String sha256, long crc32) {
    }

    /** The plaintext of blob {@code name}, checked against the recorded hash and size as it is read. */
    VerifyingInputStream open(String name, AgeIdentity identity, String sha256, long size)
            throws AlteredBlobException {
        Age.Decryptor decryptor;
        try {
            decryptor = Age.decryptor(List.of(identity));
        } catch (IOException | RuntimeException e) {
            throw new AlteredBlobException("the stored file does not decrypt", e);
        }
        return open(name, decryptor, sha256, size);
    }

    /** The same with a decryptor made once for many blobs (the package writer's). */
    VerifyingInputStream open(String name, Age.Decryptor decryptor, String sha256, long size)
            throws AlteredBlobException {
        FileChannel file;
        try {
            file = FileChannel.open(path(name), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new Refusal("attachments.error.missing");
        } catch (IOException e) {
            throw new AlteredBlobException("the stored file cannot be read", e);
        }
        try {
            ReadableByteChannel plaintext = decryptor.decrypting(file);
            return new VerifyingInputStream(plaintext, sha256, size);
        } catch (IOException | RuntimeException e) {
            closeQuietly(file);
            throw new AlteredBlobException("the stored file does not decrypt", e);
        }
    }

    Path path(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalStateException("not a blob name");
        }
        return dir.resolve(name);
    }

    void delete(String name) {
        try {
            Files.deleteIfExists(path(name));
        } catch (IOException e) {
            // an encrypted leftover is harmless; the next sweep removes it
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // encrypted leftover in the blobs folder: the sweep removes it
        }
    }

    /** Removes blobs not in {@code known} and temporary files left by an interrupted attach. */
    int sweep(Set<String> known, Instant now) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                boolean orphan = NAME.matcher(name).matches() && !known.contains(name);
                boolean staleTemp = name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX)
                        && Files.getLastModifiedTime(file).toInstant().isBefore(now.minus(STALE));
                if (orphan || staleTemp) {
                    deleteQuietly(file);
                    removed++;
                }
            }
        }
        return removed;
    }

    Set<String> names() throws IOException {
        Set<String> out = new TreeSet<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.map(f -> f.getFileName().toString()).filter(n -> NAME.matcher(n).matches()).forEach(out::add);
            }
        }
        return out;
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was read
        }
    }

    /**
     * Passes age's output to the file (leaving it open for its owner to force and close) and hashes
     * what follows the header: the header is kept until its MAC line ends, then the rest is digested
     * as it goes by.
     */
    private static final class PayloadDigest implements WritableByteChannel {
        private final FileChannel file;
        private final java.security.MessageDigest sha = Hashes.sha256();
        private final java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        private java.io.ByteArrayOutputStream header = new java.io.ByteArrayOutputStream(256);
        private String sha256;

        PayloadDigest(FileChannel file) {
            this.file = file;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            ByteBuffer view = src.duplicate();
            int n = 0;
            while (src.hasRemaining()) {
                n += file.write(src);
            }
            view.limit(view.position() + n);
            if (header != null) {
                while (view.hasRemaining() && header != null) {
                    byte b = view.get();
                    header.write(b);
                    if (b == '\n' && org.harbor.crypto.AgeHeaders.endsHeader(header.toByteArray())) {
                        header = null;
                    }
                }
            }
            sha.update(view.duplicate());
            crc.update(view);
            return n;
        }

        String sha256() {
            if (sha256 == null) {
                sha256 = Hashes.hex(sha.digest());
            }
            return sha256;
        }

        long crc32() {
            return crc.getValue();
        }

        @Override
        public boolean isOpen() {
            return file.isOpen();
        }

        @Override
        public void close() {
            // the owner forces and closes the file
        }
    }
}
