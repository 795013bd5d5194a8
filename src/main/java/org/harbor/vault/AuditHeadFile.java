package org.harbor.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.harbor.crypto.Hashes;
import org.harbor.crypto.SecretKey;

/**
 * {@code audit.head}: the audit chain's head {@code (entries, hash)} as of the last committed batch
 * of audit entries, outside the database, so that committed rows lost from the database (a
 * damaged or cut {@code -wal}, an older copy of {@code harbor.db}) show at the next open.
 *
 * <p>Two fixed records of {@link #RECORD} bytes; each write overwrites the older one in place
 * (counter parity picks it), so a torn write leaves the other intact. A record is
 * {@code magic ‖ counter ‖ entries ‖ hash ‖ HMAC-SHA-256}, keyed with a key derived from the data
 * key: without it no one can write a head that verifies.
 *
 * <p><b>Sync order, not fsync.</b> A write happens only after SQLite's commit returned, and with
 * {@code synchronous=FULL} that commit is already on the disk. The head itself is left in the page
 * cache (forced only at creation and at lock): a killed process loses nothing of it, and a power
 * cut can leave it older than the database, never newer. An older head only weakens the check;
 * it never reports a loss that did not happen. Forcing it after every batch would add a second
 * disk flush to every audited action for no gain in what it proves.
 */
final class AuditHeadFile implements AutoCloseable {

    static final int RECORD = 96;
    private static final byte[] MAGIC = "HAH1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LABEL = "harbor audit head file v1".getBytes(StandardCharsets.US_ASCII);
    private static final int SIGNED = MAGIC.length + 8 + 8 + 32;

    /** A head read back: how many entries, the hash of the last, and the write counter. */
    record Head(long counter, long entries, String hash) {
    }

    private final FileChannel channel;
    private final byte[] macKey;
    private long counter;

    private AuditHeadFile(FileChannel channel, byte[] macKey, long counter) {
        this.channel = channel;
        this.macKey = macKey;
        this.counter = counter;
    }

    /** Derives the MAC key from the data key; the caller wipes it with {@link #close}. */
    private static byte[] macKey(SecretKey dataKey) {
        byte[] raw = dataKey.copyBytes();
        try {
            return Hashes.sha256(LABEL, raw);
        } finally {
            SecretKey.wipe(raw);
        }
    }

    /** Creates (or replaces) the file with {@code (entries, hash)} in both records, and forces it. */
    static AuditHeadFile create(Path file, SecretKey dataKey, long entries, String hash) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        AuditHeadFile head = new AuditHeadFile(channel, macKey(dataKey), 0);
        try {
            head.write(entries, hash);
            head.write(entries, hash);
            channel.force(true);
            AtomicFiles.forceDirectory(file.toAbsolutePath().getParent());
            return head;
        } catch (IOException | RuntimeException e) {
            head.close();
            throw e;
        }
    }

    /**
     * Opens an existing file. The newest record whose MAC holds is returned as {@code head}; empty
     * when neither holds (an altered or foreign file).
     */
    static Opened open(Path file, SecretKey dataKey) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        byte[] key = macKey(dataKey);
        try {
            Head best = null;
            for (int slot = 0; slot < 2; slot++) {
                ByteBuffer buffer = ByteBuffer.allocate(RECORD);
                while (buffer.hasRemaining() && channel.read(buffer, (long) slot * RECORD + buffer.position()) > 0) {
                    // read the whole record, or as much as the file has
                }
                Optional<Head> read = parse(buffer.array(), buffer.position(), key);
                if (read.isPresent() && (best == null || read.get().counter() > best.counter())) {
                    best = read.get();
                }
            }
            AuditHeadFile opened = new AuditHeadFile(channel, key, best == null ? 0 : best.counter());
            return new Opened(opened, Optional.ofNullable(best));
        } catch (IOException | RuntimeException e) {
            channel.close();
            java.util.Arrays.fill(key, (byte) 0);
            throw e;
        }
    }

    record Opened(AuditHeadFile file, Optional<Head> head) {
    }

    private static Optional<Head> parse(byte[] record, int length, byte[] key) {
        if (length < SIGNED + 32) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(record);
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        if (!MessageDigest.isEqual(magic, MAGIC)) {
            return Optional.empty();
        }
        long counter = in.getLong();
        long entries = in.getLong();
        byte[] hash = new byte[32];
        in.get(hash);
        byte[] mac = new byte[32];
        in.get(mac);
        if (!MessageDigest.isEqual(mac, mac(key, record, SIGNED)) || entries < 0 || counter < 0) {
            return Optional.empty();
        }
        return Optional.of(new Head(counter, entries, Hashes.hex(hash)));
    }

    /** Writes {@code (entries, hash)} over the older record; not forced (see the class comment). */
    void write(long entries, String hash) throws IOException {
        long next = counter + 1;
        ByteBuffer out = ByteBuffer.allocate(RECORD);
        out.put(MAGIC).putLong(next).putLong(entries).put(Hashes.unhex(hash));
        out.put(mac(macKey, out.array(), SIGNED));
        out.rewind();
        long position = (next % 2) * RECORD;
        while (out.hasRemaining()) {
            position += channel.write(out, position);
        }
        counter = next;
    }

    void force() throws IOException {
        channel.force(true);
    }

    private static byte[] mac(byte[] key, byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public void close() {
        java.util.Arrays.fill(macKey, (byte) 0);
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to do with a file that will not close
        }
    }

    static boolean exists(Path file) {
        return Files.exists(file);
    }
}
