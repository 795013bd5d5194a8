package org.harbor.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.ToLongFunction;

/**
 * Derives key-encryption keys from passphrases with Argon2id ({@link Argon2Engine}: its memory
 * off the Java heap and returned as soon as the key is derived; issue 16).
 */
public final class Argon2id {

    public static final int SALT_LENGTH = 16;

    private Argon2id() {
    }

    public static SecretKey derive(char[] passphrase, byte[] salt, Argon2Params params) {
        byte[] secret = utf8(passphrase);
        try {
            return derive(secret, salt, params);
        } finally {
            SecretKey.wipe(secret);
        }
    }

    public static SecretKey derive(byte[] secret, byte[] salt, Argon2Params params) {
        return derive(secret, salt, params, null, null);
    }

    /**
     * Argon2id version 0x13 (RFC 9106) with the optional key {@code K} and associated data
     * {@code X}, which Harbor leaves empty; here so the known-answer vector of RFC 9106 section 5.3
     * runs through the same code as every key slot.
     */
    static SecretKey derive(byte[] password, byte[] salt, Argon2Params params, byte[] key, byte[] associatedData) {
        return SecretKey.wrap(Argon2Engine.derive(password, salt, key, associatedData,
                params.memoryKiB(), params.iterations(), params.parallelism(), SecretKey.LENGTH));
    }

    /**
     * Chooses parameters that take between {@code low} and {@code high} on this machine, never
     * below {@link Argon2Params#FLOOR}. Cost grows linearly with the number of passes, so one timed
     * run at the floor tells how many passes reach the middle of the window.
     *
     * @param timer runs one derivation with the given parameters and returns its duration in nanoseconds
     */
    public static Argon2Params calibrate(Duration low, Duration high, ToLongFunction<Argon2Params> timer) {
        Argon2Params params = Argon2Params.FLOOR;
        long target = (low.toNanos() + high.toNanos()) / 2;
        for (int round = 0; round < 4; round++) {
            long took = Math.max(1, timer.applyAsLong(params));
            if (took >= low.toNanos() && took <= high.toNanos()) {
                return params;
            }
            if (took > high.toNanos() && params.iterations() == Argon2Params.FLOOR.iterations()) {
                return params; // a slow machine still gets the floor, never less
            }
            long passes = Math.round((double) params.iterations() * target / took);
            int next = (int) Math.max(Argon2Params.FLOOR.iterations(), Math.min(passes, 1000));
            if (next == params.iterations()) {
                return params;
            }
            params = params.withIterations(next);
        }
        return params;
    }

    /** Times one real derivation on this machine. */
    public static long timeOneDerivation(Argon2Params params) {
        byte[] salt = CryptoRandom.bytes(SALT_LENGTH);
        long start = System.nanoTime();
        derive(new byte[] {1, 2, 3}, salt, params).destroy();
        return System.nanoTime() - start;
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        if (buffer.hasArray()) {
            java.util.Arrays.fill(buffer.array(), (byte) 0);
        }
        return out;
    }
}
