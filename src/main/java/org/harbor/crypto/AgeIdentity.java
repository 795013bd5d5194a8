package org.harbor.crypto;

import com.exceptionfactory.jagged.x25519.X25519KeyPairGenerator;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * An age X25519 identity (private key) with its recipient (public key): the one identity type of
 * Harbor's age files, for attachment blobs and for packages to the central office alike. Whoever
 * holds the identity can read every file encrypted to the recipient, so its secret is held in a
 * {@code char[]} that {@link #destroy()} wipes, is kept only inside the encrypted database, and is
 * never a {@code String} in an API: age's text forms ({@code AGE-SECRET-KEY-1…}) appear only where
 * it crosses into storage ({@link #of}, {@link #copySecret()}) or into an identity file
 * ({@link #identityFile}).
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

    /**
     * An identity read back from storage. Takes ownership of {@code secret} (age's
     * {@code AGE-SECRET-KEY-1…} form), which {@link #destroy()} wipes; the caller keeps no copy.
     */
    public static AgeIdentity of(String recipient, char[] secret) {
        if (!startsWith(secret, SECRET_PREFIX) || recipient == null || !recipient.startsWith(RECIPIENT_PREFIX)) {
            Arrays.fill(secret, '\0');
            throw new IllegalArgumentException("not an age X25519 identity");
        }
        return new AgeIdentity(secret, recipient);
    }

    private static boolean startsWith(char[] text, String prefix) {
        if (text.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The public half: files are encrypted to it without the identity being loaded. */
    public String recipient() {
        return recipient;
    }

    /** The fingerprint of the recipient, for reading out. */
    public String fingerprint() {
        return Fingerprints.of(recipient);
    }

    /** A copy of the secret in age's text form, for storage inside the encrypted database; the caller wipes it. */
    public char[] copySecret() {
        ensureAlive();
        return secret.clone();
    }

    /**
     * The identity in age's own key-file format, for {@code age -d -i FILE} (the central office's
     * offline backup), as ASCII bytes; the caller writes them to the file and wipes them.
     */
    public byte[] identityFile(String createdAt) {
        ensureAlive();
        byte[] head = ("# created: " + createdAt + "\n# public key: " + recipient + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(head, head.length + secret.length + 1);
        for (int i = 0; i < secret.length; i++) {
            out[head.length + i] = (byte) secret[i];
        }
        out[out.length - 1] = '\n';
        return out;
    }

    /** The secret for jagged's stanza reader; a read-only view, not a copy. */
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
