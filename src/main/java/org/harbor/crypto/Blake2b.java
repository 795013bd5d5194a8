package org.harbor.crypto;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/** BLAKE2b-512, the prehash of minisign's {@code ED} signatures. */
public final class Blake2b {

    public static final int DIGEST_BITS = 512;
    private final Blake2bDigest digest = new Blake2bDigest(DIGEST_BITS);
    private final byte[] scratch = new byte[1 << 16];

    public void update(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
    }

    public void update(java.nio.ByteBuffer buffer) {
        if (buffer.hasArray()) {
            digest.update(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            buffer.position(buffer.limit());
        } else {
            while (buffer.hasRemaining()) {
                int n = Math.min(scratch.length, buffer.remaining());
                buffer.get(scratch, 0, n);
                digest.update(scratch, 0, n);
            }
        }
    }

    public byte[] digest() {
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /** The BLAKE2b-512 of a whole file, read in large chunks. */
    public static byte[] ofFile(java.nio.file.Path file) throws java.io.IOException {
        Blake2b hash = new Blake2b();
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                hash.update(buffer, 0, n);
            }
        }
        return hash.digest();
    }
}
