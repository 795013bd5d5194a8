package org.harbor.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * BLAKE2b-512 (RFC 7693, unkeyed), the prehash of minisign's {@code ED} signatures.
 *
 * <p>Written here rather than taken from BouncyCastle: a package is hashed whole at export and
 * again at import, and a profile of {@code bench/packages.sh} had BouncyCastle's digest at about a
 * quarter of the export's CPU time. This one keeps the working vector in local variables, so the
 * JIT holds it in registers, and reads message words with a little-endian view of the block:
 * about 330 MB/s against BouncyCastle's 195 on the project's machine. {@code Blake2bTest} checks
 * it against RFC 7693's vector and against BouncyCastle.
 */
public final class Blake2b {

    public static final int DIGEST_BITS = 512;
    private static final int DIGEST_BYTES = 64;
    private static final int BLOCK = 128;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long IV0 = 0x6a09e667f3bcc908L;
    private static final long IV1 = 0xbb67ae8584caa73bL;
    private static final long IV2 = 0x3c6ef372fe94f82bL;
    private static final long IV3 = 0xa54ff53a5f1d36f1L;
    private static final long IV4 = 0x510e527fade682d1L;
    private static final long IV5 = 0x9b05688c2b3e6c1fL;
    private static final long IV6 = 0x1f83d9abfb41bd6bL;
    private static final long IV7 = 0x5be0cd19137e2179L;

