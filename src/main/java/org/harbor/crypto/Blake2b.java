package org.harbor.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * BLAKE2b-512 (RFC 7693, unkeyed), the prehash of minisign's {@code ED} signatures: BouncyCastle's
 * digest behind the small API the package writer and reader use (whole arrays, buffers, a file,
 * one digest per instance).
 *
 * <p>Harbor had its own implementation, kept while it measured faster; issue 16 keeps it only at
 * ≥ 1.5 × BouncyCastle's, and {@code bench/blake2b.sh} measured 1.49 × and 1.27 × on the shared
 * project machine (2026-12-04), so one implementation fewer to trust. {@code Blake2bTest} checks
 * RFC 7693's vector and every length from 0 to past two blocks.
 */
public final class Blake2b {

    public static final int DIGEST_BITS = 512;
    private static final int DIGEST_BYTES = 64;

    private final Blake2bDigest digest = new Blake2bDigest(DIGEST_BITS);
    private boolean finished;

    public void update(byte[] bytes, int offset, int length) {
        requireOpen();
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        digest.update(bytes, offset, length);
    }

    public void update(ByteBuffer source) {
        requireOpen();
        if (source.hasArray()) {
            digest.update(source.array(), source.arrayOffset() + source.position(), source.remaining());
            source.position(source.limit());
            return;
        }
        byte[] chunk = new byte[Math.min(source.remaining(), 1 << 16)];
        while (source.hasRemaining()) {
            int n = Math.min(chunk.length, source.remaining());
            source.get(chunk, 0, n);
            digest.update(chunk, 0, n);
        }
    }

    public byte[] digest() {
        requireOpen();
        finished = true;
        byte[] out = new byte[DIGEST_BYTES];
        digest.doFinal(out, 0);
        return out;
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("the digest was already taken");
        }
    }

    /** The BLAKE2b-512 of a whole file, read in large chunks. */
    public static byte[] ofFile(Path file) throws IOException {
        Blake2b hash = new Blake2b();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[1 << 20];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                hash.update(chunk, 0, n);
            }
        }
        return hash.digest();
    }
}
