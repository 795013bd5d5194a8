package org.harbor.crypto;

import java.security.SecureRandom;

/** The one source of randomness for keys, salts and nonces. */
public final class CryptoRandom {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CryptoRandom() {
    }

    public static byte[] bytes(int length) {
        byte[] out = new byte[length];
        RANDOM.nextBytes(out);
        return out;
    }

    public static int nextInt(int bound) {
        return RANDOM.nextInt(bound);
    }
}
