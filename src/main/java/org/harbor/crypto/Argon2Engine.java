package org.harbor.crypto;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Argon2id, version 0x13 (RFC 9106), with its memory outside the Java heap (issue 16).
 *
 * <p>BouncyCastle's generator keeps the memory as 65 536 small objects per 64 MiB on the heap.
 * They live for the whole derivation, so every collection during it copies them and the last
 * ones promote them; the 64 MiB then stay in the old generation, and their collection fell into
 * the case list after the log-in (hundreds of milliseconds of pauses at 10 000 cases), and the
 * heap they grew stayed resident. Here the memory is one native block ({@link KdfMemory}), zeroed
 * and handed back to the operating system as soon as the tag is out (the resident memory drops at
 * once), and the derivation allocates almost nothing on the heap. The blocks' arithmetic runs on
 * four 1 KiB arrays; BLAKE2b (the pre-hash and H') is BouncyCastle's. Checked against
 * BouncyCastle's generator and the known answer of RFC 9106 section 5.3 (CryptoTest).
 */
final class Argon2Engine {

    private static final int BLOCK_BYTES = 1024;
    private static final int QWORDS = 128;
    private static final int SYNC_POINTS = 4;
    private static final int VERSION = 0x13;
    private static final int TYPE_ID = 2;
    private static final long M32 = 0xFFFFFFFFL;

    private final int lanes;
    private final int passes;
    private final int blocks;
    private final int laneLength;
    private final int segmentLength;
    private final MemorySegment memory;

    private final long[] prev = new long[QWORDS];
    private final long[] ref = new long[QWORDS];
    private final long[] next = new long[QWORDS];
    private final long[] r = new long[QWORDS];
    private final long[] zero = new long[QWORDS];
    private final long[] input = new long[QWORDS];
    private final long[] address = new long[QWORDS];

    private Argon2Engine(int memoryKiB, int passes, int lanes, MemorySegment memory) {
        this.lanes = lanes;
        this.passes = passes;
        int m = Math.max(memoryKiB, 2 * SYNC_POINTS * lanes);
        this.segmentLength = m / (lanes * SYNC_POINTS);
        this.laneLength = segmentLength * SYNC_POINTS;
        this.blocks = laneLength * lanes;
        this.memory = memory;
    }

    /** The memory a derivation with these parameters takes, in bytes (m' blocks of 1 KiB). */
    static long memoryBytes(int memoryKiB, int lanes) {
        int m = Math.max(memoryKiB, 2 * SYNC_POINTS * lanes);
        return (long) (m / (lanes * SYNC_POINTS)) * SYNC_POINTS * lanes * BLOCK_BYTES;
    }

    /**
     * The tag of {@code tagLength} bytes for the password, salt, optional secret key and
     * associated data (null for none), with {@code memoryKiB} KiB, {@code passes} passes and
     * {@code lanes} lanes.
     */
    static byte[] derive(byte[] password, byte[] salt, byte[] key, byte[] associatedData,
                         int memoryKiB, int passes, int lanes, int tagLength) {
        return derive(password, salt, key, associatedData, memoryKiB, passes, lanes, tagLength, true);
    }

    /** @param mapped false for {@link KdfMemory}'s ordinary allocation, as off Linux (tests) */
    static byte[] derive(byte[] password, byte[] salt, byte[] key, byte[] associatedData,
                         int memoryKiB, int passes, int lanes, int tagLength, boolean mapped) {
        if (passes < 1 || lanes < 1 || memoryKiB < 8 * lanes || tagLength < 4) {
            throw new IllegalArgumentException("Argon2 parameters out of range");
        }
        try (KdfMemory memory = KdfMemory.allocate(memoryBytes(memoryKiB, lanes), mapped)) {
            Argon2Engine engine = new Argon2Engine(memoryKiB, passes, lanes, memory.blocks());
            byte[] h0 = engine.preHash(password, salt, key, associatedData, memoryKiB, tagLength);
            try {
                engine.firstBlocks(h0);
            } finally {
                Arrays.fill(h0, (byte) 0);
            }
            engine.fill();
            return engine.tag(tagLength);
        }
    }

    private byte[] preHash(byte[] password, byte[] salt, byte[] key, byte[] associatedData, int memoryKiB, int tagLength) {
        Blake2bDigest h = new Blake2bDigest(512);
        int[] numbers = {lanes, tagLength, memoryKiB, passes, VERSION, TYPE_ID};
        for (int n : numbers) {
            update32(h, n);
        }
        lengthPrefixed(h, password);
        lengthPrefixed(h, salt);
        lengthPrefixed(h, key);
        lengthPrefixed(h, associatedData);
        byte[] out = new byte[64];
        h.doFinal(out, 0);
        return out;
    }

    private static void lengthPrefixed(Blake2bDigest h, byte[] value) {
        if (value == null) {
            update32(h, 0);
        } else {
            update32(h, value.length);
            h.update(value, 0, value.length);
        }
    }

    private static void update32(Blake2bDigest h, int n) {
        h.update((byte) n);
        h.update((byte) (n >>> 8));
        h.update((byte) (n >>> 16));
        h.update((byte) (n >>> 24));
    }

    /** H', the variable-length hash of RFC 9106 section 3.3. */
    static byte[] hashPrime(byte[] in, int length) {
        byte[] out = new byte[length];
        byte[] prefix = {(byte) length, (byte) (length >>> 8), (byte) (length >>> 16), (byte) (length >>> 24)};
        if (length <= 64) {
            Blake2bDigest h = new Blake2bDigest(length * 8);
            h.update(prefix, 0, 4);
            h.update(in, 0, in.length);
            h.doFinal(out, 0);
            return out;
        }
        byte[] v = new byte[64];
        Blake2bDigest h = new Blake2bDigest(512);
        h.update(prefix, 0, 4);
        h.update(in, 0, in.length);
        h.doFinal(v, 0);
        int r = (length + 31) / 32 - 2;
        int at = 0;
        System.arraycopy(v, 0, out, at, 32);
        at += 32;
        for (int i = 2; i <= r; i++) {
            h.update(v, 0, 64);
            h.doFinal(v, 0);
            System.arraycopy(v, 0, out, at, 32);
            at += 32;
        }
        int last = length - 32 * r;
        Blake2bDigest tail = new Blake2bDigest(last * 8);
        tail.update(v, 0, 64);
        byte[] end = new byte[last];
        tail.doFinal(end, 0);
        System.arraycopy(end, 0, out, at, last);
        Arrays.fill(v, (byte) 0);
        Arrays.fill(end, (byte) 0);
        return out;
    }

    private void firstBlocks(byte[] h0) {
        byte[] seed = Arrays.copyOf(h0, 72);
        try {
            for (int lane = 0; lane < lanes; lane++) {
                for (int column = 0; column < 2; column++) {
                    put32(seed, 64, column);
                    put32(seed, 68, lane);
                    byte[] block = hashPrime(seed, BLOCK_BYTES);
                    for (int i = 0; i < QWORDS; i++) {
                        next[i] = getLong(block, i * 8);
                    }
                    Arrays.fill(block, (byte) 0);
                    store(lane * laneLength + column, next);
                }
            }
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private void fill() {
        for (int pass = 0; pass < passes; pass++) {
            for (int slice = 0; slice < SYNC_POINTS; slice++) {
                for (int lane = 0; lane < lanes; lane++) {
                    fillSegment(pass, slice, lane);
                }
            }
        }
    }

    private void fillSegment(int pass, int slice, int lane) {
        boolean independent = pass == 0 && slice < SYNC_POINTS / 2;
        if (independent) {
            Arrays.fill(input, 0);
            input[0] = pass;
            input[1] = lane;
            input[2] = slice;
            input[3] = blocks;
            input[4] = passes;
            input[5] = TYPE_ID;
        }
        int start = 0;
        if (pass == 0 && slice == 0) {
            start = 2;
            if (independent) {
                nextAddresses();
            }
        }
        int current = lane * laneLength + slice * segmentLength + start;
        int previous = current % laneLength == 0 ? current + laneLength - 1 : current - 1;
        load(previous, prev);
        for (int i = start; i < segmentLength; i++, current++) {
            long pseudoRandom;
            if (independent) {
                if (i % QWORDS == 0) {
                    nextAddresses();
                }
                pseudoRandom = address[i % QWORDS];
            } else {
                pseudoRandom = prev[0];
            }
            int refLane = (int) ((pseudoRandom >>> 32) % lanes);
            if (pass == 0 && slice == 0) {
                refLane = lane;
            }
            int refIndex = referenceIndex(pass, slice, i, pseudoRandom & 0xFFFFFFFFL, refLane == lane);
            load(refLane * laneLength + refIndex, ref);
            boolean withXor = pass > 0;
            if (withXor) {
                load(current, next);
            }
            compress(prev, ref, next, withXor);
            store(current, next);
            System.arraycopy(next, 0, prev, 0, QWORDS);
        }
    }

    /** RFC 9106 section 3.4.1.2: the reference block's column in its lane. */
    private int referenceIndex(int pass, int slice, int index, long j1, boolean sameLane) {
        long area;
        if (pass == 0) {
            if (slice == 0) {
                area = index - 1;
            } else if (sameLane) {
                area = (long) slice * segmentLength + index - 1;
            } else {
                area = (long) slice * segmentLength + (index == 0 ? -1 : 0);
            }
        } else if (sameLane) {
            area = laneLength - segmentLength + index - 1;
        } else {
            area = laneLength - segmentLength + (index == 0 ? -1 : 0);
        }
        long x = (j1 * j1) >>> 32;
        long relative = area - 1 - ((area * x) >>> 32);
        long startPosition = 0;
        if (pass != 0) {
            startPosition = slice == SYNC_POINTS - 1 ? 0 : (long) (slice + 1) * segmentLength;
        }
        return (int) ((startPosition + relative) % laneLength);
    }

    private void nextAddresses() {
        input[6]++;
        Arrays.fill(address, 0);
        compress(zero, input, address, false);
        System.arraycopy(address, 0, ref, 0, QWORDS);
        compress(zero, ref, address, false);
    }

    /**
     * The compression function G of RFC 9106 section 3.5: {@code out = P(x ^ y) ^ (x ^ y)}, and
     * with {@code withXor} also xored with {@code out}'s old value (passes after the first).
     */
    private void compress(long[] x, long[] y, long[] out, boolean withXor) {
        long[] v = r;
        for (int i = 0; i < QWORDS; i++) {
            v[i] = x[i] ^ y[i];
        }
        if (withXor) {
            for (int i = 0; i < QWORDS; i++) {
                out[i] ^= v[i];
            }
        } else {
            System.arraycopy(v, 0, out, 0, QWORDS);
        }
        for (int i = 0; i < 8; i++) {
            int b = 16 * i;
            round(v, b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7,
                    b + 8, b + 9, b + 10, b + 11, b + 12, b + 13, b + 14, b + 15);
        }
        for (int i = 0; i < 8; i++) {
            int b = 2 * i;
            round(v, b, b + 1, b + 16, b + 17, b + 32, b + 33, b + 48, b + 49,
                    b + 64, b + 65, b + 80, b + 81, b + 96, b + 97, b + 112, b + 113);
        }
        for (int i = 0; i < QWORDS; i++) {
            out[i] ^= v[i];
        }
    }

    /** The permutation P over sixteen words of {@code v}, held in locals (registers) while it runs. */
    private static void round(long[] v, int i0, int i1, int i2, int i3, int i4, int i5, int i6, int i7,
                              int i8, int i9, int i10, int i11, int i12, int i13, int i14, int i15) {
        long v0 = v[i0];
        long v1 = v[i1];
        long v2 = v[i2];
        long v3 = v[i3];
        long v4 = v[i4];
        long v5 = v[i5];
        long v6 = v[i6];
        long v7 = v[i7];
        long v8 = v[i8];
        long v9 = v[i9];
        long v10 = v[i10];
        long v11 = v[i11];
        long v12 = v[i12];
        long v13 = v[i13];
        long v14 = v[i14];
        long v15 = v[i15];
        v0 = v0 + v4 + 2 * (v0 & M32) * (v4 & M32);
        v12 = Long.rotateRight(v12 ^ v0, 32);
        v8 = v8 + v12 + 2 * (v8 & M32) * (v12 & M32);
        v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + v4 + 2 * (v0 & M32) * (v4 & M32);
        v12 = Long.rotateRight(v12 ^ v0, 16);
        v8 = v8 + v12 + 2 * (v8 & M32) * (v12 & M32);
        v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + v5 + 2 * (v1 & M32) * (v5 & M32);
        v13 = Long.rotateRight(v13 ^ v1, 32);
        v9 = v9 + v13 + 2 * (v9 & M32) * (v13 & M32);
        v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + v5 + 2 * (v1 & M32) * (v5 & M32);
        v13 = Long.rotateRight(v13 ^ v1, 16);
        v9 = v9 + v13 + 2 * (v9 & M32) * (v13 & M32);
        v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + v6 + 2 * (v2 & M32) * (v6 & M32);
        v14 = Long.rotateRight(v14 ^ v2, 32);
        v10 = v10 + v14 + 2 * (v10 & M32) * (v14 & M32);
        v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + v6 + 2 * (v2 & M32) * (v6 & M32);
        v14 = Long.rotateRight(v14 ^ v2, 16);
        v10 = v10 + v14 + 2 * (v10 & M32) * (v14 & M32);
        v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + v7 + 2 * (v3 & M32) * (v7 & M32);
        v15 = Long.rotateRight(v15 ^ v3, 32);
        v11 = v11 + v15 + 2 * (v11 & M32) * (v15 & M32);
        v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + v7 + 2 * (v3 & M32) * (v7 & M32);
        v15 = Long.rotateRight(v15 ^ v3, 16);
        v11 = v11 + v15 + 2 * (v11 & M32) * (v15 & M32);
        v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + v5 + 2 * (v0 & M32) * (v5 & M32);
        v15 = Long.rotateRight(v15 ^ v0, 32);
        v10 = v10 + v15 + 2 * (v10 & M32) * (v15 & M32);
        v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + v5 + 2 * (v0 & M32) * (v5 & M32);
        v15 = Long.rotateRight(v15 ^ v0, 16);
        v10 = v10 + v15 + 2 * (v10 & M32) * (v15 & M32);
        v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + v6 + 2 * (v1 & M32) * (v6 & M32);
        v12 = Long.rotateRight(v12 ^ v1, 32);
        v11 = v11 + v12 + 2 * (v11 & M32) * (v12 & M32);
        v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + v6 + 2 * (v1 & M32) * (v6 & M32);
        v12 = Long.rotateRight(v12 ^ v1, 16);
        v11 = v11 + v12 + 2 * (v11 & M32) * (v12 & M32);
        v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + v7 + 2 * (v2 & M32) * (v7 & M32);
        v13 = Long.rotateRight(v13 ^ v2, 32);
        v8 = v8 + v13 + 2 * (v8 & M32) * (v13 & M32);
        v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + v7 + 2 * (v2 & M32) * (v7 & M32);
        v13 = Long.rotateRight(v13 ^ v2, 16);
        v8 = v8 + v13 + 2 * (v8 & M32) * (v13 & M32);
        v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + v4 + 2 * (v3 & M32) * (v4 & M32);
        v14 = Long.rotateRight(v14 ^ v3, 32);
        v9 = v9 + v14 + 2 * (v9 & M32) * (v14 & M32);
        v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + v4 + 2 * (v3 & M32) * (v4 & M32);
        v14 = Long.rotateRight(v14 ^ v3, 16);
        v9 = v9 + v14 + 2 * (v9 & M32) * (v14 & M32);
        v4 = Long.rotateRight(v4 ^ v9, 63);
        v[i0] = v0;
        v[i1] = v1;
        v[i2] = v2;
        v[i3] = v3;
        v[i4] = v4;
        v[i5] = v5;
        v[i6] = v6;
        v[i7] = v7;
        v[i8] = v8;
        v[i9] = v9;
        v[i10] = v10;
        v[i11] = v11;
        v[i12] = v12;
        v[i13] = v13;
        v[i14] = v14;
        v[i15] = v15;
    }


    private byte[] tag(int tagLength) {
        Arrays.fill(next, 0);
        for (int lane = 0; lane < lanes; lane++) {
            load(lane * laneLength + laneLength - 1, ref);
            for (int i = 0; i < QWORDS; i++) {
                next[i] ^= ref[i];
            }
        }
        byte[] last = new byte[BLOCK_BYTES];
        for (int i = 0; i < QWORDS; i++) {
            putLong(last, i * 8, next[i]);
        }
        try {
            return hashPrime(last, tagLength);
        } finally {
            Arrays.fill(last, (byte) 0);
            for (long[] a : new long[][] {prev, ref, next, r, input, address}) {
                Arrays.fill(a, 0);
            }
        }
    }

    private void load(int block, long[] into) {
        MemorySegment.copy(memory, ValueLayout.JAVA_LONG, (long) block * BLOCK_BYTES, into, 0, QWORDS);
    }

    private void store(int block, long[] from) {
        MemorySegment.copy(from, 0, memory, ValueLayout.JAVA_LONG, (long) block * BLOCK_BYTES, QWORDS);
    }

    private static void put32(byte[] b, int at, int n) {
        b[at] = (byte) n;
        b[at + 1] = (byte) (n >>> 8);
        b[at + 2] = (byte) (n >>> 16);
        b[at + 3] = (byte) (n >>> 24);
    }

    private static long getLong(byte[] b, int at) {
        long x = 0;
        for (int i = 7; i >= 0; i--) {
            x = (x << 8) | (b[at + i] & 0xFFL);
        }
        return x;
    }

    private static void putLong(byte[] b, int at, long x) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (x >>> (8 * i));
        }
    }
}
