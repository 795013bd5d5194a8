package org.harbor.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA-256 (RFC 2104) under a {@link SecretKey}: key derivation by label, and keyed blind indexes. */
public final class Hmac {

    public static final String ALGORITHM = "HmacSHA256";
    public static final int LENGTH = 32;

    private Hmac() {
    }

    /** HMAC-SHA-256 of {@code message} under {@code key}. */
    public static byte[] sha256(SecretKey key, byte[] message) {
        byte[] raw = key.copyBytes();
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(raw, ALGORITHM));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        } finally {
            SecretKey.wipe(raw);
        }
    }

    /** A sub-key for one purpose: HMAC-SHA-256 of the label under the parent key. */
    public static SecretKey derive(SecretKey parent, String label) {
        return SecretKey.wrap(sha256(parent, label.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
