package org.harbor.crypto;

import com.exceptionfactory.jagged.x25519.X25519KeyPairGenerator;
import java.nio.CharBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * An age X25519 identity (private key) with its recipient (public key), in age's own text forms:
 * {@code AGE-SECRET-KEY-1…} and {@code age1…}. Whoever holds the identity can read every file
 * encrypted to the recipient, so it is kept only inside the encrypted database and wiped after use.
 */
public final class AgeIdentity implements Destroyable, AutoCloseable {

    public static final String SECRET_PREFIX = "AGE-SECRET-KEY-1";
    public static final String RECIPIENT_PREFIX = "age1";

    private final char[] secret;
    private final String recipient;
    private volatile boolean destroyed;

    private AgeIdentity(char[] secret, String recipient) {
        this.secret = secret;
        this.recipient = recipient;
    }

    /** A new random identity. */
    public static AgeIdentity generate() {
        try {
            KeyPair pair = new X25519KeyPairGenerator().generateKeyPair();
            // jagged's keys print themselves in age's Bech32 text form
            char[] secret = pair.getPrivate().toString().toCharArray();
            String recipient = pair.getPublic().toString();
            if (pair.getPrivate() instanceof Destroyable key) {
                try {
                    key.destroy();
                } catch (javax.security.auth.DestroyFailedException e) {
                    // the copy above is what we keep; the library's copy is left to the collector
                }
            }
            return new AgeIdentity(secret, recipient);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is not available", e);
        }
    }

    /** An identity read back from storage. */
    public static AgeIdentity of(String secret, String recipient) {
        if (!secret.startsWith(SECRET_PREFIX) || !recipient.startsWith(RECIPIENT_PREFIX)) {
            throw new IllegalArgumentException("not an age X25519 identity");
        }
        return new AgeIdentity(secret.toCharArray(), recipient);
    }

    /** The public half: files are encrypted to it without the identity being loaded. */
    public String recipient() {
        return recipient;
    }

    /** The secret in age's text form, for storage in the encrypted database only. */
    public String secretForStorage() {
        ensureAlive();
        return new String(secret);
    }

    CharSequence secret() {
        ensureAlive();
        return CharBuffer.wrap(secret).asReadOnlyBuffer();
    }

    private void ensureAlive() {
        if (destroyed) {
            throw new IllegalStateException("the identity was destroyed");
        }
    }

    @Override
    public void destroy() {
        Arrays.fill(secret, '\0');
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
        return "AgeIdentity[" + recipient + "]";
    }
}
