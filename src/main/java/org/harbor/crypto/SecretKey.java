package org.harbor.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * A symmetric key held in memory only as long as it is needed.
 *
 * <p>Callers use it in try-with-resources; {@link #close()} overwrites the bytes. Every access after
 * that fails loudly rather than silently using a zeroed key.
 */
public final class SecretKey implements Destroyable, AutoCloseable {

    public static final int LENGTH = 32;

    private final byte[] bytes;
    private volatile boolean destroyed;

    private SecretKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Takes ownership of {@code bytes}: the caller must not keep or reuse the array. */
    public static SecretKey wrap(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a key has " + LENGTH + " bytes");
        }
        return new SecretKey(bytes);
    }

    public static SecretKey random() {
        return new SecretKey(CryptoRandom.bytes(LENGTH));
    }

    /** A copy of the key bytes; the caller wipes it with {@link #wipe(byte[])} after use. */
    public byte[] copyBytes() {
        ensureAlive();
        return bytes.clone();
    }

    public SecretKey copy() {
        return new SecretKey(copyBytes());
    }

    public boolean sameAs(SecretKey other) {
        ensureAlive();
        other.ensureAlive();
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "SecretKey[hidden]";
    }

    private void ensureAlive() {
        if (destroyed) {
            throw new IllegalStateException("the key was destroyed");
        }
    }

    public static void wipe(byte[] data) {
        if (data != null) {
            Arrays.fill(data, (byte) 0);
        }
    }

    public static void wipe(char[] data) {
        if (data != null) {
            Arrays.fill(data, '\0');
        }
    }
}