    /** The message schedule of RFC 7693 section 2.7; rounds 10 and 11 use rows 0 and 1 again. */
    private static final byte[][] SIGMA = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
        {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
        {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
        {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
        {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
        {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
        {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
        {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
        {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
        {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    };

    private final long[] h = {
        IV0 ^ 0x01010000L ^ DIGEST_BYTES, IV1, IV2, IV3, IV4, IV5, IV6, IV7,
    };
    private final long[] m = new long[16];
    /** The last block seen is held back: only the final block is compressed with the final flag. */
    private final byte[] buffer = new byte[BLOCK];
    private int buffered;
    private long countLow;
    private long countHigh;
    private boolean finished;

    public void update(byte[] bytes, int offset, int length) {
        if (finished) {
            throw new IllegalStateException("the digest was already taken");
        }
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length == 0) {
            return;
        }
        if (buffered > 0) {
            int take = Math.min(BLOCK - buffered, length);
            System.arraycopy(bytes, offset, buffer, buffered, take);
            buffered += take;
            offset += take;
            length -= take;
            if (length == 0) {
                return;
            }
            count(BLOCK);
            compress(buffer, 0, false);
            buffered = 0;
        }
        // Whole blocks straight from the input, keeping at least one byte back for the last block.
        while (length > BLOCK) {
            count(BLOCK);
            compress(bytes, offset, false);
            offset += BLOCK;
            length -= BLOCK;
        }
        System.arraycopy(bytes, offset, buffer, 0, length);
        buffered = length;
    }

    public void update(ByteBuffer source) {
        if (source.hasArray()) {
            update(source.array(), source.arrayOffset() + source.position(), source.remaining());
            source.position(source.limit());
            return;
        }
        byte[] chunk = new byte[Math.min(source.remaining(), 1 << 16)];
        while (source.hasRemaining()) {
            int n = Math.min(chunk.length, source.remaining());
            source.get(chunk, 0, n);
            update(chunk, 0, n);
        }
    }

    public byte[] digest() {
        if (finished) {
            throw new IllegalStateException("the digest was already taken");
        }
        finished = true;
        count(buffered);
        java.util.Arrays.fill(buffer, buffered, BLOCK, (byte) 0);
        compress(buffer, 0, true);
        byte[] out = new byte[DIGEST_BYTES];
        for (int i = 0; i < 8; i++) {
            LONGS.set(out, i * 8, h[i]);
        }
        java.util.Arrays.fill(buffer, (byte) 0);
        return out;
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

    private void count(int bytes) {
        long before = countLow;
        countLow += bytes;
        if (Long.compareUnsigned(countLow, before) < 0) {
            countHigh++;
        }
    }

    private void compress(byte[] block, int offset, boolean last) {
        long[] w = m;
        for (int i = 0; i < 16; i++) {
            w[i] = (long) LONGS.get(block, offset + i * 8);
        }
        long v0 = h[0];
        long v1 = h[1];
        long v2 = h[2];
        long v3 = h[3];
        long v4 = h[4];
        long v5 = h[5];
        long v6 = h[6];
        long v7 = h[7];
        long v8 = IV0;
        long v9 = IV1;
        long v10 = IV2;
        long v11 = IV3;
        long v12 = IV4 ^ countLow;
        long v13 = IV5 ^ countHigh;
        long v14 = last ? ~IV6 : IV6;
        long v15 = IV7;
        for (int r = 0; r < 12; r++) {
            byte[] s = SIGMA[r % 10];
            // G(0, 4, 8, 12)
            v0 += v4 + w[s[0]];
            v12 = Long.rotateRight(v12 ^ v0, 32);
            v8 += v12;
            v4 = Long.rotateRight(v4 ^ v8, 24);
            v0 += v4 + w[s[1]];
            v12 = Long.rotateRight(v12 ^ v0, 16);
            v8 += v12;
            v4 = Long.rotateRight(v4 ^ v8, 63);
            // G(1, 5, 9, 13)
            v1 += v5 + w[s[2]];
            v13 = Long.rotateRight(v13 ^ v1, 32);
            v9 += v13;
            v5 = Long.rotateRight(v5 ^ v9, 24);
            v1 += v5 + w[s[3]];
            v13 = Long.rotateRight(v13 ^ v1, 16);
            v9 += v13;
            v5 = Long.rotateRight(v5 ^ v9, 63);
            // G(2, 6, 10, 14)
            v2 += v6 + w[s[4]];
            v14 = Long.rotateRight(v14 ^ v2, 32);
            v10 += v14;
            v6 = Long.rotateRight(v6 ^ v10, 24);
            v2 += v6 + w[s[5]];
            v14 = Long.rotateRight(v14 ^ v2, 16);
            v10 += v14;
            v6 = Long.rotateRight(v6 ^ v10, 63);
            // G(3, 7, 11, 15)
            v3 += v7 + w[s[6]];
            v15 = Long.rotateRight(v15 ^ v3, 32);
            v11 += v15;
            v7 = Long.rotateRight(v7 ^ v11, 24);
            v3 += v7 + w[s[7]];
            v15 = Long.rotateRight(v15 ^ v3, 16);
            v11 += v15;
            v7 = Long.rotateRight(v7 ^ v11, 63);
            // G(0, 5, 10, 15)
            v0 += v5 + w[s[8]];
            v15 = Long.rotateRight(v15 ^ v0, 32);
            v10 += v15;
            v5 = Long.rotateRight(v5 ^ v10, 24);
            v0 += v5 + w[s[9]];
            v15 = Long.rotateRight(v15 ^ v0, 16);
            v10 += v15;
            v5 = Long.rotateRight(v5 ^ v10, 63);
            // G(1, 6, 11, 12)
            v1 += v6 + w[s[10]];
            v12 = Long.rotateRight(v12 ^ v1, 32);
            v11 += v12;
            v6 = Long.rotateRight(v6 ^ v11, 24);
            v1 += v6 + w[s[11]];
            v12 = Long.rotateRight(v12 ^ v1, 16);
            v11 += v12;
            v6 = Long.rotateRight(v6 ^ v11, 63);
            // G(2, 7, 8, 13)
            v2 += v7 + w[s[12]];
            v13 = Long.rotateRight(v13 ^ v2, 32);
            v8 += v13;
            v7 = Long.rotateRight(v7 ^ v8, 24);
            v2 += v7 + w[s[13]];
            v13 = Long.rotateRight(v13 ^ v2, 16);
            v8 += v13;
            v7 = Long.rotateRight(v7 ^ v8, 63);
            // G(3, 4, 9, 14)
            v3 += v4 + w[s[14]];
            v14 = Long.rotateRight(v14 ^ v3, 32);
            v9 += v14;
            v4 = Long.rotateRight(v4 ^ v9, 24);
            v3 += v4 + w[s[15]];
            v14 = Long.rotateRight(v14 ^ v3, 16);
            v9 += v14;
            v4 = Long.rotateRight(v4 ^ v9, 63);
        }
        h[0] ^= v0 ^ v8;
        h[1] ^= v1 ^ v9;
        h[2] ^= v2 ^ v10;
        h[3] ^= v3 ^ v11;
        h[4] ^= v4 ^ v12;
        h[5] ^= v5 ^ v13;
        h[6] ^= v6 ^ v14;
        h[7] ^= v7 ^ v15;
    }
}
