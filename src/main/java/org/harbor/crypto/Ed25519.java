package org.harbor.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Ed25519 signatures (RFC 8032, BouncyCastle): user seals, device packages, central receipts. */
public final class Ed25519 {

    public static final String ALGORITHM = "Ed25519";
    public static final int SEED_LENGTH = 32;
    public static final int PUBLIC_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;

    private Ed25519() {
    }

    public static SigningKey generate() {
        return SigningKey.fromSeed(CryptoRandom.bytes(SEED_LENGTH));
    }

    /** A public key; its bytes are a copy. */
    public record PublicKey(byte[] bytes) {
        public PublicKey {
            if (bytes.length != PUBLIC_LENGTH) {
                throw new IllegalArgumentException("an Ed25519 public key has " + PUBLIC_LENGTH + " bytes");
            }
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** Whether {@code signature} is this key's signature of {@code message}; never throws on bad input. */
        public boolean verifies(byte[] message, byte[] signature) {
            if (signature == null || signature.length != SIGNATURE_LENGTH) {
                return false;
            }
            try {
                Ed25519Signer verifier = new Ed25519Signer();
                verifier.init(false, new Ed25519PublicKeyParameters(bytes, 0));
                verifier.update(message, 0, message.length);
                return verifier.verifySignature(signature);
            } catch (RuntimeException e) {
                return false; // a point that is not on the curve
            }
        }

        /** SHA-256 of the key, shown to people who compare keys by eye. */
        public String fingerprint() {
            return Fingerprints.of(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PublicKey p && MessageDigest.isEqual(bytes, p.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Ed25519.PublicKey[" + fingerprint() + "]";
        }
    }

    /** A private key held only while it signs. */
    public static final class SigningKey implements Destroyable, AutoCloseable {
        private final byte[] seed;
        private final PublicKey publicKey;
        private volatile boolean destroyed;

        private SigningKey(byte[] seed) {
            this.seed = seed;
            this.publicKey = new PublicKey(new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded());
        }

        /** Takes ownership of {@code seed}. */
        public static SigningKey fromSeed(byte[] seed) {
            if (seed.length != SEED_LENGTH) {
                throw new IllegalArgumentException("an Ed25519 seed has " + SEED_LENGTH + " bytes");
            }
            return new SigningKey(seed);
        }

        public PublicKey publicKey() {
            return publicKey;
        }

        public byte[] sign(byte[] message) {
            ensureAlive();
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, new Ed25519PrivateKeyParameters(seed, 0));
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        }

        /** A copy of the seed, for storage inside the encrypted database; the caller wipes it. */
        public byte[] copySeed() {
            ensureAlive();
            return seed.clone();
        }

        @Override
        public void destroy() {
            Arrays.fill(seed, (byte) 0);
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

        private void ensureAlive() {
            if (destroyed) {
                throw new IllegalStateException("the signing key was destroyed");
            }
        }

        @Override
        public String toString() {
            return "Ed25519.SigningKey[" + publicKey.fingerprint() + "]";
        }
    }
}
