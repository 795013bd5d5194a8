package org.harbor.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM for wrapping small secrets such as the data key. */
public final class AesGcm {

    public static final String TRANSFORMATION = "AES/GCM/NoPadding";
    public static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;

    private AesGcm() {
    }

    /** A fresh random nonce is drawn for every call. */
    public static Sealed seal(SecretKey key, byte[] plaintext, byte[] aad) {
        byte[] nonce = CryptoRandom.bytes(NONCE_LENGTH);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            cipher.updateAAD(aad);
            return new Sealed(nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws WrongKeyException when the key is wrong or the data or its context was altered */
    public static byte[] open(SecretKey key, Sealed sealed, byte[] aad) throws WrongKeyException {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, sealed.nonce());
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw new WrongKeyException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce) throws GeneralSecurityException {
        byte[] raw = key.copyBytes();
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, new SecretKeySpec(raw, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            return cipher;
        } finally {
            SecretKey.wipe(raw);
        }
    }

    /** Nonce and ciphertext (with the tag appended). */
    public record Sealed(byte[] nonce, byte[] ciphertext) {
    }

    /** The key does not open the data: a wrong passphrase, or altered data. */
    public static final class WrongKeyException extends Exception {
        private static final long serialVersionUID = 1L;

        public WrongKeyException() {
            super("the key does not open this data", null, false, false);
        }
    }
}
